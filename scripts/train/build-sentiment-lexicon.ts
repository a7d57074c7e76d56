/**
 * Derives src/classify/sentiment/lexicon-vader.json from VADER's lexicon (node_modules/vader-sentiment/
 * vader_lexicon.txt; VADER by C.J. Hutto, MIT; vaderSentiment-js by Comcast, Apache-2.0), rescaled to AFINN's
 * -5..5 and kept only where |mean rating| >= MIN_VALENCE:
 * - `emoticons` wink lacks ("=(", ":-D", "</3"): added to the lexicon and to the tokenizer;
 * - `ratings`: VADER's human rating of words, slang and acronyms ("fab", "yay", "lol", "wtf", "smh", "cant stand"),
 *   the second lexicon the learned model reads next to AFINN's integers (see docs/sentiment.md). A rating that
 *   AFINN (or lexicon.json) already gives within ROUNDING is left out: the rated lexicon falls back to them.
 * Deterministic; run by hand when the VADER package changes: tsx scripts/train/build-sentiment-lexicon.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import afinn from 'wink-sentiment/src/afinn-en-165.js';
import bigrams from 'wink-sentiment/src/afinn-en-165-2grams.js';
import emoticons from 'wink-sentiment/src/emoticons.js';
import news from '../../src/classify/sentiment/lexicon.json' with { type: 'json' };
import { normKey } from '../../src/classify/sentiment/lexicon.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
// VADER rates -4..4, AFINN -5..5; on the 2,643 words both share, AFINN ~ VADER x 1.3. Rounded to one decimal.
const TO_AFINN = 1.25;
const MIN_VALENCE = 0.5;
const ROUNDING = 0.35;
// An emoticon is a run of punctuation with at least one eye; letter-initial ones ("D:", "xD") would be words.
const EMOTICON = /^[^\p{L}\p{N}\s][^\s]*$/u;
const EYES = /[:;=]|<\/?3$|^\\o\/$/;

const known = new Map<string, number>([
  ...Object.entries(afinn).map(([k, v]): [string, number] => [normKey(k), v]),
  ...Object.entries(bigrams).flatMap(([a, nexts]) => Object.entries(nexts).map(([b, v]): [string, number] => [normKey(`${a} ${b}`), v])),
  ...Object.entries(news.entries).map(([k, v]): [string, number] => [normKey(k), v]),
]);
const knownEmoticons = new Set(Object.keys(emoticons));

const ratings: Record<string, number> = {};
const faces: Record<string, number> = {};
const seen = new Set<string>();
for (const line of readFileSync(join(root, 'node_modules', 'vader-sentiment', 'vader_lexicon.txt'), 'utf8').split('\n')) {
  const [raw, v] = line.split('\t');
  if (!raw || v === undefined) continue;
  const valence = Number(v);
  if (!Number.isFinite(valence) || seen.has(raw)) continue;
  seen.add(raw);
  const score = Math.round(valence * TO_AFINN * 10) / 10;
  if (EMOTICON.test(raw) && EYES.test(raw)) {
    if (!knownEmoticons.has(raw) && Math.abs(valence) >= MIN_VALENCE) faces[raw] = score;
    continue;
  }
  if (!/^[a-z][a-z'\- ]*$/.test(raw)) continue; // leetspeak and codes ("143", "gr8") are too rare to ship
  const key = normKey(raw);
  if (key in ratings || Math.abs(valence) < MIN_VALENCE) continue;
  const base = known.get(key);
  if (base === undefined || Math.abs(base - score) > ROUNDING) ratings[key] = score;
}
const sorted = (o: Record<string, number>): Record<string, number> => Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]!]));
const out = {
  $comment:
    'Derived from the VADER lexicon (C.J. Hutto, vaderSentiment, MIT; as shipped in npm vader-sentiment, Apache-2.0, Copyright 2018 Comcast Cable Communications Management, LLC) by scripts/train/build-sentiment-lexicon.ts. Mean human ratings x 1.25 (AFINN scale -5..5), |rating| >= 0.5. "emoticons": those wink-sentiment lacks (added to the lexicon). "ratings": the second, rated lexicon the learned model reads (words AFINN rates the same are left out; lookups fall back to AFINN).',
  emoticons: sorted(faces),
  ratings: sorted(ratings),
};
const file = join(root, 'src', 'classify', 'sentiment', 'lexicon-vader.json');
writeFileSync(file, `${JSON.stringify(out)}\n`);
console.log(`${Object.keys(faces).length} emoticons, ${Object.keys(ratings).length} ratings -> ${file}`);
