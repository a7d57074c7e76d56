import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { concessionOf } from '../../src/classify/corrections/conceded-self.js';
import { eachBlindFinding } from './lib/blind-findings.js';
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
eachBlindFinding(root, ({ t, post, i, gold: gp, cands, found }) => {
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
