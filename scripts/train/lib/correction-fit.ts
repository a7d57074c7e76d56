/** The correction scorer's fit options, shared by scripts/train/train-corrections.ts and the studies of it. */
export const CORRECTION_FIT = {
  name: 'correction',
  labels: ['correction'],
  link: 'sigmoid',
  featureFiles: ['src/classify/corrections/pair-features.ts', 'src/text/tokenize.ts', 'src/text/word-lists.ts', 'src/text/word-tokens.ts'],
  l2: () => 0.01,
  iterations: 400,
  minCount: 2,
} as const;
