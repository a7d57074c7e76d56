/**
 * Session 27 (corr27): every gold `self` post of the blind development rounds (01-34, gold structure), found or not,
 * and every post a concession reader marks (the acts step's `concession` act against the parent, or a
 * `findConcessions` link), with its gold kind, whether a `self` finding exists, and how the post stands to the writer's
 * earlier post (the parent corrected it: a finding of the parent aimed at the writer; the parent answers it; neither).
 * (`act:` the acts step's concession act, `list:` only a phrase of `findConcessions`' list; `linked` whether
 * `findConcessions` links it.) The shape column of docs/corrections.md is read by hand from this list. Never reads ../shared/eval-threads.
 * Usage: npx tsx scripts/study/concession-shapes.ts
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findConcessions } from '../../src/classify/corrections/index.js';
import { concessionPhraseAt } from '../../src/classify/corrections/concessions.js';
import { concessionOf } from '../../src/classify/corrections/conceded-self.js';
import { roundOf, BLIND_ROUNDS } from '../train/lib/correction-rows.js';
import { eachBlindFinding } from './lib/blind-findings.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
eachBlindFinding(root, ({ b, t, post, i, gold: gp, cands, found }) => {
  if (gp.removed || post.text === '') return;
  const earlier = t.posts.slice(0, i);
  const parent = post.parentId !== null ? earlier.filter((p) => p.id === post.parentId).pop() : undefined;
  const act = parent ? concessionOf(post, parent) : undefined;
  const linked = findConcessions({ post, earlier, articleSentences: t.articleSentences, corrections: found });
  const listed = concessionPhraseAt(post.text);
  if (gp.correction !== 'self' && !act && linked.length === 0 && !listed) return;
  const byId = (id: string | null) => earlier.filter((p) => p.id === id).pop();
  const fixedWriter = parent ? (found.get(parent.id) ?? []).some((c) => c.target.kind === 'post' && byId(c.target.postId)?.author === post.author) : false;
  const answersWriter = parent ? byId(parent.parentId)?.author === post.author && parent.author !== post.author : false;
  const rel = fixedWriter ? 'parent-corrected-writer' : answersWriter ? 'parent-answers-writer' : parent ? 'other' : 'top';
  const kinds = [...new Set(cands.map((c) => `${c.correction.kind}/${c.correction.detector}`))].join(',') || '-';
  const phrase = act ? `act:${act.evidence.text}` : listed ? `list:${post.text.slice(listed[0], listed[1])}` : '-';
  console.log(`${BLIND_ROUNDS[roundOf(b)]!.label}\t${t.name} #${i}\tgold=${gp.correction}\t${rel}\t${phrase}\tlinked=${linked.length > 0 ? 'yes' : 'no'}\tfound=${kinds}\t${post.text.replace(/\s+/g, ' ').slice(0, 200)}`);
});
