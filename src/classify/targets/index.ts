import type { Target } from '../../schema/classify.js';
import { ThreadlensOptionError } from '../../errors.js';
import type { Token } from '../../text/tokenize.js';
import { wordTokens } from '../../text/word-tokens.js';
import { lemma } from '../../text/lemma.js';
import { isCapitalised, isContent } from '../../text/word-lists.js';
import { NUMBER_WORDS as SHARED_NUMBER_WORDS, PLURAL_NUMBER_WORDS, SCALE_WORDS } from '../../text/number-words.js';
import { PLACES } from './places.js';
import { minOf } from '../../arrays.js';

export interface DeriveTargetsOptions {
  /** How many targets to return at most. Default 8. */
  max?: number;
  /** Mentions a candidate needs (title mentions count double). Default 2. */
  minMentions?: number;
  /** Extra place names (cities, regions) treated like countries: ranked down as the article's setting,
   * dropped when named in at least half of its paragraphs. Default none (countries and continents). */
  places?: readonly string[];
}

interface Candidate {
  key: string;
  /** Surface form -> count. */
  forms: Map<string, number>;
  count: number;
  first: number;
  entity: boolean;
  /** Body paragraphs (by index) that name it. */
  paras: Set<number>;
  /** Mentions in the body (the title alone does not make a target). */
  body: number;
}

const PLACE_SET = new Set(PLACES);
const NUMBER_WORDS = new Set([...SHARED_NUMBER_WORDS.keys(), ...SCALE_WORDS.keys(), ...PLURAL_NUMBER_WORDS, 'several', 'many', 'few', 'first', 'second', 'third', 'last', 'next']);

/** Folds one candidate into another (counts, forms, paragraphs). */
function absorb(into: Candidate, from: Candidate): void {
  into.count += from.count;
  into.body += from.body;
  into.first = Math.min(into.first, from.first);
  for (const [f, n] of from.forms) into.forms.set(f, (into.forms.get(f) ?? 0) + n);
  for (const p of from.paras) into.paras.add(p);
}

const FUNCTION = new Set(['of', 'and', 'for', 'the', 'on', 'in', 'de', 'la']);
// Capitalised words that are not names on their own (sentence openers, titles, months, weekdays).
const NOT_NAMES = new Set([
  'the', 'a', 'an', 'but', 'and', 'or', 'so', 'if', 'when', 'while', 'this', 'that', 'these', 'those', 'it', 'he',
  'she', 'we', 'they', 'i', 'you', 'his', 'her', 'their', 'our', 'my', 'in', 'on', 'at', 'for', 'with', 'after',
  'before', 'under', 'over', 'as', 'by', 'from', 'to', 'mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'dr', 'dr.', 'prime',
  'minister', 'president', 'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september',
  'october', 'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov',
  'dec', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'recalling', 'acknowledging',
  'memories', 'critics', 'experts', 'so', 'far', 'meanwhile', 'however', 'also', 'there', 'here', 'what', 'why', 'how',
  'senior', 'former', 'said', 'says', 'is', 'was', 'has', 'will', 'could', 'would', 'should', 'not', 'no', 'yes',
  'unless', 'although', 'though', 'because', 'since', 'until', 'whether', 'despite', 'without', 'within', 'during',
  'amid', 'among', 'opinion', 'analysis', 'editorial', 'update', 'updated', 'breaking', 'exclusive', 'watch', 'live',
]);
// Generic heads that make poor issue names on their own ("the time", "the way").
const WEAK_HEADS = new Set(['time', 'way', 'thing', 'year', 'day', 'lot', 'part', 'fact', 'cue', 'term', 'number', 'side', 'issue', 'issues', 'area', 'areas', 'idea', 'ideas', 'month', 'week', 'percent', 'task']);

/** A head that reads as a verb, not a noun ("council voted", "grant raised"): past forms in -ed. */
function isVerbLike(w: string): boolean {
  return w.length > 4 && w.endsWith('ed') && !w.endsWith('eed');
}

function isAcronym(t: Token): boolean {
  if (t.kind !== 'word' || t.text.length < 2 || t.text.length > 6) return false;
  for (const ch of t.text) if (ch < 'A' || ch > 'Z') return false;
  return true;
}

/** Normalises a name for grouping: lower case, no possessive, no dots ("U.S." = "US"). */
function normName(s: string): string {
  return s.toLowerCase().replace(/['\u2019]s$/, '').replace(/\./g, '');
}

/**
 * Derives the main entities and issues of an article, each with the aliases the text itself uses:
 * acronyms with their expansions ("Status of Forces Agreement" / "SOFA"), names with their short forms
 * ("Shigeru Ishiba" / "Ishiba"), and modifier-head phrases grouped by light lemma ("U.S. troops",
 * "American forces"). Cheap: one tokenization, counting, no tagger.
 */
export function deriveTargets(article: { title: string | null; text: string }, options: DeriveTargetsOptions = {}): Target[] {
  if (article === null || typeof article !== 'object') throw new ThreadlensOptionError('article', article, 'must be an object with title and text');
  const max = options.max ?? 8;
  const minMentions = options.minMentions ?? 2;
  if (options.places !== undefined && (!Array.isArray(options.places) || options.places.some((p) => typeof p !== 'string'))) {
    throw new ThreadlensOptionError('places', options.places, 'must be an array of strings');
  }
  const extraPlaces = new Set((options.places ?? []).map(normName));
  const isPlace = (norm: string): boolean => PLACE_SET.has(norm) || extraPlaces.has(norm);
  if (!Number.isInteger(max) || max < 0) throw new ThreadlensOptionError('max', max, 'must be a non-negative integer');
  if (!Number.isInteger(minMentions) || minMentions < 1) throw new ThreadlensOptionError('minMentions', minMentions, 'must be a positive integer');
  const title = typeof article.title === 'string' ? article.title : '';
  const body = typeof article.text === 'string' ? article.text : '';
  const cands = new Map<string, Candidate>();
  const acronyms = new Map<string, number>();
  const runs: Array<{ toks: Token[]; weight: number }> = [];
  const modifierUses = new Map<string, number>();
  const loneHeads = new Map<string, number>();
  // The paragraph (body line) of the current token; -1 in the title.
  let para = -1;
  const add = (key: string, form: string, weight: number, pos: number, entity: boolean): void => {
    let c = cands.get(key);
    if (!c) {
      c = { key, forms: new Map(), count: 0, first: pos, entity, paras: new Set(), body: 0 };
      cands.set(key, c);
    }
    c.forms.set(form, (c.forms.get(form) ?? 0) + weight);
    c.count += weight;
    if (para >= 0) {
      c.paras.add(para);
      c.body++;
    }
  };
  let pos = 0;
  let paragraphs = 0;
  for (const [source, weight] of [[title, 2], [body, 1]] as const) {
    const toks = wordTokens(source);
    const inBody = source === body && weight === 1;
    let lineEnd = -1;
    let line = -1;
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i]!;
      pos++;
      if (inBody && t.start > lineEnd) {
        // Paragraphs are body lines; counted as the tokens reach them (one pass over the text).
        const nl = source.indexOf('\n', t.start);
        lineEnd = nl < 0 ? source.length : nl;
        line++;
        paragraphs = line + 1;
      }
      para = inBody ? line : -1;
      if (isAcronym(t)) acronyms.set(t.text, (acronyms.get(t.text) ?? 0) + weight);
      // Capitalised runs, allowing inner "of" / "and": "Status of Forces Agreement".
      if (t.kind === 'word' && isCapitalised(t) && !NOT_NAMES.has(t.lower)) {
        let j = i + 1;
        while (j < toks.length) {
          const u = toks[j]!;
          const v = toks[j + 1];
          if (u.kind === 'word' && isCapitalised(u) && !NOT_NAMES.has(u.lower)) j++;
          else if (
            FUNCTION.has(u.lower) && u.lower !== 'the' && v && isCapitalised(v) && !NOT_NAMES.has(v.lower) &&
            // "US and Japan", "Warsaw and Copenhagen" are two names; "Department of Health and Human Services" one.
            !(u.lower === 'and' && j - i < 3) &&
            // "Shigeru Ishiba of Japan", "Drivers in Norway": a name (or a sentence opener) and a place;
            // "Bank of Japan" stays one name.
            !(isPlace(normName(v.text)) && (u.lower !== 'of' || j - i >= 2))
          ) j += 2;
          else break;
        }
        const run = toks.slice(i, j);
        runs.push({ toks: run, weight });
        // A one-word name used as a modifier ("U.S. troops", "American forces") also makes a phrase.
        const head = toks[j];
        if (j === i + 1 && head && head.kind === 'word' && isContent(head) && !isCapitalised(head) && !WEAK_HEADS.has(head.lower) && !isVerbLike(head.lower)) {
          add(`p:${lemma(normName(t.text))} ${lemma(head.lower)}`, source.slice(t.start, head.end), weight, pos, false);
          // "Trump's comments" names Trump acting; "Japanese government", "U.S. troops" use the name as a modifier.
          if (!/['\u2019]s$/.test(t.text)) modifierUses.set(normName(t.text), (modifierUses.get(normName(t.text)) ?? 0) + weight);
        }
        const form = source.slice(run[0]!.start, run[run.length - 1]!.end).replace(/['\u2019]s$/, '');
        add(`e:${normName(form)}`, form, weight, pos, true);
        i = j - 1;
        continue;
      }
      if (t.kind === 'word' && isContent(t) && !isCapitalised(t)) {
        const l = lemma(t.lower);
        loneHeads.set(l, (loneHeads.get(l) ?? 0) + weight);
      }
      // Modifier + head phrases over content words: "U.S. troops", "bilateral alliance", "SOFA revision".
      const next = toks[i + 1];
      if (
        next && isContent(t) && isContent(next) && next.kind === 'word' && t.kind === 'word' && !NUMBER_WORDS.has(t.lower) &&
        !t.lower.endsWith('ing') && !t.lower.endsWith('ly') && !isCapitalised(next) && !WEAK_HEADS.has(next.lower) && !isVerbLike(next.lower)
      ) {
        const form = source.slice(t.start, next.end);
        add(`p:${lemma(t.lower.replace(/\./g, ''))} ${lemma(next.lower)}`, form, weight, pos, false);
      }
    }
  }
  // Acronyms with their expansions: a capitalised run (or its tail) whose initials spell the acronym.
  const expansionOf = new Map<string, string>();
  for (const { toks } of runs) {
    for (let s = 0; s < toks.length; s++) {
      const tail = toks.slice(s);
      if (tail.length < 2) break;
      const withFn = tail.map((t) => t.text[0]!.toUpperCase()).join('');
      const noFn = tail.filter((t) => !FUNCTION.has(t.lower)).map((t) => t.text[0]!.toUpperCase()).join('');
      for (const acr of acronyms.keys()) {
        if ((acr === withFn || acr === noFn) && !expansionOf.has(acr)) {
          expansionOf.set(acr, tail.map((t) => t.text).join(' '));
        }
      }
    }
  }
  // Merge acronym candidates into their expansion (remembered by key for naming).
  const nameOf = new Map<string, string>();
  for (const [acr, exp] of expansionOf) {
    const a = cands.get(`e:${normName(acr)}`);
    const key = `e:${normName(exp)}`;
    let e = cands.get(key);
    if (!e) {
      e = { key, forms: new Map([[exp, 1]]), count: 1, first: a?.first ?? pos, entity: true, paras: new Set(), body: 0 };
      cands.set(key, e);
    }
    if (a && a !== e) {
      absorb(e, a);
      cands.delete(a.key);
    }
    // Runs that contain the expansion ("Japan-U.S. Status of Forces Agreement") count for it.
    for (const c of [...cands.values()]) {
      if (c !== e && c.entity && c.key.endsWith(` ${normName(exp)}`)) {
        absorb(e, c);
        cands.delete(c.key);
      }
    }
    nameOf.set(key, exp);
  }
  // A one-word name that ends a longer name is an alias of it ("Ishiba" of "Shigeru Ishiba").
  const multi = [...cands.values()].filter((c) => c.entity && c.key.includes(' '));
  for (const c of [...cands.values()]) {
    if (!c.entity || c.key.includes(' ')) continue;
    const word = c.key.slice(2);
    // A place is not the short form of the name it ends ("Japan" of "Bank of Japan").
    const owner = isPlace(word) ? undefined : multi.find((m) => m.key.endsWith(` ${word}`) && cands.has(m.key) && !/[-]/.test(word));
    if (owner && owner.count <= c.count * 2) {
      absorb(owner, c);
      cands.delete(c.key);
    }
  }
  // Names mostly used as modifiers ("Japanese government", "U.S. security") are context, not targets.
  for (const c of [...cands.values()]) {
    if (c.entity && !c.key.includes(' ') && (modifierUses.get(c.key.slice(2)) ?? 0) * 2 >= c.count) cands.delete(c.key);
  }
  // Issues: a head noun named with several modifiers ("bilateral alliance", "Japan-U.S. alliance") and
  // often alone ("the alliance") becomes one target named by its most frequent phrase.
  const byHead = new Map<string, Candidate[]>();
  for (const c of cands.values()) {
    if (c.entity) continue;
    const head = c.key.slice(c.key.lastIndexOf(' ') + 1);
    byHead.set(head, [...(byHead.get(head) ?? []), c]);
  }
  for (const [head, group] of byHead) {
    const lone = loneHeads.get(head) ?? 0;
    const top = group.reduce((a, b) => (b.count > a.count ? b : a));
    if (group.length < 2 || lone < 3 || top.count * 2 >= lone) continue;
    const merged: Candidate = { key: `h:${head}`, forms: new Map(), count: lone, first: minOf(group.map((g) => g.first)), entity: false, paras: new Set(), body: lone };
    for (const g of group) {
      for (const [f, n] of g.forms) merged.forms.set(f, (merged.forms.get(f) ?? 0) + n + 0.5);
      for (const p of g.paras) merged.paras.add(p);
      cands.delete(g.key);
    }
    const bare = [...group[0]!.forms.keys()][0]!.split(' ').pop()!;
    merged.forms.set(bare.toLowerCase(), 0);
    cands.set(merged.key, merged);
  }
  // A bare place named in most paragraphs is the article's setting, not an issue ("Japan" in a story on
  // Japanese politics); a place named less often is kept but ranked below the issues and actors.
  // The setting is the most-named place and any place named nearly as often, when they run through the
  // article (a quarter of its paragraphs or more); other places ("China" in a US-Japan story) stay, ranked down.
  const placeOnly = (c: Candidate): boolean => c.entity && [...c.forms.keys()].every((f) => isPlace(normName(f)));
  let topPlace = 0;
  for (const c of cands.values()) if (placeOnly(c)) topPlace = Math.max(topPlace, c.count);
  const setting = (c: Candidate): boolean => placeOnly(c) && paragraphs >= 3 && c.count * 2 >= topPlace && c.paras.size * 4 >= paragraphs;
  const scored = [...cands.values()]
    .filter((c) => c.count >= minMentions && !setting(c))
    // Named in the title only (often a headline's subject and verb, "Council votes"): ranked down too.
    .map((c) => ({ c, score: c.count * (c.entity ? 1 : 1.2) * (placeOnly(c) ? 0.4 : 1) * (c.body === 0 && paragraphs > 0 ? 0.5 : 1) }))
    .sort((a, b) => b.score - a.score || a.c.first - b.c.first || (a.c.key < b.c.key ? -1 : 1));
  const out: Target[] = [];
  const taken = new Set<string>();
  for (const { c } of scored) {
    if (out.length >= max) break;
    const forms = [...c.forms.entries()].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length || (a[0] < b[0] ? -1 : 1)).map(([f]) => f);
    // Name: the longest form for entities ("Status of Forces Agreement"), the most frequent for phrases.
    const name = nameOf.has(c.key) ? nameOf.get(c.key)! : c.entity ? [...forms].sort((a, b) => b.length - a.length || (a < b ? -1 : 1))[0]! : forms[0]!;
    const lowerName = name.toLowerCase();
    if (taken.has(lowerName)) continue;
    const aliases: string[] = [];
    for (const f of forms) {
      const l = f.toLowerCase();
      if (l !== lowerName && !aliases.some((a) => a.toLowerCase() === l)) aliases.push(f);
    }
    for (const a of [name, ...aliases]) taken.add(a.toLowerCase());
    out.push({ name, aliases });
  }
  return out;
}

/** True for a bare country or continent name ("Japan", "the United States" as "United States"). */
export function isPlaceName(name: string): boolean {
  return PLACE_SET.has(normName(name));
}

/** A text, its pieces (a thread's texts), or their lemma counts from `lemmaCounts` (counted once, read by both subject finders). */
export type SubjectText = string | readonly string[] | ReadonlyMap<string, number>;

/**
 * How often each word's lemma occurs in `text`, or in its pieces (a thread's texts): counted piece by piece,
 * the same counts as of the pieces joined by line breaks (no word spans a line break), without holding the
 * words of a whole thread at once (an 8 MB dump's were about 300 MB).
 */
export function lemmaCounts(text: SubjectText): ReadonlyMap<string, number> {
  if (text instanceof Map) return text;
  const counts = new Map<string, number>();
  for (const piece of typeof text === 'string' ? [text] : Array.isArray(text) ? text : []) {
    if (typeof piece !== 'string') continue;
    for (const t of wordTokens(piece)) {
      if (t.kind !== 'word') continue;
      const l = lemma(normName(t.text));
      counts.set(l, (counts.get(l) ?? 0) + 1);
    }
  }
  return counts;
}

/**
 * The article's subject among derived targets: the index of the one a reader would name, or -1 when none
 * will do. A subject is named in the title, and its head word (the last) keeps coming back in the article:
 * "bike lanes", "water rates", not a headline's subject and verb ("Council votes", "SQLite adds"), whose
 * verb the article seldom repeats. An issue named with a common noun comes before a name; a bare place (the
 * dateline's country) is never the subject. Ties keep the derivation's ranking.
 */
export function pickSubject(targets: readonly Target[], title: string | null, text: SubjectText = ''): number {
  const titleWords = new Set(wordTokens(typeof title === 'string' ? title : '').filter((t) => t.kind === 'word').map((t) => lemma(normName(t.text))));
  const bodyCounts = lemmaCounts(text);
  let best = -1;
  let bestScore = -Infinity;
  targets.forEach((t, i) => {
    const words = wordTokens(t.name).filter((w) => w.kind === 'word');
    if (words.length === 0 || PLACE_SET.has(normName(t.name))) return;
    const inTitle = titleWords.size === 0 || words.some((w) => titleWords.has(lemma(normName(w.text))));
    const issue = words.some((w) => !isCapitalised(w) && isContent(w));
    const head = lemma(normName(words[words.length - 1]!.text));
    const score = (inTitle ? 2 : 0) + (issue ? 1 : 0) + Math.log1p(bodyCounts.get(head) ?? 0) - i * 0.1;
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
  });
  return best;
}

/**
 * The article's subject as a reader would name it, read off the title: the run of one to three content words
 * of the title that the article keeps repeating ("rent cap" of "City extends rent cap for three more years").
 * A headline's verb ("extends", "votes") is seldom repeated in the body, so it falls out; numbers, stop words
 * and bare places ("Germany" of a dateline) break runs. Null when the title has no such run.
 */
export function subjectFromTitle(title: string | null, text: SubjectText): Target | null {
  if (typeof title !== 'string' || title.trim() === '') return null;
  const counts = lemmaCounts(text);
  const toks = wordTokens(title);
  // Runs of content words, broken by anything else.
  const runs: Token[][] = [];
  let run: Token[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    const joins = t.kind === 'punct' && t.text === '-' && run.length > 0 && toks[i + 1]?.kind === 'word' && toks[i + 1]!.start === t.end && run[run.length - 1]!.end === t.start;
    if (joins) continue;
    const ok = t.kind === 'word' && isContent(t) && !NUMBER_WORDS.has(t.lower) && !NOT_NAMES.has(t.lower) && !PLACE_SET.has(normName(t.text));
    if (ok) run.push(t);
    else if (run.length > 0) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length > 0) runs.push(run);
  let best: { from: number; to: number; run: Token[]; score: number } | null = null;
  for (const r of runs) {
    for (let a = 0; a < r.length; a++) {
      for (let b = a + 1; b <= Math.min(r.length, a + 3); b++) {
        const span = r.slice(a, b);
        const freq = span.map((t) => counts.get(lemma(normName(t.text))) ?? 0);
        // Every word comes back at least once, the head (last word) at least twice.
        if (freq.some((f) => f < 1) || freq[freq.length - 1]! < 2) continue;
        const score = freq.reduce((s, f) => s + Math.log1p(f), 0) + Math.log1p(freq[freq.length - 1]!);
        if (!best || score > best.score) best = { from: span[0]!.start, to: span[span.length - 1]!.end, run: span, score };
      }
    }
  }
  if (!best) return null;
  const name = title.slice(best.from, best.to);
  const head = best.run[best.run.length - 1]!.text;
  return { name, aliases: best.run.length > 1 ? [head.toLowerCase()] : [], derived: true };
}
