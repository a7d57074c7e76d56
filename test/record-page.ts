/**
 * A made-up comment page shared by the record-template tests (test/line-template.test.ts, test/template-decode.test.ts):
 * a name line, an age line, the text, a footer of button words; an article above it.
 */
export const PAGE = [
  'Ferry timetable cut for the winter',
  'The operator said on Friday that the crossing will run four times a day instead of six from November.',
  '',
  'Ines Varga',
  '3 hours ago',
  'Four crossings is not enough for anyone who works on the mainland.',
  'Reply · Like',
  '',
  'tomas_h',
  '5 minutes ago',
  'It was six crossings last winter and the boats were half empty.',
  'They run at a loss in winter, everyone knows that.',
  'Reply · Like',
  '',
  'Bea Okoro',
  '1 day ago',
  'Will the school run still be covered in the mornings?',
  'Reply · Like',
];
