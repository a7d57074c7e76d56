import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { collectCorrections } from '../../src/classify/corrections/index.js';
import { concessionOf } from '../../src/classify/corrections/conceded-self.js';
import type { Correction } from '../../src/schema/classify.js';
import { blindThreads } from '../train/lib/correction-rows.js';
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
for (const b of blindThreads(root)) {
  const t = b.thread;
  const found = new Map<string, Correction[]>();
  t.posts.forEach((post, i) => {
    const gp = t.gold.posts[i]!;
    const cands = gp.removed || post.text === '' ? [] : collectCorrections({ post, earlier: t.posts.slice(0, i), articleSentences: t.articleSentences, earlierCorrections: found });
    found.set(post.id, cands.map((c) => c.correction));
    if (gp.correction !== 'self' || cands.length > 0) return;
    const parent = t.posts.slice(0, i).reverse().find((p) => p.id === post.parentId);
    const fixed = parent ? (found.get(parent.id) ?? []).filter((c) => c.target.kind === 'post') : [];
    const grand = parent ? t.posts.slice(0, i).reverse().find((p) => p.id === parent.parentId) : undefined;
    const conc = parent ? concessionOf(post, parent) : undefined;
    console.log(`${t.name} #${i} author=${post.author} parentAuthor=${parent?.author} grandAuthor=${grand?.author} fixed=${fixed.map((c) => c.target.kind === 'post' ? c.target.postId : '').join(',')} conc=${conc?.evidence.text ?? '-'}`);
    console.log('   POST: ' + post.text.replace(/\s+/g, ' ').slice(0, 160));
    console.log('   PARENT: ' + (parent?.text ?? '').replace(/\s+/g, ' ').slice(0, 200));
    console.log('   GRAND: ' + (grand?.text ?? '').replace(/\s+/g, ' ').slice(0, 200));
  });
}
