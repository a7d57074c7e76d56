/**
 * The features of the comment-register claim models (`commentModel`; measuring only, none ships: session 24's fit on
 * the project's comment-claims corpus, scripts/train/lib/comment-claims-fit.ts, and session 26's on the blind threads'
 * posts, scripts/train/lib/thread-claims-fit.ts): what the cue scorer reads of a
 * sentence (value kinds, past tense, comparison, opinion frame, imperative, question, reported speaker, the cue score's
 * decile, number shapes, a few marks, capitalised words, length) and what the comment register reads (register.ts:
 * finite predicate, modal, time or place phrase, copula with a definite subject, anchors, evaluative words of the
 * sentiment lexicon by polarity), with grammatical person, a hedge, a comma after the opening words ("Oh great, ...",
 * "Fair enough, ...") and a negator. The words of the sentence (`w:`) come last: the model knows only those its
 * training kept (none, when it was fit without a word layer). Every name is from a closed class or a shape; no word
 * of the corpus is named here.
 */
import type { Token } from '../../text/tokenize.js';
import type { StatementShape } from './register.js';

const FIRST_PERSON = new Set(['i', 'me', 'my', 'mine', 'we', 'us', 'our', 'ours', 'im', 'ive', 'weve']);
const SECOND_PERSON = new Set(['you', 'your', 'yours', 'youre', 'youve', 'yourself']);
const THIRD_SUBJECTS = new Set(['he', 'she', 'they', 'it']);
const NEGATORS = new Set(['not', 'no', 'never', 'dont', 'didnt', 'doesnt', 'isnt', 'wasnt', 'arent', 'werent', 'cant', 'wont', 'hasnt', 'havent', 'hadnt', 'couldnt', 'shouldnt', 'wouldnt']);

/** Cue features the model reads; the word, bigram, lemma and opening-word features are left to the word layer or out. */
function isCueFeature(f: string): boolean {
  return !(f.startsWith('w:') || f.startsWith('b:') || f.startsWith('l:') || f.startsWith('p0:') || f.startsWith('p01:'));
}

/**
 * The comment-register model's features of one sentence: `cueFeatures` (the cue scorer's model features, see
 * `claimFeatures`), its statement shape, its word tokens (`words`, no punctuation) and all tokens, and whether a hedge
 * phrase was found.
 */
export function commentClaimFeatures(cueFeatures: readonly string[], shape: StatementShape, words: readonly Token[], toks: readonly Token[], hedged: boolean): string[] {
  const out = cueFeatures.filter(isCueFeature);
  if (shape.finite) out.push('st:finite');
  if (shape.modal) out.push('st:modal');
  if (shape.statement) out.push('st:statement');
  if (shape.timePlace) out.push('st:time-place');
  if (shape.definiteCopula) out.push('st:definite-copula');
  out.push(`st:anchors:${Math.min(shape.anchors, 2)}`);
  if (shape.negativeWords > 0) out.push(`ev:neg:${Math.min(shape.negativeWords, 2)}`);
  if (shape.positiveWords > 0) out.push(`ev:pos:${Math.min(shape.positiveWords, 2)}`);
  if (!shape.evaluative) out.push('ev:none');
  let first = false;
  let second = false;
  let negated = false;
  for (const w of words) {
    if (FIRST_PERSON.has(w.norm)) first = true;
    if (SECOND_PERSON.has(w.norm)) second = true;
    if (NEGATORS.has(w.norm)) negated = true;
  }
  if (first) out.push('per:1');
  if (second) out.push('per:2');
  const opener = words[0]?.norm ?? '';
  out.push(FIRST_PERSON.has(opener) ? 'subj:1' : SECOND_PERSON.has(opener) ? 'subj:2' : THIRD_SUBJECTS.has(opener) ? 'subj:3' : 'subj:other');
  if (negated) out.push('f:negated');
  if (hedged) out.push('f:hedge');
  // A comma after the first one or two words: an interjection or a discourse opener ("Oh great, ...", "Sure, ...",
  // "Fair enough, ...", "Small correction: ...").
  const firstPunct = toks.findIndex((t) => t.kind === 'punct');
  if (firstPunct >= 1 && firstPunct <= 2 && (toks[firstPunct]!.text === ',' || toks[firstPunct]!.text === ':') && words.length > 3) out.push('o:opener');
  for (const w of words) out.push(`w:${w.lower}`);
  return out;
}
