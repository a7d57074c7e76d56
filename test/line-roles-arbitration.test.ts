/**
 * The agreement arm of the line-role arbitration (session 41, arb41 and arb41b; src/ingest/line-roles.ts
 * `readingAgreement`, `agreementArm`): the model's reading replaces the rules' when the two place under a share tau of
 * their posts alike and the guard does not hold. arb41's six candidates (the same start line and author) failed the
 * in-library checks; arb41b's start-line candidate (tau 0.5, guard gle, names not compared) passed them but failed the
 * test suite's generated layouts (a page of mostly removed posts fires whatever its lines), so the library ships the arm
 * off (`ARBITRATION` null) and the studies read it through the study switch (`useArbitrationForStudy`; docs/dump-styles.md,
 * session 41). Every dump below was written for this test.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from '../src/index.js';
import { ARBITRATION, agreementArm, readingAgreement, type PlacedPost } from '../src/ingest/line-roles.js';
import { useArbitrationForStudy, useLineModelForStudy } from '../src/ingest/line-roles-study.js';
import { fitArbiter } from '../scripts/study/arb41-choose.js';
import { ARBITER_MIN_KEPT, arbiterProbability, arbiterTakesModel, READING_FACTS, readingFacts, type ReadingArbiter } from '../src/ingest/reading-arbiter.js';

// A forum page whose heads the rules read ("Re: TITLE by NAME(m): TIME On DATE": the name) and the shipped line-role model
// reads with the gender mark in the name ("NAME(m"): the same start lines, no author alike, so the agreement is 0. The
// arm fires and takes the model's worse names: the failure the library checks found on blind 85 and 104.
const FIRES = `Harbourside Forum
Welcome, Guest: Join / Login / Trending / Recent

Council To Close Old Ferry Pier For Repairs - Local News - Harbourside

The old ferry pier will close for six weeks from March while engineers replace the rotten timber under the landing stage, the council said on Monday.

The ferries will use the temporary pontoon by the fish market until the work is done.

Re: Council To Close Old Ferry Pier For Repairs by kwame_b(m): 9:14am On Feb 02
Six weeks is fine if they actually finish on time. Last time it was three months.
4 Likes

Re: Council To Close Old Ferry Pier For Repairs by Ngozi_T(f): 9:30am On Feb 02
The pontoon by the fish market floods at high tide, somebody should tell them.
2 Likes

Re: Council To Close Old Ferry Pier For Repairs by bigdeji(m): 9:41am On Feb 02
They should have fixed it years ago before the timber rotted through.
7 Likes

Re: Council To Close Old Ferry Pier For Repairs by AmakaO(f): 10:02am On Feb 02
My father fished from that pier for forty years, sad to see it in this state.
3 Likes

Re: Council To Close Old Ferry Pier For Repairs by kwame_b(m): 10:20am On Feb 02
Ngozi is right about the pontoon, I saw water on it last week.
1 Like
`;

// A widget under an article (a name line, a time line, the text, a reply button): the rules and the model read the same
// posts with the same names, so the arm must not fire.
const AGREES = `Harbour lights to stay on all winter

The port authority said on Tuesday that the harbour lights would stay on through the winter months, reversing a plan to switch them off at midnight to save money.

The decision follows a petition signed by more than two thousand residents, who said the dark quay was unsafe.

Comments

Gwen Tallis
2 hours ago
I walk the dog along the quay every night and the lights make all the difference.
Reply

Oskar Brandt
2 hours ago
Good news, but who pays for it in the end? The maintenance budget is our harbour dues.
Reply

Priya Nandakumar
1 hour ago
The dues were raised last spring already, so this is covered.
Reply

Tomas Reyes
1 hour ago
Finally a decision that listens to the people who actually use the quay at night.
Reply
`;

// A review page whose footer ("Was this helpful? Yes · No") the rules take for the next review's head: from the second
// review on, each post's author is the footer and its text opens on the reviewer's name line, one line above the
// model's start. Four of five start lines differ (agreement 0.2), the rules' authors look no better than the model's:
// the start-line candidate takes the model's reading, which has the reviewers' names.
const SHIFTED = `Town hall to get new roof before winter

The town hall will get a new slate roof before the winter, the mayor said on Thursday, after water came through the ceiling of the council chamber twice in October.

Work starts next month and should take nine weeks, during which meetings move to the library.

Comments

Hilde Varga
About time, the buckets in the chamber have been there since the spring.
Was this helpful? Yes · No

Rob Okafor
Nine weeks sounds optimistic for slate in November weather.
Was this helpful? Yes · No

Sunniva Berg
The library meeting room only holds forty people, what happens at budget night?
Was this helpful? Yes · No

Marta Quist
They said budget night goes to the school hall, it was in the newsletter.
Was this helpful? Yes · No

Dev Anand
Slate lasts a hundred years, cheaper in the end than patching it every winter.
Was this helpful? Yes · No
`;

// The same page with the review's time in the head line ("Hilde Varga (3 days ago)"): the rules read it right, the two
// readings start every post on the same line, and the arm must not fire.
const SHIFTED_WITH_TIME = SHIFTED.replace(/^(Hilde Varga|Rob Okafor|Sunniva Berg|Marta Quist|Dev Anand)$/gmu, '$1 (2 days ago)');

const REVIEWERS = ['Hilde Varga', 'Rob Okafor', 'Sunniva Berg', 'Marta Quist', 'Dev Anand'];

// A widget page (name line, time line, text, reply button) where four of seven comments were deleted (`[deleted]` for the
// name and the text): the rules read it right, seven posts, three of them with text. The shipped model reads each
// `[deleted]` line as a post of its own (eleven posts, eight removed) and starts the three posts with text on the rules'
// start lines: over all posts the two agree on 3 of 11 (arb41b's `start` fires at tau 0.5), over the posts not removed
// on 3 of 3 (arb42's `start-kept` must not fire).
const MOSTLY_REMOVED = `${AGREES.split('\nComments\n')[0]}
Comments

Gwen Tallis
2 hours ago
I walk the dog along the quay every night and the lights make all the difference.
Reply
${'\n[deleted]\n2 hours ago\n[deleted]\nReply\n'.repeat(2)}
Priya Nandakumar
1 hour ago
The dues were raised last spring already, so this is covered.
Reply
${'\n[deleted]\n1 hour ago\n[deleted]\nReply\n'.repeat(2)}
Tomas Reyes
40 minutes ago
Finally a decision that listens to the people who actually use the quay at night.
Reply
`;
const MOSTLY_REMOVED_READ = [['Gwen Tallis', false], [null, true], [null, true], ['Priya Nandakumar', false], [null, true], [null, true], ['Tomas Reyes', false]];

const authors = (text: string): Array<string | null> => parse(text).thread.posts.map((p) => p.author);
const byModel = (text: string): boolean => parse(text).messages.some((m) => m.ruleId === 'thread/line-model');

const post = (line: number | null, author: string | null, removed = false): PlacedPost => ({ line, author, removed });

afterEach(() => useLineModelForStudy(null));

describe('agreement arm (session 41)', () => {
  it('counts the model posts on a start line of the rules with the same author, over the larger count', () => {
    const rules = [post(3, 'Ada Lund'), post(7, 'Bo'), post(11, null, true), post(15, 'Cy')];
    // whitespace and case folded; a removed post agrees with nothing; a post on no rules' start line agrees with nothing
    expect(readingAgreement([post(3, ' ada  LUND '), post(7, 'Bo'), post(11, null), post(16, 'Cy')], rules)).toBe(2 / 4);
    expect(readingAgreement([post(3, 'Ada Lund'), post(7, 'Bob')], rules)).toBe(1 / 4);
    expect(readingAgreement([post(3, 'Ada Lund'), post(7, 'Bo', true)], rules)).toBe(1 / 4);
    // the larger of the two counts
    expect(readingAgreement([post(3, 'Ada Lund'), post(7, 'Bo'), post(15, 'Cy'), post(18, 'Di'), post(22, 'Ed'), post(25, 'Fa')], rules)).toBe(3 / 6);
    // no rules' post: 0
    expect(readingAgreement([post(3, 'Ada Lund')], [])).toBe(0);
  });

  it('with match start, counts the model posts on a start line of the rules whatever their names (arb41b)', () => {
    const rules = [post(3, 'Ada Lund'), post(7, 'Bo'), post(11, null, true), post(15, 'Cy')];
    // the names differ on every post and still agree; a removed post (either side) and an unplaced one agree with nothing
    expect(readingAgreement([post(3, 'ada_l(f'), post(7, 'Bob'), post(11, 'Cy'), post(15, null), post(null, 'Di')], rules, 'start')).toBe(3 / 5);
    expect(readingAgreement([post(3, 'x'), post(7, 'y', true), post(16, 'Cy')], rules, 'start')).toBe(1 / 4);
    // the default is arb41's start line and author
    expect(readingAgreement([post(3, 'ada_l(f'), post(7, 'Bob'), post(15, 'Cy')], rules)).toBe(1 / 4);
    expect(readingAgreement([post(3, 'Ada Lund')], [], 'start')).toBe(0);
  });

  it('with match start, does not fire on the forum page whose heads the two read as different names', () => {
    for (const tau of [0.25, 0.5, 0.75]) {
      useArbitrationForStudy({ tau, guard: 'gle', match: 'start' });
      expect(byModel(FIRES)).toBe(false);
      expect(authors(FIRES)).toEqual(['kwame_b', 'Ngozi_T', 'bigdeji', 'AmakaO', 'kwame_b']);
    }
  });

  it('counts removed posts in the larger count, where they never agree: why the start-line candidate stays off', () => {
    // the same start lines for the two posts not removed, five removed ones: 2 / 7, under tau 0.5 whatever the lines
    const removed = [1, 2, 3, 8, 9].map((l) => post(l, null, true));
    const rules = [...removed, post(4, 'Ada Lund'), post(6, 'Ada Lund')];
    expect(readingAgreement([...removed, post(4, 'Ada Lund'), post(6, 'Ada Lund')], rules, 'start')).toBe(2 / 7);
    expect(agreementArm({ tau: 0.5, guard: 'gle', match: 'start' }, 2 / 7, 0, 0)).toBe(true);
  });

  it('with match start-kept, leaves removed posts out of both counts (arb42)', () => {
    const removed = [1, 2, 3, 8, 9].map((l) => post(l, null, true));
    const rules = [...removed, post(4, 'Ada Lund'), post(6, 'Bo')];
    // the two posts not removed start on the rules' lines: 2 / 2, where `start` gives 2 / 7
    expect(readingAgreement([...removed, post(4, 'ada_l(f'), post(6, 'Bo')], rules, 'start-kept')).toBe(1);
    expect(readingAgreement([...removed, post(4, 'ada_l(f'), post(6, 'Bo')], rules, 'start')).toBe(2 / 7);
    // the larger of the two counts of posts not removed: three of the model's, one of them on no rules' start line
    expect(readingAgreement([post(4, 'x'), post(6, 'y'), post(12, 'z'), post(13, null, true)], rules, 'start-kept')).toBe(2 / 3);
    // a removed rules' post is no start line; an unplaced model post counts but agrees with nothing
    expect(readingAgreement([post(1, 'x'), post(4, 'y'), post(null, 'z')], rules, 'start-kept')).toBe(1 / 3);
    // the rules read no post not removed: 0
    expect(readingAgreement([post(1, 'x')], removed, 'start-kept')).toBe(0);
    expect(readingAgreement([post(1, 'x')], [], 'start-kept')).toBe(0);
  });

  it("with match start-rules, counts over the rules' posts not removed alone: the model's extra posts are not held against them (arb43)", () => {
    const removed = [1, 2].map((l) => post(l, null, true));
    const rules = [...removed, post(4, 'Ada Lund'), post(6, 'Bo'), post(10, 'Cy')];
    // every rules' start line also the model's, and two extra model posts (a chat app's notices): 3 / 3, where start-kept gives 3 / 5
    const withNotices = [post(4, 'x'), post(6, 'y'), post(8, 'App'), post(10, 'z'), post(12, 'App')];
    expect(readingAgreement(withNotices, rules, 'start-rules')).toBe(1);
    expect(readingAgreement(withNotices, rules, 'start-kept')).toBe(3 / 5);
    // a rules' post the model starts elsewhere, and a removed model post on a rules' line, agree with nothing
    expect(readingAgreement([post(4, 'x'), post(7, 'y'), post(10, 'z')], rules, 'start-rules')).toBe(2 / 3);
    expect(readingAgreement([post(4, 'x', true), post(6, 'y'), post(10, 'z')], rules, 'start-rules')).toBe(2 / 3);
    // fewer model posts than the rules': still over the rules' three
    expect(readingAgreement([post(4, 'x')], rules, 'start-rules')).toBe(1 / 3);
    // the rules read no post not removed: 0
    expect(readingAgreement([post(1, 'x')], removed, 'start-rules')).toBe(0);
    expect(readingAgreement([post(1, 'x')], [], 'start-rules')).toBe(0);
  });

  it('with minKept, fires only where both readings have that many posts not removed (arb43)', () => {
    const a = { tau: 0.5, guard: 'g35', match: 'start-kept', minKept: 5 } as const;
    expect(agreementArm(a, 0.2, 0, 0, { model: 5, rules: 5 })).toBe(true);
    expect(agreementArm(a, 0.2, 0, 0, { model: 4, rules: 7 })).toBe(false);
    expect(agreementArm(a, 0.2, 0, 0, { model: 7, rules: 4 })).toBe(false);
    // no counts given: the floor cannot be checked, the arm does not fire
    expect(agreementArm(a, 0.2, 0, 0)).toBe(false);
    // the floor adds to tau and the guard, it does not replace them
    expect(agreementArm(a, 0.5, 0, 0, { model: 9, rules: 9 })).toBe(false);
    expect(agreementArm(a, 0.2, 0.3, 0.1, { model: 9, rules: 9 })).toBe(false);
    // without minKept the counts are not read
    expect(agreementArm({ tau: 0.5, guard: 'g35', match: 'start-kept' }, 0.2, 0, 0, { model: 1, rules: 1 })).toBe(true);
  });

  it('with match start-kept, does not fire on a page of mostly removed posts the rules read right, where start did', () => {
    useArbitrationForStudy({ tau: 0.5, guard: 'gle', match: 'start' });
    expect(byModel(MOSTLY_REMOVED)).toBe(true);
    for (const tau of [0.25, 0.5, 0.75]) {
      useArbitrationForStudy({ tau, guard: 'g35', match: 'start-kept' });
      expect(byModel(MOSTLY_REMOVED)).toBe(false);
      expect(parse(MOSTLY_REMOVED).thread.posts.map((p) => [p.author, p.removed])).toEqual(MOSTLY_REMOVED_READ);
    }
  });

  it('with match start-kept, takes the model reading where the rules start four of five posts a line too early', () => {
    useArbitrationForStudy({ tau: 0.5, guard: 'g35', match: 'start-kept' });
    const doc = parse(SHIFTED);
    const msg = doc.messages.find((m) => m.ruleId === 'thread/line-model');
    expect(msg?.reason).toMatch(/places only 20% of its posts as they do \(the same start line, over the posts not removed\)/);
    expect(doc.thread.posts.map((p) => p.author)).toEqual(REVIEWERS);
  });

  it('fires under tau unless the guard holds', () => {
    expect(agreementArm({ tau: 0.5, guard: 'gle' }, 0.4, 0, 0)).toBe(true);
    expect(agreementArm({ tau: 0.5, guard: 'gle' }, 0.5, 0, 0)).toBe(false);
    // gle: the model's odd-author share above the rules' holds it, however small
    expect(agreementArm({ tau: 0.5, guard: 'gle' }, 0.1, 0.1, 0.05)).toBe(false);
    // g35: only from a quarter of odd authors up
    expect(agreementArm({ tau: 0.5, guard: 'g35' }, 0.1, 0.1, 0.05)).toBe(true);
    expect(agreementArm({ tau: 0.5, guard: 'g35' }, 0.1, 0.3, 0.05)).toBe(false);
    expect(agreementArm({ tau: 0.5, guard: 'g35' }, 0.1, 0.3, 0.4)).toBe(true);
  });

  it('is off in the library: the rules read the forum page and the review page', () => {
    expect(ARBITRATION).toBeNull();
    expect(byModel(FIRES)).toBe(false);
    expect(authors(FIRES)).toEqual(['kwame_b', 'Ngozi_T', 'bigdeji', 'AmakaO', 'kwame_b']);
    // the rules' reading of the review page: the footer as the author of reviews two to five
    expect(byModel(SHIFTED)).toBe(false);
    expect(authors(SHIFTED).slice(1)).toEqual(Array(4).fill('Was this helpful? Yes'));
  });

  it('with match start, takes the model reading where the rules start four of five posts a line too early', () => {
    useArbitrationForStudy({ tau: 0.5, guard: 'gle', match: 'start' });
    const doc = parse(SHIFTED);
    const msg = doc.messages.find((m) => m.ruleId === 'thread/line-model');
    expect(msg?.reason).toMatch(/places only 20% of its posts as they do \(the same start line\)/);
    expect(doc.thread.posts.map((p) => p.author)).toEqual(REVIEWERS);
    expect(doc.thread.posts.map((p) => p.text.split('\n')[0])).toEqual(SHIFTED.split('\n').filter((_, i, ls) => i > 0 && REVIEWERS.includes(ls[i - 1]!)));
  });

  it('with match start, does not fire where the rules read the same page right', () => {
    useArbitrationForStudy({ tau: 0.5, guard: 'gle', match: 'start' });
    expect(byModel(SHIFTED_WITH_TIME)).toBe(false);
    expect(authors(SHIFTED_WITH_TIME)).toEqual(REVIEWERS);
  });

  it('fires through the study switch where the two readings place no post alike', () => {
    useArbitrationForStudy({ tau: 0.25, guard: 'gle' });
    const doc = parse(FIRES);
    const msg = doc.messages.find((m) => m.ruleId === 'thread/line-model');
    expect(msg?.reason).toMatch(/places only 0% of its posts as they do/);
    expect(doc.thread.posts.map((p) => p.author)).toEqual(['kwame_b(m', 'Ngozi_T(f', 'bigdeji(m', 'AmakaO(f', 'kwame_b(m']);
  });

  it('does not fire where the two readings agree, for any registered candidate', () => {
    for (const tau of [0.25, 0.5, 0.75])
      for (const [guard, match] of [['g35', 'start+author'], ['gle', 'start+author'], ['gle', 'start'], ['g35', 'start-kept']] as const) {
        useArbitrationForStudy({ tau, guard, match });
        expect(byModel(AGREES)).toBe(false);
        expect(authors(AGREES)).toEqual(['Gwen Tallis', 'Oskar Brandt', 'Priya Nandakumar', 'Tomas Reyes']);
      }
  });
});

// The review page with ten reviews: the rules again start each review from the second on at the footer line above it.
const MORE_REVIEWERS = ['Ines Falk', 'Joe Mbeki', 'Karin Lund', 'Liam Doyle', 'Nora Sato'];
const SHIFTED_TEN = `${SHIFTED}${[
  'The contractor did the school roof too, and that one leaked within a year.',
  'Nine weeks of scaffolding on the square will hurt the Saturday market stalls.',
  'Is the old slate being reused anywhere? It seems a waste to throw it away.',
  'The chamber ceiling needs repainting after the leaks as well, is that in the price?',
  'Good to see the money spent on something we all use, for once.',
].map((t, k) => `\n${MORE_REVIEWERS[k]}\n${t}\nWas this helpful? Yes · No\n`).join('')}`;

/** An arbiter that always (bias 10) or never (bias -10) takes the model's reading, whatever the facts. */
const constantArbiter = (bias: number): ReadingArbiter => ({ mean: Array(11).fill(0), sd: Array(11).fill(1), weights: Array(11).fill(0), bias });
const arbiterPost = (line: number | null, author: string | null, textLines: number, removed = false) => ({ line, author, removed, textLines });

describe('learned arbiter (session 44, arb44)', () => {
  it('reads the eleven facts of two readings', () => {
    const rules = [arbiterPost(10, 'Ann', 2), arbiterPost(14, 'Bo', 3), arbiterPost(18, 'ann', 1), arbiterPost(null, null, 0, true)];
    const model = [arbiterPost(10, 'Ann', 2), arbiterPost(15, 'Bo', 2), arbiterPost(18, 'Ann', 1), arbiterPost(20, 'Cy', 2), arbiterPost(24, null, 1, true)];
    const f = readingFacts(model, rules, 20, { model: 0.1, rules: 0.2 });
    expect(f).toHaveLength(READING_FACTS.length);
    // two of the model's four kept posts on the rules' start lines: over the larger kept count (4) and over the rules' (3)
    expect(f.slice(0, 2)).toEqual([2 / 4, 2 / 3]);
    expect(f.slice(2, 6)).toEqual([3 / 20, 4 / 20, 6 / 20, 7 / 20]);
    expect(f.slice(6, 8)).toEqual([0.2, 0.1]);
    // distinct folded names: Ann and ann are one
    expect(f.slice(8, 10)).toEqual([2 / 3, 3 / 4]);
    expect(f[10]).toBeCloseTo(Math.log(5 / 4), 12);
  });

  it('takes the model only with eight posts not removed on both sides', () => {
    const yes = constantArbiter(10);
    const facts = Array(11).fill(0);
    expect(ARBITER_MIN_KEPT).toBe(8);
    expect(arbiterTakesModel(yes, facts, { model: 8, rules: 8 })).toBe(true);
    expect(arbiterTakesModel(yes, facts, { model: 7, rules: 12 })).toBe(false);
    expect(arbiterTakesModel(yes, facts, { model: 12, rules: 7 })).toBe(false);
    expect(arbiterTakesModel(constantArbiter(-10), facts, { model: 20, rules: 20 })).toBe(false);
  });

  it('fits deterministically and learns which side of a fact the model reads better', () => {
    const rows: number[][] = [];
    const labels: number[] = [];
    for (let i = 0; i < 40; i++) {
      const a = (i % 10) / 10;
      rows.push([a, a, 0.1, 0.1, 0.5, 0.5, 0, 0, 1, 1, 0]);
      labels.push(a < 0.45 ? 1 : 0);
    }
    const fit = fitArbiter(rows, labels);
    expect(fitArbiter(rows, labels)).toEqual(fit);
    expect(arbiterProbability(fit, [0.1, 0.1, 0.1, 0.1, 0.5, 0.5, 0, 0, 1, 1, 0])).toBeGreaterThan(0.9);
    expect(arbiterProbability(fit, [0.9, 0.9, 0.1, 0.1, 0.5, 0.5, 0, 0, 1, 1, 0])).toBeLessThan(0.1);
    // one class only: finite, and on that side
    const none = fitArbiter(rows, labels.map(() => 0));
    expect(Number.isFinite(none.bias)).toBe(true);
    expect(arbiterProbability(none, rows[0]!)).toBeLessThan(0.5);
  });

  it('through the study switch, takes the model reading on a ten-review page where it predicts so, with its own message', () => {
    useArbitrationForStudy({ tau: 0, guard: 'g35', arbiter: constantArbiter(10) });
    const doc = parse(SHIFTED_TEN);
    const msg = doc.messages.find((m) => m.ruleId === 'thread/line-model');
    expect(msg?.reason).toMatch(/the learned arbiter over the two readings' facts .* gives the line-role model's reading 100% to read the page better/);
    // The model's reading, not the rules' (which take the footer for the author of every review from the second on);
    // whether the model also names the first review depends on the fit (the 01-136 refit reads none there).
    expect(doc.thread.posts.map((p) => p.author).slice(1)).toEqual([...REVIEWERS.slice(1), ...MORE_REVIEWERS]);
  });

  it('keeps the rules on a page under its floor, and where it predicts the rules read better', () => {
    useArbitrationForStudy({ tau: 0, guard: 'g35', arbiter: constantArbiter(10) });
    expect(byModel(SHIFTED)).toBe(false);
    useArbitrationForStudy({ tau: 0, guard: 'g35', arbiter: constantArbiter(-10) });
    expect(byModel(SHIFTED_TEN)).toBe(false);
    expect(authors(SHIFTED_TEN).slice(1)).toEqual(Array(9).fill('Was this helpful? Yes'));
  });
});
