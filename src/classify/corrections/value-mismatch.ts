/**
 * Different date or number for the same event: a value of the sentence and one of a candidate differ, and
 * the words around the two values share a word (or both are reported statements of one speaker). A "Y, not
 * X" sentence names the corrected value itself and is left to the not-x-but-y detector.
 */
import { lemma } from '../../text/lemma.js';
import { notClause, topicLabel } from './clauses.js';
import { AGREE, differentAmount, sharedWords } from './compare.js';
import { NUMBER_WORDS } from '../../text/number-words.js';
import type { Detector, DetectorContext, DetectorFinding } from './detector.js';
import { countedNoun } from './counted-noun.js';
import { unitKey } from './paraphrase.js';
import { isFrameValue } from './value-frames.js';
import type { Candidate } from './thread-index.js';
import { eventWords, isDateValue, type Unit } from './units.js';
import { pushAll } from '../../arrays.js';
import type { Token } from '../../text/tokenize.js';

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

// The period a rate is counted over, as written right after its amount ("£160 a month", "$2 per hour", "60 a week").
const PERIODS = new Set(['hour', 'day', 'night', 'week', 'fortnight', 'month', 'quarter', 'year', 'annum', 'term', 'season', 'shift']);
const PER = new Set(['a', 'an', 'per', 'each', 'every']);
// Words near a figure that say when, not what happened: the periods (compared by `measureOf`) and time deixis.
const WHEN = new Set([...PERIODS, 'last', 'next', 'previous', 'past']);
function whatWords(words: Set<string>): Set<string> {
  for (const w of WHEN) words.delete(w);
  return words;
}

// Words after an amount that make it a change of a level rather than the level ("21 dirhams more", "£4 extra").
const CHANGE = new Set(['more', 'less', 'extra', 'fewer', 'higher', 'lower']);

/**
 * What an amount measures besides its unit, as written right after it (session 29b): the period of a rate
 * ("month" for "£160 a month"), and whether it is a change ("change/month" for "21 dirhams more a month"); null for
 * a level or total. Two amounts of one unit are compared only when this is the same for both.
 */
/** "Germany: €12.82 an hour" and a sentence that does not name Germany: a topic label one sentence puts its figures under and the other does not name. */
export function topicsApart(a: Unit, b: Unit): boolean {
  const aLabel = topicLabel(a);
  const bLabel = topicLabel(b);
  return (aLabel !== null && !b.content.has(lemma(aLabel)) && !b.lemmas.includes(aLabel)) || (bLabel !== null && !a.content.has(lemma(bLabel)) && !a.lemmas.includes(bLabel));
}

export function measureOf(u: Unit, span: Unit['values'][number]['span']): string | null {
  let at = u.words.findIndex((w) => w.start >= span[1]);
  if (at < 0) return null;
  const change = CHANGE.has(u.words[at]!.lower);
  if (change) at++;
  const per = u.words[at]?.lower ?? '';
  let period: string | null = null;
  if (/^(?:annually|yearly)$/.test(per)) period = 'year';
  else if (/^(?:monthly|weekly|hourly|nightly)$/.test(per)) period = per.slice(0, -2);
  else if (per === 'daily') period = 'day';
  else if (PER.has(per)) {
    const noun = u.words[at + 1]?.lower.replace(/s$/, '') ?? '';
    if (PERIODS.has(noun)) period = noun === 'annum' ? 'year' : noun;
  }
  if (!change) return period;
  return `change/${period ?? ''}`;
}

function mismatches(post: Unit, target: Unit, candidate: Candidate, shared: number, statedInArticle: (valueIndex: number) => boolean, speakerLinked: boolean, quoted: boolean): DetectorFinding[] {
  const out: DetectorFinding[] = [];
  // A sentence that repeats one of the target's values agrees on it; its other values are about other things
  // ("the table has 88.6% for the second dose and 93% for the first").
  if (post.keys.some((keys) => keys.some((k) => !k.startsWith('y:') && target.keys.some((tk) => tk.includes(k))))) return out;
  // "Germany: €12.82 an hour": figures under a topic label the other sentence does not name are about something else.
  if (topicsApart(post, target)) return out;
  post.values.forEach((postValue, pi) => {
    if (postValue.unit === 'decade' || postValue.kind === 'entity' || post.personal.has(pi)) return;
    target.values.forEach((targetValue, ti) => {
      if (targetValue.unit === 'decade' || target.personal.has(ti)) return;
      const dates = isDateValue(postValue) && isDateValue(targetValue);
      const agent = !dates && (agentOfOther(post, postValue, target, targetValue) || agentOfOther(target, targetValue, post, postValue));
      const sameUnit = !dates && ((postValue.kind === targetValue.kind && unitKey(postValue.unit, post.paraphrases) === unitKey(targetValue.unit, post.paraphrases) && postValue.kind !== 'number') || agent);
      if (!dates && !sameUnit) return;
      // A rate and a total, rates over two periods, or a change and a level are two measures ("£160 a month" and
      // "£1,791 a year"; "21 dirhams more a month" and "2,000 dirhams a month").
      if (!dates && measureOf(post, postValue.span) !== measureOf(target, targetValue.span)) return;
      const postNumber = typeof postValue.value === 'number' ? postValue.value : parseInt(String(postValue.value), 10);
      const targetNumber = typeof targetValue.value === 'number' ? targetValue.value : parseInt(String(targetValue.value), 10);
      if (!Number.isFinite(postNumber) || !Number.isFinite(targetNumber)) return;
      if (!differentAmount(postNumber, targetNumber, postValue.approximate || targetValue.approximate, dates ? 'year' : postValue.kind)) return;
      if (!dates && statedInArticle(pi)) return;
      const postEvent = whatWords(eventWords(post, postValue.span));
      const targetEvent = whatWords(eventWords(target, targetValue.span));
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
        ...(dates ? {} : { counted: { post: countedNoun(post, postValue.span, WHEN), target: countedNoun(target, targetValue.span, WHEN), linked: quoted || agent || (speakerLinked && post.speech && target.speech) } }),
      });
    });
  });
  return out;
}

/** Words after "X is" that agree with X rather than re-assign it ("75 is right", "that figure is correct"). */
const AGREEING = new Set(['right', 'correct', 'true', 'accurate', 'fine', 'ok', 'okay', 'spot', 'exactly', 'indeed', 'wrong', 'not', "isn't", "wasn't"]);
const COPULAS = new Set(['is', 'was', 'are', 'were', "'s", '\u2019s']);

function amount(v: Unit['values'][number]): number {
  return typeof v.value === 'number' ? v.value : parseFloat(String(v.value));
}

/** True when two values may count the same thing: same kind and unit, or one of them a bare number. */
function sameMeasure(a: Unit['values'][number], b: Unit['values'][number], paraphrases: Unit['paraphrases']): boolean {
  // A frequency compares only with a frequency (session 27).
  if (isFrameValue(a) || isFrameValue(b)) return a.unit === b.unit;
  if (a.kind === 'number' || b.kind === 'number') return true;
  return a.kind === b.kind && unitKey(a.unit, paraphrases) === unitKey(b.unit, paraphrases);
}

/**
 * "Shares fell 3 percent, 8 was the intraday low." / "1,200 was the March figure." next to "The latest is 1,637":
 * the post takes a figure X of the article or the parent as the subject of "is"/"was" (opening a clause) to give
 * it another referent, scope or time, and states a different figure Y of the same measure in the same or a
 * neighbouring sentence: X is re-assigned and Y is the corrected figure. The target is the sentence stating X.
 * "75 is right" agrees; a Y the article or an earlier post states, or the writer's own ("mine is 950"), is no correction.
 */
function reassignedFigure(unit: Unit, context: DetectorContext): DetectorFinding[] {
  const { index, parent } = context;
  const ids: number[] = [];
  for (let id = 0; id < index.articleCount; id++) ids.push(id);
  if (parent) pushAll(ids, index.sentencesOf(parent));
  const targets = ids.map((id) => index.cands[id]!).filter((c) => context.foreign(c) && !c.unit.question);
  if (targets.length === 0) return [];
  const articleAmounts = new Set<number>();
  for (let id = 0; id < index.articleCount; id++) for (const v of index.cands[id]!.unit.values) if (!isDateValue(v) && v.kind !== 'entity') articleAmounts.add(amount(v));
  for (let xi = 0; xi < unit.values.length; xi++) {
    const x = unit.values[xi]!;
    if (x.kind === 'entity' || isDateValue(x) || x.unit === 'decade' || unit.personal.has(xi)) continue;
    if (!opensClause(unit.text, x.span[0])) continue;
    const after = unit.words.slice(firstWordFrom(unit.words, x.span[1]));
    let k = 0;
    while (k < after.length && /^(only|just|actually|really)$/.test(after[k]!.lower)) k++;
    if (!COPULAS.has(after[k]?.lower ?? '') || AGREEING.has(after[k + 1]?.lower ?? '')) continue;
    const xAmount = amount(x);
    if (!Number.isFinite(xAmount)) continue;
    const target = targets.find((c) => c.unit.values.some((v, vi) => v.kind !== 'entity' && !isDateValue(v) && !c.unit.personal.has(vi) && amount(v) === xAmount && sameMeasure(x, v, unit.paraphrases)));
    if (!target) continue;
    const stated = target.unit.values.find((v) => v.kind !== 'entity' && !isDateValue(v) && amount(v) === xAmount)!;
    const near = [context.at - 1, context.at, context.at + 1].filter((i) => i >= 0 && i < context.sentences.length).map((i) => context.sentences[i]!.unit);
    const y = near.flatMap((u) => u.values.filter((v, vi) => v !== x && !u.personal.has(vi) && !u.question)).find(
      (v) => v.kind !== 'entity' && !isDateValue(v) && v.unit !== 'decade' && sameMeasure(v, stated, unit.paraphrases) && Number.isFinite(amount(v)) &&
        differentAmount(amount(v), xAmount, v.approximate || x.approximate, v.kind) && !articleAmounts.has(amount(v)) && !target.unit.values.some((t) => amount(t) === amount(v)),
    );
    // A figure someone in the thread already gave is re-assigned too ("600,000 is the national target, 30,000 is
    // the scheme's"): the post sorts out two known figures, it corrects neither.
    if (!y || context.earlier.some((p) => index.sentencesOf(p).some((id) => index.cands[id]!.unit.values.some((v) => v.kind !== 'entity' && amount(v) === amount(y))))) continue;
    const end = after[k + 1]?.end ?? after[k]!.end;
    return [{ target, cue: 'different-number', evidence: [[x.span[0], end]], note: `${x.text} re-assigned; ${y.text} given instead of ${stated.text}`, strength: 0.6 }];
  }
  return [];
}

/**
 * Whether the text before `at` is empty or ends in `,` `;` `:`, past one "the" / "only" / "just" and spaces. Reads
 * only the end of the text: a regex anchored at the end (`/\b(?:the|only|just)\s*$/`) scans the whole prefix, once
 * per value of the sentence (quadratic in a sentence of thousands of figures).
 */
export function opensClause(text: string, at: number): boolean {
  let before = text.slice(0, at).trimEnd();
  const word = /\b(?:the|only|just)$/i.exec(before.slice(-5));
  if (word) before = before.slice(0, before.length - word[0].length).trimEnd();
  return before === '' || /[,;:]/.test(before[before.length - 1]!);
}

/** The index of the first of `words` (in text order) that starts at or after `at`; `words.length` when none does. */
export function firstWordFrom(words: readonly Token[], at: number): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (words[mid]!.start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The count a word states: a spelled cardinal ("three") or a plain number of up to four digits that is not a year. */
function countOf(token: { text: string; lower: string; kind: string }): number | null {
  const spelled = NUMBER_WORDS.get(token.lower);
  if (spelled !== undefined) return spelled;
  return /^\d{1,3}(?:,\d{3})?$/.test(token.text) ? Number(token.text.replace(/,/g, '')) : null;
}

/**
 * "Three days? The union site says two, ..." / "Three years? ... so that's nearly five.": right after an echo
 * question (quotes.ts) that repeats a count of the quoted sentence, the answer states another count and not the
 * echoed one: a different number for the quoted sentence. Counts the value reader leaves as words count too.
 */
function echoedCount(unit: Unit, context: DetectorContext): DetectorFinding[] {
  const quoted = context.quoted;
  const echo = context.sentences[context.at - 1]?.unit;
  if (!quoted || !echo || !echo.question || !context.foreign(quoted) || quoted.unit.question || unit.question) return [];
  const echoed = echo.words.map(countOf).filter((n): n is number => n !== null);
  if (echoed.length === 0) return [];
  if (unit.words.some((w) => AGREE.has(w.lower)) || unit.personal.size > 0) return [];
  const counts = unit.words.flatMap((w, i) => {
    const n = countOf(w);
    return n === null || unit.words[i + 1]?.lower === 'of' || /^(st|nd|rd|th)$/.test(unit.words[i + 1]?.lower ?? '') ? [] : [{ n, w }];
  });
  if (counts.length === 0 || counts.some((c) => echoed.includes(c.n))) return [];
  const other = counts.find((c) => !quoted.unit.words.some((t) => countOf(t) === c.n));
  if (!other) return [];
  return [{ target: quoted, cue: 'different-number', evidence: [[other.w.start, other.w.end]], note: `${other.w.text} here, where the echoed sentence says ${echoed[0]}`, strength: 0.55 }];
}

export const valueMismatch: Detector = {
  id: 'value-mismatch',
  find(unit, context) {
    // No value of its own, nothing to mismatch (most sentences): skip the candidates' shared words.
    if (unit.values.length === 0) return echoedCount(unit, context);
    const clause = notClause(unit);
    if (clause !== null && ('value' in clause.x || clause.xKeys.length > 0)) return [];
    const out: DetectorFinding[] = [];
    for (const candidate of context.ranked.slice(0, CANDIDATES_LOOKED_AT)) {
      if (candidate.unit.values.length === 0) continue;
      const linked = context.speakerLinked.has(candidate);
      const shared = sharedWords(unit, candidate.unit).shared.length + (linked ? 1 : 0);
      pushAll(out, mismatches(unit, candidate.unit, candidate, shared, context.statedInArticle, linked, candidate === context.quoted));
    }
    if (out.length > 0) return out;
    const reassigned = reassignedFigure(unit, context);
    return reassigned.length > 0 ? reassigned : echoedCount(unit, context);
  },
};
