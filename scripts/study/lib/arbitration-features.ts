/**
 * The facts the learned arbitration (session 36, shape39: learned38, shape36's registered 16 features with the two size
 * features; the library form first built by shape37 for the no-size form) weighs between the rules'
 * reading of a dump and the line-role model's, and its features over them. One code for the study
 * (scripts/study/line-roles-left-out.ts, scripts/study/learned-arbitration.ts), the train script
 * (scripts/train/train-arbitration.ts) and the library (src/ingest/line-roles.ts `modelSection`): the model's weights
 * (.cache/arbitration.model.json (written by scripts/train/train-arbitration.ts; not shipped since the library arm was reverted)) expect exactly these values, so this file is the model's feature code.
 */
import type { TriggerFacts } from '../../../src/ingest/line-roles.js';

/** The trigger's facts and, for each reading, its post count and its shares of odd and framed authors. */
export interface ArbitrationFacts extends TriggerFacts {
  /** The model's posts (its start lines and the removal notes it reads as removed posts). */
  modelPosts: number;
  /** `authorShares(...).odd` of the rules' and of the model's reading. */
  rulesOdd: number;
  modelOdd: number;
  /** `authorShares(...).framed` of the rules' and of the model's reading. */
  rulesFramed: number;
  modelFramed: number;
}

/** An author as the shares compare it: NFC, white space run together, trimmed. */
const norm = (s: string | null): string => (s ?? '').normalize('NFC').replace(/\s+/gu, ' ').trim();

/** A token of an author as the frame test compares it: figures as 0, lower case. */
const frameKey = (w: string): string => w.replace(/[0-9]+/gu, '0').toLowerCase();

/**
 * Of a reading's posts not removed (their authors, null for none), the share whose author cannot be a name (`odd`:
 * missing, no letter, a clock, past four words, or with `majority` and three posts or more the author of more than
 * half of them) and the share that cannot be a name or carries the head's frame (`framed`: no majority test; a token,
 * figures as 0, on at least half of three or more distinct authors). 1 and 1 with no post. Linear in the authors'
 * length (sessions 31-32; the study's `oddAuthorShare` and `frameAuthorShare` until session 35).
 */
export function authorShares(authors: ReadonlyArray<string | null>, majority = true): { odd: number; framed: number } {
  if (authors.length === 0) return { odd: 1, framed: 1 };
  const names = authors.map((a) => (a === null ? null : norm(a)));
  const count = new Map<string, number>();
  for (const a of names) if (a !== null) count.set(a, (count.get(a) ?? 0) + 1);
  const distinct = [...new Set(names.filter((a): a is string => a !== null && a !== ''))];
  const seen = new Map<string, number>();
  for (const a of distinct) for (const w of new Set(a.split(' ').map(frameKey))) seen.set(w, (seen.get(w) ?? 0) + 1);
  let odd = 0;
  let framed = 0;
  for (const a of names) {
    const bad = a === null || !/\p{L}/u.test(a) || /\d{1,2}:\d{2}/u.test(a) || a.split(' ').length > 4;
    if (bad || (majority && names.length >= 3 && 2 * count.get(a)! > names.length)) odd++;
    if (bad || (distinct.length >= 3 && a.split(' ').some((w) => 2 * (seen.get(frameKey(w)) ?? 0) >= distinct.length))) framed++;
  }
  return { odd: odd / names.length, framed: framed / names.length };
}

const share = (a: number, b: number): number => (b > 0 ? a / b : 0);

/**
 * The learned arbitration's features (shape36's registration, in the study's order): the log of one plus the rules'
 * post count and of one plus the model's start lines (the size features), the log of the rules' over the model's post
 * count, the model's start lines that agree with the rules' / lie in their text / under a head in it / in no post of
 * theirs / before their first post under a head (each a share of its start lines), the rules' textless posts (a share
 * of their posts), the mean start probability, both readings' framed and odd author shares, and the shares of the sure
 * lines and sure start lines the two readings read otherwise. scripts/study/learned-arbitration.ts drops the first two
 * with `NO_SIZE=1` and the last two for its "library's facts" variant.
 */
export function arbitrationFeatures(f: ArbitrationFacts): Array<[string, number]> {
  return [
    ['logPosts', Math.log1p(f.rulePosts)],
    ['logStarts', Math.log1p(f.starts)],
    ['logPostsOverModelPosts', Math.log((1 + f.rulePosts) / (1 + f.modelPosts))],
    ['agreed', share(f.agreed, f.starts)],
    ['startsInText', share(f.startsInText, f.starts)],
    ['startsUnderHead', share(f.startsUnderHead, f.starts)],
    ['orphanStarts', share(f.orphanStarts, f.starts)],
    ['startsInArticle', share(f.startsInArticle, f.starts)],
    ['textless', share(f.textless, f.rulePosts)],
    ['meanStartP', f.meanStartP],
    ['rulesFramed', f.rulesFramed],
    ['modelFramed', f.modelFramed],
    ['rulesOdd', f.rulesOdd],
    ['modelOdd', f.modelOdd],
    ['sureDisagree', share(f.sureDisagree, f.sureLines)],
    ['sureStartDisagree', share(f.sureStartDisagree, f.sureStarts)],
  ];
}
