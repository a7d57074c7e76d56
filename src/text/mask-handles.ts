/**
 * Blanks out "@handle" tokens (the "@" and the word characters after it) with spaces of the same length, so
 * classifiers do not read a user name as a figure ("@TrainSpotter_42"), an insult or a sentiment word, while
 * every offset stays the same.
 */
export function maskHandles(text: string): string {
  if (!text.includes('@')) return text;
  return text.replace(/(^|[^\p{L}\p{N}_.])@[\p{L}\p{N}_.-]+/gu, (m, before: string) => before + ' '.repeat(m.length - before.length));
}
