import { describe, expect, it } from 'vitest';
import { rows } from './lib/parse-rows.js';
import { parse } from '../src/index.js';

// Session 33 (disc33): shapes left on the thirteenth set of blind threads (fixtures/blind-threads 71-76) after gold33's
// fixes, each tested on a made-up dump of the same shape, not on those dumps.

describe('session 33b: a wiki signature with a decoration after the name', () => {
  const text = [
    'Main menu',
    'Pool to close for two years',
    'From Valepedia, the free news wiki anyone can edit',
    'Monday, November 2, 2026',
    '',
    'Hollin Vale leisure centre will close its swimming pool on 1 March for repairs expected to take two years, the council said on Monday.',
    '',
    'The roof over the main pool was found to contain crumbling concrete panels during a survey in October, according to a report to councillors.',
    '',
    'Got something to say about this article? Tell us!',
    'Add topic',
    '',
    'Comments:Pool to close for two years',
    'Add topic',
    '',
    'Cost',
    'Latest comment: 2 days ago3 comments3 people in discussion',
    'The report puts the repairs at £4.8m, not £4.2m as the article says. Heron (talk) 09:10, 3 November 2026 (UTC)Reply',
    'Corrected, thanks. Marsh Tit ✨ (talk) 09:40, 3 November 2026 (UTC)Reply',
    'So the council share is nearer £2.4m. Teal (talk) 10:02, 3 November 2026 (UTC)Reply',
    'Where will the swimming club train in the meantime? Heron (talk) 11:00, 3 November 2026 (UTC)Reply',
    'The sport fund decides in March, so nobody knows yet. Grebe♦ (talk) 11:30, 3 November 2026 (UTC)Reply',
    '',
    'Categories: Opinions',
  ].join('\n');

  it('keeps the wiki\'s tagline, the invitation to comment and the topic button out of the article', () => {
    const article = parse(text).article.text;
    expect(article).toContain('crumbling concrete panels');
    expect(article).not.toContain('Valepedia');
    expect(article).not.toContain('Got something to say');
    expect(article).not.toContain('Add topic');
  });

  it('reads the name without the emoji that closes the signature (a mark glued to the name stays)', () => {
    expect(rows(text).map((r) => [r[0], String(r[3]).slice(0, 20)])).toEqual([
      ['Heron', 'The report puts the '],
      ['Marsh Tit', 'Corrected, thanks.'],
      ['Teal', 'So the council share'],
      ['Heron', 'Where will the swimm'],
      ['Grebe♦', 'The sport fund decid'],
    ]);
  });
});

describe('session 33b: comments one level under an answer, one addressing another comment with "@"', () => {
  const text = [
    'Questions',
    'Tags',
    'Can the council close a pool without consulting?',
    'Asked 3 hours ago',
    '4',
    'Our local paper says the pool will close on 1 March for two years. Is there a duty to consult before closing it?',
    'Share',
    'Follow',
    'asked Nov 2, 2026 at 8:00',
    "Rhea's user avatar",
    'Rhea',
    '1011 bronze badge',
    'It says "for repairs", so it is not a closure of the service. – sam_b Commented Nov 2 at 8:10',
    '2 Answers',
    'Sorted by:',
    '6',
    'Not for a temporary closure on safety grounds.',
    '',
    'The duty to consult applies to decisions to stop a service. Closing a building while it is repaired is not such a decision, although many councils still publish the survey.',
    'Share',
    'Improve this answer',
    'Follow',
    'answered Nov 2, 2026 at 8:30',
    "Ivo Grant's user avatar",
    'Ivo Grant',
    '4,21022 silver badges',
    'The survey was published in October, fwiw. – Moss Carter Commented Nov 2 at 8:50',
    'Thanks, this is clear. – Rhea Commented Nov 2 at 8:52',
    '@MossCarter which survey, the structural one? – Ivo Grant Commented Nov 2 at 9:00',
    '@Rhea glad it helped. – Ivo Grant Commented Nov 2 at 9:05',
    '1',
    'The council has already said it will consult on the reopening date.',
    'Share',
    'Follow',
    'answered Nov 2, 2026 at 9:05',
    "sam_b's user avatar",
    'sam_b',
    '311 bronze badge',
    'Hot Network Questions',
  ].join('\n');

  it('links a comment opening with "@name" (the name run together too) to the comment it addresses', () => {
    expect(rows(text).map((r) => [r[0], r[1], String(r[3]).slice(0, 20)])).toEqual([
      ['sam_b', null, 'It says "for repairs'],
      ['Ivo Grant', null, 'Not for a temporary '],
      ['Moss Carter', 1, 'The survey was publi'],
      ['Rhea', 1, 'Thanks, this is clea'],
      ['Ivo Grant', 2, '@MossCarter which su'],
      ['Ivo Grant', 3, '@Rhea glad it helped'],
      ['sam_b', null, 'The council has alre'],
    ]);
  });
});

describe('session 33b: a Discourse topic, heads of name / username / title / name answered / date', () => {
  const text = [
    'Skip to main content',
    'Hollin Vale Forum',
    'Log In',
    'Pool to close for two years',
    'Local News',
    'Vale Gazette',
    'gazette_desk',
    'Staff reporter',
    'Nov 2',
    'Pool to close for two years',
    'Hollin Vale leisure centre will close its swimming pool on 1 March for repairs expected to take two years, the council said on Monday.',
    '',
    'The roof over the main pool was found to contain crumbling concrete panels during a survey in October, according to a report to councillors.',
    '',
    'Repairs are estimated at £4.8m, of which the council hopes a national sport fund will pay about half, officers told the committee.',
    '',
    'Swimming clubs have been offered lane time at Kellbridge, nine miles away, at the same price as now, until the pool reopens.',
    '',
    '12',
    'Nadia Frost',
    'nadiaf',
    'Nov 2',
    'Two years without a pool for the whole valley. The council has known about the roof since the spring.',
    '1 Reply',
    '8',
    'Reply',
    '',
    'kelp_rider',
    'Nov 2',
    'It was the October survey that found it, the spring one was only the car park.',
    '1 Reply',
    '4',
    'Reply',
    '',
    'Nadia Frost',
    'nadiaf',
    'kelp_rider',
    'Nov 2',
    'Fair, I mixed them up.',
    'Reply',
    '',
    'Owen Pryce',
    'owenp',
    'Member since 2014',
    'Nov 2',
    'Kellbridge is fine if you drive, useless if you rely on the 41 bus at six in the morning.',
    '1 Reply',
    '6',
    'Reply',
    '',
    'kelp_rider',
    'owenp',
    'Nov 2',
    'The 41 starts at 6:40, so the early club sessions are out for anyone on it.',
    '1 Reply',
    '2',
    'Reply',
    '',
    'Tom Reed',
    'tom_reed',
    'kelp_rider',
    'Nov 2',
    'This post was flagged by the community and is temporarily hidden.',
    'View hidden content.',
    'Reply',
    '',
    'Owen Pryce',
    'owenp',
    'Member since 2014',
    'kelp_rider',
    'Nov 2',
    'kelp_rider:',
    'so the early club sessions are out for anyone on it',
    'Exactly my point, and that is most of the juniors.',
    'Reply',
    '',
    'created',
    'Nov 2',
    'last reply',
    '3h',
    '6',
    'replies',
    'Reply',
    'Suggested Topics',
    'Topic\tReplies\tViews\tActivity',
    'Parking charges at the station',
    'Local News',
    '31\t1.2k\tOct 30',
    'Library hours cut again',
    'Council',
    '9\t402\t2d',
    'Want to read more? Browse other topics in Local News.',
  ].join('\n');

  it('reads the display name (not the username, the title or the name answered), the quote, the hidden post and no table row', () => {
    expect(rows(text).map((r) => [r[0], r[1], r[2], String(r[3]).slice(0, 20)])).toEqual([
      ['Nadia Frost', null, false, 'Two years without a '],
      ['kelp_rider', null, false, 'It was the October s'],
      ['Nadia Frost', 1, false, 'Fair, I mixed them u'],
      ['Owen Pryce', null, false, 'Kellbridge is fine i'],
      ['kelp_rider', 3, false, 'The 41 starts at 6:4'],
      [expect.anything(), 4, true, ''],
      ['Owen Pryce', 4, false, 'Exactly my point, an'],
    ]);
  });
});
