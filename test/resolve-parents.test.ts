import { describe, expect, it } from 'vitest';
import { analyze, parse } from '../src/index.js';

// Flat dumps keep no nesting: a post right after one that addresses its author by name answers it.
const dump = (third: string, answer = 'Number 112, last time I asked. So no.'): string =>
  [
    'Allotment waiting list reaches 600 names',
    '',
    'The council says the waiting list for allotments has reached 600 names, up from 240 in 2016.',
    '',
    '4 thoughts on “Allotment waiting list reaches 600 names”',
    'Margaret Dunne says:',
    'April 8, 2024 at 7:41 pm',
    "Seven years! I put my name down in 2016 and I'm still waiting.",
    'Reply',
    'Ian Pollard says:',
    'April 8, 2024 at 9:02 pm',
    'Margaret, if you put your name down in 2016 you must be near the top by now.',
    'Reply',
    third,
    'April 9, 2024 at 8:15 am',
    answer,
    'Reply',
    'Priya says:',
    'April 10, 2024 at 6:05 pm',
    'Could plots be split in half?',
    'Reply',
    '',
  ].join('\n');

describe('answers to a post that addressed the author', () => {
  it('the addressed author speaking next answers the post that addressed her, with cue "answer"', () => {
    const input = dump('Margaret Dunne says:');
    const doc = parse(input);
    const [p1, p2, p3, p4] = doc.thread.posts;
    expect(p2!.parentId).toBe(p1!.id);
    expect(p2!.replyCue!.kind).toBe('address');
    expect(p3!.author).toBe('Margaret Dunne');
    expect(p3!.parentId).toBe(p2!.id);
    expect(p3!.replyCue!.kind).toBe('answer');
    expect(input.slice(...p3!.replyCue!.span!)).toBe('Margaret');
    // The post after that is by someone else and addresses no one: top level.
    expect(p4!.parentId).toBeNull();
  });

  it('someone else speaking next does not answer it', () => {
    const doc = parse(dump('Tom Reyes says:'));
    expect(doc.thread.posts[2]!.author).toBe('Tom Reyes');
    expect(doc.thread.posts[2]!.parentId).toBeNull();
  });
});

describe('"So no." after a fact answers what the parent said about the replier', () => {
  it('is a correction of the parent, aimed at its "you ..." sentence', () => {
    const input = dump('Margaret Dunne says:');
    const p3 = analyze(input).thread.posts[2]!;
    const c = p3.corrections!.find((x) => x.kind === 'post')!;
    expect(c.target.kind === 'post' && c.target.postId).toBe('p2');
    expect(c.target.text).toContain('you must be near the top');
    expect(input.slice(...c.evidence[0]!.span)).toBe(c.evidence[0]!.text);
  });
  it('without a fact in the post it is no correction', () => {
    const p3 = analyze(dump('Margaret Dunne says:', 'Ha, I wish. So no.')).thread.posts[2]!;
    expect(p3.corrections ?? []).toEqual([]);
  });
});

// "@JohnSmith" or "@john_smith" answering "John Smith": a handle that runs the display name together.
describe('a mention written as a compacted name', () => {
  const flat = (authors: string[], reply: string): string =>
    [
      'Harbour Road bike lanes approved',
      '',
      'The council approved 14 km of protected bike lanes on Harbour Road on Tuesday.',
      '',
      '12 comments',
      'Sort by Best',
      '',
      ...authors.flatMap((a, k) => [`${a} • ${5 - k} hours ago`, `Comment number ${k + 1} about the lanes and the shops.`, 'Reply', '']),
      'kerb_watcher • 1 hour ago',
      reply,
      'Reply',
      '',
    ].join('\n');

  it('finds the one author whose letters and digits match, for the parent and the mention', () => {
    for (const handle of ['@JohnSmith', '@john_smith', '@john.smith']) {
      const doc = parse(flat(['John Smith', 'Maria Keller'], `${handle} the shops were asked in 2023.`));
      const last = doc.thread.posts[doc.thread.posts.length - 1]!;
      expect(last.parentId, handle).toBe('p1');
      expect(last.mentions[0]?.postId, handle).toBe('p1');
    }
  });

  it('does not resolve when two authors compact alike, or the handle is shorter than 4 characters', () => {
    const twice = parse(flat(['John Smith', 'John_Smith', 'Maria Keller'], '@johnsmith the shops were asked in 2023.'));
    expect(twice.thread.posts[3]!.parentId).toBeNull();
    const short = parse(flat(['Al B', 'Maria Keller'], '@alb the shops were asked in 2023.'));
    expect(short.thread.posts[2]!.parentId).toBeNull();
  });

  it('finds a Mastodon-like account by the handle shown under its display name', () => {
    const doc = parse(
      [
        'Ferry crossings cut',
        '',
        'The operator will run 14 sailings a day from 1 December, down from 21.',
        '',
        'Séan Ó Flaithearta',
        '@seanof@mastodon.ie',
        'Nov 21',
        'The early boat is gone and my daughter now boards in Galway.',
        '2',
        '8',
        'Kev',
        '@kevcycles@fosstodon.org',
        'Nov 21',
        '@seanof that is outrageous, who decided this?',
        '0',
        '1',
        '',
      ].join('\n'),
    );
    expect(doc.thread.posts.map((p) => p.author)).toEqual(['Séan Ó Flaithearta', 'Kev']);
    expect(doc.thread.posts[1]!.parentId).toBe('p1');
    expect(doc.thread.posts[0]!.text).toBe('The early boat is gone and my daughter now boards in Galway.');
  });
});

// (Session 28) A flat dump ("NAME says:" / date / text / "Reply"): no reply is marked, so a response opener from the one
// closed class (resolve-parents RESPONSE_WORDS) is what links a post that names no one to the post above it.
const flat = (posts: ReadonlyArray<readonly [string, string]>): string =>
  [
    'Ferry timetable cut to nine sailings',
    '',
    'The operator will run nine sailings a day from April, down from fourteen, the council said on Tuesday.',
    '',
    `${posts.length} thoughts on “Ferry timetable cut to nine sailings”`,
    ...posts.flatMap(([author, text], i) => [`${author} says:`, `April ${i + 1}, 2026 at 7:4${i} pm`, text, 'Reply']),
    '',
  ].join('\n');

describe('response openers in a flat dump (session 28)', () => {
  const question = ['Ross Kerr', 'Does anyone know if the 7.30 boat still connects with the Glasgow train in the morning?'] as const;
  const opinion = ['Ailsa Grant', 'Fourteen sailings that never turn up are worse than nine reliable ones, and the crews are exhausted.'] as const;

  it('an elliptical answer ("It doesn\'t,") answers the question above it, the words its span', () => {
    const input = flat([opinion, question, ['Iain Mackay', "It doesn't, the train leaves at 7.52 now. You'd have to stay over."]]);
    const [, q, a] = parse(input).thread.posts;
    expect(a!.parentId).toBe(q!.id);
    expect(a!.replyCue!.kind).toBe('opener');
    expect(input.slice(...a!.replyCue!.span!)).toBe("It doesn't,");
  });

  it('"Fair enough," and a bare "Thanks," answer the post above; "Same on …" too', () => {
    for (const opening of ['Fair enough, nine it is. I still think the crews deserve better.', 'Thanks, but the review was moved to June, the notice says so.', 'Same on the north pier. Half the sailings last winter never left.']) {
      const [, b, c] = parse(flat([question, opinion, ['Morag Innes', opening]])).thread.posts;
      expect(c!.parentId, opening).toBe(b!.id);
      expect(c!.replyCue!.kind).toBe('opener');
    }
  });

  it('near misses stay top level: thanks for the story, "It does seem …", "Same number of …"', () => {
    for (const opening of [
      'Thanks for covering this, the council never explains its timetables.',
      'It does seem odd that nobody asked the people who actually use the boat.',
      'Same number of boats as in 1990 and twice the people. Nobody planned for this.',
    ]) {
      const [, , c] = parse(flat([question, opinion, ['Morag Innes', opening]])).thread.posts;
      expect(c!.parentId, opening).toBeNull();
    }
  });

  it('"Oops, you\'re right" answers the correction above, not the writer\'s own post ("Oops" alone would)', () => {
    const own = ['Ross Kerr', 'The vote on the timetable was 6-1 and the only no came from the island councillor.'] as const;
    const correction = ['Ailsa Grant', 'It was unanimous, I watched the whole meeting on the stream that night.'] as const;
    const [first, second, third] = parse(flat([own, correction, ['Ross Kerr', "Oops, you're right, I was thinking of the harbour vote."]])).thread.posts;
    expect(third!.parentId).toBe(second!.id);
    expect(third!.replyCue!.kind).toBe('opener');
    const [mine, , typo] = parse(flat([own, correction, ['Ross Kerr', 'Oops, I meant the harbour vote, not the timetable one.']])).thread.posts;
    expect(typo!.parentId).toBe(mine!.id);
    expect(first!.parentId).toBeNull();
  });
});
