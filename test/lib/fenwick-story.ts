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

/**
 * Comments the made-up sections under the story share (session 30, gold30): Joan's complaint, Sam's answer to it, Joan's
 * reply to Sam, and Mick's count.
 */
export const FENWICK_COMMENTS = {
  joan: 'Six miles there and six back to drop off a bag of glass. Brilliant.',
  sam: 'Most people combine it with a supermarket run at Harlow anyway.',
  joanAgain: 'Not everyone has a car, and the bus does not stop there.',
  mick: 'Fewer than 200 cars is about 28 a day. Hardly a queue.',
} as const;
