/**
 * A cheap, linear tokenizer shared by claims, stance, targets and corrections. No regex over the whole
 * text: one pass over UTF-16 code units, so odd input (lone surrogates, NUL, 1 MB lines) cannot hurt it.
 */

export interface Token {
  /** The token as written. */
  text: string;
  /** Lower-cased text, curly apostrophes made straight. */
  lower: string;
  /** `[start, end)` offsets into the tokenized text. */
  start: number;
  end: number;
  /** `word` (letters, maybe digits), `number` (starts with a digit) or `punct` (one character). */
  kind: 'word' | 'number' | 'punct';
}

const LETTER = /\p{L}|\p{M}/u;

/** True for a letter or combining mark (ASCII fast path). */
export function isLetterCode(code: number): boolean {
  if (code < 128) return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  if (code >= 0xd800 && code <= 0xdfff) return false; // surrogates: emoji and lone halves are not letters
  return LETTER.test(String.fromCharCode(code));
}
function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}
function isSpaceCode(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0 || code === 0x3000 || code === 12 || code === 11 || code === 0x2028 || code === 0x2029;
}

/** Splits `text` into words, numbers and single punctuation characters, with offsets. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpaceCode(c)) {
      i++;
      continue;
    }
    const startsDigit = isDigitCode(c);
    if (startsDigit || isLetterCode(c)) {
      let j = i + 1;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (isLetterCode(d) || isDigitCode(d)) {
          j++;
          continue;
        }
        // Inner joiners: apostrophes and hyphens between letters, periods in "U.S.", commas and points in
        // "54,000" and "1.5".
        const next = j + 1 < n ? text.charCodeAt(j + 1) : 0;
        const prev = text.charCodeAt(j - 1);
        if ((d === 39 || d === 0x2019 || (d === 45 && !startsDigit)) && (isLetterCode(next) || isDigitCode(next)) && !isSpaceCode(prev)) {
          j++;
          continue;
        }
        if ((d === 44 || d === 46) && isDigitCode(prev) && isDigitCode(next) && startsDigit) {
          j++;
          continue;
        }
        if (d === 46 && !startsDigit && isLetterCode(next) && j + 2 <= n && text.charCodeAt(j + 2) === 46) {
          // "U.S." / "e.g.": keep the inner periods of an initialism.
          j++;
          continue;
        }
        break;
      }
      // An initialism keeps its final period ("U.S.").
      if (j < n && text.charCodeAt(j) === 46 && j - i >= 3 && text.charCodeAt(j - 2) === 46) j++;
      const t = text.slice(i, j);
      out.push({ text: t, lower: t.toLowerCase().replace(/\u2019/g, "'"), start: i, end: j, kind: startsDigit ? 'number' : 'word' });
      i = j;
      continue;
    }
    // Surrogate pairs stay one token so spans never split a character.
    const w = c >= 0xd800 && c <= 0xdbff && i + 1 < n && text.charCodeAt(i + 1) >= 0xdc00 && text.charCodeAt(i + 1) <= 0xdfff ? 2 : 1;
    const t = text.slice(i, i + w);
    out.push({ text: t, lower: t, start: i, end: i + w, kind: 'punct' });
    i += w;
  }
  return out;
}

const IRREGULAR: Record<string, string> = {
  said: 'say', says: 'say', saying: 'say', told: 'tell', went: 'go', gone: 'go', did: 'do', does: 'do',
  done: 'do', was: 'be', were: 'be', is: 'be', are: 'be', been: 'be', am: 'be', has: 'have', had: 'have',
  made: 'make', took: 'take', taken: 'take', gave: 'give', given: 'give', won: 'win', lost: 'lose',
  built: 'build', spent: 'spend', rose: 'rise', risen: 'rise', fell: 'fall', fallen: 'fall', grew: 'grow',
  grown: 'grow', began: 'begin', begun: 'begin', wrote: 'write', written: 'write', men: 'man', women: 'woman',
  children: 'child', people: 'people', news: 'news', us: 'us', u: 'us', 'u.s.': 'us', usa: 'us', america: 'us',
  american: 'us', americans: 'us', tvs: 'television', tv: 'television', televisions: 'television',
  assistance: 'help', assist: 'help', aid: 'help', helps: 'help', helped: 'help', helping: 'help',
  troops: 'force', troop: 'force', forces: 'force', military: 'force', soldiers: 'force',
  opened: 'open', signed: 'sign', attacked: 'attack', attacks: 'attack', attacking: 'attack',
  froze: 'freeze', frozen: 'freeze', paid: 'pay', sold: 'sell', bought: 'buy', brought: 'bring', kept: 'keep',
  left: 'leave', met: 'meet', sent: 'send', held: 'hold', led: 'lead', ran: 'run', saw: 'see', seen: 'see',
  knew: 'know', known: 'know', chose: 'choose', chosen: 'choose', cut: 'cut', set: 'set', put: 'put',
  struck: 'strike', stood: 'stand', found: 'find', came: 'come', became: 'become', broke: 'break',
  broken: 'break', voted: 'vote', passed: 'pass', closed: 'close', raised: 'raise', rates: 'rate',
};

/** "dropp" -> "drop", "plann" -> "plan" (a consonant doubled before -ed/-ing); "miss", "call", "buzz" stay. */
function undouble(stem: string): string {
  const last = stem[stem.length - 1];
  if (stem.length >= 4 && last === stem[stem.length - 2] && last !== undefined && !'aeioulsz'.includes(last)) return stem.slice(0, -1);
  return stem;
}

/** Light lemma: irregular forms, possessives, plural and -ed/-ing endings. Cheap and approximate. */
export function lemma(lower: string): string {
  let w = lower;
  if (w.endsWith("'s") || w.endsWith('\u2019s')) w = w.slice(0, -2);
  const irr = IRREGULAR[w];
  if (irr !== undefined) return irr;
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 4 && (w.endsWith('ches') || w.endsWith('shes') || w.endsWith('sses') || w.endsWith('xes'))) return w.slice(0, -2);
  if (w.length > 5 && w.endsWith('ing')) return undouble(w.slice(0, -3));
  if (w.length > 4 && w.endsWith('ied')) return `${w.slice(0, -3)}y`;
  if (w.length > 4 && w.endsWith('ed')) return w.endsWith('eed') ? w : undouble(w.slice(0, -2));
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) return w.slice(0, -1);
  return w;
}

export const STOPWORDS = new Set(
  (
    'a an the and or but nor so yet if then than that this these those there here it its it\'s itself i me my mine ' +
    'myself we us our ours you your yours he him his she her hers they them their theirs what which who whom whose ' +
    'when where why how all any both each few more most other some such no not only own same too very can will ' +
    'just should would could might must may shall do does did doing done be is am are was were been being have has ' +
    'had having of at by for with about against between into through during before after above below to from up ' +
    'down in out on off over under again further once as until while because also even still ever never now well ' +
    'get got gets one ones thing things lot way much many really like don\'t doesn\'t didn\'t isn\'t aren\'t wasn\'t ' +
    'weren\'t won\'t can\'t cannot im i\'m you\'re they\'re we\'re he\'s she\'s that\'s what\'s there\'s let let\'s ' +
    'said say says saying'
  ).split(' '),
);

/** True for a token that carries content (not a stop word, not punctuation, at least 2 characters). */
export function isContent(t: Token): boolean {
  return t.kind !== 'punct' && t.text.length >= 2 && !STOPWORDS.has(t.lower);
}

/** True when the token is written with a capital first letter. */
export function isCapitalised(t: Token): boolean {
  const c = t.text[0] ?? '';
  return c !== c.toLowerCase() && c === c.toUpperCase();
}

const NEGATORS = new Set([
  'not', 'no', 'never', 'nobody', 'nothing', 'none', 'neither', 'nor', 'nowhere', 'cannot', 'without', 'zero',
  "don't", "doesn't", "didn't", "isn't", "aren't", "wasn't", "weren't", "won't", "can't", "couldn't", "shouldn't",
  "wouldn't", "hasn't", "haven't", "hadn't", 'dont', 'doesnt', 'didnt', 'isnt', 'arent', 'wasnt', 'cant', 'wont',
  'no-one', "ain't",
]);

/** True for a negating token ("not", "never", "doesn't", "nobody"). */
export function isNegator(t: Token): boolean {
  return NEGATORS.has(t.lower.replace('\u2019', "'"));
}
