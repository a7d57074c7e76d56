// (Session 41, link41) A made-up flat comment page (no indentation, no reply marks): `flat(posts)` writes a news page
// with the posts as "NAME says:" comments. `POSTS` is sixteen mostly independent comments with one named reply ("Good
// catch, thanks Tomasz, …") and one addressed reply ("Owen, they are in appendix C …"). Used by
// test/reply-links-session41.test.ts and scripts/study/links41b-made-up.ts. (Session 45, link45) `CONVERSATION` and
// `INDEPENDENT`: eight posts each, used by test/reply-links-session45.test.ts and scripts/study/links45-made-up.ts.

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

/** Eight posts, each taking up the words of the post above it (no names, no quotes, no opener a cue reads). */
export const CONVERSATION: ReadonlyArray<readonly [string, string]> = [
  ['Ana Brook', 'The diffusion tubes at Hillside were moved in January, so the spring readings are not comparable.'],
  ['Ben Carter', 'The Hillside tubes were on the gate post when I looked last week, so not moved in January.'],
  ['Cara Dunn', 'The gate post ones are new, the old tubes sat on the lamp column by the crossing.'],
  ['Dev Ellis', 'the lamp column by the crossing is where the buses idle, no wonder those readings were high'],
  ['Eve Frost', 'Buses idle there because the stop moved too, the timetable notice says it is temporary.'],
  ['Finn Gray', 'That notice has said temporary since 2023, which shows how temporary it is.'],
  ['Gus Hale', '2023 was when the depot closed, the routes all changed that summer.'],
  ['Hana Ives', 'The depot closure changed the routes but the stop stayed put until last autumn.'],
];

/** Eight comments on the story, none taking up another's words. */
export const INDEPENDENT: ReadonlyArray<readonly [string, string]> = [
  ['Ana Brook', "My daughter's school has had this for a year and mornings are calmer."],
  ['Ben Carter', 'Six more roads is too slow, every primary should have one by September.'],
  ['Cara Dunn', 'Who pays for the marshals? The council budget has nothing for it.'],
  ['Dev Ellis', 'Air quality near the ring road is the real problem, not side streets.'],
  ['Eve Frost', 'Drivers will just park further away and walk the children in.'],
  ['Finn Gray', 'Our street was never consulted before the signs went up.'],
  ['Gus Hale', 'Cycling lanes would do more good than closing roads for an hour.'],
  ['Hana Ives', 'Great idea, long overdue.'],
];
