/**
 * Structured decoding of the line-role model (session 36, lines36; study only, docs/dump-styles.md): the roles of a
 * dump's non-blank lines read jointly instead of line by line. Given to the parser through
 * `useLineModelForStudy(model, force, decoder)` (src/ingest/line-roles.ts `RoleDecoder`).
 */
import { LINE_ROLES } from '../../../src/ingest/line-features.js';
import type { RoleDecoder } from '../../../src/ingest/line-roles-study.js';

/** Smallest probability a log is taken of. */
const MIN_P = 1e-9;

/**
 * Viterbi over the non-blank lines (blank lines, null, skipped): the roles maximising `Σ log p_i(r_i) - Σ log
 * prior(r_i) + Σ log T(r_{i-1}, r_i)`, `T` from `constants`' `transition:a>b` (scripts/train/lib/line-roles-data.ts
 * `roleTransitions`), `prior` from its `prior:r` when `hybrid` (else 0). Ties go to the lower role index
 * (deterministic). Linear in the lines (roles² per line).
 */
export function viterbiDecoder(constants: Readonly<Record<string, number>>, hybrid = false): RoleDecoder {
  const R = LINE_ROLES.length;
  const logT: number[] = [];
  for (const a of LINE_ROLES) for (const b of LINE_ROLES) logT.push(Math.log(Math.max(MIN_P, constants[`transition:${a}>${b}`] ?? MIN_P)));
  const logPrior = LINE_ROLES.map((r) => (hybrid ? Math.log(Math.max(MIN_P, constants[`prior:${r}`] ?? MIN_P)) : 0));
  return (probs) => {
    const at: number[] = [];
    probs.forEach((p, i) => {
      if (p !== null) at.push(i);
    });
    const out: Array<number | null> = probs.map(() => null);
    if (at.length === 0) return out;
    // back[k * R + r]: the best role of non-blank line k - 1 given role r on line k
    const back = new Int8Array(at.length * R);
    const emit = (p: readonly number[], r: number): number => Math.log(Math.max(MIN_P, p[r]!)) - logPrior[r]!;
    let score = LINE_ROLES.map((_, r) => emit(probs[at[0]!]!, r));
    for (let k = 1; k < at.length; k++) {
      const p = probs[at[k]!]!;
      const next = new Array<number>(R);
      for (let r = 0; r < R; r++) {
        let best = 0;
        let bestScore = -Infinity;
        for (let q = 0; q < R; q++) {
          const s = score[q]! + logT[q * R + r]!;
          if (s > bestScore) {
            bestScore = s;
            best = q;
          }
        }
        back[k * R + r] = best;
        next[r] = bestScore + emit(p, r);
      }
      score = next;
    }
    let r = 0;
    for (let q = 1; q < R; q++) if (score[q]! > score[r]!) r = q;
    for (let k = at.length - 1; k >= 0; k--) {
      out[at[k]!] = r;
      r = back[k * R + r]!;
    }
    return out;
  };
}
