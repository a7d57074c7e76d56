/**
 * Word lists and hand-set weights for claim detection. Data only: callers extend them through
 * `detectClaims` options, never by mutating these objects. The words values are read with (months, scales,
 * currencies, approximations, unit stops) are in src/text/value-words.ts.
 */
/** Hedges kept as evidence on a claim. Multi-word phrases are matched on lower-cased tokens. */
export const HEDGES = [
  'i think', 'i believe', 'i guess', 'i suppose', 'i recall', 'if i recall', 'if i remember', 'as far as i know',
  'i\'m pretty sure', 'i am pretty sure', 'or so', 'probably', 'possibly', 'perhaps', 'maybe', 'reportedly',
  'allegedly', 'apparently', 'seemingly', 'it seems', 'likely', 'roughly', 'about', 'around', 'approximately', 'iirc',
];

/** Speech verbs for attribution ("said Hamada", "he added"). */
export const SPEECH_VERBS = new Set([
  'said', 'says', 'say', 'saying', 'told', 'tells', 'added', 'adds', 'stated', 'states', 'claimed', 'claims',
  'argued', 'argues', 'noted', 'notes', 'wrote', 'writes', 'announced', 'announces', 'declared', 'explained',
  'insisted', 'warned', 'warns', 'suggested', 'suggests', 'indicated', 'indicates', 'tweeted', 'asked', 'replied',
  'admitted', 'acknowledged', 'reported', 'reports', 'confirmed', 'denied', 'estimated', 'predicted',
]);

/** Weighted cue words for check-worthiness (lower-case token -> log-odds contribution). */
export const CUE_WEIGHTS: Record<string, number> = {
  // Quantities and measures.
  percent: 1.2, million: 1.4, billion: 1.5, trillion: 1.5, thousand: 1.0, hundred: 0.6, half: 0.5, twice: 0.9,
  double: 0.5, doubled: 0.9, tripled: 1.0, halved: 1.0, percentage: 0.8, rate: 0.6, average: 0.6, majority: 0.4,
  dollars: 0.9, jobs: 0.7, unemployment: 0.8, inflation: 0.8, deficit: 0.8, debt: 0.6, budget: 0.6, taxes: 0.5,
  tax: 0.5, income: 0.5, spending: 0.6, cost: 0.4, costs: 0.4, growth: 0.4, economy: 0.3, gdp: 0.9, increase: 0.5,
  increased: 0.9, decrease: 0.5, decreased: 0.9, reduced: 0.8, raised: 0.8, cut: 0.6, cuts: 0.6, lowered: 0.8,
  grew: 0.8, rose: 0.8, fell: 0.8, dropped: 0.7, declined: 0.7, created: 0.8, lost: 0.6, spent: 0.8,
  // Records of action: voted, passed, signed...
  voted: 1.1, vote: 0.4, votes: 0.5, passed: 0.8, signed: 0.9, vetoed: 1.0, approved: 0.8, introduced: 0.6,
  proposed: 0.5, opposed: 0.7, supported: 0.6, sponsored: 0.9, enacted: 0.9, legalized: 0.9, banned: 0.8,
  appointed: 0.6, elected: 0.5, killed: 0.7, invaded: 0.8, attacked: 0.6, sent: 0.4, built: 0.4, won: 0.3,
  // Law and policy.
  law: 0.6, laws: 0.5, bill: 0.6, treaty: 0.6, agreement: 0.4, constitution: 0.5, amendment: 0.6, regulation: 0.5,
  regulations: 0.5, court: 0.5, congress: 0.6, senate: 0.6, administration: 0.4, legislation: 0.6, illegal: 0.5,
  program: 0.3, programs: 0.3, insurance: 0.3, medicare: 0.6, 'social': 0.2, weapons: 0.4, nuclear: 0.4,
  troops: 0.6, military: 0.3, health: 0.2, care: 0.1,
  // Reports and records.
  according: 0.7, report: 0.5, reported: 0.6, study: 0.6, record: 0.5, since: 0.3, last: 0.3, ago: 0.5,
  today: 0.2, every: 0.3, states: 0.3, country: 0.1, countries: 0.3, people: 0.2, americans: 0.3,
  // Opinion, values, wishes and talk about talk lower the score.
  think: -0.5, believe: -0.9, feel: -0.8, hope: -1.0, want: -0.7, wants: -0.3, need: -0.5, should: -0.8,
  must: -0.7, ought: -0.8, going: -0.3, will: -0.6, would: -0.5, could: -0.4, might: -0.6, can: -0.4,
  shall: -0.5, let: -0.9, 'let\'s': -1.0, thank: -1.5, thanks: -1.5, please: -1.0, question: -0.6, answer: -0.5,
  talk: -0.5, talking: -0.5, opinion: -0.7, great: -0.5, good: -0.3, wonderful: -0.9, terrible: -0.5,
  wrong: -0.4, right: -0.4, best: -0.3, important: -0.6, proud: -0.6, love: -0.7, stupid: -0.8, idiot: -1.2,
  agree: -0.8, disagree: -0.8, understand: -0.5, know: -0.4, sure: -0.5, hopefully: -0.8, maybe: -0.6,
  future: -0.3, strong: -0.3, leadership: -0.4, values: -0.5, principle: -0.5, principles: -0.5, fight: -0.4,
  freedom: -0.3, dream: -0.7, deserve: -0.5, america: -0.1, ourselves: -0.4, together: -0.5, lol: -1.0,
  lmao: -1.2,
};
