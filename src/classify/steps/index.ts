/**
 * The step registry: every classification step by name, in run order. `compile` resolves the `steps` option
 * against it (unknown names throw, needs are added); `classifyDocument` and `classifyRecord` run the resolved list.
 */
import type { StepName } from '../../options.js';
import { actsStep } from './acts.js';
import { claimsStep } from './claims.js';
import { correctionsStep } from './corrections.js';
import { moderationStep } from './moderation.js';
import { sentimentStep } from './sentiment.js';
import { stanceStep } from './stance.js';
import { summaryStep } from './summary.js';
import { targetsStep } from './targets.js';
import type { Step } from './types.js';

export type { PostAnalysis, PostStep, Step, StepPost, ThreadAnalysis, ThreadStep } from './types.js';

/** Every step by name (the run order is `STEP_NAMES`'). */
export const STEP_REGISTRY: Readonly<Record<StepName, Step>> = Object.freeze({
  targets: targetsStep,
  sentiment: sentimentStep,
  acts: actsStep,
  moderation: moderationStep,
  stance: stanceStep,
  claims: claimsStep,
  corrections: correctionsStep,
  summary: summaryStep,
});
