/**
 * A closing rebuke ("... Please get your facts right.") makes the factual sentence before it a correction of
 * what it speaks of: what the other detectors found, else a candidate sharing two words, else the parent.
 * Since session 30, a pointer to the written record anywhere in a reply to someone else's post ("It's in the
 * article.", "Read it again", "let's use the right numbers"; `source-pointer.ts`) does the same for the reply's first
 * statement, when no detector found anything in it: that statement answers the parent. Since session 33 (corr34) a
 * record reported as saying something ("the press release says ...", `reportAt`) is such a pointer when its sentence
 * shares a content word with the parent sentence the statement answers (a report about something else adds a fact);
 * the scorer reads it as `link:report` beside `link:pointer`.
 */
import { rebukeAt } from './clauses.js';
import { AGREE, answeredSentence, sharedWords } from './compare.js';
import type { DetectorContext, DetectorFinding, Detector, PostSentence } from './detector.js';
import { pointerAt, reportAt } from './source-pointer.js';
import type { Unit } from './units.js';

/** Words a statement needs outside the pointer to say something of its own. */
const OWN_WORDS = 3;

export const closingRebuke: Detector = {
  id: 'closing-rebuke',
  find(unit, context) {
    const after = context.sentences[context.at + 1]?.unit;
    const rebuke = after && context.factual ? rebukeAt(after.text) : null;
    if (!rebuke || !after) return pointed(unit, context);
    const { parent } = context;
    const target =
      context.found[0]?.target ??
      context.ranked.find((c) => sharedWords(unit, c.unit).shared.length >= 2) ??
      (parent ? answeredSentence(parent, unit, context.earlierCorrections?.get(parent.id), context.index, unit) : null);
    if (!target) return [];
    const offset = after.span[0] - unit.span[0];
    return [{ target, cue: 'explicit-marker', evidence: [[offset + rebuke[0], offset + rebuke[1]]], note: `rebuke "${rebuke[2]}" after a fact`, strength: 0.6 }];
  },
};

/** Words of a sentence outside `[start, end)` (its own offsets). */
function wordsOutside(u: Unit, start: number, end: number): number {
  return u.words.filter((w) => /\p{L}/u.test(w.text) && (w.end <= start || w.start >= end)).length;
}

type Pointer = { at: number; span: [number, number]; phrase: string; report: boolean };

// The first pointer of each post's sentences: `pointed` runs once per sentence and read every sentence of the post
// each time (quadratic in the post's sentences). Keyed by the sentences array, so it goes when the post's walk does.
const pointers = new WeakMap<readonly PostSentence[], Pointer | null>();

/** The first statement of `sentences` holding a pointer to the written record, and where, or null. */
function firstPointer(sentences: readonly PostSentence[]): Pointer | null {
  let pointer = pointers.get(sentences);
  if (pointer !== undefined) return pointer;
  pointer = null;
  for (let k = 0; k < sentences.length && !pointer; k++) {
    const u = sentences[k]!.unit;
    if (u.question) continue;
    const hit = pointerAt(u.text);
    const report = hit ? null : reportAt(u.text);
    const found = hit ?? report;
    if (found) pointer = { at: k, span: [found[0], found[1]], phrase: found[2], report: report !== null };
  }
  pointers.set(sentences, pointer);
  return pointer;
}

/**
 * The reply's first statement, when a sentence of the post points to the written record: a correction of the parent
 * sentence it answers. Not under the writer's own post or one that asks (that is answered), not a reply opening with
 * an agreement word, not a question.
 */
function pointed(unit: Unit, context: DetectorContext): DetectorFinding[] {
  const { parent, post, sentences, at } = context;
  if (context.found.length > 0 || !parent || parent.author === post.author || unit.question) return [];
  if (AGREE.has(sentences[0]?.unit.words[0]?.lower ?? '')) return [];
  const pointer = firstPointer(sentences);
  if (!pointer) return [];
  // The first statement with words of its own (the pointer's sentence counts for the words outside the pointer).
  const first = sentences.findIndex(({ unit: u }, k) => !u.question && wordsOutside(u, k === pointer!.at ? pointer!.span[0] : 0, k === pointer!.at ? pointer!.span[1] : 0) >= OWN_WORDS);
  if (first !== at) return [];
  // A reply pointing to where the answer to a question is written answers it ("Per card. It's in the minutes."):
  // a parent that asks anything is answered, not corrected.
  const asked = context.index.sentencesOf(parent).some((id) => context.index.cands[id]!.unit.question);
  const target = asked ? null : answeredSentence(parent, unit, context.earlierCorrections?.get(parent.id), context.index, unit);
  if (!target) return [];
  const reported = sentences[pointer.at]!.unit;
  if (pointer.report && ![...reported.content].some((l) => target.unit.content.has(l))) return [];
  const offset = reported.span[0] - unit.span[0];
  const links = pointer.report ? ['pointer', 'report'] : ['pointer'];
  return [{ target, cue: 'explicit-marker', evidence: [[offset + pointer.span[0], offset + pointer.span[1]]], note: `${pointer.report ? 'record reported' : 'pointer to the record'} "${pointer.phrase}"`, strength: 0.6, links }];
}
