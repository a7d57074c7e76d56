/**
 * Session 38 (corr41): a reply W that concedes to a post P answering W's author (P's parent is by W's author, P by
 * someone else): the gold labels of W and of P, by whether the detectors find anything in each (gold structure, blind
 * development rounds only). A concession is the acts step's `concession` act (`concessionOf`) or a phrase of
 * `findConcessions`' list (`concessionPhraseAt`). Never reads ../shared/eval-threads.
 * Usage: npx tsx scripts/study/corr41-concession-chains.ts [--list]
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { collectCorrections } from '../../src/classify/corrections/index.js';
import { concessionOf } from '../../src/classify/corrections/conceded-self.js';
import { concessionPhraseAt } from '../../src/classify/corrections/concessions.js';
import type { Correction } from '../../src/schema/classify.js';
import { BLIND_ROUNDS, blindThreads, roundOf } from '../train/lib/correction-rows.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const list = process.argv.includes('--list');
const counts = new Map<string, number>();
const bump = (k: string): void => void counts.set(k, (counts.get(k) ?? 0) + 1);
const label = (c: unknown): string => (c === false ? 'false' : typeof c === 'string' ? c : 'null');

for (const b of blindThreads(root)) {
  const t = b.thread;
  const found = new Map<string, Correction[]>();
  const cands = t.posts.map((post, i) => {
    const gp = t.gold.posts[i]!;
    const cs = gp.removed || post.text === '' ? [] : collectCorrections({ post, earlier: t.posts.slice(0, i), articleSentences: t.articleSentences, earlierCorrections: found });
    found.set(post.id, cs.map((c) => c.correction));
    return cs;
  });
  const index = new Map(t.posts.map((p, i) => [p.id, i]));
  t.posts.forEach((w, i) => {
    const gw = t.gold.posts[i]!;
    if (gw.removed || w.parentId === null || w.author === null) return;
    const pi = index.get(w.parentId);
    if (pi === undefined) return;
    const p = t.posts[pi]!;
    if (p.author === null || p.author === w.author || p.parentId === null) return;
    const qi = index.get(p.parentId);
    if (qi === undefined || t.posts[qi]!.author !== w.author) return;
    const act = concessionOf(w, p) !== undefined;
    const phrase = concessionPhraseAt(w.text) !== null;
    if (!act && !phrase) return;
    const gp = t.gold.posts[pi]!;
    const key = `W ${label(gw.correction)} (found ${cands[i]!.length > 0 ? 'y' : 'n'}) / P ${label(gp.correction)} (found ${cands[pi]!.length > 0 ? 'y' : 'n'}) [${act ? 'act' : 'list'}]`;
    bump(key);
    if (list) console.log(`r${BLIND_ROUNDS[roundOf(b)]!.label} ${t.name} W#${i} ${key} :: ${w.text.replace(/\s+/g, ' ').slice(0, 160)} <<P#${pi}: ${p.text.replace(/\s+/g, ' ').slice(0, 160)}>>`);
  });
}
for (const [k, v] of [...counts].sort()) console.log(`${v}\t${k}`);
