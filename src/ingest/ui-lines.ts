/**
 * Lines of a page's interface rather than its text, told by their words, not by site: short lines most of
 * whose words name buttons, menus, accounts, sharing, sorting or legal notices ("Share full article",
 * "Email This Link", "Like Loading...", "Sort by Best", "Order Reprints"), counts of things ("1.31M
 * subscribers"), and blocks asking the reader to log in or register. Every regex here is linear.
 */

// Words of page furniture. Function words are neutral; every other word counts against a line being UI.
const UI_WORDS = new Set(
  `share shares shared sharing like likes liked loading login logon log logout sign signup register registration account accounts
  subscribe subscribed subscriber subscribers subscription unsubscribe follow followers following comment comments commenting reply replies
  privacy policy policies terms cookie cookies newsletter newsletters email e-mail print reprints reprint order save saved sort sorted
  newest oldest best top discussion join notifications notification alerts alert menu search home contact advertise advertisement advertising
  ad ads sponsored skip give load show hide view views transcript give gift article story link links copy tweet facebook twitter
  whatsapp linkedin reddit pinterest telegram password username guidelines community rules feedback help settings preferences manage
  download app apps mobile website rights reserved copyright agreement user users edition e-edition popular trending related listen
  audio play watch video videos next previous prev back close open toggle navigation subscribers members readers upvoted report flag
  permalink embed submit post posts connect browser unsubscribe disclaimer accessibility sitemap careers faq
  created activity topics powered enabled javascript forgot remember recent archives categories homepage journal`.split(/\s+/),
);
const NEUTRAL = new Set('a an the this that these those to of in on at for and or with by from your our my you we us it its is are be more most all any now here up'.split(' '));
// "Reviews 1,204 • Poor", "Answers 12": the same count with the word first (a review site's or a Q&A page's tally).
const COUNT_OF_THINGS = /^(?:[\d.,]{1,9}[kmb]?\s(?:subscribers|views|followers|comments|likes|shares|readers|members|users|replies|points|upvotes|watching|online|reviews|ratings|answers)\b.{0,30}|(?:reviews|ratings|answers|comments|replies|followers|subscribers|views|members)\s[\d.,]{1,9}[kmb]?(?:\s[•·|]\s.{1,24})?)$/i;
// "6 min read", "12 minute read": the reading time a page prints by the byline.
const READING_TIME = /^\d{1,3} ?(?:min|mins|minutes?)\.? read$/i;
const LOGIN_WORDS = /\b(?:log(?:ged)? ?in|sign(?:ed)? (?:in|up)|register|account|password|subscribe|unsubscribe|newsletter|notifications?|alerts)\b/gi;

/** The words of a line, lower case, without the punctuation around them ("e-Edition" → "e-edition", "user48213" stays whole). */
function wordsOf(trimmed: string): string[] {
  const out: string[] = [];
  for (const raw of trimmed.toLowerCase().split(' ')) {
    let a = 0;
    let b = raw.length;
    while (a < b && !/[\p{L}\p{N}]/u.test(raw[a]!)) a++;
    while (b > a && !/[\p{L}\p{N}]/u.test(raw[b - 1]!)) b--;
    if (b > a && /\p{L}/u.test(raw.slice(a, b))) out.push(raw.slice(a, b));
  }
  return out;
}

/** A count of things or a reading time alone on a line ("31 points · 9 hours ago", "412K views", "6 min read"). */
export function isCountLine(trimmed: string): boolean {
  return trimmed.length <= 80 && (COUNT_OF_THINGS.test(trimmed) || READING_TIME.test(trimmed));
}

/**
 * Whether a lower-case word is a word of page furniture, inflected or not ("replied", "liked", "shared", "views").
 * The corrections step asks it of a target sentence's words (see `isPageChromeSentence`).
 */
export function isUiWord(word: string): boolean {
  const w = word.toLowerCase().replace(/['’]s?$/, '');
  if (UI_WORDS.has(w)) return true;
  const stems = [w.replace(/ied$/, 'y'), w.replace(/ed$/, ''), w.replace(/d$/, ''), w.replace(/ing$/, ''), w.replace(/ing$/, 'e')];
  return stems.some((s) => s !== w && s.length >= 3 && UI_WORDS.has(s));
}

/**
 * A short line of page interface: at most six words, no sentence end (an ellipsis or a colon may end it),
 * and most of its non-function words are interface words; or a count of things ("412K views").
 */
export function isUiLine(trimmed: string): boolean {
  if (trimmed.length === 0) return false;
  // "binspamdupenotthebest…": a tag cloud copied without its spaces; no word is that long.
  if (trimmed.length >= 40 && /^[\p{L} ]+$/u.test(trimmed) && trimmed.length / trimmed.split(' ').length >= 20) return true;
  if (trimmed.length > 80) return false;
  if (isCountLine(trimmed)) return true;
  if (isMenuRow(trimmed)) return true;
  if (/[.!]$/.test(trimmed) && !/(?:\.\.\.|…)$/.test(trimmed)) return false;
  const words = wordsOf(trimmed);
  if (words.length === 0 || words.length > 6) return false;
  const content = words.filter((w) => !NEUTRAL.has(w));
  if (content.length === 0) return false;
  const ui = content.filter((w) => UI_WORDS.has(w.replace(/['’]s?$/, ''))).length;
  return ui * 2 > content.length;
}

/**
 * A row of menu items copied off a navigation bar: three or more items of at most three words each, set
 * apart by column gaps or bars ("News  Sport  Opinion  Events", "Communities  Create post  Support").
 */
function isMenuRow(trimmed: string): boolean {
  if (!/ {2}|\t| [|•·∙] /.test(trimmed)) return false;
  const items = trimmed.split(/ {2,}|\t+| [|•·∙] /);
  if (items.length < 3) return false;
  return items.every((item) => {
    const t = item.trim();
    return t.length > 0 && t.length <= 25 && t.split(' ').length <= 3 && /\p{L}/u.test(t) && !/[.!?:;,]$/.test(t);
  });
}

/**
 * A line asking the reader to log in, register or subscribe, however long ("Use your Facebook account to
 * login or register with …"): three or more distinct account words in at most forty words.
 */
export function isAccountBlurb(trimmed: string): boolean {
  if (trimmed.length > 320) return false;
  const found = new Set((trimmed.match(LOGIN_WORDS) ?? []).map((w) => w.toLowerCase().replace(' ', '')));
  if (found.size >= 3 || (found.size >= 2 && wordsOf(trimmed).length <= 12)) return true;
  return isCommentGate(trimmed);
}

// "Log in to see more replies.", "Sign in to view all comments": a logged-out page's gate over the rest of the thread
// (session 28).
const SEE_MORE_GATE = /^(?:log ?in|sign ?in|sign up|register|join)(?: or (?:sign up|register|log ?in|sign ?in))? to (?:see|view|read|load|show) (?:more|all|the rest|other)\b.{0,40}$/i;

/** A logged-out page's gate over the rest of the thread ("Log in to see more replies."). */
export function isSeeMoreGate(trimmed: string): boolean {
  return trimmed.length <= 80 && SEE_MORE_GATE.test(trimmed);
}

/**
 * "Only backers can post comments. Log in", "Members can leave comments. Sign in" (session 27): a short line (at most
 * twelve words) saying who may comment, with an account word.
 */
export function isCommentGate(trimmed: string): boolean {
  if (trimmed.length > 100 || !COMMENT_PERMISSION.test(trimmed)) return false;
  return (trimmed.match(LOGIN_WORDS) ?? []).length >= 1 && wordsOf(trimmed).length <= 12;
}

// "… can post comments", "… may leave a comment", "… to comment" ("… to add your comment", session 37): a line saying who
// may comment.
const COMMENT_PERMISSION = /\b(?:can|may) (?:post|leave|add|write) (?:a )?(?:comments?|repl(?:y|ies))\b|\bto (?:(?:post|leave|add|write) (?:a |your )?)?(?:comments?|reply)\b/i;

/** A legal footer ("© 2026 … All rights reserved.", "Use of this site constitutes acceptance of our User Agreement"). */
export function isLegalLine(trimmed: string): boolean {
  if (trimmed.length > 300) return false;
  return /(?:©|\(c\) ?\d{4}|\ball rights reserved\b|\bconstitutes acceptance\b|\bregistered trademarks?\b|\btrademarks and copyrights\b)/i.test(trimmed);
}
