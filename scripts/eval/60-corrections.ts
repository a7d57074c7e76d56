/**
 * Corrections: precision and recall on the hand-made thread cases in test/corrections-cases/ (written
 * for threadlens; no external data). A labelled correction counts as found when a correction of the same
 * post has the same kind and target; the cue is scored separately.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EvalContext, EvalSection } from '../eval.js';
import { findArticleInconsistencies, findConcessions, findCorrections } from '../../src/classify/corrections/index.js';
import type { Correction } from '../../src/schema/classify.js';
import { buildCase, type CorrectionCase } from '../../test/corrections-helpers.js';

export async function run(ctx: EvalContext): Promise<EvalSection> {
  const dir = join(ctx.root, 'test', 'corrections-cases');
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let cueRight = 0;
  let negPosts = 0;
  let negFlagged = 0;
  let conTp = 0;
  let conAll = 0;
  let incTp = 0;
  let incFp = 0;
  let incFn = 0;
  for (const file of files) {
    const c = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CorrectionCase;
    const { articleSentences, posts } = buildCase(c);
    const map = new Map<string, Correction[]>();
    posts.forEach((p, i) => map.set(p.id, findCorrections({ post: p, earlier: posts.slice(0, i), articleSentences, earlierCorrections: map })));
    const key = (post: string, kind: string, target: { article?: number; post?: string }) => `${post}|${kind}|${target.post ?? `a${target.article}`}`;
    const got = new Map<string, Set<string>>();
    for (const [id, cs] of map) {
      for (const x of cs) {
        const t = x.target.kind === 'post' ? { post: x.target.postId } : { article: articleSentences.findIndex((s) => s.span[0] === x.target.span[0]) };
        const k = key(id, x.kind, t);
        got.set(k, (got.get(k) ?? new Set()).add(x.cue));
      }
    }
    const expected = new Map<string, Set<string>>();
    for (const e of c.expected) {
      const k = key(e.post, e.kind, e.target);
      expected.set(k, (expected.get(k) ?? new Set()).add(e.cue));
    }
    for (const [k, cues] of expected) {
      const g = got.get(k);
      if (g) {
        tp++;
        if ([...cues].some((cue) => g.has(cue))) cueRight++;
      } else fn++;
    }
    for (const k of got.keys()) if (!expected.has(k)) fp++;
    const labelled = new Set(c.expected.map((e) => e.post));
    for (const p of posts) {
      if (labelled.has(p.id)) continue;
      negPosts++;
      if ((map.get(p.id) ?? []).length > 0) negFlagged++;
    }
    for (const con of c.concessions ?? []) {
      conAll++;
      const i = posts.findIndex((p) => p.id === con.post);
      const found = findConcessions({ post: posts[i]!, earlier: posts.slice(0, i), articleSentences, corrections: map });
      if (found.length === 1 && found[0]!.postId === con.correctedBy) conTp++;
    }
    const inc = new Set(findArticleInconsistencies(articleSentences).map((x) => articleSentences.findIndex((s) => s.span[0] === x.target.span[0])));
    const want = new Set((c.inconsistencies ?? []).map((x) => x.article));
    for (const a of want) if (inc.has(a)) incTp++;
    else incFn++;
    for (const a of inc) if (!want.has(a)) incFp++;
  }
  const ds = `hand-made cases (${files.length} threads)`;
  const div = (a: number, b: number) => (b === 0 ? 1 : a / b);
  return {
    title: 'Corrections (hand-made thread cases)',
    rows: [
      { dataset: ds, metric: `precision (${tp + fp} found)`, system: 'findCorrections', value: div(tp, tp + fp), target: 'no false corrections' },
      { dataset: ds, metric: `recall (${tp + fn} labelled)`, system: 'findCorrections', value: div(tp, tp + fn), target: 'all found' },
      { dataset: ds, metric: 'cue agrees (of found)', system: 'findCorrections', value: div(cueRight, tp) },
      { dataset: ds, metric: `unlabelled posts flagged (${negPosts})`, system: 'findCorrections', value: div(negFlagged, negPosts) },
      { dataset: ds, metric: `concessions linked (${conAll})`, system: 'findConcessions', value: div(conTp, conAll) },
      { dataset: ds, metric: `inconsistency precision`, system: 'findArticleInconsistencies', value: div(incTp, incTp + incFp) },
      { dataset: ds, metric: `inconsistency recall`, system: 'findArticleInconsistencies', value: div(incTp, incTp + incFn) },
    ],
    notes: [
      'The cases in test/corrections-cases/ were written for threadlens: corrections of the article (different date, number, negated statement, refuting fact, explicit marker), of another post, of a correction, self-corrections ("*1998, not 1989", a one-word edit), a concession, an internally inconsistent article, and negatives (insults, plain disagreement, "That\'s not true, you clown", a prediction, a question, an opinion, agreement). They were written alongside the rules, so the figures show coverage, not generalisation; the seed 001 expectations are pinned in test/corrections.test.ts.',
    ],
  };
}
