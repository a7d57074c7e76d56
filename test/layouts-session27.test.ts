import { describe, expect, it } from 'vitest';
import { parse } from '../src/index.js';
import { isCommentGate } from '../src/ingest/ui-lines.js';
import { isWidgetChrome } from '../src/ingest/styles/widget.js';
import { timeKind } from '../src/ingest/styles/header-cues.js';
import { rows } from './lib/parse-rows.js';

// Session 27 (gold27): shapes met on the seventh set of blind threads (fixtures/blind-threads 35-40), each tested on a
// made-up dump of the same shape, not on those dumps.

const PARAGRAPHS = [
  'The district will stop gritting the Copley Hill back road this winter and send its two gritters to the bus routes instead, saving about 40,000 pounds.',
  'Drivers who live on the hill will be advised to use the longer route through Marsden when ice is forecast.',
  'The highways manager said the back road carried fewer than 300 vehicles a day in last year\'s survey.',
];

describe('session 27 line shapes', () => {
  it('reads a blog\'s one-level "Replies" blocks, closed by their own button line, and a removed comment shown by its date alone', () => {
    const text = [
      'Copley Valley Notes',
      'Local news from the hill villages',
      '',
      'Home',
      'About',
      '',
      'Tuesday, 8 December 2026',
      '',
      'No gritting on the Copley Hill back road this winter',
      '',
      ...PARAGRAPHS.flatMap((p) => [p, '']),
      'Posted by Ann Example at 7:45 AM',
      'Labels: roads, winter',
      '',
      '6 comments:',
      '',
      'Peter Lowe',
      '8 December 2026 at 09:02',
      'Three hundred a day is a survey taken in August. Try it in January.',
      '',
      'Reply',
      'Delete',
      'Replies',
      '',
      'Maya Ortiz',
      '8 December 2026 at 09:20',
      'The survey was in November, it says so in the council papers.',
      '',
      'Delete',
      '',
      'Peter Lowe',
      '8 December 2026 at 09:41',
      'Then November was mild. My point stands.',
      '',
      'Delete',
      '',
      'Reply',
      '',
      '8 December 2026 at 10:02',
      'This comment has been removed by a blog administrator.',
      '',
      'Reply',
      'Delete',
      '',
      'Gus Barnes',
      '8 December 2026 at 10:30',
      'Sensible. The buses carry far more people than the back road ever will.',
      '',
      'Reply',
      'Delete',
      '',
      'Add comment',
      'Load more...',
      '',
      'Newer Post Older Post Home',
      'Subscribe to: Post Comments (Atom)',
      '',
      'Blog Archive',
      '▼  2026 (41)',
      '► November (7)',
      'Powered by Blogger.',
    ].join('\n');
    expect(rows(text)).toEqual([
      ['Peter Lowe', null, false, 'Three hundred a day is a survey taken in August. Try it in January.'],
      ['Maya Ortiz', 0, false, 'The survey was in November, it says so in the council papers.'],
      // The post's own writer inside its reply block answers the reply above (the page shows one level only).
      ['Peter Lowe', 1, false, 'Then November was mild. My point stands.'],
      [null, null, true, ''],
      ['Gus Barnes', null, false, 'Sensible. The buses carry far more people than the back road ever will.'],
    ]);
  });

  it('reads a project update\'s backer comments: badge lines over "about N hours ago", a who-may-comment line, the poster\'s byline', () => {
    const text = [
      'Discover',
      'Start a project',
      'Log in',
      '',
      'Hillrunner: a studded winter tyre for city bikes',
      'by Copley Cycleworks',
      'Campaign',
      'Updates',
      '9',
      'Comments',
      '120',
      '',
      'Update #9',
      'Dec 8, 2026',
      '',
      'The council stops gritting the back road, and what it means for Hillrunner',
      '',
      'Copley Cycleworks',
      'Creator',
      'Posted by Ann Example',
      '',
      ...PARAGRAPHS.flatMap((p) => [p, '']),
      'Like',
      '12',
      '',
      '6 comments',
      'Only backers can post comments. Log in',
      '',
      'Peter Lowe',
      'Superbacker',
      'about 5 hours ago',
      'So the tyres arrive just as the road turns to glass. Good timing.',
      'Reply',
      '',
      'Ann Example',
      'Creator',
      'about 4 hours ago',
      'Thanks Peter. We are aiming for the first week of January.',
      '',
      'Maya Ortiz',
      'about 3 hours ago',
      'Will the 700c size ship at the same time?',
      'Reply',
      '',
      'This comment has been removed by the site.',
      '',
      'Gus Barnes',
      'Superbacker',
      'about 2 hours ago',
      'Maya, the update before this one says the 700c size ships in February.',
      '',
      'Ravi Shah',
      'less than a minute ago',
      'Fair enough Gus, that matches what I was told too.',
      'Reply',
      '',
      'Load more comments',
    ].join('\n');
    const doc = parse(text);
    expect(doc.article.text).not.toContain('Posted by Ann Example');
    expect(doc.article.text).toContain(PARAGRAPHS[1]);
    expect(rows(text)).toEqual([
      ['Peter Lowe', null, false, 'So the tyres arrive just as the road turns to glass. Good timing.'],
      ['Ann Example', 0, false, 'Thanks Peter. We are aiming for the first week of January.'],
      ['Maya Ortiz', null, false, 'Will the 700c size ship at the same time?'],
      [null, null, true, ''],
      ['Gus Barnes', 2, false, 'Maya, the update before this one says the 700c size ships in February.'],
      ['Ravi Shah', 4, false, 'Fair enough Gus, that matches what I was told too.'],
    ]);
  });

  it('starts a community wall\'s comments under its sort label, so the page\'s own post above is the article', () => {
    const text = [
      'News',
      'Messenger',
      'Friends',
      'Communities',
      '',
      'Copley Today',
      'News from the hill villages',
      'Public page · 3,120 followers',
      'Follow',
      '',
      'Copley Today',
      '8 Dec at 8:15 am',
      '',
      'No gritting on the Copley Hill back road this winter',
      '',
      ...PARAGRAPHS.flatMap((p) => [p, '']),
      'Text: Ann Example',
      '',
      '44',
      '5',
      '',
      'Most interesting',
      '',
      'Peter Lowe',
      'Three hundred a day is a survey taken in August.',
      '8 Dec at 9:02 am  Reply',
      '12',
      '',
      'Maya Ortiz',
      'Peter, the survey was in November.',
      '8 Dec at 9:20 am  Reply',
      '',
      'Peter Lowe',
      'Maya, then November was mild.',
      '8 Dec at 9:41 am  Reply',
      '',
      'Comment deleted by the page administrator.',
      '',
      'Gus Barnes',
      'Sensible. The buses carry more people.',
      '8 Dec at 10:30 am  Reply',
      '3',
      '',
      'Write a comment...',
    ].join('\n');
    const doc = parse(text);
    expect(doc.article.text).toContain(PARAGRAPHS[0]);
    expect(rows(text)).toEqual([
      ['Peter Lowe', null, false, 'Three hundred a day is a survey taken in August.'],
      ['Maya Ortiz', 0, false, 'Peter, the survey was in November.'],
      ['Peter Lowe', 1, false, 'Maya, then November was mild.'],
      [null, null, true, ''],
      ['Gus Barnes', null, false, 'Sensible. The buses carry more people.'],
    ]);
  });

  it('reads a comment box\'s "N points · age" line under the name, and a removed comment with the placeholder in both places', () => {
    const text = [
      'The Copley Courier',
      'Home',
      'News',
      'Sport',
      '',
      'No gritting on the Copley Hill back road this winter',
      'By Ann Example, Transport reporter',
      'Published 8 December 2026, 07:00',
      '',
      ...PARAGRAPHS.flatMap((p) => [p, '']),
      'Comments',
      'Login',
      'Add a comment',
      '',
      'Peter Lowe',
      '14 points · 6 hours ago',
      'Three hundred a day is a survey taken in August.',
      'Reply',
      '',
      'Maya Ortiz',
      '-2 points · 5 hours ago',
      'Peter, the survey was in November.',
      'Reply',
      '',
      '[deleted]',
      '0 points · 4 hours ago',
      '[deleted]',
      '',
      'Gus Barnes',
      '3 points · 2 hours ago',
      'Sensible. The buses carry more people.',
      'Reply',
      '',
      'Powered by Commento',
    ].join('\n');
    expect(rows(text)).toEqual([
      ['Peter Lowe', null, false, 'Three hundred a day is a survey taken in August.'],
      ['Maya Ortiz', 0, false, 'Peter, the survey was in November.'],
      [null, null, true, ''],
      ['Gus Barnes', null, false, 'Sensible. The buses carry more people.'],
    ]);
  });

  it('reads compiled e-mailed replies: "Name, Town" and "Name, Town, in answer to NAME" over a weekday date, a bracketed removal with its reason, the newsroom\'s note over them', () => {
    const text = [
      'The Copley Letter',
      'Archive',
      'Sign in',
      '',
      'No gritting on the Copley Hill back road this winter',
      '',
      'By Ann Example',
      '',
      ...PARAGRAPHS.flatMap((p) => [p, '']),
      'The consultation drew 1,200 comments from residents, the council said.',
      '',
      'YOUR REPLIES',
      '',
      'We asked what you thought of the decision. 63 of you replied; here are 4 of your replies, lightly edited.',
      '',
      'Peter Lowe, Marsden',
      'Tue 8 Dec, 19:42',
      'Three hundred a day is a survey taken in August.',
      '',
      'Maya Ortiz, Copley, in answer to Peter Lowe',
      'Wed 9 Dec, 08:15',
      'The survey was in November, it says so in the council papers.',
      '',
      '[This reply has been removed because it named a private individual.]',
      '',
      'Ann Example, who wrote the story, in answer to Maya Ortiz',
      'Wed 9 Dec, 11:00',
      'That is right, the count was taken over two weeks in November.',
      '',
      'Gus Barnes, Copley',
      'Thu 10 Dec, 09:30',
      'Sensible. The buses carry more people.',
      '',
      'Unsubscribe · Manage preferences',
    ].join('\n');
    const doc = parse(text);
    expect(doc.article.text).toContain('The consultation drew 1,200 comments from residents, the council said.');
    expect(doc.article.text).not.toContain('63 of you replied');
    expect(rows(text)).toEqual([
      ['Peter Lowe', null, false, 'Three hundred a day is a survey taken in August.'],
      ['Maya Ortiz', 0, false, 'The survey was in November, it says so in the council papers.'],
      [null, null, true, ''],
      ['Ann Example', 1, false, 'That is right, the count was taken over two weeks in November.'],
      ['Gus Barnes', null, false, 'Sensible. The buses carry more people.'],
    ]);
  });

  it('reads a forum discussion: like and reply summaries, an event line and the scrubber are no posts', () => {
    const text = [
      'Copley Community Forum',
      'All Discussions',
      'Tags',
      'Log In',
      '',
      'Local News',
      'No gritting on the Copley Hill back road this winter',
      '',
      'Copley Courier',
      'Staff',
      '8 hours ago',
      '',
      'By Ann Example · Tuesday 8 December 2026',
      '',
      ...PARAGRAPHS.flatMap((p) => [p, '']),
      'Like',
      'Reply',
      'Peter Lowe, Maya Ortiz and 4 others like this.',
      '',
      'Sam Reid pinned the discussion. 8 hours ago',
      '',
      'Peter Lowe',
      '7 hours ago',
      'Three hundred a day is a survey taken in August.',
      'Like',
      'Reply',
      'Gus Barnes likes this.',
      'Maya Ortiz replied to this.',
      '',
      'Maya Ortiz',
      '6 hours ago',
      '@Peter Lowe the survey was in November.',
      'Like',
      'Reply',
      '',
      'This post was hidden by a moderator.',
      '',
      'Gus Barnes',
      '2 hours ago',
      'Sensible. The buses carry more people.',
      'Like',
      'Reply',
      'Peter Lowe and Maya Ortiz like this.',
      '',
      'Reply',
      'Follow',
      'Original Post',
      '1 of 5',
      '8 hours ago',
      'Now',
    ].join('\n');
    expect(rows(text)).toEqual([
      ['Peter Lowe', null, false, 'Three hundred a day is a survey taken in August.'],
      ['Maya Ortiz', 0, false, '@Peter Lowe the survey was in November.'],
      [null, null, true, ''],
      ['Gus Barnes', null, false, 'Sensible. The buses carry more people.'],
    ]);
  });

  it('keeps the cues narrow: a hedged age needs "ago", "I like this." is a post, a comment gate needs an account word', () => {
    expect(timeKind('about 3 hours ago')).toBe('relative');
    expect(timeKind('over a year ago')).toBe('relative');
    expect(timeKind('about 3 hours')).toBeNull();
    expect(isWidgetChrome('Tom Reid, Ann Lee and 3 others like this.')).toBe(true);
    expect(isWidgetChrome('Ann Lee likes this.')).toBe(true);
    expect(isWidgetChrome('I like this.')).toBe(false);
    expect(isWidgetChrome('Ann Lee like this.')).toBe(false);
    expect(isWidgetChrome('3 of 12')).toBe(true);
    expect(isCommentGate('Only members can post comments. Sign in')).toBe(true);
    expect(isCommentGate('Only backers can post comments, which is fair.')).toBe(false);
  });
});
