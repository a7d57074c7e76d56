/**
 * The made-up story the session 29 and 30 layout tests lay their made-up comment sections under (a county recycling
 * centre closing on Sundays): its headline, a blank line, and three paragraphs each followed by a blank line.
 */
export const FENWICK_PARAGRAPHS = [
  'The county will close the Fenwick Lane recycling centre on Sundays from March, saving an estimated 84,000 pounds a year.',
  'Residents will be able to use the Harlow Cross site, six miles away, which stays open seven days a week.',
  'Councillor Dee Marsh said the Sunday opening was used by fewer than 200 cars a week on average last year.',
];

/** The story's lines: `title`, a blank line, then each paragraph and a blank line. */
export const fenwickStory = (title = 'Fenwick Lane tip to close on Sundays'): string[] => [title, '', ...FENWICK_PARAGRAPHS.flatMap((p) => [p, ''])];
