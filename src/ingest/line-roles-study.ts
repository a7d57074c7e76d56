/**
 * The line-role studies' one interface (session 38, lines38; scripts/study/* only, never the library, not exported
 * from the package's entry): a study's model in place of the shipped one, its reading forced, decoded jointly or
 * unguarded, and the study's chrome variant (line-chrome.ts), all through one hook of line-roles.ts
 * (`setLineRoleStudy`), which the library leaves null. Also the arms only the studies weigh (`disagreeArm`).
 */
import { predict, type LinearModel } from '../learn/model.js';
import { lineFeatures, LINE_ROLES } from './line-features.js';
import { chromeLineFeatures, lineChromeMode } from './line-chrome.js';
import { MIN_STARTS, setLineRoleStudy, type Arbitration, type RoleDecoder, type TriggerFacts } from './line-roles.js';
import type { Line } from './lines.js';

export type { RoleDecoder } from './line-roles.js';

/**
 * Read with `m` instead of the shipped model (null: the shipped one again), and, with `force`, take the model's reading
 * whenever it has three start lines (with `unguarded` too (session 36): even when its authors look wrong more often
 * than the rules', the guard of session 35, so that the reading is the model's alone). A study's chrome variant
 * (line-chrome.ts `useLineChromeForStudy`) applies only to a study's model (`m` not null).
 */
export function useLineModelForStudy(m: LinearModel | null, force = false, decode: RoleDecoder | null = null, unguarded = false): void {
  if (m === null && !force && decode === null) {
    setLineRoleStudy(null);
    return;
  }
  setLineRoleStudy({
    probs: (lines, shipped) =>
      m !== null && lineChromeMode() !== 'off' ? chromeProbs(m, lines) : lineFeatures(lines.map((l) => l.text)).map((f) => (f === null ? null : predict(m ?? shipped, f))),
    decode,
    force,
    unguarded,
  });
}

/**
 * Read with the shipped model and rules, the agreement arm set to candidate `a` (null: off), in place of the library's
 * `ARBITRATION` (session 41, arb41; `useLineModelForStudy(null)` gives the library's own back).
 */
export function useArbitrationForStudy(a: Arbitration | null): void {
  setLineRoleStudy({
    probs: (lines, shipped) => lineFeatures(lines.map((l) => l.text)).map((f) => (f === null ? null : predict(shipped, f))),
    decode: null,
    force: false,
    unguarded: false,
    arbitration: a,
  });
}

/** The study's chrome variant (session 37, lines37; line-chrome.ts): a line the pre-filter set to chrome is chrome, sure. */
function chromeProbs(m: LinearModel, lines: readonly Line[]): Array<number[] | null> {
  const { feats, chrome } = chromeLineFeatures(lines.map((l) => l.text));
  const sure = LINE_ROLES.map((r) => (r === 'chrome' ? 1 : 0));
  return feats.map((f, i) => (chrome[i] ? [...sure] : f === null ? null : predict(m, f)));
}

/**
 * The disagreement arm (session 34, shape34; measured in scripts/study/line-roles-left-out.ts): the rules do not know
 * the layout when the model, with at least three start lines, is sure of lines in their part of the dump and reads at
 * least three of them, and a quarter of them, otherwise than the rules (`sureDisagree`).
 */
export function disagreeArm(f: TriggerFacts): boolean {
  return f.starts >= MIN_STARTS && f.sureDisagree >= 3 && 4 * f.sureDisagree >= f.sureLines;
}
