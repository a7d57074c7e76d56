/**
 * Country and continent names (lower case, dots removed), with the short forms news text uses. An article's
 * setting ("Japan" in a story about Japanese politics) is usually one of these, named in most paragraphs;
 * `deriveTargets` ranks such bare places down and drops them when they are everywhere. Callers can add
 * their own (cities, regions) through the `places` option.
 */
export const PLACES: readonly string[] = [
  // Short forms and unions of several words.
  'us', 'usa', 'united states', 'united states of america', 'america', 'uk', 'united kingdom', 'britain',
  'great britain', 'england', 'scotland', 'wales', 'northern ireland', 'uae', 'prc', 'drc', 'south korea',
  'north korea', 'korea', 'taiwan', 'hong kong', 'palestine', 'vatican', 'kosovo',
  // Continents and large regions.
  'africa', 'asia', 'europe', 'north america', 'south america', 'latin america', 'oceania', 'antarctica',
  'middle east', 'east asia', 'southeast asia', 'scandinavia', 'balkans', 'caribbean',
  // Countries.
  'afghanistan', 'albania', 'algeria', 'andorra', 'angola', 'argentina', 'armenia', 'australia', 'austria',
  'azerbaijan', 'bahamas', 'bahrain', 'bangladesh', 'barbados', 'belarus', 'belgium', 'belize', 'benin',
  'bhutan', 'bolivia', 'bosnia', 'botswana', 'brazil', 'brunei', 'bulgaria', 'burkina faso', 'burundi',
  'cambodia', 'cameroon', 'canada', 'cape verde', 'chad', 'chile', 'china', 'colombia', 'comoros', 'congo',
  'costa rica', 'croatia', 'cuba', 'cyprus', 'czechia', 'czech republic', 'denmark', 'djibouti', 'dominica',
  'dominican republic', 'ecuador', 'egypt', 'el salvador', 'eritrea', 'estonia', 'eswatini', 'ethiopia', 'fiji',
  'finland', 'france', 'gabon', 'gambia', 'georgia', 'germany', 'ghana', 'greece', 'grenada', 'guatemala',
  'guinea', 'guyana', 'haiti', 'honduras', 'hungary', 'iceland', 'india', 'indonesia', 'iran', 'iraq', 'ireland',
  'israel', 'italy', 'ivory coast', 'jamaica', 'japan', 'jordan', 'kazakhstan', 'kenya', 'kiribati', 'kuwait',
  'kyrgyzstan', 'laos', 'latvia', 'lebanon', 'lesotho', 'liberia', 'libya', 'liechtenstein', 'lithuania',
  'luxembourg', 'madagascar', 'malawi', 'malaysia', 'maldives', 'mali', 'malta', 'mauritania', 'mauritius',
  'mexico', 'moldova', 'monaco', 'mongolia', 'montenegro', 'morocco', 'mozambique', 'myanmar', 'namibia',
  'nauru', 'nepal', 'netherlands', 'holland', 'new zealand', 'nicaragua', 'niger', 'nigeria', 'north macedonia',
  'norway', 'oman', 'pakistan', 'palau', 'panama', 'papua new guinea', 'paraguay', 'peru', 'philippines',
  'poland', 'portugal', 'qatar', 'romania', 'russia', 'rwanda', 'samoa', 'san marino', 'saudi arabia',
  'senegal', 'serbia', 'seychelles', 'sierra leone', 'singapore', 'slovakia', 'slovenia', 'somalia',
  'south africa', 'south sudan', 'spain', 'sri lanka', 'sudan', 'suriname', 'sweden', 'switzerland', 'syria',
  'tajikistan', 'tanzania', 'thailand', 'togo', 'tonga', 'tunisia', 'turkey', 'turkiye', 'turkmenistan',
  'tuvalu', 'uganda', 'ukraine', 'uruguay', 'uzbekistan', 'vanuatu', 'venezuela', 'vietnam', 'yemen', 'zambia',
  'zimbabwe',
];
