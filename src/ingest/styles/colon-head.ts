/**
 * `Name: text` on one line (session 29, unify30): a post or message whose head is its sender's name and a colon, its text
 * following on the same line ("Old Zhou in Jiangbei: Fully support.", "Mara Lind: the 7:40 was late again"). The chat
 * reader (a time line under the text) and the counted reader (inline names) both ask this one question, so a fix to
 * what a name may look like ("K. Okafor") lands in both. Each reader adds its own evidence (a time line under the
 * text, a name line's shape, three words of text).
 */

// The head: a short run without a colon (48 characters at most) that opens with no space, then ":" and a space.
const COLON_HEAD = /^([^:\s][^:]{0,47}?):\s/u;

/** Where a `Name: text` head's parts are, as offsets into the string read. */
export interface ColonHead {
  /** The name as written before the colon (a space before the colon kept). */
  name: string;
  /** Where the text starts: after the colon and one space. */
  textAt: number;
}

/** The `Name: ` a string opens with (the name before its first colon, then one space), else null; no test of the name. */
export function splitColonHead(text: string): ColonHead | null {
  const m = COLON_HEAD.exec(text);
  return m ? { name: m[1]!, textAt: m[0].length } : null;
}

/**
 * Whether the name of a `Name: text` head can be a poster's: a letter in it, no web scheme ("https: //…"), no sentence
 * punctuation, and a full stop only after an initial ("K. Okafor") or a title ("Mr. Zhou"), or inside a handle
 * ("zhou.lao"); not "Well. Then".
 */
export function isColonHeadName(name: string): boolean {
  const t = name.trim();
  const stops = t.replace(NAME_STOPS, '');
  return !/^https?$/i.test(t) && !/[!?,;"“”]/u.test(t) && !stops.includes('.') && /\p{L}/u.test(t);
}

// The full stops a name may hold: after an initial or a title of address, and between two letters or digits of a handle.
const NAME_STOPS = /(?<=(?:^|\s)(?:\p{Lu}|Mr|Mrs|Ms|Mx|Dr|Prof|Rev|St|Sr|Jr))\.|(?<=[\p{L}\p{N}])\.(?=[\p{L}\p{N}])/gu;

/** A `Name: text` head (`splitColonHead`) whose name passes `isColonHeadName`, else null. */
export function readColonHead(text: string): ColonHead | null {
  const head = splitColonHead(text);
  return head && isColonHeadName(head.name) ? head : null;
}
