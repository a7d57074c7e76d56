// (Session 41, link41) A made-up flat comment page (no indentation, no reply marks): `flat(posts)` writes a news page
// with the posts as "NAME says:" comments. `POSTS` is sixteen mostly independent comments with one named reply ("Good
// catch, thanks Tomasz, …") and one addressed reply ("Owen, they are in appendix C …"). Used by
// test/reply-links-session41.test.ts and scripts/study/links41b-made-up.ts.

/** A flat comment page holding `posts` ([author, text] pairs) under a short article. */
export const flat = (posts: ReadonlyArray<readonly [string, string]>): string =>
  [
    'School streets trial to widen',
    '',
    'The council will close six more roads outside primary schools at drop-off and pick-up times from April, after air readings at the first twelve.',
    '',
    `${posts.length} thoughts on “School streets trial to widen”`,
    ...posts.flatMap(([author, text], i) => [`${author} says:`, `March ${i + 3}, 2026 at 8:${10 + i} pm`, text, 'Reply']),
    '',
  ].join('\n');

/** Sixteen comments, mostly independent: the cues link #9 to #6 ("Owen, …"); #1 names Tomasz (#0). */
export const POSTS: ReadonlyArray<readonly [string, string]> = [
  ['Tomasz Wren', 'The nitrogen dioxide table uses the 2005 guideline values, not the 2021 ones, so every school looks cleaner than it is.'],
  ['Nadia Clough', 'Good catch, thanks Tomasz, it is the 2021 guideline now. Fixed in our version.'],
  ['Harriet Dunmore', 'Our lane has been closed at drop-off since last year and the kids walk now.'],
  ['Owen Pask', 'Closing lanes just pushes the cars round the block.'],
  ['Harriet Dunmore', 'Not on ours, the counts on the next street went up by about forty cars a morning and that was it.'],
  ['Priya Sandhu', 'Forty cars in the school run hour is a lot for a terrace with no pavement on one side.'],
  ['Owen Pask', 'Where are those counts published? I could not find them on the council site.'],
  ['Ifan Morgan', 'Is the marshal cost in the budget paper or is it coming out of the schools themselves?'],
  ['Gail Ferris', 'The marshals are volunteers at our school, two parents every morning on a rota.'],
  ['Nadia Clough', 'Owen, they are in appendix C of the cabinet report, page 41.'],
  ['Tomasz Wren', 'The readings at the first twelve are monthly diffusion tubes, so a single bad week barely shows.'],
  ['Ruth Alder', 'Twelve schools is a small sample to widen it to six more on.'],
  ['Ifan Morgan', 'I walk past two of them and the mornings are far calmer than they were.'],
  ['Priya Sandhu', 'Our head wrote to parents asking for volunteers and got three replies from two hundred families.'],
  ['Gail Ferris', 'That matches ours, the same four parents every week.'],
  ['Ruth Alder', 'Six more roads in April gives almost no time to find marshals before the summer term.'],
];
