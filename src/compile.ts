/**
 * `compile(options)`: every option checked once, in one place, into a frozen config (wink-nlp's `load`,
 * unified's `freeze`). Lexicon extensions and paraphrase groups are built here, once, not per post.
 * `parse`, `analyze`, `classifyRecord` and `createAnalyzer` all take their options through it.
 */
import { ThreadlensOptionError } from './errors.js';
import type { ChromePattern } from './ingest/chrome-patterns.js';
import { compileStyle, type StyleDefinition } from './ingest/styles/custom.js';
import type { CommentStyle } from './ingest/types.js';
import { withParaphrases, type Paraphrases } from './classify/corrections/paraphrase.js';
import { BASE_TABLES, BASE_TERMS, tableOf, type TermCategory, type TermTable } from './classify/moderation/lexicon.js';
import { checkSpanMode, type SpanMode } from './classify/moderation/index.js';
import { extendLexicon, type Lexicon } from './classify/sentiment/lexicon.js';
import { STEP_REGISTRY } from './classify/steps/index.js';
import type { Target } from './schema/classify.js';
import { type AnalyzeOptions, DEFAULT_MAX_INPUT_BYTES, STEP_NAMES, type StepName } from './options.js';

/** A checked, frozen set of options: make one with `compile`, reuse it with `createAnalyzer` or pass it in place of options. */
export interface Config {
  /** `source.name` of parsed documents (a per-call `name` wins). */
  readonly name: string | null;
  /** Largest input accepted, in UTF-8 bytes. */
  readonly maxInputBytes: number;
  /** Extra site-chrome patterns. */
  readonly chrome: readonly ChromePattern[];
  /** The caller's comment styles (`styles`), compiled once. Internal. */
  readonly styles: readonly CommentStyle[];
  /** The steps that run, in run order: the ones asked for plus the steps they need. */
  readonly steps: readonly StepName[];
  /** False when `steps` was not given: `analyze` then runs every step, `classifyRecord` every step but `corrections`. */
  readonly stepsGiven: boolean;
  /** The caller's stance targets, or null to derive them from the article. */
  readonly targets: readonly Target[] | null;
  /** The sentiment lexicon (built-in plus `sentimentLexicon`), or null for the built-in one. Internal. */
  readonly sentimentLexicon: Lexicon | null;
  /** The moderation term tables (built-in plus `moderationTerms`), or null for the built-in ones. Internal. */
  readonly moderationTables: Readonly<Record<TermCategory, TermTable>> | null;
  /** Which comments may show moderation spans (`moderationSpans`). */
  readonly moderationSpans: SpanMode;
  /** The paraphrase groups (built-in plus `paraphrases`). Internal. */
  readonly paraphrases: Paraphrases;
}

// Configs made by `compile`: only these are taken in place of options (a look-alike object is checked as options).
const compiled = new WeakSet<Config>();

/** True when `value` is a config returned by `compile`. */
export function isConfig(value: unknown): value is Config {
  return typeof value === 'object' && value !== null && compiled.has(value as Config);
}

/** Checks every option once and returns a frozen config; throws `ThreadlensOptionError` naming the bad option and its value. */
export function compile(options: AnalyzeOptions | Config = {}): Config {
  if (isConfig(options)) return options;
  if (options === null || typeof options !== 'object' || Array.isArray(options)) throw new ThreadlensOptionError('options', options, 'must be an object');
  const config: Config = {
    name: checkName(options.name),
    maxInputBytes: checkMaxInputBytes(options.maxInputBytes),
    chrome: checkChrome(options.chrome),
    styles: checkStyles(options.styles),
    steps: resolveSteps(checkSteps(options.steps)),
    stepsGiven: options.steps !== undefined,
    targets: checkTargets(options.targets),
    sentimentLexicon: checkSentimentLexicon(options.sentimentLexicon),
    moderationTables: checkModerationTerms(options.moderationTerms),
    moderationSpans: checkSpanMode(options.moderationSpans, 'moderationSpans'),
    paraphrases: checkParaphrases(options.paraphrases),
  };
  Object.freeze(config.steps);
  if (config.targets) for (const t of config.targets) Object.freeze(t.aliases), Object.freeze(t);
  Object.freeze(config.targets);
  Object.freeze(config);
  compiled.add(config);
  return config;
}

/** Checks a `name` given per call (`analyzer.parse(input, { name })`). */
export function checkName(name: unknown): string | null {
  if (name === undefined || name === null) return null;
  if (typeof name !== 'string') throw new ThreadlensOptionError('name', name, 'must be a string or null');
  return name;
}

function checkMaxInputBytes(max: unknown): number {
  if (max === undefined) return DEFAULT_MAX_INPUT_BYTES;
  if (typeof max !== 'number' || !Number.isFinite(max) || max <= 0) throw new ThreadlensOptionError('maxInputBytes', max, 'must be a positive number of bytes');
  return max;
}

function checkChrome(chrome: unknown): readonly ChromePattern[] {
  if (chrome === undefined) return Object.freeze([]);
  if (!Array.isArray(chrome) || chrome.some((c) => !((c as ChromePattern | null)?.pattern instanceof RegExp))) {
    throw new ThreadlensOptionError('chrome', chrome, 'must be an array of { id, kind, pattern: RegExp }');
  }
  return Object.freeze([...(chrome as ChromePattern[])]);
}

function checkStyles(styles: unknown): readonly CommentStyle[] {
  if (styles === undefined) return Object.freeze([]);
  const ok = (st: StyleDefinition | null): boolean =>
    st !== null && typeof st === 'object' && typeof st.name === 'string' && st.header instanceof RegExp && st.header.source.includes('?<author>') && (st.footer === undefined || st.footer instanceof RegExp) && (st.chrome === undefined || st.chrome instanceof RegExp);
  if (!Array.isArray(styles) || !styles.every(ok)) {
    throw new ThreadlensOptionError('styles', styles, 'must be an array of { name, header: RegExp with a named group "author", footer?: RegExp, chrome?: RegExp }');
  }
  return Object.freeze((styles as StyleDefinition[]).map(compileStyle));
}

function checkSteps(steps: unknown): readonly StepName[] {
  if (steps === undefined) return STEP_NAMES;
  if (!Array.isArray(steps)) throw new ThreadlensOptionError('steps', steps, `must be an array of ${STEP_NAMES.join(', ')}`);
  for (const step of steps) {
    if (!(STEP_NAMES as readonly unknown[]).includes(step)) throw new ThreadlensOptionError('steps', step, `lists an unknown step (known: ${STEP_NAMES.join(', ')})`);
  }
  return steps as StepName[];
}

/** The steps asked for plus every step they need, in registry (run) order. */
function resolveSteps(asked: readonly StepName[]): StepName[] {
  const wanted = new Set<StepName>();
  const add = (name: StepName): void => {
    if (wanted.has(name)) return;
    wanted.add(name);
    for (const need of STEP_REGISTRY[name].needs) add(need);
  };
  for (const name of asked) add(name);
  return STEP_NAMES.filter((n) => wanted.has(n));
}

/** Checks and normalises stance targets (names or `{ name, aliases }`); `option` names them in errors. */
export function checkTargets(targets: unknown, option = 'targets'): Target[] | null {
  if (targets === undefined) return null;
  if (!Array.isArray(targets)) throw new ThreadlensOptionError(option, targets, 'must be an array of names or { name, aliases }');
  return targets.map((t: unknown) => {
    if (typeof t === 'string' && t.trim()) return { name: t.trim(), aliases: [] };
    const o = t as { name?: unknown; aliases?: unknown } | null;
    if (o && typeof o === 'object' && typeof o.name === 'string' && o.name.trim()) {
      const aliases = o.aliases ?? [];
      if (!Array.isArray(aliases) || aliases.some((a) => typeof a !== 'string')) throw new ThreadlensOptionError(option, targets, 'aliases must be strings');
      return { name: o.name.trim(), aliases: [...(aliases as string[])] };
    }
    throw new ThreadlensOptionError(option, targets, 'must be an array of non-empty names or { name, aliases }');
  });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function checkSentimentLexicon(lexicon: unknown): Lexicon | null {
  if (lexicon === undefined) return null;
  if (!isPlainObject(lexicon)) throw new ThreadlensOptionError('sentimentLexicon', lexicon, 'must be an object of word -> number');
  for (const [k, v] of Object.entries(lexicon)) {
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new ThreadlensOptionError(`sentimentLexicon.${k}`, v, 'must be a finite number');
  }
  return Object.keys(lexicon).length === 0 ? null : extendLexicon(lexicon as Record<string, number>);
}

function checkModerationTerms(terms: unknown): Readonly<Record<TermCategory, TermTable>> | null {
  if (terms === undefined) return null;
  if (!isPlainObject(terms)) throw new ThreadlensOptionError('moderationTerms', terms, 'must be an object of category -> terms');
  const categories = Object.keys(BASE_TABLES) as TermCategory[];
  for (const [cat, table] of Object.entries(terms)) {
    if (!(categories as string[]).includes(cat)) throw new ThreadlensOptionError(`moderationTerms.${cat}`, cat, `must be one of ${categories.join(', ')}`);
    if (table === undefined) continue;
    if (!isPlainObject(table)) throw new ThreadlensOptionError(`moderationTerms.${cat}`, table, 'must be an object of term -> weight');
    for (const [k, v] of Object.entries(table)) {
      if (typeof v !== 'number' || !(v >= 0 && v <= 1)) throw new ThreadlensOptionError(`moderationTerms.${cat}.${k}`, v, 'must be a number in [0, 1]');
    }
  }
  if (!categories.some((c) => terms[c])) return null;
  const own = terms as Partial<Record<TermCategory, Record<string, number>>>;
  return Object.freeze(Object.fromEntries(categories.map((c) => [c, own[c] ? tableOf(BASE_TERMS[c], own[c]) : BASE_TABLES[c]])) as Record<TermCategory, TermTable>);
}

function checkParaphrases(groups: unknown): Paraphrases {
  if (groups === undefined) return withParaphrases(undefined);
  if (!Array.isArray(groups) || groups.some((g) => !Array.isArray(g) || g.some((w: unknown) => typeof w !== 'string'))) {
    throw new ThreadlensOptionError('paraphrases', groups, 'must be an array of arrays of words');
  }
  return withParaphrases(groups as string[][]);
}
