import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, ThreadlensOptionError } from '../src/index.js';
import { isAccountBlurb, isUiLine } from '../src/ingest/ui-lines.js';
import { readAttribution } from '../src/ingest/styles/mail.js';
import { readFooter, readVoteTally } from '../src/ingest/styles/header-cues.js';
import { readForumHeader } from '../src/ingest/styles/forum.js';
import { assertDocument } from '../src/testing/assert.js';
import { line } from './lib/parse-rows.js';

const ARTICLE = 'Title: Ferry fares rise\n\nThe ferry company will raise fares by ten percent from May, it said on Monday, citing fuel costs.\n\n';
const shape = (text: string) => parse(text).thread.posts.map((p) => [p.author, p.parentId, p.removed]);

describe('line shapes of the section reader', () => {
  it('learns the header shape of the thread and refuses other shapes under its last post', () => {
    const post = (h: string, age: string, text: string) => `${h}\n${age}\n${text}\n3\nReply\n`;
    const text = `Ferry fares rise ten percent\nHarbour TV\nThe ferry company will raise fares by ten percent from May, it said on Monday, citing fuel costs.\n\n4 Comments\n${post('@ann_lee', '3 days ago', 'Ten percent is a lot.')}${post('@bob_roy', '2 days ago', '@ann_lee the freeze had to end.')}${post('@cy_dunn', '1 day ago', 'Fuel is cheaper now.')}${post('@dee_ma', '20 hours ago', 'A discount card, please.')}Harbour TV\n2 months ago\nWhy the ferry timetable changed in winter\nHarbour TV\n1 year ago\n`;
    const doc = parse(text);
    expect(doc.thread.posts.map((p) => p.author)).toEqual(['@ann_lee', '@bob_roy', '@cy_dunn', '@dee_ma']);
    assertDocument(doc, text);
  });

  it('reads vote tallies as footers, and nothing else', () => {
    expect(readVoteTally('3 ( +5 / -2 )')).toBe(3);
    expect(readVoteTally('-6 (+2/-8)')).toBe(-6);
    expect(readVoteTally('+4 / -1')).toBe(4);
    expect(readVoteTally('3 (five)')).toBeUndefined();
    expect(readVoteTally('I paid 3 (+5 more)')).toBeUndefined();
  });

  it('reads old-Reddit headers with a flair, a glued [S] and an edited star', () => {
    const flair = readForumHeader(line('[–]quietcarrel Reading Room Regular 24 points 4 hours ago'));
    expect([flair?.author, flair?.points, flair?.timestamp]).toEqual(['quietcarrel', 24, '4 hours ago']);
    const op = readForumHeader(line('[–]shelfmark_sam[S] 9 points 3 hours ago*'));
    expect([op?.author, op?.isOP, op?.timestamp]).toEqual(['shelfmark_sam', true, '3 hours ago']);
    const mod = readForumHeader(line('[–]AutoModerator[M] 1 point 6 hours ago - stickied comment'));
    expect([mod?.author, mod?.isOP]).toEqual(['AutoModerator', false]);
  });

  it('tells interface lines from text by their words', () => {
    for (const t of ['Share full article', 'Email This Link', 'Like Loading...', 'Sort by Best', 'Order Reprints', '1.31M subscribers', 'Show transcript']) expect(isUiLine(t), t).toBe(true);
    for (const t of ['Share the road', 'Ferry fares rise', 'Pilots are on strike.', 'user48213', 'Maria Keller']) expect(isUiLine(t), t).toBe(false);
    expect(isAccountBlurb('Use your Facebook account to login or register with the site. By doing so, you will also receive an email.')).toBe(true);
    expect(isAccountBlurb('The account was closed in 2019 after the audit.')).toBe(false);
  });

  it('reads the name in an e-mail attribution line', () => {
    expect(readAttribution(line('On Tue, Mar 3, 2026 at 8:02 AM Jane Doe <jane@example.org> wrote:'))?.name).toBe('Jane Doe');
    expect(readAttribution(line('On 3/3/26 10:14 AM, Howard Lin wrote:'))?.name).toBe('Howard Lin');
    expect(readAttribution(line('> On Mar 3, 2026, at 10:02 AM, Gordon Pike <g@example.net> wrote:'))?.name).toBe('Gordon Pike');
    expect(readAttribution(line('He wrote: nothing at all'))).toBeNull();
  });
});

describe('reply structure from every signal', () => {
  it('takes "In reply to NAME" before the time, and never a reaction count as an author', () => {
    const text = `${ARTICLE}Comments\n\nAnna Berg\n2 hours ago\nFares were cut last year.\nReply\nRespect 4\nShare\n\nTom Reyes\nIn reply to Anna Berg\n1 hour ago\nThey were frozen, not cut.\nReply\nRespect 2\nShare\n\nLea Moss\n1 hour ago\nFuel is cheaper than in 2022.\nReply\nRespect 0\nShare\n`;
    expect(shape(text)).toEqual([
      ['Anna Berg', null, false],
      ['Tom Reyes', 'p1', false],
      ['Lea Moss', null, false],
    ]);
  });

  it('links a post to the one whose words it quotes in an indented line, and keeps the quote out of its text', () => {
    const text = `${ARTICLE}3 Comments\n\nkoji_m\nMar. 4  07:41 am JST\n\nThe fare was already raised twice this decade.\n\n3 ( +5 / -2 )\n\nrina_t\nMar. 4  07:55 am JST\n\nA ferry is the only way to the island.\n\n1 ( +1 / -0 )\n\nbokuwa\nMar. 4  08:02 am JST\n\n    raised twice this decade\n\nOnce, in 2019. The second rise was withdrawn.\n\n4 ( +4 / -0 )\n`;
    const posts = parse(text).thread.posts;
    expect(posts.map((p) => [p.author, p.parentId, p.replyCue?.kind ?? null, p.text.split('\n')[0]])).toEqual([
      ['koji_m', null, null, 'The fare was already raised twice this decade.'],
      ['rina_t', null, null, 'A ferry is the only way to the island.'],
      ['bokuwa', 'p1', 'quote', 'Once, in 2019. The second rise was withdrawn.'],
    ]);
    expect(posts.map((p) => p.meta.likes)).toEqual([3, 1, 4]);
  });

  it('reads a mailing-list digest: the forwarded story is the article, "wrote:" lines and quotes give the parents', () => {
    const msg = (n: number, from: string, body: string) => `------------------------------\n\nMessage: ${n}\nDate: Tue, 3 Mar 2026 0${n}:00:00 -0800\nFrom: ${from}\nSubject: Re: [list] ferry fares\n\n${body}\n\n`;
    const text = [
      'From: list-request@example.org\nSubject: list Digest, Vol 1, Issue 2\n\nToday\'s Topics:\n\n   1. Fwd: ferry fares (Ann Lee)\n\n',
      msg(1, 'Ann Lee <ann@example.org>', 'For the meeting.\n\n---------- Forwarded message ---------\nFrom: Paper <news@example.org>\nSubject: Ferry fares\n\nFerry fares to rise ten percent in May\nBy Jo Park | May 1, 2026\n\nThe ferry company will raise fares by ten percent from May, it said on Monday, citing fuel costs.\n'),
      msg(2, 'Bob Roy <bob@example.org>', 'Ten percent on top of last year\'s rise is too much for commuters.\n\nBob'),
      msg(3, 'Cy Dunn <cy@example.org>', 'On Tue, Mar 3, 2026 at 2:00 AM Bob Roy <bob@example.org> wrote:\n> Ten percent on top of last year\'s rise is too much for commuters.\n\nThere was no rise last year; fares were frozen.\n\n-- \nCy Dunn'),
      msg(4, '[removed]', '[This message was removed by the list moderator.]'),
      '------------------------------\n\nEnd of list Digest\n',
    ].join('');
    const doc = parse(text);
    expect(doc.source.style).toBe('mail');
    expect(doc.article.title).toBe('Ferry fares to rise ten percent in May');
    expect(doc.article.text).toContain('citing fuel costs');
    expect(doc.article.text).not.toContain('For the meeting');
    expect(doc.thread.posts.map((p) => [p.author, p.parentId, p.removed, p.text])).toEqual([
      ['Bob Roy', null, false, "Ten percent on top of last year's rise is too much for commuters."],
      ['Cy Dunn', 'p1', false, 'There was no rise last year; fares were frozen.'],
      [null, null, true, ''],
    ]);
    assertDocument(doc, text);
  });

  it('makes a topic whose first post quotes the story into the article', () => {
    const quoted = '> The ferry company will raise fares by ten percent from May, it said on Monday, citing higher fuel costs.\n>\n> The rise follows a two-year freeze that the company says cost it four million euros in lost revenue.\n>\n> Commuter groups said they would ask the regional council to subsidise a discount card for island residents.\n';
    const text = `Island Forum\nSign Up\nLog In\nFerry fares going up\nnews\nmod_ann\nFeb 27\nPosting this for discussion.\n\n${quoted}\n♥ 3\nReply\nbob_r\nFeb 27\nTen percent is a lot for commuters.\n\n♥ 1\nReply\ncy_d\nFeb 28\nThe freeze was never going to last.\n\n♥ 2\nReply\n`;
    const doc = parse(text);
    expect(doc.article.text).toContain('citing higher fuel costs.');
    expect(doc.article.text).not.toContain('Posting this for discussion');
    expect(doc.thread.posts.map((p) => p.author)).toEqual(['bob_r', 'cy_d']);
    assertDocument(doc, text);
  });
});

describe('the styles option', () => {
  const guestbook = { name: 'guestbook', header: /^(?<author>[^|]{1,40}) \| (?<time>\d{4}-\d{2}-\d{2})(?: \| re: (?<replyTo>.{1,40}))?$/ };
  const text = `${ARTICLE}Guestbook\nAnna Berg | 2026-05-01\nFares were cut last year.\nTom Reyes | 2026-05-02 | re: Anna Berg\nThey were frozen, not cut.\nLea Moss | 2026-05-03\nFuel is cheaper now.\n`;

  it('reads a layout the caller describes, with named groups for the author, time and reply', () => {
    const doc = parse(text, { styles: [guestbook] });
    expect(doc.source.style).toBe('custom');
    expect(doc.thread.posts.map((p) => [p.author, p.meta.timestamp, p.parentId, p.text])).toEqual([
      ['Anna Berg', '2026-05-01', null, 'Fares were cut last year.'],
      ['Tom Reyes', '2026-05-02', 'p1', 'They were frozen, not cut.'],
      ['Lea Moss', '2026-05-03', null, 'Fuel is cheaper now.'],
    ]);
    expect(doc.messages.some((m) => m.ruleId === 'ingest/custom-style')).toBe(true);
    assertDocument(doc, text);
  });

  it('throws a typed error naming the option for a style without an author group', () => {
    expect(() => parse(text, { styles: [{ name: 'x', header: /^(?<who>\w+)$/ }] })).toThrow(ThreadlensOptionError);
    expect(() => parse(text, { styles: 'guestbook' as never })).toThrow(/styles/);
  });

  it('keeps the blocks tiling any text under a caller style', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom('Anna | 2026-05-01', 'Bo | 2026-05-02 | re: Anna', 'text line', '', '  indented'), fc.string({ maxLength: 20 })), { maxLength: 20 }), (parts) => {
        const input = parts.join('\n');
        assertDocument(parse(input, { styles: [guestbook] }), input);
      }),
      { numRuns: 200 },
    );
  });
});

describe('session 13 layouts: avatars, spaced headers, localised plugins, conversations', () => {
  const article = 'Title: Ferry fares rise\n\nThe ferry company will raise fares by ten percent from May, it said on Monday, citing fuel costs.\n\n';
  const authors = (text: string) => parse(text).thread.posts.map((p) => p.author);

  it('reads an avatar\'s initials or alt text over the name as the avatar, not the author', () => {
    const post = (ini: string, name: string, text: string) => `${ini}\n${name}\n2 hours ago\n${text}\nReply\nLike 3\nShare\n\n`;
    const text = `${article}3 Comments\n\n${post('AB', 'Anna Berg', 'Fares were cut last year.')}${post('TR', 'Tom Reyes', '@Anna Berg they were frozen, not cut.')}${post('LM', 'Lea Moss', 'Fuel is cheaper now.')}`;
    expect(authors(text)).toEqual(['Anna Berg', 'Tom Reyes', 'Lea Moss']);
    const medium = `${article}Responses (2)\n\nAnna Berg\nAnna Berg\n\nshe/her\nMar 2\n\nFares were cut last year.\n\n12\n\nReply\n\nTom Reyes\nTom Reyes\n\nMar 3\n\nThey were frozen, not cut.\n\nReply\n`;
    expect(authors(medium)).toEqual(['Anna Berg', 'Tom Reyes']);
  });

  it('keeps a count that is all a tagged reply says', () => {
    const text = `${article}2 Comments\n\nAnna Berg · 2 hours ago\nHow many sailings a day?\nReply\n\nTom Reyes · 1 hour ago\n@Anna Berg\n14\nReply\n`;
    expect(parse(text).thread.posts[1]!.text).toBe('@Anna Berg\n14');
  });

  it('reads a Facebook plugin footer in any language by its shape', () => {
    expect(readFooter(line('Me gusta · Responder · 23 · 3 d'))).toEqual({ likes: 23, timestamp: '3 d' });
    expect(readFooter(line('Gefällt mir · Antworten · 2 Std.'))).toEqual({ likes: null, timestamp: '2 Std.' });
    expect(readFooter(line('Lisbon, Porto · Faro · 3 d'))).toBeUndefined();
  });

  it('reads an X conversation: split "Replying to" lines, chains without them', () => {
    const head = 'Harbour TV\n@harbourtv\nFares rise ten percent from May.\n9:14 AM · Mar 3, 2026\n·\n18.2K\nViews\n\n';
    const reply = (name: string, handle: string, to: string[], text: string) =>
      `${name}\n@${handle}\n·\n2h\n${to.length ? `Replying to \n${to.map((t) => `@${t}`).join('\n and \n')}\n` : ''}${text}\n3\n1\n20\n`;
    const text = `${article}Post\n\nConversation\n${head}${reply('Ann Lee', 'annlee', ['harbourtv'], 'Ten percent is a lot.')}\n${reply('Harbour TV', 'harbourtv', [], 'Fuel costs rose 30 percent.')}\n${reply('Bob Roy', 'bobroy', ['harbourtv'], 'Will the discount card stay?')}\n${reply('Cy Dunn', 'cydunn', ['bobroy', 'harbourtv'], 'It stays until June.')}\n`;
    const doc = parse(text);
    expect(doc.thread.posts.map((p) => [p.author, p.parentId])).toEqual([
      ['Harbour TV', null],
      ['Ann Lee', 'p1'],
      ['Harbour TV', 'p2'],
      ['Bob Roy', 'p1'],
      ['Cy Dunn', 'p4'],
    ]);
    expect(doc.thread.posts[0]!.text).toBe('Fares rise ten percent from May.');
  });
});
