/**
 * Session 37 (corr40): every plain different-figure finding (value-mismatch.ts, the finding carrying `counted`) on
 * development data, with what each of its two figures counts (counted-noun.ts), by gold label:
 * - the blind rounds of BLIND_DEV_ROUNDS (01-94; gold structure: posts, authors, parents from NAME.gold.json; a post
 *   is a gold correction when its gold `correction` is a kind, false when it is false);
 * - the session-17 correction corpus, its held-out part and blind21 (a post is positive when listed in `expected`,
 *   negative when in `notCorrections`);
 * - the hand-made blind cases of test/corrections-blind/.
 * Per post with such a finding: whether both counted nouns read, whether they agree (share a lemma), whether the
 * post's findings are all plain unlinked findings (alone), and which target kind. Never reads ../shared/eval-threads
 * or a blind round outside the development list.
 * Usage: npx tsx scripts/study/corr40-counted-nouns.ts [--list]
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { countedApart } from '../../src/classify/corrections/counted-noun.js';
import type { ScoredCandidate } from '../../src/classify/corrections/index.js';
import { eachBlindFinding, eachCaseFinding } from './lib/blind-findings.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const list = process.argv.includes('--list');

interface Row {
  source: string;
  where: string;
  gold: boolean | null;
  /** Every finding of the post is a plain different figure with no other link. */
  alone: boolean;
  /** Per plain finding: target kind, readable both, apart. */
  findings: Array<{ kind: string; readable: boolean; apart: boolean; linked: boolean }>;
  text: string;
}
const rows: Row[] = [];

function look(source: string, where: string, gold: boolean | null, cands: ScoredCandidate[], postText: string): void {
  const plain = cands.filter((c) => c.counted);
  if (plain.length === 0) return;
  const alone = cands.every((c) => c.counted && !c.counted.linked);
  const findings = plain.map((c) => ({ kind: c.correction.kind, readable: c.counted!.post !== null && c.counted!.target !== null, apart: countedApart(c.counted!.post, c.counted!.target), linked: c.counted!.linked }));
  const text = plain
    .map((c) => `[${c.correction.kind}] ${c.correction.note} | counted post ${JSON.stringify(c.counted!.post)} target ${JSON.stringify(c.counted!.target)}${c.counted!.linked ? ' LINKED' : ''} | target: ${c.correction.target.text.slice(0, 110)}`)
    .join('\n      ');
  rows.push({ source, where, gold, alone, findings, text: `${text}\n      POST: ${postText.replace(/\s+/g, ' ').slice(0, 260)}` });
}

eachBlindFinding(root, ({ b, post, gold, cands }) => {
  if (gold.removed || gold.correction === null || gold.correction === undefined) return;
  look('blind', `${String(b.number).padStart(2, '0')} #${b.thread.posts.indexOf(post)}`, gold.correction !== false, cands, post.text);
});

const corpora: Array<[string, string]> = [
  ['corpus', join(root, 'scripts/train/data/correction-corpus')],
  ['heldout', join(root, 'scripts/train/data/correction-corpus/heldout')],
  ['blind21', join(root, 'scripts/train/data/correction-corpus/blind21')],
  ['cases-blind', join(root, 'test/corrections-blind')],
];
for (const [source, dir] of corpora) eachCaseFinding(dir, ({ c, post, gold, cands }) => look(source, `${c.name} ${post.id}`, gold, cands, post.text));

// Per source, counts as gold true / false of posts: with a plain finding; with one whose two counted nouns both read;
// of those, one reading apart; alone; alone with every plain finding apart (what "apart corroborates only" drops),
// split by the target's kind.
const sources = [...new Set(rows.map((r) => r.source))];
console.log('source | posts with a plain finding | both nouns read (any finding) | of which apart (any finding) | alone | alone, every finding apart: article / post target');
for (const s of sources) {
  const rs = rows.filter((r) => r.source === s);
  const n = (f: (r: Row) => boolean): string => `${rs.filter((r) => f(r) && r.gold === true).length}/${rs.filter((r) => f(r) && r.gold === false).length}`;
  const allApart = (r: Row, kind: string): boolean => r.alone && r.findings.every((f) => f.apart) && r.findings.every((f) => f.kind === kind);
  console.log(`${s} | ${n(() => true)} (${rs.filter((r) => r.gold === null).length} unlabelled) | ${n((r) => r.findings.some((f) => f.readable))} | ${n((r) => r.findings.some((f) => f.apart))} | ${n((r) => r.alone)} | ${n((r) => allApart(r, 'article'))} / ${n((r) => allApart(r, 'post'))}`);
}
if (list) {
  for (const r of rows) {
    if (!r.findings.some((f) => f.readable)) continue;
    console.log(`${r.source} ${r.where} gold=${r.gold}${r.alone ? ' ALONE' : ''}${r.findings.every((f) => f.apart) ? ' APART' : ''}\n      ${r.text}`);
  }
}
