/** The one lemma of threadlens: a light, approximate base form of a lower-cased word (`Token.lower`). */

const IRREGULAR: Record<string, string> = {
  said: 'say', says: 'say', saying: 'say', told: 'tell', went: 'go', gone: 'go', did: 'do', does: 'do',
  done: 'do', was: 'be', were: 'be', is: 'be', are: 'be', been: 'be', am: 'be', has: 'have', had: 'have',
  made: 'make', took: 'take', taken: 'take', gave: 'give', given: 'give', won: 'win', lost: 'lose',
  built: 'build', spent: 'spend', rose: 'rise', risen: 'rise', fell: 'fall', fallen: 'fall', grew: 'grow',
  grown: 'grow', began: 'begin', begun: 'begin', wrote: 'write', written: 'write', men: 'man', women: 'woman',
  children: 'child', people: 'people', news: 'news', us: 'us', u: 'us', 'u.s.': 'us', usa: 'us', america: 'us',
  american: 'us', americans: 'us', tvs: 'television', tv: 'television', televisions: 'television',
  assistance: 'help', assist: 'help', aid: 'help', helps: 'help', helped: 'help', helping: 'help',
  troops: 'force', troop: 'force', forces: 'force', military: 'force', soldiers: 'force',
  opened: 'open', signed: 'sign', attacked: 'attack', attacks: 'attack', attacking: 'attack',
  froze: 'freeze', frozen: 'freeze', paid: 'pay', sold: 'sell', bought: 'buy', brought: 'bring', kept: 'keep',
  left: 'leave', met: 'meet', sent: 'send', held: 'hold', led: 'lead', ran: 'run', saw: 'see', seen: 'see',
  knew: 'know', known: 'know', chose: 'choose', chosen: 'choose', cut: 'cut', set: 'set', put: 'put',
  struck: 'strike', stood: 'stand', found: 'find', came: 'come', became: 'become', broke: 'break',
  broken: 'break', voted: 'vote', passed: 'pass', closed: 'close', raised: 'raise', rates: 'rate',
};

/** "dropp" -> "drop", "plann" -> "plan" (a consonant doubled before -ed/-ing); "miss", "call", "buzz" stay. */
function undouble(stem: string): string {
  const last = stem[stem.length - 1];
  if (stem.length >= 4 && last === stem[stem.length - 2] && last !== undefined && !'aeioulsz'.includes(last)) return stem.slice(0, -1);
  return stem;
}

/** The irregular forms as a Map, so a word named like an object property ("constructor") is an ordinary word. */
const IRREGULAR_MAP: ReadonlyMap<string, string> = new Map(Object.entries(IRREGULAR));

/** Light lemma: irregular forms, possessives, plural and -ed/-ing endings. Cheap and approximate. */
export function lemma(lower: string): string {
  let w = lower;
  if (w.endsWith("'s") || w.endsWith('\u2019s')) w = w.slice(0, -2);
  const irr = IRREGULAR_MAP.get(w);
  if (irr !== undefined) return irr;
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 4 && (w.endsWith('ches') || w.endsWith('shes') || w.endsWith('sses') || w.endsWith('xes'))) return w.slice(0, -2);
  if (w.length > 5 && w.endsWith('ing')) return undouble(w.slice(0, -3));
  if (w.length > 4 && w.endsWith('ied')) return `${w.slice(0, -3)}y`;
  if (w.length > 4 && w.endsWith('ed')) return w.endsWith('eed') ? w : undouble(w.slice(0, -2));
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) return w.slice(0, -1);
  return w;
}
