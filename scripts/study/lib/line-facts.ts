/**
 * The line-role trigger's facts for a parsed document (study only): which lines fall in a post of the rules' parse
 * (from the document's blocks), which in a post's text, where each post's text starts, and the model's guesses for
 * every line. Read by scripts/study/fallback-trigger.ts and scripts/study/line-roles-left-out.ts.
 */
import { guessLineRoles, triggerFacts, type TriggerFacts } from '../../../src/ingest/line-roles.js';
import { splitLines } from '../../../src/ingest/lines.js';

/** The parts of a parsed document the facts read. */
export interface FactsDoc {
  thread: { posts: ReadonlyArray<{ removed?: boolean; lines?: ReadonlyArray<{ span: readonly [number, number] }> }> };
  /** `post`: the index of the block's post in `thread.posts` (typed as the documents' JSON declares it). */
  blocks: ReadonlyArray<{ kind: string; span: readonly [number, number]; post: string | number | null }>;
}

export interface LineFacts {
  lines: ReturnType<typeof splitLines>;
  guesses: ReturnType<typeof guessLineRoles>;
  /** Index of each line whose start falls in a block of the block's post... */
  inPost: Set<number>;
  /** ... and in a post-body block. */
  inText: Set<number>;
  /** The line where each post's text starts. */
  starts: Set<number>;
  /** src/ingest/line-roles.ts `triggerFacts` over the above. */
  facts: TriggerFacts;
}

/** The trigger's facts and the line sets they come from. */
export function lineFacts(text: string, doc: FactsDoc): LineFacts {
  const lines = splitLines(text);
  const inPost = new Set<number>();
  const inText = new Set<number>();
  const inHead = new Set<number>();
  // each post's own text lines (post-body blocks; a leading quote is a block of its own), removed posts left out
  const texts = doc.thread.posts.map((): number[] => []);
  let b = 0;
  for (const line of lines) {
    while (b < doc.blocks.length && doc.blocks[b]!.span[1] <= line.start) b++;
    const block = doc.blocks[b];
    if (!block || block.span[0] > line.start) continue;
    if (block.post !== null) inPost.add(line.index);
    if (block.kind === 'post-header') inHead.add(line.index);
    if (block.kind === 'post-body') {
      inText.add(line.index);
      const k = typeof block.post === 'number' ? block.post : -1;
      if (line.text.trim() !== '' && texts[k] !== undefined && doc.thread.posts[k]!.removed !== true) texts[k]!.push(line.index);
    }
  }
  const lineAt = (offset: number): number => {
    let lo = 0;
    let hi = lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lines[mid]!.start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const starts = new Set<number>();
  for (const p of doc.thread.posts) if ((p.lines?.length ?? 0) > 0) starts.add(lineAt(p.lines![0]!.span[0]));
  const guesses = guessLineRoles(lines);
  const facts = triggerFacts(guesses, doc.thread.posts.length, (i) => inPost.has(i), starts, (i) => inText.has(i), texts, (i) => inHead.has(i));
  return { lines, guesses, inPost, inText, starts, facts };
}
