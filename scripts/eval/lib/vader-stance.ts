/** The VADER-as-stance proxy: a text's VADER compound read as its stance (>= 0.05 favor, <= -0.05 against, else neutral). */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const vader = require('vader-sentiment') as { SentimentIntensityAnalyzer: { polarity_scores(t: string): { compound: number } } };

export function vaderStance(text: string): 'favor' | 'against' | 'neutral' {
  const c = vader.SentimentIntensityAnalyzer.polarity_scores(text).compound;
  return c >= 0.05 ? 'favor' : c <= -0.05 ? 'against' : 'neutral';
}
