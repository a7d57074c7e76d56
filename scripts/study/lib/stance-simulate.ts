/**
 * The re-reading of a gold dump's stances that the thread-stance studies share (study only; session 28's
 * scripts/study/stance-no-side.ts, session 29's scripts/study/stance-top-level.ts): each dump analysed in-process with
 * the stance step's `link` switched off for one read (every post's `run` reading), the comment register's fill taken
 * out of it, then put back with a given register reading and the stance step's link run in dump order under a variant
 * of the rules. With the shipped register and the shipped rules it gives the pipeline's own labels
 * (stance-no-side.ts `--check`).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyze } from '../../../src/index.js';
import type { StanceResult } from '../../../src/schema/classify.js';
import { COMMENT_REGISTER_MODEL } from '../../../src/classify/sentiment/register.js';
import { registerLeanSide, registerSide, withRegisterSide } from '../../../src/classify/stance/register-side.js';
import { REGISTER_TONE, stanceStep, linkStances, type ReplyLinks } from '../../../src/classify/steps/stance.js';
import type { StepPost } from '../../../src/classify/steps/types.js';
import { REGISTER_SETTINGS } from '../../train/lib/comment-register-fit.js';
import { BLIND_DEV_ROUNDS, blindDevRound } from '../../train/lib/blind-rounds.js';
import { leftOutRegisterModels, readRegister, type RoundDump, type StancePost } from './stance-rounds.js';
import { maskHandles, mentionNames } from '../../../src/text/mask-handles.js';
import { analyzeText } from '../../../src/text/analysis.js';

/** A gold dump with each post's `run` reading. */
export interface Dump extends RoundDump {
  /** Each post's `run` reading without the register's fill. */
  raw: StanceResult[][];
}

/**
 * The gold dumps of `dir` (every `.gold.json`, or with `anyFile` false only the blind development rounds' files: a
 * held-out round is never read), each analysed with and without the stance step's link.
 */
export function readDumps(dir: string, anyFile: boolean): Dump[] {
  const out: Dump[] = [];
  const link = stanceStep.link;
  for (const g of readdirSync(dir).filter((f) => f.endsWith('.gold.json')).sort()) {
    const round = anyFile ? '' : blindDevRound(g);
    if (round === undefined) continue;
    const gold = JSON.parse(readFileSync(join(dir, g), 'utf8')) as { file: string; targets?: string[]; posts: Dump['gold'] };
    const targets = gold.targets ?? [];
    const input = readFileSync(join(dir, gold.file), 'utf8');
    const opts = { targets: targets.map((name) => ({ name })) };
    const doc = analyze(input, opts) as unknown as { thread: { posts: StancePost[] } };
    (stanceStep as { link?: unknown }).link = undefined;
    let rawDoc: { thread: { posts: StancePost[] } };
    try {
      rawDoc = analyze(input, opts) as unknown as { thread: { posts: StancePost[] } };
    } finally {
      (stanceStep as { link?: unknown }).link = link;
    }
    // The register's fill only turns a flat reading of an unnamed subject into a side (cue register:...): undo it.
    const raw = rawDoc.thread.posts.map((p) =>
      (p.stances ?? []).map((s) => (s.evidence.some((e) => /^register(-lean)?:/.test(e.cue)) ? { target: s.target, label: 'neutral' as const, confidence: s.confidence, evidence: [], implicit: true } : s)),
    );
    out.push({ file: g, round, targets, gold: gold.posts, posts: doc.thread.posts, raw, probs: [], flipped: [], evidence: [] });
  }
  return out;
}

/** A variant of the reply links (`ReplyLinks`, the stance step's), of the flat reading and of a top-level post's reading. */
export interface Variant {
  name: string;
  links: ReplyLinks;
  /**
   * A flat reading the register reads neutral, but whose negative and positive probabilities differ by more than this:
   * the leaning side (undefined: off).
   */
  lean?: number;
  /** Session 29: a top-level post's readings (after the register's fill, before the link) read again; undefined: as read. */
  topLevel?: (d: Dump, i: number, own: StanceResult[]) => StanceResult[];
  /**
   * Session 38: every post's readings (after the register's fill, before the link) read again, given the parent's
   * linked stances (null for a top-level post); undefined: as read. Runs after `topLevel`.
   */
  everyPost?: (d: Dump, i: number, own: StanceResult[], parent: StanceResult[] | null) => StanceResult[];
}

const masked = new WeakMap<StancePost, [string, string]>();
/** A post's text with its @handles blanked and that text's first sentence (cached: a grid simulates a post many times). */
function maskedOf(p: StancePost): [string, string] {
  let m = masked.get(p);
  if (!m) {
    const text = maskHandles(p.text, mentionNames((p as { mentions?: Array<{ name: string }> }).mentions));
    masked.set(p, (m = [text, analyzeText(text).sentences[0]?.text ?? '']));
  }
  return m;
}

/** Every post's stances under `v`: the run reading with the register's fill, then the link in dump order. */
export function simulate(d: Dump, v: Variant): StanceResult[][] {
  const byId = new Map(d.posts.map((p, i) => [p.id, i]));
  const done: Array<StanceResult[] | undefined> = [];
  const tone = REGISTER_TONE!;
  const at = (i: number): StanceResult[] => {
    const cached = done[i];
    if (cached) return cached;
    const p = d.posts[i]!;
    const pi = p.parentId != null ? byId.get(p.parentId) : undefined;
    const parent = pi !== undefined ? ({ ...d.posts[pi]!, stances: at(pi) } as StepPost) : null;
    const side = registerSide(d.probs[i]!, d.flipped[i]!, d.evidence[i]!.length > 0, tone.margin);
    const leaning = side === null && v.lean !== undefined ? registerLeanSide(d.probs[i]!, d.flipped[i]!, v.lean) : null;
    let own = withRegisterSide(d.raw[i]!, side ?? leaning, d.evidence[i]!, tone, leaning ? 'register-lean' : 'register');
    if (v.topLevel && p.parentId == null) own = v.topLevel(d, i, own);
    if (v.everyPost) own = v.everyPost(d, i, own, parent ? (parent.stances ?? []) : null);
    // The link reads the post's text with its @handles blanked, and that text's first sentence, as the stance step's
    // `link` does (src/classify/run-steps.ts, `postAnalysis`): a post that opens "@name Question: is ...?" asks.
    const [text, first] = maskedOf(p);
    const stances = linkStances({ ...p, stances: own } as StepPost, parent, text, first, v.links);
    done[i] = stances;
    return stances;
  };
  return d.posts.map((_, i) => at(i));
}

/** Each dump's register reading by a register fit without its round, cached by the fixtures' and settings' content (a fit takes a while). */
export function leftOutRegisters(root: string, ds: Dump[]): void {
  const cacheDir = resolve(root, '.cache');
  const cache = join(cacheDir, 'stance28-left-out-register.json');
  const key = JSON.stringify({ rounds: BLIND_DEV_ROUNDS, s: REGISTER_SETTINGS, files: ds.map((d) => d.file), model: COMMENT_REGISTER_MODEL.notes ?? '' });
  if (existsSync(cache)) {
    const c = JSON.parse(readFileSync(cache, 'utf8')) as { key: string; probs: number[][][] };
    if (c.key === key) {
      readRegister(ds, () => COMMENT_REGISTER_MODEL);
      ds.forEach((d, k) => (d.probs = c.probs[k]!));
      return;
    }
  }
  const models = leftOutRegisterModels(root);
  readRegister(ds, (round) => models.get(round)!);
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(cache, JSON.stringify({ key, probs: ds.map((d) => d.probs) }));
}
