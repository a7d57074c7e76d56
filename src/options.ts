/**
 * The options every entry point takes, in one place: `parse` reads the parse options, `analyze` and
 * `createAnalyzer` all of them, `classifyRecord` the classify options. `compile` checks them.
 */
import type { ChromePattern } from './ingest/chrome-patterns.js';
import type { StyleDefinition } from './ingest/styles/custom.js';
import type { ModerationOptions } from './classify/moderation/index.js';
import type { SentimentOptions } from './classify/sentiment/index.js';
import type { TargetInput } from './schema/classify.js';

/** The classification steps, in the order they run (see src/classify/steps/). */
export const STEP_NAMES = ['targets', 'sentiment', 'acts', 'moderation', 'stance', 'claims', 'corrections', 'summary'] as const;
/** One classification step. */
export type StepName = (typeof STEP_NAMES)[number];

/** Default of `maxInputBytes`: 16 MiB. */
export const DEFAULT_MAX_INPUT_BYTES = 16 * 1024 * 1024;

/** Options of `parse`. */
export interface ParseOptions {
  /** A name for the input (file name), copied to `source.name`. Default: null. */
  name?: string | null;
  /** Largest input accepted, in UTF-8 bytes; larger input throws (`safeParse`: returns an error). Default: 16 MiB. */
  maxInputBytes?: number;
  /** Extra site-chrome patterns for the article segmenter, tested after the built-in ones. Default: none. */
  chrome?: readonly ChromePattern[];
  /**
   * Comment layouts of your own, each a header regex with named groups (`author`, and `time`, `replyTo`
   * when shown); a style that finds two headers or more wins over the built-in ones. Default: none.
   * Example: `{ name: 'guestbook', header: /^(?<author>[^|]{1,40}) \| (?<time>\d{4}-\d{2}-\d{2})$/ }`.
   */
  styles?: readonly StyleDefinition[];
}

/** Options of the classification stage, shared by `analyze` and `classifyRecord`. */
export interface ClassifyOptions {
  /**
   * Which steps to run, in any order: `targets`, `sentiment`, `acts` (with the reply stance), `moderation`,
   * `stance` (needs `targets`, which then runs too), `claims`, `corrections` (with concessions and the article's
   * inconsistencies), `summary` (the thread summary; `analyze` only). Fields of steps not run are left out.
   * Default: all of them (`classifyRecord`: all but `corrections`).
   */
  steps?: readonly StepName[];
  /** Stance targets, as names or `{ name, aliases }`. Default: derived from the article (`classifyRecord`: none). */
  targets?: readonly (TargetInput | string)[];
  /** Extra sentiment lexicon entries, word or phrase -> score on AFINN's -5..5 scale, e.g. `{ boondoggle: -3 }`. Default: none. */
  sentimentLexicon?: SentimentOptions['lexicon'];
  /** Extra moderation terms per category (`insult`, `profanity`, `identityAttack`, `threat`, `toxicity`): word or phrase -> weight 0..1. Default: none. */
  moderationTerms?: ModerationOptions['terms'];
  /**
   * Which comments may show `moderation.spans`: `'learned'` (the rule chosen on held-out data: a comment some
   * attribute scores at least 0.1 whose surest word is likely marked) or `'flagged'` (only a comment some attribute
   * flags, score >= 0.5: a moderator's warning or a quoted insult never shows a highlight). Default: `'learned'`.
   */
  moderationSpans?: ModerationOptions['spans'];
  /**
   * Extra groups of words that mean the same when a correction is matched to what it corrects, added to the
   * built-in ones, e.g. `[['crossing', 'trip'], ['patient', 'people']]`: "2.4 million trips" then meets "3.1 million
   * crossings". A group sharing a word with a built-in group joins it. Default: none.
   */
  paraphrases?: ReadonlyArray<readonly string[]>;
}

/** Options of `analyze` and `createAnalyzer`: parsing plus classification. */
export interface AnalyzeOptions extends ParseOptions, ClassifyOptions {}
