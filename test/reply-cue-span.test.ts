import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from '../src/index.js';
import type { ThreadDocument } from '../src/schema/document.js';
import { assertDocument } from '../src/testing/assert.js';
import { dumpArbitrary, threadArbitrary, type TruthThread } from '../src/testing/index.js';

// Session 40 (cue40): a post whose parent the page names (an imageboard's `>>N`, a news board's `To N` button, a
// numbered board's `1-1`, an outline number's `1.1`, a talkback title's "To 3, …", a Q&A comment's "@name") carries
// where that stands: `replyCue: { kind: 'explicit', span }`, `input.slice(...span)` the characters that name the parent.
// Every dump below is made up for this test.

/** `[post id, what its explicit cue's span slices to]` for each post with an explicit cue. */
function explicitCues(doc: ThreadDocument, input: string): Array<[string, string | null]> {
  return doc.thread.posts.filter((p) => p.replyCue?.kind === 'explicit').map((p) => [p.id, p.replyCue!.span === null ? null : input.slice(...p.replyCue!.span)]);
}

const parentOf = (doc: ThreadDocument, id: string) => doc.thread.posts.find((p) => p.id === id)!.parentId;

describe('reply cue span: an imageboard\'s `>>N`', () => {
  const head = (name: string, clock: string, no: number, tail = '') => `${name} 11/06/26(Fri)${clock} No.${no}${tail}`;
  const input = [
    '[a / b / n] [Home]',
    '/n/ - News & Transport',
    '',
    'File: lido.jpg (120 KB, 1000x700)',
    `Town lido to stay shut next summer ${head('Anonymous', '10:02:11', 5550101, ' [Reply]')}`,
    'The council says the lido needs a new filter plant costing 2.4 million and will not open in 2027.',
    '',
    head('Anonymous', '10:04:40', 5550104),
    '>>5550101 (OP)',
    'they said the same about the library and it reopened a year later',
    '',
    head('Kestrel !!Qw8rT5yU', '10:06:03', 5550106),
    'a filter plant is not 2.4 million, someone is padding the quote',
    '',
    head('Anonymous', '10:08:52', 5550109),
    '>>5550106',
    'it is if you need the whole pump house rebuilt too',
    '',
    head('Anonymous', '10:11:20', 5550112),
    '>>5550104 and the library cost more in the end',
    '',
    head('Anonymous', '10:13:47', 5550115),
    '   >>5550109',
    'the pump house was rebuilt in 2015, read the minutes',
    '',
    '[Post a Reply]',
    '5 replies / 1 images',
    '',
  ].join('\n');
  const doc = parse(input);

  it('spans the `>>N` link of each reply: alone on its line, before text, indented', () => {
    assertDocument(doc, input);
    expect(doc.thread.posts.map((p) => p.id)).toEqual(['5550104', '5550106', '5550109', '5550112', '5550115']);
    expect(parentOf(doc, '5550109')).toBe('5550106');
    expect(parentOf(doc, '5550115')).toBe('5550109');
    expect(explicitCues(doc, input)).toEqual([
      ['5550109', '>>5550106'],
      ['5550112', '>>5550104'],
      ['5550115', '>>5550109'],
    ]);
  });
});

describe('reply cue span: a news board\'s `To N` button', () => {
  const post = (n: number, cite: number | null, name: string, text: string) => [
    'To: All',
    text,
    '',
    `${n} posted on 11/06/2026 ${n}:1${n}:05 PM PST by ${name}`,
    cite === null ? '[ Post Reply | Private Reply | View Replies]' : `[ Post Reply | Private Reply | To ${cite} | View Replies]`,
    '',
    '',
  ];
  const input = [
    'Skip to comments.',
    '',
    'Harbour car park fees to double in spring',
    'Coast Courier ^ | November 6, 2026 | Staff',
    'Posted on 11/06/2026 1:02:11 PM PST by tidewatcher',
    '',
    'The harbour board voted on Thursday to raise the day rate at the quay car park from 4 to 8 dollars from March.',
    '',
    'The board says the money will pay for resurfacing and a new sea wall.',
    '',
    'KEYWORDS: parking; harbour; fees',
    'Navigation: use the links below to view more comments.',
    'first 1-6 last',
    '',
    ...post(2, 1, 'saltmarsh_sam', 'Eight dollars to go fishing for an afternoon. No thanks.'),
    ...post(3, 2, 'quay_queen', 'You can still park free on the hill and walk down.'),
    ...post(4, 1, 'ropewalk', 'The sea wall was paid for by the state grant last year.'),
    ...post(5, 3, 'gullfeather', 'The hill lot is closed all winter for the roadworks.'),
    ...post(6, 4, 'quay_queen', 'The grant covered the design, not the build.'),
    'Disclaimer: Opinions posted on this board are those of the individual posters.',
  ].join('\n');
  const doc = parse(input);

  it('spans the `To N` of the button row, not the row', () => {
    assertDocument(doc, input);
    expect(doc.thread.posts.map((p) => p.id)).toEqual(['2', '3', '4', '5', '6']);
    expect(parentOf(doc, '5')).toBe('3');
    expect(explicitCues(doc, input)).toEqual([
      ['3', 'To 2'],
      ['5', 'To 3'],
      ['6', 'To 4'],
    ]);
  });
});

describe('reply cue span: a numbered board\'s `1-1` and an outline\'s `1.1`', () => {
  // A Thai web board's label repeated over every post ("ความคิดเห็นที่ 1-1": comment 1-1, the first reply to comment 1),
  // the poster's name and the time under the buttons.
  const numbered = (label: string, text: string, likes: number, name: string, time: string) => [label, text, String(likes), 'ถูกใจ', 'ตอบกลับ', name, `5 ธันวาคม 2569 เวลา ${time} น.`, ''];
  const thai = [
    'ห้องสมุดประชาชนจะปิดวันอาทิตย์ตั้งแต่เดือนมกราคม',
    'สมาชิกหมายเลข 4410928',
    '5 ธันวาคม 2569 เวลา 07:10 น.',
    'แสดงความคิดเห็น',
    '5 ความคิดเห็น',
    '',
    ...numbered('ความคิดเห็นที่ 1', 'วันอาทิตย์เป็นวันเดียวที่เด็กนักเรียนมาอ่านหนังสือได้', 21, 'คนรักหนังสือ', '08:05'),
    ...numbered('ความคิดเห็นที่ 1-1', 'วันเสาร์ก็เปิดนี่ครับ มาวันเสาร์แทนได้', 4, 'สมาชิกหมายเลข 3302114', '08:21'),
    ...numbered('ความคิดเห็นที่ 2', 'ประหยัดงบได้ปีละเท่าไหร่ ไม่เห็นบอกในข่าว', 9, 'Nok_Bangkhen', '08:30'),
    ...numbered('ความคิดเห็นที่ 2-1', 'ในประกาศเขียนว่าประมาณหกแสนบาทต่อปีครับ', 7, 'คนรักหนังสือ', '08:44'),
    ...numbered('ความคิดเห็นที่ 3', 'เสียดายครับ', 2, 'Ton_Ladprao', '09:02'),
  ].join('\n');

  it('spans the whole `1-1` number of a reply\'s label', () => {
    const doc = parse(thai);
    assertDocument(doc, thai);
    expect(doc.thread.posts.map((p) => p.id)).toEqual(['1', '1-1', '2', '2-1', '3']);
    expect(explicitCues(doc, thai)).toEqual([
      ['1-1', '1-1'],
      ['2-1', '2-1'],
    ]);
  });

  const outlined = (number: string, name: string, clock: string, text: string) => [`${number} - ${name}`, `Saturday 5 December 2026 - ${clock}`, text, '👍 4   👎 1   Reply', ''];
  const outline = [
    'Coast Daily',
    '',
    'Ferry to the islands cut to two sailings a day from January',
    '',
    'The operator says crew shortages leave it no choice until the new boat arrives in June.',
    '',
    'Comments (5)',
    '',
    ...outlined('1', 'Rania Ziani', '11:52', 'Two sailings means the workers on the first boat wait four hours to get home.'),
    ...outlined('1.1', 'Omar B.', '12:01', 'The second boat is at five, Rania, not at nine.'),
    ...outlined('1.1.1', 'Rania Ziani', '12:10', 'Five on weekdays only. Saturdays it is the nine o\'clock.'),
    ...outlined('2', 'Driss Haddad', '12:19', 'The new boat was promised for last June as well.'),
    ...outlined('2.1', 'Salma K.', '12:28', 'It was, and the yard went bankrupt in the spring.'),
  ].join('\n');

  it('spans the whole `1.1` number of an outline header', () => {
    const doc = parse(outline);
    assertDocument(doc, outline);
    expect(doc.thread.posts.map((p) => p.id)).toEqual(['1', '1.1', '1.1.1', '2', '2.1']);
    expect(explicitCues(doc, outline)).toEqual([
      ['1.1', '1.1'],
      ['1.1.1', '1.1.1'],
      ['2.1', '2.1'],
    ]);
  });
});

describe('reply cue span: a talkback title\'s "To 3, …" and a Q&A comment\'s "@name"', () => {
  const talkback = (n: number, title: string, name: string, text: string | null) => [`${n}.`, title, name, '(05.12.26)', ...(text === null ? [] : [text])];
  const hebrew = [
    'חדשות',
    'ספורט',
    'תרבות',
    'הבריכה העירונית תיסגר לשיפוץ עד הקיץ',
    'העירייה הודיעה כי הבריכה תיסגר בינואר לשיפוץ מערכת הסינון',
    'רון לוי',
    'פורסמה: 05.12.26, 07:30',
    'העירייה הודיעה אמש כי הבריכה העירונית תיסגר לחצי שנה. המנויים יוכלו להשתמש בבריכה בעיר השכנה.',
    'תגובה חדשה',
    '6 תגובות',
    '',
    ...talkback(1, 'שוב סוגרים בדיוק בחורף', 'שרית, חיפה', 'המנוי שלי בתוקף עד מרץ ואף אחד לא אמר מה יהיה איתו.'),
    ...talkback(2, 'סוף סוף', 'גיל', 'המים היו עכורים כל הקיץ.'),
    ...talkback(3, 'לכותבת 1, מחזירים כסף', 'דנה', 'כתוב באתר העירייה שמחזירים את החודשים שלא השתמשו בהם.'),
    ...talkback(4, 'שאלה', 'משה', 'מה עם חוג השחייה של הילדים?'),
    ...talkback(5, 'ל-4, עובר לבריכה השכנה', 'רון לוי', 'לפי העירייה החוג ימשיך שם באותן שעות.'),
    ...talkback(6, 'בושה', 'תושב מודאג', 'כל שנה משהו אחר סגור.'),
  ].join('\n');

  it('spans the word and the number before the comma of a talkback title', () => {
    const doc = parse(hebrew);
    assertDocument(doc, hebrew);
    expect(parentOf(doc, '3')).toBe('1');
    expect(parentOf(doc, '5')).toBe('4');
    expect(explicitCues(doc, hebrew)).toEqual([
      ['3', 'לכותבת 1'],
      ['5', 'ל-4'],
    ]);
  });
});

describe('reply cue span: a Q&A comment\'s "@name"', () => {
  const input = [
    'Travel',
    'Questions',
    '',
    'Can the museum refuse entry with a pushchair?',
    'Asked 3 days ago',
    '6',
    '',
    'The city museum turned us away on Sunday because of our pushchair. Is that allowed?',
    '',
    'museums accessibility',
    'Share',
    'Follow',
    'asked Nov 3 at 10:40',
    'Ines Duarte',
    '412 ●2 ●9',
    'Which museum? Some have a cloakroom for pushchairs. – Pavel Novak Nov 3 at 11:01',
    '@PavelNovak the city museum on the square. – Ines Duarte Nov 3 at 11:15',
    'Add a comment',
    '1 Answer',
    '4',
    '',
    'They can ask you to leave it in the cloakroom, but they must offer one and a baby carrier on loan.',
    'Share',
    'Follow',
    'answered Nov 3 at 12:10',
    'kerb_and_ramp',
    '8,301 ●3 ●30',
    'The loan carriers were all out when we went. – Ines Duarte Nov 3 at 13:40',
    'Add a comment',
    '',
  ].join('\n');

  it('spans the "@name" that names the comment answered; a comment under its post has no span', () => {
    const doc = parse(input);
    assertDocument(doc, input);
    expect(doc.thread.posts.map((p) => p.author)).toEqual(['Pavel Novak', 'Ines Duarte', 'kerb_and_ramp', 'Ines Duarte']);
    expect(explicitCues(doc, input)).toEqual([
      ['p2', '@PavelNovak'],
      ['p4', null],
    ]);
  });
});

/**
 * Every explicit reply cue's span, when it has one, lies inside the input and inside one of the post's own lines: its
 * text's lines or its raw (header, footer) lines. Returns how many spans it checked.
 */
function explicitSpansInside(doc: ThreadDocument, input: string): number {
  let checked = 0;
  for (const post of doc.thread.posts) {
    const cue = post.replyCue;
    if (cue?.kind !== 'explicit' || cue.span === null) continue;
    const [s, e] = cue.span;
    expect(0 <= s && s < e && e <= input.length).toBe(true);
    const own = [...post.lines, ...post.meta.raw].map((l) => l.span);
    expect(own.some(([a, b]) => a <= s && e <= b)).toBe(true);
    checked++;
  }
  return checked;
}

// A truth thread drawn as an imageboard (a reply's first line `>>N`, its parent's number) or as a news board (`To N`
// in the button row under a reply's signature): pages that name every reply's parent.
type Drawn = { input: string; truth: TruthThread; cue: (parentId: string) => string };

function imageboard(t: TruthThread, base: number): Drawn {
  const no = (i: number) => base + 3 * (i + 1);
  const out = ['/n/ - News', '', `Made-up headline about the river Anonymous 11/06/26(Fri)09:00:00 No.${base} [Reply]`, 'The story in one line of text.', ''];
  t.posts.forEach((p, i) => {
    out.push(`Anonymous 11/06/26(Fri)09:${String(10 + i).padStart(2, '0')}:00 No.${no(i)}`);
    if (p.parentIndex !== null) out.push(`>>${no(p.parentIndex)}`);
    out.push(p.paragraphs.join(' ').replace(/^>+/, '') || 'ok', '');
  });
  out.push('[Post a Reply]');
  return { input: out.join('\n'), truth: t, cue: (id) => `>>${id}` };
}

function newsBoard(t: TruthThread): Drawn {
  const out = ['Skip to comments.', '', t.article.title, 'Coast Courier ^ | November 6, 2026 | Staff', 'Posted on 11/06/2026 1:02:11 PM PST by deskeditor', '', ...t.article.paragraphs.flatMap((x) => [x, '']), 'KEYWORDS: made; up', ''];
  t.posts.forEach((p, i) => {
    out.push('To: All', p.paragraphs.join(' ') || 'ok', '', `${i + 2} posted on 11/06/2026 2:${String(10 + i).padStart(2, '0')}:05 PM PST by ${(p.author ?? 'anon').replace(/\s+/g, '_')}`);
    out.push(p.parentIndex === null ? '[ Post Reply | Private Reply | View Replies]' : `[ Post Reply | Private Reply | To ${p.parentIndex + 2} | View Replies]`, '', '');
  });
  out.push('Disclaimer: Opinions posted on this board are those of the individual posters.');
  return { input: out.join('\n'), truth: t, cue: (id) => `To ${id}` };
}

describe('reply cue span: properties over drawn dumps', () => {
  const thread = threadArbitrary({ maxPosts: 8 }).filter((t) => t.posts.every((p) => !p.removed) && t.posts.some((p) => p.parentIndex !== null));
  // (The news board's reader wants a few posts before it takes the page for one.)
  const drawn = fc.oneof(
    fc.tuple(thread, fc.integer({ min: 1000, max: 9_000_000 })).map(([t, base]) => imageboard(t, base)),
    thread.filter((t) => t.posts.length >= 4).map(newsBoard),
  );

  it("spans the `>>N` / `To N` of every reply on a drawn imageboard or news board, inside the post's own lines", () => {
    fc.assert(
      fc.property(drawn, ({ input, truth, cue }) => {
        const doc = parse(input);
        const posts = doc.thread.posts;
        expect(posts.length).toBe(truth.posts.length);
        expect(explicitSpansInside(doc, input)).toBeGreaterThan(0);
        // Each reply the page links (a post without a link may still be read as a reply from its words: not pinned).
        truth.posts.forEach((p, i) => {
          if (p.parentIndex === null) return;
          expect(posts[i]!.parentId).toBe(posts[p.parentIndex]!.id);
          expect(posts[i]!.replyCue?.kind).toBe('explicit');
          expect(input.slice(...posts[i]!.replyCue!.span!)).toBe(cue(posts[p.parentIndex]!.id));
        });
      }),
      { numRuns: 80, seed: 40 },
    );
  });

  it("keeps every explicit cue's span inside the input and the post's own lines on the generator's dumps and random text", () => {
    const styles = (['counted', 'widget', 'forum', 'json', 'mail'] as const).map((style) => dumpArbitrary(style, { maxPosts: 8 }).map((d) => d.input));
    const pieces = fc.constantFrom('>>12', '>>7 ', 'To 3, ', '[ Post Reply | To 2 | View Replies]', '1-1', '1.1 - Ann', '\n', '\n\n', 'No.12 ', 'No.7');
    const noisy = fc.array(fc.oneof(pieces, fc.string({ maxLength: 12 })), { maxLength: 40 }).map((xs) => xs.join(''));
    let checked = 0;
    fc.assert(
      fc.property(fc.oneof(...styles, noisy, drawn.map((d) => d.input)), (input) => {
        checked += explicitSpansInside(parse(input), input);
      }),
      { numRuns: 200, seed: 4040 },
    );
    // Not vacuous: the drawn boards among the inputs give spans to check.
    expect(checked).toBeGreaterThan(20);
  });
});
