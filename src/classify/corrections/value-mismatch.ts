/**
 * Different date or number for the same event: a value of the sentence and one of a candidate differ, and
 * the words around the two values share a word (or both are reported statements of one speaker). A "Y, not
 * X" sentence names the corrected value itself and is left to the not-x-but-y detector.
 */
import { lemma } from '../../text/lemma.js';
import { notClause, topicLabel } from './clauses.js';
import { differentAmount, sharedWords } from './compare.js';
import type { Detector, DetectorFinding } from './detector.js';
import { unitKey } from './paraphrase.js';
import type { Candidate } from './thread-index.js';
import { eventWords, isDateValue, type Unit } from './units.js';

/** The candidates looked at, best first. */
const CANDIDATES_LOOKED_AT = 12;

/** The verbs an agent noun may come from ("finishers" -> finish, "runners" -> run, "voters" -> vote), or none. */
function agentVerbs(unit: string | null | undefined): string[] {
  if (!unit) return [];
  const m = /^([a-z]{3,}?)(?:er|or)$/.exec(lemma(unit.toLowerCase()));
  if (!m) return [];
  const stem = m[1]!;
  const out = [stem, `${stem}e`];
  // "runn" -> "run": a doubled last consonant (no backreference: see test/redos.test.ts).
  const last = stem[stem.length - 1]!;
  if (last === stem[stem.length - 2] && 'bdgmnprt'.includes(last)) out.push(stem.slice(0, -1));
  return out;
}

/**
 * Two counts of people named differently ("38,212 finishers" and "50,000 runners finished"): one count's noun
 * names the doer of a verb that stands next to the other count. Counted things under different nouns are
 * otherwise other things.
 */
function agentOfOther(a: Unit, av: Unit['values'][number], b: Unit, bv: Unit['values'][number]): boolean {
  if (av.kind !== 'quantity' || bv.kind !== 'quantity') return false;
  const near = eventWords(b, bv.span);
  return agentVerbs(av.unit).some((v) => near.has(v));
}

function mismatches(post: Unit, target: Unit, candidate: Candidate, shared: number, statedInArticle: (valueIndex: number) => boolean, speakerLinked: boolean, quoted: boolean): DetectorFinding[] {
  const out: DetectorFinding[] = [];
  // A sentence that repeats one of the target's values agrees on it; its other values are about other things
  // ("the table has 88.6% for the second dose and 93% for the first").
  if (post.keys.some((keys) => keys.some((k) => !k.startsWith('y:') && target.keys.some((tk) => tk.includes(k))))) return out;
  // "Germany: €12.82 an hour": figures under a topic label the other sentence does not name are about something else.
  const postLabel = topicLabel(post);
  const targetLabel = topicLabel(target);
  if ((postLabel !== null && !target.content.has(lemma(postLabel)) && !target.lemmas.includes(postLabel)) || (targetLabel !== null && !post.content.has(lemma(targetLabel)) && !post.lemmas.includes(targetLabel))) return out;
  post.values.forEach((postValue, pi) => {
    if (postValue.unit === 'decade' || postValue.kind === 'entity' || post.personal.has(pi)) return;
    target.values.forEach((targetValue, ti) => {
      if (targetValue.unit === 'decade' || target.personal.has(ti)) return;
      const dates = isDateValue(postValue) && isDateValue(targetValue);
      const agent = !dates && (agentOfOther(post, postValue, target, targetValue) || agentOfOther(target, targetValue, post, postValue));
      const sameUnit = !dates && ((postValue.kind === targetValue.kind && unitKey(postValue.unit, post.paraphrases) === unitKey(targetValue.unit, post.paraphrases) && postValue.kind !== 'number') || agent);
      if (!dates && !sameUnit) return;
      const postNumber = typeof postValue.value === 'number' ? postValue.value : parseInt(String(postValue.value), 10);
      const targetNumber = typeof targetValue.value === 'number' ? targetValue.value : parseInt(String(targetValue.value), 10);
      if (!Number.isFinite(postNumber) || !Number.isFinite(targetNumber)) return;
      if (!differentAmount(postNumber, targetNumber, postValue.approximate || targetValue.approximate, dates ? 'year' : postValue.kind)) return;
      if (!dates && statedInArticle(pi)) return;
      const postEvent = eventWords(post, postValue.span);
      const targetEvent = eventWords(target, targetValue.span);
      // Two reported statements of the same person (through a pronoun) are the same event; so is the quote
      // this sentence answers and the answer's value of the same kind.
      const sameEvent = quoted || agent || [...postEvent].some((w) => targetEvent.has(w)) || (speakerLinked && post.speech && target.speech);
      if (!sameEvent || shared + (sameUnit ? 1 : 0) + (quoted ? 1 : 0) < 1) return;
      out.push({
        target: candidate,
        cue: dates ? 'different-date' : 'different-number',
        evidence: [postValue.span],
        note: `${postValue.text} here, ${targetValue.text} in the ${candidate.kind === 'article' ? 'article' : 'earlier post'}`,
        strength: 0.7,
      });
    });
  });
  return out;
}

export const valueMismatch: Detector = {
  id: 'value-mismatch',
  find(unit, context) {
    // No value of its own, nothing to mismatch (most sentences): skip the candidates' shared words.
    if (unit.values.length === 0) return [];
    const clause = notClause(unit);
    if (clause !== null && ('value' in clause.x || clause.xKeys.length > 0)) return [];
    const out: DetectorFinding[] = [];
    for (const candidate of context.ranked.slice(0, CANDIDATES_LOOKED_AT)) {
      if (candidate.unit.values.length === 0) continue;
      const linked = context.speakerLinked.has(candidate);
      const shared = sharedWords(unit, candidate.unit).shared.length + (linked ? 1 : 0);
      out.push(...mismatches(unit, candidate.unit, candidate, shared, context.statedInArticle, linked, candidate === context.quoted));
    }
    return out;
  },
};
