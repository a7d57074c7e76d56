import type { Correction } from '../../schema/classify.js';
import type { Span } from '../../schema/common.js';
import { extractValues } from '../../text/values.js';
import { wordTokens } from '../../text/word-tokens.js';

const UP = new Set(['rose', 'risen', 'rise', 'rises', 'increased', 'increase', 'grew', 'grown', 'climbed', 'jumped', 'soared', 'up', 'gained']);
const DOWN = new Set(['fell', 'fallen', 'fall', 'falls', 'decreased', 'decrease', 'dropped', 'declined', 'shrank', 'plunged', 'slumped', 'down', 'lost', 'cut']);
const RATIO: Record<string, number> = { doubled: 2, double: 2, tripled: 3, triple: 3, quadrupled: 4, halved: 0.5 };

/**
 * Checks the article against itself: wording that its own figures contradict ("rose from 12 to 9",
 * "doubled from 10 to 12", "a majority, 45 percent") and the same quantity given two different exact
 * values in two sentences. Spans are those of the given sentences (absolute when they are).
 */
export function findArticleInconsistencies(articleSentences: ReadonlyArray<{ span: Span; text: string }>): Correction[] {
  const out: Correction[] = [];
  const list = Array.isArray(articleSentences) ? articleSentences.filter((s) => s && typeof s.text === 'string') : [];
  const exact = new Map<string, { value: number; text: string; span: Span; sentence: { span: Span; text: string } }>();
  for (const s of list) {
    const toks = wordTokens(s.text);
    const values = extractValues(s.text, toks, { entities: false }).filter((v) => typeof v.value === 'number' && v.kind !== 'year');
    const abs = (sp: Span): Span => [s.span[0] + sp[0], s.span[0] + sp[1]];
    const push = (evidence: Span, note: string, target = s): void => {
      out.push({
        kind: 'article',
        target: { kind: 'article', span: [target.span[0], target.span[1]], text: target.text },
        evidence: [{ span: abs(evidence), text: s.text.slice(evidence[0], evidence[1]), cue: 'internal-inconsistency' }],
        cue: 'internal-inconsistency',
        detector: 'article-inconsistency',
        note,
        confidence: 0.6,
      });
    };
    // "from X to Y" with a direction or ratio word before it.
    for (let i = 0; i < toks.length; i++) {
      if (toks[i]!.lower !== 'from') continue;
      const x = values.find((v) => v.span[0] >= toks[i]!.end && v.span[0] <= toks[i]!.end + 2);
      if (!x) continue;
      const toTok = toks.find((t) => t.start >= x.span[1] && t.lower === 'to' && t.start <= x.span[1] + 2);
      if (!toTok) continue;
      const y = values.find((v) => v.span[0] >= toTok.end && v.span[0] <= toTok.end + 2);
      if (!y) continue;
      const xv = x.value as number;
      const yv = y.value as number;
      let verb = '';
      for (let k = Math.max(0, i - 6); k < i; k++) {
        const w = toks[k]!.lower;
        if (UP.has(w) || DOWN.has(w) || RATIO[w] !== undefined) verb = w;
      }
      if (!verb) continue;
      const span: Span = [x.span[0], y.span[1]];
      if (UP.has(verb) && yv < xv) push(span, `"${verb}" but ${x.text} to ${y.text} is a fall`);
      else if (DOWN.has(verb) && yv > xv) push(span, `"${verb}" but ${x.text} to ${y.text} is a rise`);
      else if (RATIO[verb] !== undefined && xv > 0) {
        const r = yv / xv;
        const want = RATIO[verb]!;
        if (Math.abs(r - want) / want > 0.25) push(span, `"${verb}" but ${x.text} to ${y.text} is ×${Math.round(r * 100) / 100}`);
      }
    }
    // "majority" with a share under half.
    if (toks.some((t) => t.lower === 'majority')) {
      for (const v of values) if (v.kind === 'percent' && (v.value as number) < 50 && !v.approximate) push(v.span, `"majority" but ${v.text}`);
    }
    // The same unit given two exact values in two sentences.
    for (const v of values) {
      if (v.approximate || v.kind !== 'quantity' || !v.unit) continue;
      const prev = exact.get(v.unit);
      if (prev && prev.value !== v.value && prev.sentence !== s) {
        push(v.span, `${v.text} here, ${prev.text} earlier in the article`, prev.sentence);
      } else if (!prev) exact.set(v.unit, { value: v.value as number, text: v.text, span: v.span, sentence: s });
    }
  }
  return out;
}
