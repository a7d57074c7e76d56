/**
 * Session 36 (corr39): every plain different-figure finding against an article sentence (value-mismatch.ts, the
 * finding carrying `agreement`) on development data, with what the two figures' clauses share, by gold label:
 * - the blind rounds 01-88 (gold structure: posts, authors, parents from NAME.gold.json; a post is a gold correction
 *   when its gold `correction` is a kind, false when it is false);
 * - the session-17 correction corpus, its held-out part and blind21 (a post is positive when listed in `expected`,
 *   negative when in `notCorrections`);
 * - the hand-made blind cases of test/corrections-blind/.
 * For each post with such a finding: whether it is alone (no other finding of the post) and whether the agreement
 * reads the pair as the same thing. Then the counts a rule "a lone finding the agreement does not support is dropped"
 * would change, per source. Never reads ../shared/eval-threads or a blind round outside the development list.
 * Usage: npx tsx scripts/study/corr39-value-agreement.ts [--list]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { collectCorrections, type CorrectionPost, type ScoredCandidate } from '../../src/classify/corrections/index.js';
import type { Correction } from '../../src/schema/classify.js';
import { buildCase, type BlindCase } from '../../test/corrections-helpers.js';
import { blindThreads } from '../train/lib/correction-rows.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const list = process.argv.includes('--list');

interface Row {
  source: string;
  where: string;
  gold: boolean | null;
  alone: boolean;
  same: boolean;
  text: string;
}
const rows: Row[] = [];

function look(source: string, where: string, gold: boolean | null, cands: ScoredCandidate[], postText: string): void {
  const plain = cands.filter((c) => c.agreement);
  if (plain.length === 0) return;
  const alone = cands.every((c) => c.agreement && !c.agreement.linked);
  const same = plain.some((c) => c.agreement!.same || c.agreement!.linked);
  const text = plain
    .map((c) => `${c.correction.note} | shared [${c.agreement!.shared.join(', ')}]${c.agreement!.linked ? ' LINKED' : ''} | post: ${c.correction.evidence.map((e) => e.text).join(' / ')} | target: ${c.correction.target.text.slice(0, 110)}`)
    .join('\n      ');
  rows.push({ source, where, gold, alone, same, text: `${text}\n      POST: ${postText.replace(/\s+/g, ' ').slice(0, 300)}` });
}

for (const b of blindThreads(root)) {
  const t = b.thread;
  const found = new Map<string, Correction[]>();
  t.posts.forEach((post, i) => {
    const gp = t.gold.posts[i]!;
    const cands = gp.removed || post.text === '' ? [] : collectCorrections({ post, earlier: t.posts.slice(0, i), articleSentences: t.articleSentences, earlierCorrections: found });
    found.set(post.id, cands.map((c) => c.correction));
    if (gp.removed || gp.correction === null || gp.correction === undefined) return;
    look('blind', `${String(b.number).padStart(2, '0')} #${i}`, gp.correction !== false, cands, post.text);
  });
}

const corpora: Array<[string, string]> = [
  ['corpus', join(root, 'scripts/train/data/correction-corpus')],
  ['heldout', join(root, 'scripts/train/data/correction-corpus/heldout')],
  ['blind21', join(root, 'scripts/train/data/correction-corpus/blind21')],
  ['cases-blind', join(root, 'test/corrections-blind')],
];
for (const [source, dir] of corpora) {
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const c = JSON.parse(readFileSync(join(dir, file), 'utf8')) as BlindCase;
    const { articleSentences, posts } = buildCase({ ...c, expected: [] });
    const found = new Map<string, Correction[]>();
    const positive = new Set(c.expected.map((e) => e.post));
    const negative = new Set(c.notCorrections);
    posts.forEach((p: CorrectionPost, i) => {
      const cands = collectCorrections({ post: p, earlier: posts.slice(0, i), articleSentences, earlierCorrections: found });
      found.set(p.id, cands.map((x) => x.correction));
      look(source, `${c.name} ${p.id}`, positive.has(p.id) ? true : negative.has(p.id) ? false : null, cands, p.text);
    });
  }
}

const sources = [...new Set(rows.map((r) => r.source))];
console.log('source | posts with a plain article finding (gold true / false / unlabelled) | alone: true/false | alone and not supported (dropped by the rule): true/false');
for (const s of sources) {
  const rs = rows.filter((r) => r.source === s);
  const n = (f: (r: Row) => boolean): string => `${rs.filter((r) => f(r) && r.gold === true).length}/${rs.filter((r) => f(r) && r.gold === false).length}`;
  console.log(`${s} | ${rs.length} (${n(() => true)}, ${rs.filter((r) => r.gold === null).length} unlabelled) | ${n((r) => r.alone)} | ${n((r) => r.alone && !r.same)}`);
}
if (list) {
  for (const r of rows) {
    if (!r.alone) continue;
    console.log(`${r.source} ${r.where} gold=${r.gold} ${r.same ? 'SAME' : 'drop'}\n      ${r.text}`);
  }
}
