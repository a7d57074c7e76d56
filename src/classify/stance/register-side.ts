/**
 * The writer's own feeling as the side of a post the stance model reads flat (session 27; the stance step's
 * REGISTER_TONE, `fill` at margin 0; docs/stance.md "session 27 (stance27)"). The stance model reads a post that never names its subject by the
 * general sentiment score; many reader complaints are scored flat there ("I take my mom there on Saturdays ... $75
 * we don't have"). The comment register (src/classify/sentiment/register.ts) reads the same post's label in the
 * register of reader comments; where it is sure enough, its label is the post's tone toward the thread's subject:
 * negative against, positive for. Closed classes only: three labels, a margin, the register's own rules (flipped
 * praise reads negative, a label without evidence is neutral). The reply links of the stance step apply after it,
 * as to any tone reading (a question, a corrected fact or an insult voids it; a plain reply's tone is read toward
 * its parent's side).
 */
import type { StanceResult } from '../../schema/classify.js';

/** How the register's label is used. */
export interface RegisterTone {
  /** The register's label is a side only when its probability beats the next label's by more than this. */
  readonly margin: number;
  /**
   * `fill`: only a subject the model reads flat (implicit, neutral) takes the register's side; `replace`: every
   * side read from tone on a subject the post never names is the register's (none when the register is not sure).
   */
  readonly mode: 'fill' | 'replace';
  /**
   * Session 28: where the register's label gives no side (neutral, or within the margin, or without sentiment
   * evidence), a negative probability above the positive one by more than this is the side against, the reverse the
   * side for (flipped praise against); undefined or null: off.
   */
  readonly lean?: number | null;
}

/** The side the register's probabilities (negative, neutral, positive) give, or null (neutral or within the margin). */
export function registerSide(p: readonly number[], flipped: boolean, hasEvidence: boolean, margin: number): 'favor' | 'against' | null {
  let best = 0;
  for (let k = 1; k < 3; k++) if (p[k]! > p[best]!) best = k;
  if (best === 1 || !hasEvidence) return null;
  const second = Math.max(...[0, 1, 2].filter((k) => k !== best).map((k) => p[k]!));
  if (p[best]! - second <= margin) return null;
  // Praise the sarcasm detector flipped reads negative (as the register's label does).
  return best === 0 || flipped ? 'against' : 'favor';
}

/**
 * The side the register's probabilities (negative, neutral, positive) lean to when its label gives none: negative over
 * positive by more than `margin` against, positive over negative by more than `margin` for (against when the sarcasm
 * detector flipped the post's praise), else null.
 */
export function registerLeanSide(p: readonly number[], flipped: boolean, margin: number): 'favor' | 'against' | null {
  const d = p[0]! - p[2]!;
  if (d > margin) return 'against';
  if (-d > margin) return flipped ? 'against' : 'favor';
  return null;
}

/** Whether a reading rests on a rule of its own (a declaration, a change target's object): not a tone reading. */
function ruled(s: StanceResult): boolean {
  return s.evidence.some((e) => e.cue.startsWith('declares:') || e.cue.startsWith('change-object:') || e.cue.startsWith('scorns-holders-of:'));
}

/**
 * `stances` with the register's side (`side`, null for none) as the tone reading of every subject the post never
 * names and no rule decided, per `tone.mode`; `evidence` (the sentiment evidence, relative to the text) backs it,
 * cue `register:favor|against`.
 */
export function withRegisterSide(
  stances: readonly StanceResult[],
  side: 'favor' | 'against' | null,
  evidence: ReadonlyArray<{ span: [number, number]; text: string }>,
  tone: RegisterTone,
  cue = 'register',
): StanceResult[] {
  return stances.map((s) => {
    if (s.implicit !== true || ruled(s)) return s;
    if (tone.mode === 'fill' && s.label !== 'neutral') return s;
    if (side === null) return tone.mode === 'fill' || s.label === 'neutral' ? s : { ...s, label: 'neutral' };
    return { target: s.target, label: side, confidence: 0.55, evidence: evidence.slice(0, 2).map((e) => ({ span: e.span, text: e.text, cue: `${cue}:${side}` })), implicit: true };
  });
}
