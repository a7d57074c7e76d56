/**
 * Line shapes of widget (Disqus-like) and forum (Reddit-like) comment sections: post headers made of a
 * name and a time, footer lines of action buttons and counts, "Replying to X" lines. Every regex here is
 * anchored at both ends and linear; none is run on lines longer than a few hundred characters.
 */
import type { Span } from '../../schema/common.js';
import { isBlankChar, type Line, type Field } from '../lines.js';
import { isUiLine } from '../ui-lines.js';
import type { RawPost } from '../types.js';
import { isQuoteAttribution } from '../../thread/split-quote.js';

export type { Field } from '../lines.js';

// Characters that separate the parts of a header even when glued to a word ("Maria•3h").
const SEPARATOR_CHARS = new Set(['•', '·', '|', '∙', '⋅']);
const SEPARATOR_TOKENS = new Set(['•', '·', '|', '∙', '⋅', '-', '–', '—']);

/** Splits a line into fields on white space; header separators ("•", "·", "|") are fields of their own. */
export function splitFields(line: Line): Field[] {
  // Cached on the line: every reader asks for the same tokens. Callers copy before changing the array.
  if (line.fields) return line.fields as Field[];
  const out: Field[] = [];
  const text = line.text;
  // From the line's content: its leading white space and any reader app's thread-guide bars are indentation.
  let i = line.contentStart - line.start;
  const n = text.length;
  while (i < n) {
    while (i < n && isBlankChar(text.charCodeAt(i))) i++;
    if (i >= n) break;
    if (SEPARATOR_CHARS.has(text[i]!)) {
      out.push({ text: text[i]!, start: line.start + i, end: line.start + i + 1 });
      i++;
      continue;
    }
    const s = i;
    while (i < n && !isBlankChar(text.charCodeAt(i)) && !SEPARATOR_CHARS.has(text[i]!)) i++;
    out.push({ text: text.slice(s, i), start: line.start + s, end: line.start + i });
  }
  line.fields = out;
  return out;
}

const COMMENT_NUMBER_TOKEN = /^(?:#\d{1,5}(?:\.\d{1,5}){0,4}\.?|\d{1,5}[.)])$/;
const COLLAPSE_TOGGLE = /^\[[-+–−]\]$/;
// "ana@feddit.uk", "@kit@mastodon.social": a federated account's whole address (user@instance) is a name of one token.
const FEDERATED_ADDRESS = /^@?[\p{L}\p{N}_.-]{1,40}@[\p{L}\p{N}-]{1,40}(?:\.[\p{L}\p{N}-]{1,40}){1,3}$/u;

/**
 * Tokens without a leading comment number ("1.", "#3", "3)", a reply's "#1.2") when a name follows it, maybe
 * after a dash ("#1.1  —  Kiezkind").
 */
function dropCommentNumber(tokens: Field[]): Field[] {
  // "[-] ana@feddit.uk · 6h", "[+] ann 2 points": the thread's collapse toggle before the name (Lemmy, old Reddit; session
  // 30) is a button, not part of the name.
  if (tokens.length >= 2 && COLLAPSE_TOGGLE.test(tokens[0]!.text)) tokens = tokens.slice(1);
  if (tokens.length < 2 || !COMMENT_NUMBER_TOKEN.test(tokens[0]!.text)) return tokens;
  if (/\p{L}/u.test(tokens[1]!.text)) return tokens.slice(1);
  return tokens.length > 2 && /^[-–—]$/.test(tokens[1]!.text) && /\p{L}/u.test(tokens[2]!.text) ? tokens.slice(2) : tokens;
}

/**
 * Tokens without a forum's label before the poster's name: "Post by gullwing", "message 3: by Tess", "Comment #12
 * by Ann" (the label, maybe the post's number, then "by"), when a name follows.
 */
function dropPostLabel(tokens: Field[]): Field[] {
  if (tokens.length < 3 || !POST_LABEL.test(tokens[0]!.text)) return tokens;
  const k = /^#?\d{1,6}:?$/.test(tokens[1]!.text) ? 2 : 1;
  // "Comment from Gwen Pritchard" (session 26): "from" as well as "by" (a "Reply from X" header is read before, as a reply).
  return tokens.length > k + 1 && /^(?:by|from)$/i.test(tokens[k]!.text) ? tokens.slice(k + 1) : tokens;
}

/** True for a lone separator token ("•", "·", "|", "-"). */
export function isSeparator(token: string): boolean {
  return SEPARATOR_TOKENS.has(token);
}

const UNIT = '(?:seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|wks?|w|months?|mos?|years?|yrs?|y)';
/** "3 hours ago", "5h", "5 hr. ago", "an hour ago", "just now", "yesterday". */
// "about 6 hours ago", "over a year ago", "less than a minute ago" (Kickstarter, session 27): a hedge before the figure
// only with "ago" after it, so that "about 6 hours" in a sentence is no time.
const RELATIVE = new RegExp(
  `^(?:(?:\\d{1,4}|an?|one) ?${UNIT}\\.?(?: ago)?|(?:about|around|over|almost|nearly|less than|more than) (?:\\d{1,4}|an?|one) ?${UNIT}\\.? ago|just now|now|yesterday|today)$`,
  'i',
);
// The same ages as comment widgets print them in German, French, Spanish, Italian and Dutch ("vor 3 Stunden",
// "vor 58 Min.", "il y a 3 h", "il y a 45 min", "hace 2 horas", "2 ore fa", "45 minuti fa", "3 uur geleden"):
// the pages' own words for a relative time, with a figure (Italian and Dutch put the age word after it).
const RELATIVE_LOCALISED =
  /^(?:vor (?:\d{1,4}|einer?|einem) (?:sek(?:\.|unden?)?|min(?:\.|uten?)?|std\.?|stunden?|tag(?:en)?|woche(?:n)?|monat(?:en)?|jahr(?:en)?)|il y a (?:\d{1,4}|une?) ?(?:s|sec\.?|secondes?|min\.?|minutes?|h|heures?|j|jours?|sem\.?|semaines?|mois|ans?)|hace (?:\d{1,4}|una?) ?(?:s|seg\.?|segundos?|min\.?|minutos?|h|horas?|d|días?|sem\.?|semanas?|mes(?:es)?|años?)|(?:\d{1,4}|un|una|un'|mezz'|een) ?(?:sec\.?|secondi|secondo|min\.?|minuti|minuto|ora|ore|giorn[oi]|settiman[ae]|mes[ei]|ann[oi]) fa|(?:\d{1,4}|een) (?:sec\.?|seconden?|min\.?|minuut|minuten|uur|dag|dagen|week|weken|maand|maanden|jaar) geleden)$/i;
const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
// "Mon Mar 09, 2026 9:02 am", "Tuesday, 10 March 2026": a weekday before a date.
const WEEKDAY = '(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)';
const CLOCK = '\\d{1,2}:\\d{2}(?::\\d{2})? ?(?:[ap]\\.?m\\.?)?(?: [a-z]{2,4})?';
// "Today at 3:04 PM", "Yesterday at 9:12": a chat's day word with a clock time.
// "9:02 AM", "14:05": a clock time alone, a header's time only after a column gap (`readWidgetHeader`).
const BARE_CLOCK = /^\d{1,2}:\d{2} ?(?:[ap]\.?m\.?)?$/i;
const DAY_CLOCK = /^(?:today|yesterday) at \d{1,2}:\d{2} ?(?:[ap]\.?m\.?)?$/i;
// The words for "today" and "yesterday" (and the day before) in the languages news sites and chats print
// their times in: the day word a relative date line starts with ("Gisteren, 18:40", "вчера в 21:40",
// "hier à 18:40", "ayer a las 9:12", "昨日 18:40", "어제 18:40", "أمس 18:40").
const DAY_WORDS =
  '(?:today|yesterday|heute|gestern|vorgestern|aujourd\'hui|aujourd’hui|hier|avant-hier|hoy|ayer|anteayer|oggi|ieri|l\'altro ieri|vandaag|gisteren|eergisteren|hoje|ontem|anteontem|dzisiaj|dziś|wczoraj|przedwczoraj|dnes|včera|сегодня|вчера|позавчера|сьогодні|вчора|днес|вчера|idag|i dag|igår|i går|i forgårs|tänään|eilen|bugün|dün|σήμερα|χθες|היום|אתמול|اليوم|أمس|امس|hari ini|kemarin|hôm nay|hôm qua|今日|昨日|一昨日|今天|昨天|前天|오늘|어제|그제)';
// A day word, maybe a comma, at most two short linking words ("at", "um", "à", "a las", "alle", "om", "в",
// "о"), then a clock time: the shape every language gives "Yesterday at 18:40".
const DAY_WORD_CLOCK = new RegExp(`^${DAY_WORDS},?(?: \\p{L}{1,4}\\.?){0,2} ?\\d{1,2}[:.]\\d{2} ?(?:[ap]\\.?m\\.?)?(?: uhr| h)?$`, 'iu');
// (Session 41) "9:14 AM Today", "18:40 gestern": the same two parts the other way round, the clock first, as a document
// editor's comment pane prints a comment's time.
const CLOCK_DAY_WORD = new RegExp(`^\\d{1,2}[:.]\\d{2} ?(?:[ap]\\.?m\\.?)?,? ${DAY_WORDS}$`, 'iu');
// (Session 34) "Tuesday 18:40", "Wed 9:12 AM", "Friday at 18:40": a weekday and a clock, as a chat client prints a
// message's time within the last week.
const WEEKDAY_CLOCK = new RegExp(`^${WEEKDAY},?(?: at)? \\d{1,2}[:.]\\d{2}(?: ?[ap]\\.?m\\.?)?$`, 'i');
// (Session 35) "7:12am Sat 5 Dec 26", "10:05 Thursday 3 December 2026": a clock first, then the date (maybe after its
// weekday, the year in two or four figures), as a local paper's own comment system prints a comment's time.
const CLOCK_FIRST = new RegExp(`^\\d{1,2}[:.]\\d{2} ?(?:[ap]\\.?m\\.?)?,?(?: on)? (?:${WEEKDAY}\\.?,? )?(?:\\d{1,2}(?:st|nd|rd|th)? ${MONTH}\\.?|${MONTH}\\.? \\d{1,2}(?:st|nd|rd|th)?,?)(?: \\d{4}| \\d{2})?$`, 'i');
// Words that turn a span of time into an age, after it ("3 часа назад", "2 uur geleden", "5 dni temu", "3 tuntia
// sitten") or before it ("منذ 3 ساعات", "vor 3 Tagen", "před 2 hodinami"): with a unit word in whatever language,
// and a figure or not ("час назад", "منذ ساعتين", the dual, an hour ago).
const AGO_AFTER = '(?:назад|тому|temu|geleden|fa|sitten|sedan|siden|önce|lalu|yang lalu|trước|zpátky|ago|पहले|پہلے|আগে)';
const AGO_BEFORE = '(?:منذ|قبل|vor|il y a|hace|há|faz|před|pred|prije|πριν από|πριν|לפני)';
const AGE_ANY = new RegExp(`^(?:\\d{1,4} ?[\\p{L}\\p{M}]{1,12}\\.? ${AGO_AFTER}|${AGO_BEFORE} \\d{1,4} ?[\\p{L}\\p{M}]{1,12}\\.?)$`, 'iu');
// Without a figure only with the words that say nothing else, where the language says "an hour ago" so: "час назад",
// "godzinę temu", "منذ ساعتين" (the dual).
const AGE_WORDED = /^(?:\p{L}{2,12} (?:назад|тому|temu)|منذ \p{L}{2,12})$/iu;
// "2時間前", "50分前", "3시간 전", "5分钟前": a figure and a unit glued in a script without spaces, then "before".
const AGE_GLUED = /^\d{1,4} ?[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}]{1,3} ?(?:前|전|以前)$/u;
// "3 t", "58 min", "2 ó", "4 std.", "1 д": a compact age in a phone app's short form, a figure and a unit from a closed
// list of the abbreviations apps print for hours, minutes and days in other languages (Danish and Norwegian "t"/"timer",
// Swedish "tim", Hungarian "ó"/"p", German "Std.", Dutch "u", Czech "hod", Polish "godz.", Russian "ч"/"мин"/"д",
// Turkish "sa"/"dk"/"g", Indonesian "jam"/"mnt", Vietnamese "giờ"/"phút", Greek "ώ"/"λ"). Without "ago": only where a
// line holds the time alone or after a name (the readers' callers).
const AGE_COMPACT_LOCALISED = /^\d{1,3} ?(?:t|tim|timer|timmar|min|ó|óra|p|perc|nap|std\.?|u|hod\.?|godz\.?|ч\.?|мин\.?|д\.?|дн\.?|sa|dk|g|jam|mnt|giờ|phút|ngày|ώ|ώρ\.?|λ|λεπ\.?|ημ\.?)$/iu;
/** "Nov 25, 2024 10:14 AM", "Mon Mar 09, 2026 9:02 am", "25 November 2024", "2024-11-25 10:14", "25/11/2024", "Nov 25 at 10:14", "2 Dec @ 9:14pm". */
// "12-04-2026, 07:40 AM": a forum's month-day-year with dashes (vBulletin), the year in four figures (session 25).
// "Saturday 5 December 2026 - 11:52": a dash between the date and the clock, after a weekday too (session 26).
// "Fri 05-Dec-26 08:58:31": day, month word and year joined by dashes (a parenting forum's post time, session 28).
// "5 Dec '26": the year in two figures after an apostrophe (a list archive's date, session 36).
const ABSOLUTE = new RegExp(
  `^(?:${WEEKDAY}\\.?,? )?(?:${MONTH}\\.? \\d{1,2}(?:st|nd|rd|th)?,?(?: \\d{4}| ['’]\\d{2})?|\\d{1,2}(?:st|nd|rd|th)? ${MONTH}\\.?,?(?: \\d{4}| ['’]\\d{2})?|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}[/.]\\d{1,2}[/.]\\d{2,4}|\\d{1,2}-\\d{1,2}-\\d{4}|\\d{1,2}-${MONTH}-\\d{2}(?:\\d{2})?|\\d{1,2}\\. \\d{1,2}\\. \\d{4})(?:(?:,? at|,|T| @| [-–])? ?${CLOCK}Z?)?$`,
  'i',
);

// "2026.12.04. 09:48", "2026/12/04 10:12", "2026. 12. 4.": a date written year first (Korean, Japanese, Chinese,
// Hungarian pages), maybe with a clock time.
const YEAR_FIRST = /^\d{4}(?:\. ?|\/|-)\d{1,2}(?:\. ?|\/|-)\d{1,2}\.?(?:,? \d{1,2}:\d{2}(?::\d{2})?)?$/;
// "04 dic 2026 - 10:02", "4 grudnia 2026, 08:45", "12 ott 2026 10:05": a day, a month word in whatever language and
// a four-figure year, maybe with a clock time (the word between the two figures can only be the month).
// "4 ธันวาคม 2569 เวลา 08:05 น.": the month word may hold combining marks (Thai), and the clock may stand between a word
// for "at" and a word for "o'clock" (Thai "เวลา … น.", German "um … Uhr").
const DAY_WORD_YEAR = /^\d{1,2}\.? \p{L}[\p{L}\p{M}]{2,14}\.? \d{4}(?:(?:,| -| –| ·)? (?:\p{L}[\p{L}\p{M}]{0,5} )?\d{1,2}:\d{2}(?::\d{2})?(?: ?\p{Lu}{3,4}| \p{L}[\p{L}\p{M}]{0,3}\.?)?)?$/u;
// A name of two to four capitalised words (particles and initials allowed), a comma, then a place of one to four
// capitalised words: "Jean-Marc Perrin, Thonon-les-Bains", "Ann de Vries, Den Haag".
const LETTER_NAME_WORD = "(?:\\p{Lu}[\\p{L}\\p{M}'’-]*\\.?|de|du|des|van|von|der|den|la|le|di|da|del|dos|das|ten|ter|al|el|bin|ibn)";
const LETTER_SIGNATURE = new RegExp(
  `^(\\p{Lu}[\\p{L}\\p{M}'’-]*\\.?(?: ${LETTER_NAME_WORD}){1,3}), (\\p{Lu}[\\p{L}\\p{M}'’-]*(?:[ -]\\p{L}[\\p{L}\\p{M}'’-]*){0,3})$`,
  'u',
);

/**
 * A printed letter's signature, the writer's name and town on the letter's last line ("Jean-Marc Perrin,
 * Thonon-les-Bains"): the name with its span, else null. Read only where the page prints letters (`widget.ts`).
 */
export function readLetterSignature(line: Line): { author: string; authorSpan: Span } | null {
  const t = line.trimmed;
  if (t.length > 70) return null;
  const m = LETTER_SIGNATURE.exec(t);
  if (!m || !m[2]!.split(/[ -]/).every((w) => /^\p{Lu}/u.test(w) || /^(?:de|du|des|la|le|les|sur|en|am|an|im|bei|upon|on|di|del)$/.test(w))) return null;
  return { author: m[1]!, authorSpan: [line.contentStart, line.contentStart + m[1]!.length] };
}

// "12/04/26(Fri)09:15:02": an imageboard's date, the weekday in brackets glued between date and clock.
// "12/4(金) 10:05": the same with the year left out (a Japanese portal's time, the weekday one character).
const BOARD_DATE = /^\d{1,2}\/\d{1,2}(?:\/\d{2,4})? ?\(\p{L}{1,4}\) ?\d{1,2}:\d{2}(?::\d{2})?$/u;
// "2 godz. temu", "58 min. temu", "před 2 hod.": an age in a language the lists above do not know, read by its
// shape: a figure and an abbreviated unit (a short word with its period) and one word after or before them.
const AGE_SHAPE = /^(?:\d{1,3} \p{Ll}{1,5}\. \p{Ll}{2,8}|\p{Ll}{2,8} \d{1,3} \p{Ll}{1,5}\.)$/u;

/** Collapses runs of white space to one space (tokens of a time are compared that way). */
function joinTokens(tokens: readonly Field[]): string {
  return tokens.map((t) => t.text).join(' ');
}

// "Original Post", "Last unread", "Next page", "Previous comment": where a scrubber or pager jumps to.
const PLACE_LINK = /^(?:original|first|last|next|previous|prev|latest|newest|oldest) (?:post|comment|message|reply|page|unread)s?$/i;

/** What kind of time stamp the text is, or null. */
export function timeKind(text: string): 'relative' | 'absolute' | null {
  if (text.length === 0 || text.length > 48) return null;
  // "(04.12.26)", "[2 h ago]": a time in brackets is the same time (a talkback's date under its writer's name).
  const bracketed = /^[([]([^()[\]]{1,46})[)\]]$/.exec(text);
  if (bracketed) return timeKind(bracketed[1]!);
  if (RELATIVE.test(text) || RELATIVE_LOCALISED.test(text)) return 'relative';
  if (AGE_SHAPE.test(text) || AGE_GLUED.test(text) || AGE_COMPACT_LOCALISED.test(text)) return 'relative';
  // "long ago" is no time: the English age word needs a figure or an article (RELATIVE above).
  if (AGE_ANY.test(text) || AGE_WORDED.test(text)) return 'relative';
  if (ABSOLUTE.test(text) || DAY_CLOCK.test(text) || DAY_WORD_CLOCK.test(text) || CLOCK_DAY_WORD.test(text) || WEEKDAY_CLOCK.test(text) || CLOCK_FIRST.test(text) || YEAR_FIRST.test(text) || DAY_WORD_YEAR.test(text) || BOARD_DATE.test(text)) return 'absolute';
  return null;
}

/** A time that can stand on a line of its own without being mistaken for a word ("now" cannot). */
export function isStandaloneTime(text: string): boolean {
  const k = timeKind(text);
  return k !== null && (/\d|ago|yesterday| fa$| geleden$/i.test(text) || AGE_WORDED.test(text));
}

// Role badges shown next to a name; "Author" and "OP" mark the original poster.
const OP_BADGES = new Set(['op', '(op)', '[op]', 'author', '(author)', '(authored)', 'submitter', '[s]', '(submitter)']);
// "APP", "BOT": the tag a chat (Discord) shows after a bot's name.
// "Redactie", "Redazione", "Giornalista": the newsroom's role a news site prints between a reporter's name and the
// age ("Sanne Verbeek · Redactie · 2 uur geleden").
const OTHER_BADGES = new Set(['redakcja', 'periodista', 'redactie', 'redazione', 'redaktion', 'rédaction', 'redacción', 'giornalista', 'journalist', 'app', 'bot', '(guest)', 'mod', '(mod)', 'moderator', '(moderator)', '[m]', 'staff', '(staff)', '✓', '✔', 'verified', '(verified)', 'top', 'commenter', '🏆']);
const CHAT_TAGS = new Set(['app', 'bot']);
const CONNECTION_DEGREE = /^(?:1st|2nd|3rd\+?)$/;
const EDITED = new Set(['edited', '(edited)', '*', 'edited*']);
// Words a name never starts with: article bylines and date lines look like headers otherwise.
// The byline and update words of German, French, Spanish and Dutch pages too ("Door Sanne Verbeek" / "Gisteren, 18:40",
// "Bijgewerkt vandaag, 08:15", "Aktualisiert gestern, 12:15").
// (Session 36) "Search in space", "Search this list": a search box's placeholder over a chat's day divider.
const NOT_NAME_START = new Set(['search', 'by', 'posted', 'updated', 'published', 'last', 'written', 'reply', 'share', 'like', 'report', 'replying', 'in', 'level', 'door', 'von', 'par', 'por', 'bijgewerkt', 'gepubliceerd', 'aktualisiert', 'veröffentlicht', 'actualizado', 'publicado', 'aggiornato', 'pubblicato', 'publié', 'modifié', 'zaktualizowano', 'opublikowano', 'обновлено', 'опубликовано']);
// "Post by", "Comment by", "Reply by": the label a forum puts before a poster's name in a one-line header.
const POST_LABEL = /^(?:post|comment|reply|message|answer)$/i;
// "ashbyecho.co.uk", "news.example.com": a host name under a common top-level domain, lower case.
const WEB_ADDRESS = /^(?:www\.)?[a-z0-9-]{2,40}(?:\.[a-z0-9-]{2,40}){0,3}\.(?:com|org|net|uk|ie|news|info|io|gov|edu|au|nz|ca)$/;
const ARROWS = new Set(['▸', '►', '▶', '→', '➤', '➜', '>', '›', '»']);

// "Name says:": the verb WordPress-like comment lists put after the name.
const SAYS = new Set(['says:', 'said:', 'wrote:', 'writes:', 'commented:', 'replied:']);

/** A parsed post header. */
export interface Header {
  author: string;
  authorSpan: Span;
  timestamp: string | null;
  isOP: boolean;
  /** "jdoe_77 ▸ Maria Keller": the name the header says the post answers. */
  replyTo: { name: string; span: Span } | null;
  /** "12 points" on old-Reddit headers. */
  points: number | null;
}

/** Strips role badges off the end (and "OP" off either side) of a name's tokens. */
function stripBadges(tokens: Field[], keepBracketed = false, separated = true): { tokens: Field[]; isOP: boolean } {
  let isOP = false;
  const out = tokens.slice();
  // A bare-word badge goes once: "Gazette Moderator Mod" keeps "Moderator" as part of the name.
  let words = 0;
  let suffixed = false;
  while (out.length > 1) {
    // Session 30 (parsegen30): what a page prints after a name by shape, whatever its words (`dropNameSuffix`).
    const cut = keepBracketed ? out.length : nameSuffixStart(out, separated);
    if (cut < out.length) {
      if (OP_BADGES.has(joinTokens(out.slice(cut)).toLowerCase().replace(/^[·•|∙⋅–—-] ?/, ''))) isOP = true;
      out.length = cut;
      suffixed = true;
      continue;
    }
    // Once a suffix is cut, what stands before it is the name ("Courier Moderator · Community Moderator").
    if (suffixed) break;
    const last = out[out.length - 1]!.text.toLowerCase();
    const word = /^\p{L}+$/u.test(last);
    if (word && words > 0) {
      // "Marjorie Pell · Top Commenter", "Courier Moderator · Community Moderator": a badge set off from the name by a
      // separator may be a phrase ending in a badge word; its qualifiers go with it (session 29).
      let sep = out.length - 1;
      while (sep >= 0 && !isSeparator(out[sep]!.text)) sep--;
      const run = out.slice(sep + 1);
      if (sep > 0 && run.length <= 2 && run.every((t) => /^\p{Lu}\p{Ll}+$/u.test(t.text))) out.length = sep;
      break;
    }
    if (keepBracketed && /^[([]/.test(last)) break;
    if (OP_BADGES.has(last)) isOP = true;
    // "Dan Whitlock • 2nd", "Nick Orr • 3rd+": a network's connection degree after a separator (LinkedIn, session 29).
    else if (CONNECTION_DEGREE.test(last) && out.length > 2 && isSeparator(out[out.length - 2]!.text)) {
      out.pop();
      continue;
    }
    // "[developer]", "(admin)": one lower-case word in brackets after a name is a role tag the page adds; so is one
    // capitalised word in square brackets ("[Station]", session 26).
    else if (!OTHER_BADGES.has(last) && !isSeparator(last) && !(out.length > 1 && /^(?:[([]\p{Ll}{2,15}[)\]]|\[\p{Lu}\p{Ll}{1,14}\])$/u.test(out[out.length - 1]!.text))) break;
    // "Timetable Bot", "Herald App": a capitalised word ending a display name is part of it; the tag a chat shows
    // is in capitals ("APP", "BOT") or in brackets.
    else if (CHAT_TAGS.has(last) && /^\p{Lu}\p{Ll}/u.test(out[out.length - 1]!.text)) break;
    if (word) words++;
    out.pop();
  }
  return { tokens: out, isOP };
}

/**
 * Where a suffix the page prints after a name starts among a name line's tokens (session 30), else `tokens.length`.
 * Told by shape, not by a list of badges: (1) one to three words in round or square brackets (`(Moderator)`, `[Staff]`,
 * `(Top Fan)`); (2) with `separated`, one to three capitalised words (or marks) after a separator (`· Top Commenter`,
 * `• Zorvik`). In each a name of one word at least stands before it, so a name is never emptied; a time, a handle or a
 * lower-case word after a separator is left to the readers that know them. A mark alone after a name (`Kev 🚲`,
 * `Marcus Lee 🇬🇧`, `☠ Grog ☠`) is the poster's own: `pageSuffixes` tells a page's badge mark by its recurrence.
 */
export function nameSuffixStart(tokens: readonly Field[], separated = true): number {
  const n = tokens.length;
  if (n < 2) return n;
  const last = tokens[n - 1]!.text;
  const close = /[)\]]$/.exec(last);
  if (close) {
    const open = close[0] === ')' ? '(' : '[';
    for (let k = n - 1; k >= Math.max(1, n - 3); k--) {
      const t = tokens[k]!.text;
      // ("(2009–present)", "(3)": a date range or a figure in brackets is no badge.)
      if (t.startsWith(open)) return /^[([]\p{L}/u.test(t) && !/\d/.test(joinTokens(tokens.slice(k))) && k <= 4 && !isSeparator(tokens[k - 1]!.text) ? k : isSeparator(tokens[k - 1]!.text) && k >= 2 ? k - 1 : n;
      if (/[()[\]]/.test(k === n - 1 ? t.slice(0, -1) : t)) return n;
    }
    return n;
  }
  if (!separated) return n;
  let sep = n - 1;
  while (sep > 0 && !isSeparator(tokens[sep]!.text)) sep--;
  const run = tokens.slice(sep + 1);
  // (A name is four words at most, as the name-line reader has it: "Librarian at Elm Street Library (2009–present) ·
  // Updated Dec 3" is a credential line, not a name and a badge.)
  if (sep < 1 || sep > 4 || run.length === 0 || run.length > 3) return n;
  if (isSeparator(tokens[sep - 1]!.text)) return n;
  const badgeWord = (t: string): boolean => /^\p{Lu}[\p{Ll}\p{M}]+$/u.test(t) || (!/[\p{L}\p{N}]/u.test(t) && !isSeparator(t));
  if (!run.every((t) => badgeWord(t.text))) return n;
  // "Ana · Gómez Ruiz": the run must not read as a time or a date.
  if (timeKind(joinTokens(run)) !== null || isDateLike(joinTokens(run))) return n;
  return sep;
}

/**
 * "Karen Doyle (Moderator)", "Karen Doyle · Top Fan", "Karen Doyle ✓": a name line whose name a page-printed suffix
 * follows (`nameSuffixStart`, session 30); the name alone (four tokens at most) and its span, else null (no suffix).
 */
export function splitNameSuffix(line: Line): { author: string; authorSpan: Span } | null {
  if (line.trimmed.length === 0 || line.trimmed.length > 80) return null;
  const fields = splitFields(line);
  let tokens = fields;
  for (let cut = nameSuffixStart(tokens); cut < tokens.length; cut = nameSuffixStart(tokens)) tokens = tokens.slice(0, cut);
  if (tokens.length === fields.length || !isNameTokens(tokens) || tokens.length > 4) return null;
  const span = spanOf(tokens);
  return { author: line.text.slice(span[0] - line.start, span[1] - line.start), authorSpan: span };
}

/**
 * "KD" over "Karen Doyle", "J" over "jdoe_77 • 3h", "NR" over "@nicolo_rossi": a line of one to three capital letters
 * that are the initials of the name opening the line under it, the text an avatar shows in place of a picture (widget
 * reader since session 14; shared with every reader in session 30). The name is the name line's, or the name tokens
 * before the first separator of a one-line head (`Name · time`, `Name (Badge) · time`).
 */
export function isInitialsOver(line: Line, under: Line | undefined): boolean {
  if (!under || under.indent !== line.indent || under.trimmed.length === 0 || !/^\p{Lu}{1,3}$/u.test(line.trimmed)) return false;
  let name = readNameLine(under)?.author ?? readWidgetHeader(under)?.author ?? null;
  if (name === null) {
    const tokens = splitFields(under);
    let k = 0;
    while (k < tokens.length && k < 6 && !isSeparator(tokens[k]!.text)) k++;
    const head = tokens.slice(0, k);
    const cut = nameSuffixStart(head, false);
    if (k === 0 || k === tokens.length || !isNameTokens(head.slice(0, cut))) return false;
    name = joinTokens(head.slice(0, cut));
  }
  if (name === line.trimmed) return false;
  const words = name.replace(/^@/, '').split(/[\s_.-]+/).filter((w) => w.length > 0);
  const initials = words.map((w) => w[0]!.toUpperCase()).join('');
  const got = line.trimmed;
  // "AL" over "@analucia_gomez": an avatar shows the display name's initials, which a handle need not keep past its first.
  const handle = /^@/.test(name) || words.length === 1;
  return initials.startsWith(got) || (got.length >= 2 && initials[0] === got[0] && (handle || initials.at(-1) === got.at(-1)));
}

/** Is this run of tokens a plausible name ("Maria Keller", "jdoe_77", "Nicolò Rossi", "Guest")? */
export function isNameTokens(tokens: readonly Field[], allowBang = false): boolean {
  if (tokens.length === 0 || tokens.length > 6) return false;
  const text = joinTokens(tokens);
  if (text.length > 48) return false;
  if (NOT_NAME_START.has(tokens[0]!.text.toLowerCase())) return false;
  if (tokens.some((t) => isSeparator(t.text) || ARROWS.has(t.text))) return false;
  // "#Galway #Ferries": hashtags, not a name.
  if (tokens.some((t) => /^#\p{L}/u.test(t.text))) return false;
  // "# harbour": a chat's channel name, its "#" set off by a space.
  if (tokens[0]!.text === '#') return false;
  // "ashbyecho.co.uk • Today at 07:30": a web address over its time is a link card's footer, not a poster (session 29).
  if (tokens.length === 1 && WEB_ADDRESS.test(tokens[0]!.text)) return false;
  if (!/[\p{L}\p{N}]/u.test(text)) return false;
  // A final "!" may be part of a name shown over its time ("Naniwa Cyclist!"); in a one-line header it is a sentence's.
  if ((allowBang ? /[,;:?"“”]$/ : /[,;:!?"“”]$/).test(text) || text.includes('://')) return false;
  // "Jan 28, 2026 Updated": a date is never part of a name.
  if (tokens.some((t, k) => /^\d{1,4},?$/.test(t.text) && k > 0 && timeKind(`${tokens[k - 1]!.text} ${t.text.replace(/,$/, '')}`) === 'absolute')) return false;
  // "Ẩn 2 trả lời", "Sembunyikan 3 balasan": a bare figure between words is a counter or a toggle, never a name.
  if (tokens.length >= 3 && tokens.some((t, k) => k > 0 && k < tokens.length - 1 && /^\d{1,5}$/.test(t.text))) return false;
  // "read.cgi ver 07.7.23": a version number (three dotted figures) is never part of a name.
  if (tokens.some((t) => /^v?\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(t.text))) return false;
  // "31 points", "-3 votes": a score is never a name (session 27).
  if (/^[-+−]?\d{1,6} (?:points?|pts|votes?)$/i.test(text)) return false;
  // "9:14 AM": a clock time is never a name.
  if (/^\d{1,2}[:.]\d{2}(?: ?[ap]\.?m\.?)?$/i.test(text)) return false;
  // "commented 3 days ago": an activity verb is never the poster's name.
  if (tokens.length === 1 && /^\p{Ll}/u.test(tokens[0]!.text) && isActivityVerb(tokens[0]!.text)) return false;
  // "jtan-dev added the bug label 3 days ago": a handle, a lower-case verb in the past and what was done is an
  // activity line of the page, not a name.
  if (tokens.length > 2 && /^\p{Ll}{2,12}ed$/u.test(tokens[1]!.text)) return false;
  // "Clapham line reopening confirmed for 17 May": four words or more with a lower-case past participle after a lower-case
  // word are a headline's clause, not a name over its date (session 31).
  if (tokens.length >= 4 && tokens.slice(1).some((t, k) => /^\p{Ll}{2,14}ed$/u.test(t.text) && /^\p{Ll}/u.test(tokens[k]!.text))) return false;
  // "Jess Lowry pinned the discussion.": a forum's event line names its doer in full (session 27), so the verb may come
  // after two or three capitalised words, with words after it.
  for (let k = 2; k <= 3 && k < tokens.length - 1; k++) {
    if (!/^\p{Lu}/u.test(tokens[k - 1]!.text)) break;
    if (/^\p{Lu}/u.test(tokens[0]!.text) && /^\p{Ll}{2,12}ed$/u.test(tokens[k]!.text)) return false;
  }
  // "بقلم: سلمى الحداد", "Author: Jane Doe": a label with its colon before the name is a byline, not a poster's name.
  if (tokens.length > 1 && /[:：]$/.test(tokens[0]!.text)) return false;
  // "Eleanor Voss's review", "Anna's Reviews > …": a possessive before another word is a phrase about someone.
  if (tokens.length > 1 && tokens.slice(0, -1).some((t) => /\p{L}['’]s$/u.test(t.text))) return false;
  // "Taken on December 4, 2026", "Joined at …": a name of several words never ends on a lower-case preposition; a phrase
  // leading into a date does (session 38).
  if (tokens.length > 1 && /^(?:on|at|by|in|from|since|to|of)$/.test(tokens[tokens.length - 1]!.text)) return false;
  // A name of several words has no sentence in it: "I left" is not a name.
  // ("The Dunmore Ledger": a newsroom's account, "The" and capitalised words only, is one; session 26.)
  const titled = tokens.length >= 2 && tokens.length <= 4 && tokens[0]!.text === 'The' && tokens.slice(1).every((t) => /^\p{Lu}[\p{L}\p{M}'’&.-]*$/u.test(t.text));
  if (tokens.length > 1 && /^(?:i|we|you|he|she|they|it|the|this|that)$/i.test(tokens[0]!.text) && !titled) return false;
  return true;
}

function spanOf(tokens: readonly Field[]): Span {
  return [tokens[0]!.start, tokens[tokens.length - 1]!.end];
}

/** Splits a name part on an arrow ("jdoe_77 ▸ Maria Keller") into author and reply-to. */
function splitArrow(tokens: Field[]): { author: Field[]; replyTo: Field[] | null } | null {
  const at = tokens.findIndex((t) => ARROWS.has(t.text));
  if (at <= 0) return null;
  // "gullwing » Mon Mar 09, 2026": an arrow between the name and the time separates them.
  if (at === tokens.length - 1) return { author: tokens.slice(0, at), replyTo: null };
  return { author: tokens.slice(0, at), replyTo: tokens.slice(at + 1) };
}

/**
 * Splits a name part on a column gap ("Mira Sol  Gerald Finch • 3 years ago"): Disqus shows the name
 * answered after the author's, and a copy keeps only the gap where its arrow icon stood.
 */
function splitGap(line: Line, tokens: Field[]): { author: Field[]; replyTo: Field[] | null } {
  for (let k = 1; k < tokens.length; k++) {
    if (wideGap(line, tokens[k - 1]!, tokens[k]!)) return { author: tokens.slice(0, k), replyTo: tokens.slice(k) };
  }
  return { author: tokens, replyTo: null };
}

/** The gap between two tokens is two or more spaces or a tab (a column break, "Name  Nov 25, 2024"). */
function wideGap(line: Line, a: Field, b: Field): boolean {
  const gap = line.text.slice(a.end - line.start, b.start - line.start);
  return gap.length >= 2 || gap.includes('\t');
}

/**
 * Reads a one-line widget header: a name, then a time, with a separator ("Maria Keller • 3 hours ago"),
 * a column gap ("Nicolò Rossi  Nov 25, 2024 10:14 AM") or a time that cannot be read as words
 * ("jdoe_77 2 days ago"). Returns null for anything else.
 */
export function readWidgetHeader(line: Line, roleLikeFooter = false): Header | null {
  if (line.trimmed.length < 3 || line.trimmed.length > 120) return null;
  // "Tue 2 Dec, 19:42": a line that is a time as a whole is no name before a time ("Tue"; session 27).
  if (timeKind(line.trimmed) === 'absolute') return null;
  // "Edited · 2d": an activity verb before an age, a time line as a whole, is no name before a time.
  if (isActivityVerb(line.trimmed.split(' ')[0]!) && readTimeLine(line) !== null) return null;
  // "ann wrote: ↑Sat Dec 05, 2026 8:37 am": a quote box's attribution, with the quoted post's time, opens no post.
  if (isQuoteAttribution(line.trimmed)) return null;
  // "2 Replies Last reply 2 Nov 2026, 10:05": a post's reply-count row with its last reply's time opens no post (session 32).
  if (LAST_REPLY_ROW.test(line.trimmed)) return null;
  // "replied to dough_boy on 2 Nov 2026, 09:40": whom the post answers and its time, under the name; no name before a time.
  if (REPLIED_TO_ON.test(line.trimmed)) return null;
  let tokens = dropCommentNumber(splitFields(line));
  // "Post by gullwing » Mon Mar 09, 2026 9:02 am": a forum's label before the name (never an article's
  // byline, which says "By" or "Posted by").
  tokens = dropPostLabel(tokens);
  let edited = false;
  while (tokens.length > 2 && (EDITED.has(tokens[tokens.length - 1]!.text.toLowerCase()) || isSeparator(tokens[tokens.length - 1]!.text))) {
    edited = true;
    tokens = tokens.slice(0, -1);
  }
  void edited;
  const first = tokens[0]?.text ?? '';
  // "[NL] Veerman": a short tag in brackets before more of the name is part of the name the poster chose.
  if (first.startsWith('u/') || first.startsWith('/u/') || (first.startsWith('[') && !(/^\[[\p{L}\p{N}]{1,6}\]$/u.test(first) && tokens.length > 2))) return null;
  for (let j = 1; j < tokens.length && j <= 9; j++) {
    let k = j;
    let separated = false;
    while (k < tokens.length && isSeparator(tokens[k]!.text)) {
      separated = true;
      k++;
    }
    if (k >= tokens.length) break;
    let timeText = joinTokens(tokens.slice(k));
    let kind = timeKind(timeText);
    // "carol_w (2026-03-11 09:14)", "ann [3 hours ago]": a time in brackets, which separate it from the name.
    // (`timeKind` reads the bracketed time too; the header's time is the one inside the brackets.)
    const bracketed = /^[([].{3,48}[)\]]$/.test(timeText) && timeKind(timeText.slice(1, -1)) !== null;
    if (bracketed) {
      timeText = timeText.slice(1, -1);
      kind = timeKind(timeText);
      separated = true;
    }
    // "Dana Whitlock  9:02 AM": a chat's clock alone after a column gap (the day stands in a divider above).
    if (!kind && !separated && BARE_CLOCK.test(timeText) && wideGap(line, tokens[j - 1]!, tokens[k]!)) kind = 'absolute';
    if (!kind) continue;
    const dashOnly = separated && tokens.slice(j, k).every((t) => /^[-–—]$/.test(t.text));
    const wordy = !/\d/.test(timeText);
    // (Session 38) "deltajay commented yesterday": a lower-case activity verb after the name sets the time apart as a
    // separator does, so a worded day ("yesterday", "today") is the time too.
    const verbed = !separated && j >= 2 && k === j && /^\p{Ll}/u.test(tokens[j - 1]!.text) && isActivityVerb(tokens[j - 1]!.text) && isStandaloneTime(timeText);
    if (!separated && !verbed && !(kind === 'absolute' || /ago$/i.test(timeText) || wideGap(line, tokens[j - 1]!, tokens[k]!))) continue;
    // (Session 42) "Sam Keel  Yesterday": a worded day alone after a column gap is the time as a separator sets it apart.
    const gapped = !separated && wordy && isStandaloneTime(timeText) && wideGap(line, tokens[j - 1]!, tokens[k]!);
    if (!separated && !verbed && wordy && !gapped) continue;
    if (dashOnly && wordy) continue;
    // "Nell (mod) — Today at 11:34 AM": a chat prints its tags as bare words (APP, BOT), so a bracketed word
    // before its day-and-clock time is part of the display name the poster chose.
    let head = tokens.slice(0, j);
    let opBadge = false;
    // "jwhitlock commented 9 hours ago", "ann-b replied 2 hours ago": an activity verb (lower case) between the name
    // and the time says what the post is, like a discussion widget's header; it is no part of the name (session 28).
    if (!separated && head.length >= 2 && /^\p{Ll}/u.test(head[head.length - 1]!.text) && isActivityVerb(head[head.length - 1]!.text)) head = head.slice(0, -1);
    // "Ελένη Παπαδοπούλου · Συντάκτρια · πριν από 2 ώρες": one word set off by separators on both sides between the
    // name and the time is a role the page prints (any language's word for editor or staff), not part of the name;
    // a footer's row ("Me gusta · Responder · 3 d") has the same shape, so such a line is a header only where the caller
    // saw it open a post (`roleLikeFooter`: after a break, over text).
    const n = head.length;
    if (separated && n >= 3 && isSeparator(head[n - 2]!.text) && !isSeparator(head[n - 3]!.text) && /^\p{L}{2,20}$/u.test(head[n - 1]!.text) && (roleLikeFooter || readFooter(line) === undefined)) head = head.slice(0, -2);
    // "courierbot@lemmy.world B OP · 4h": after a federated address nothing more belongs to the name (a person's name
    // never goes on after one); what stands between it and the time is badges the page prints (session 30).
    if (FEDERATED_ADDRESS.test(head[0]!.text) && head.length > 1 && head.length <= 4 && head.slice(1).every((t) => /^[\p{L}()[\]]{1,12}$/u.test(t.text))) {
      if (head.slice(1).some((t) => OP_BADGES.has(t.text.toLowerCase()))) opBadge = true;
      head = head.slice(0, 1);
    }
    // (A footer's row, "Me gusta · Responder · 3 d", has the shape of a name, a separated suffix and a time: the suffix
    // is read only where the caller saw the line open a post, as the role above.)
    const named = stripBadges(head, DAY_CLOCK.test(timeText), roleLikeFooter || !head.some((t) => isSeparator(t.text)) || readFooter(line) === undefined);
    // "paperhand (48) · 5 hours ago", "northfold (70) MOD · 3 hours ago" (session 37): a figure in brackets between the
    // name and the time is the poster's reputation score a blog network prints, no part of the name.
    if (named.tokens.length >= 2 && /^\(\d{1,6}\)$/.test(named.tokens[named.tokens.length - 1]!.text)) named.tokens = named.tokens.slice(0, -1);
    if (opBadge) named.isOP = true;
    const split = splitArrow(named.tokens) ?? splitGap(line, named.tokens);
    // "Gazette Moderator Mod → Phil Garza": the badge stands after the author, before the arrow.
    const own = split.replyTo ? stripBadges(split.author) : { tokens: split.author, isOP: false };
    const author = own.tokens;
    const replyTo = split.replyTo;
    if (own.isOP) named.isOP = true;
    if (!isNameTokens(author)) return null;
    if (replyTo && !isNameTokens(replyTo)) return null;
    const authorSpan = spanOf(author);
    return {
      author: line.text.slice(authorSpan[0] - line.start, authorSpan[1] - line.start),
      authorSpan,
      timestamp: bracketed ? timeText : line.text.slice(tokens[k]!.start - line.start, tokens[tokens.length - 1]!.end - line.start),
      isOP: named.isOP,
      replyTo: replyTo ? { name: line.text.slice(replyTo[0]!.start - line.start, replyTo[replyTo.length - 1]!.end - line.start), span: spanOf(replyTo) } : null,
      points: null,
    };
  }
  return null;
}

/**
 * Reads a comma-separated header: name, one or more places, then the time ("Dave, London, United Kingdom,
 * 3 hours ago", as the Daily Mail shows it). The places must be capitalised words and the time must have a
 * figure or "ago", so that "Honestly, 5 days ago" is not a header.
 */
export function readCommaHeader(line: Line): Header | null {
  const t = line.trimmed;
  if (t.length < 8 || t.length > 120) return null;
  const first = t.indexOf(', ');
  if (first <= 0 || first > 48) return null;
  let at = first;
  while (at >= 0) {
    const next = t.indexOf(', ', at + 2);
    if (next < 0) break;
    const time = t.slice(next + 2);
    if (timeKind(time) !== null && /\d|ago/i.test(time)) {
      const places = t.slice(first + 2, next).split(', ');
      if (!places.every((p) => /^\p{Lu}[\p{L}.'-]*(?: [\p{L}.'-]+){0,3}$/u.test(p))) return null;
      const name = t.slice(0, first);
      const start = line.contentStart;
      // The name's tokens, the last without its comma ("Dave," → "Dave").
      const nameTokens = splitFields(line)
        .filter((k) => k.start < start + first)
        .map((k) => (k.end > start + first ? { text: k.text.slice(0, start + first - k.start), start: k.start, end: start + first } : k));
      if (!isNameTokens(nameTokens) || nameTokens.length > 4) return null;
      return { author: name, authorSpan: [start, start + first], timestamp: time, isOP: false, replyTo: null, points: null };
    }
    at = next;
  }
  return null;
}

/** A name on a line of its own (the first line of a two-line header); badges stripped. */
export function readNameLine(line: Line): { author: string; authorSpan: Span; isOP: boolean; handle?: string } | null {
  if (line.trimmed.length === 0 || line.trimmed.length > 56) return null;
  let tokens = dropPostLabel(dropCommentNumber(splitFields(line)));
  // YouTube-like "@rail_nerd_es" over its time: the name as shown, "@" and all; the handle without it
  // (mentions name it without one).
  if (tokens.length === 1 && /^@[\p{L}\p{N}_.-]{2,40}$/u.test(tokens[0]!.text)) {
    const t = tokens[0]!;
    return { author: t.text, authorSpan: [t.start, t.end], isOP: false, handle: t.text.slice(1) };
  }
  // WordPress-like "Margaret Dunne says:" / "Ian wrote:".
  if (tokens.length > 1 && SAYS.has(tokens[tokens.length - 1]!.text.toLowerCase())) {
    tokens = tokens.slice(0, -1);
    // "Cllr Ian Booth (Lib Dem, Holmbrook) says:": what the poster typed in the form's name box, a qualifier in brackets
    // after the name and all, is the name the page shows (session 30); the name before the brackets must be one.
    const open = tokens.findIndex((t) => t.text.startsWith('('));
    const close = tokens.length - 1;
    if (open >= 1 && open <= 4 && close - open <= 4 && tokens[close]!.text.endsWith(')') && tokens.slice(open, close + 1).filter((t) => /[()]/.test(t.text)).length <= 2) {
      const named = stripBadges(tokens.slice(0, open));
      if (isNameTokens(named.tokens, true) && named.tokens.length === open) {
        const span: Span = [tokens[0]!.start, tokens[close]!.end];
        return { author: line.text.slice(span[0] - line.start, span[1] - line.start), authorSpan: span, isOP: false };
      }
    }
  }
  const handled = dropTrailingHandle(tokens);
  tokens = dropPostTally(handled.tokens);
  const named = stripBadges(tokens);
  if (!isNameTokens(named.tokens, true) || named.tokens.length > 4) return null;
  // "Nov 2026", "Nov 21": a date is never a name (a topic's timeline shows them over a post's date).
  if (isDateLike(line.trimmed)) return null;
  // "she/her", "he/they": the pronouns a profile shows under the name are never one.
  if (PRONOUNS.test(line.trimmed)) return null;
  // "created", "Reply", "Share this": a line of the page's interface is never a name.
  if (isUiLine(line.trimmed)) return null;
  // "Original Post", "Last unread", "Next page": a forum scrubber's or pager's place words (session 27) are never a name.
  if (PLACE_LINK.test(line.trimmed)) return null;
  // "5" under a footer is a vote count, not a name.
  if (!/\p{L}/u.test(line.trimmed)) return null;
  const last = named.tokens[named.tokens.length - 1]!.text;
  // A final period is sentence punctuation, except after an initial ("Harold B.").
  if (/[.…]$/.test(last) && !(named.tokens.length > 1 && /^\p{Lu}\.$/u.test(last))) return null;
  // "Réponse à Paulo", "In reply to Ann" over a reply's header: whom it answers, not who wrote it.
  if (readReplyLine(line) !== null) return null;
  const span = spanOf(named.tokens);
  const author = line.text.slice(span[0] - line.start, span[1] - line.start);
  return { author, authorSpan: span, isOP: named.isOP, ...(handled.handle !== null ? { handle: handled.handle } : {}) };
}

/**
 * "Cakeisgood Posts: 5,218 Forumite" (a forum's one-line user panel, session 35): the poster's post tally and the rank
 * after it are no part of the name; the tokens before "Posts:" when a count follows it, else the tokens as they were.
 */
function dropPostTally(tokens: Field[]): Field[] {
  const at = tokens.findIndex((t, k) => k > 0 && /^(?:posts|messages):$/i.test(t.text) && /^\d{1,3}(?:[,.]\d{3})*$|^\d{1,7}$/.test(tokens[k + 1]?.text ?? ''));
  return at > 0 && tokens.length - at <= 5 ? tokens.slice(0, at) : tokens;
}

const HANDLE_TOKEN = /^@([\p{L}\p{N}_](?:[\p{L}\p{N}_.-]{0,38}[\p{L}\p{N}_])?)$/u;

/**
 * "Maria Keller · @maria_keller", "K. Okafor  @k_okafor": a display name with the account's handle after it (a
 * separator or a gap between), as X, Mastodon, Bluesky and many comment widgets print a head (session 29). The name's
 * tokens without the handle, and the handle without "@"; the tokens as they were when no name stands before it.
 */
export function dropTrailingHandle(tokens: Field[]): { tokens: Field[]; handle: string | null } {
  const m = tokens.length >= 2 ? HANDLE_TOKEN.exec(tokens[tokens.length - 1]!.text) : null;
  if (!m) return { tokens, handle: null };
  let k = tokens.length - 1;
  while (k > 0 && isSeparator(tokens[k - 1]!.text)) k--;
  if (k === 0 || tokens[k - 1]!.text.startsWith('@')) return { tokens, handle: null };
  return { tokens: tokens.slice(0, k), handle: m[1]! };
}

/**
 * "gutterlordz  ▸  linda_r": a reply's name line that names the poster answered after an arrow, as a Kinja-like page
 * prints it over the time; author and reply-to (each a name of at most four words) with their spans, else null.
 */
export function readArrowNameLine(line: Line): { author: string; authorSpan: Span; isOP: boolean; replyTo: { name: string; span: Span } } | null {
  if (line.trimmed.length < 3 || line.trimmed.length > 100) return null;
  const split = splitArrow(splitFields(line).slice());
  if (!split || !split.replyTo || split.replyTo.length === 0) return null;
  const own = stripBadges(split.author);
  if (!isNameTokens(own.tokens) || own.tokens.length > 4 || !isNameTokens(split.replyTo) || split.replyTo.length > 4) return null;
  if (isDateLike(joinTokens(split.replyTo)) || timeKind(joinTokens(split.replyTo)) !== null) return null;
  const a = spanOf(own.tokens);
  const r = spanOf(split.replyTo);
  const slice = (sp: Span) => line.text.slice(sp[0] - line.start, sp[1] - line.start);
  return { author: slice(a), authorSpan: a, isOP: own.isOP, replyTo: { name: slice(r), span: r } };
}

const PRONOUNS = /^\(?(?:she|he|they|xe|ze|it|any)\/(?:her|hers|him|his|they|them|theirs|she|he|xem|zir|it|all)(?:\/(?:hers|his|theirs|them|her|him))?\)?$/i;

const MONTH_YEAR = new RegExp(`^${MONTH}\\.? \\d{4}$`, 'i');

/** A date or time with a figure in it ("Nov 2026", "Nov 21", "3h"), which no name is. */
export function isDateLike(text: string): boolean {
  return /\d/.test(text) && (MONTH_YEAR.test(text) || timeKind(text) !== null);
}

// (A Bluesky handle is a domain name and may hold a hyphen: "@ana-ruiz.bsky.social".)
const HANDLE_LINE = /^@([\p{L}\p{N}_](?:[\p{L}\p{N}_.-]{0,38}[\p{L}\p{N}_.])?)(?:@[\p{L}\p{N}_.-]{1,60}\.[\p{L}]{2,20})?$/u;

/**
 * A line that is only an account handle, maybe with its server ("@jobrennan@mastodon.ie", "@kev_b"), as
 * Mastodon, Bluesky and X show under a display name: the handle without "@" and server, else null.
 */
export function readHandleOnlyLine(trimmed: string): string | null {
  if (trimmed.length > 100) return null;
  const m = HANDLE_LINE.exec(trimmed);
  return m ? m[1]!.replace(/\.$/, '') : null;
}

// "commented 3 days ago", "opened yesterday", "answered Dec 2 at 21:10": the verb an activity line puts before the
// time of the post it heads (issue trackers, Q&A pages, review sites).
const ACTIVITY_VERBS = new Set(['commented', 'opened', 'replied', 'answered', 'asked', 'posted', 'wrote', 'reviewed', 'responded', 'started', 'edited', 'updated', 'submitted', 'published']);

/** True for an activity verb that heads a time ("commented" in "commented 3 days ago"). */
export function isActivityVerb(token: string): boolean {
  return ACTIVITY_VERBS.has(token.toLowerCase());
}

/** A line that is only a time, maybe after a separator ("· 5 hr. ago") or an activity verb ("commented 3 days ago"); returns the time text. */
export function readTimeLine(line: Line): string | null {
  const tokens = splitFields(line);
  let k = 0;
  while (k < tokens.length && isSeparator(tokens[k]!.text)) k++;
  // "Updated 3mo", "Answered 2y" (a capital verb): only before an age, as an article's "Updated Fri, 04 Dec 2026" is
  // a date line of the page, not a post's.
  // "31 points · 9 hours ago", "-3 points · 2 hours ago" (a comment box's score before the age under the name, session
  // 27): the score and its separator go, the age is the time.
  if (tokens.length > k + 3 && /^[-+−]?\d{1,6}$/.test(tokens[k]!.text) && /^(?:points?|pts|votes?)$/i.test(tokens[k + 1]!.text) && isSeparator(tokens[k + 2]!.text)) k += 3;
  const verb = tokens.length > k + 1 && isActivityVerb(tokens[k]!.text) ? (/^\p{Ll}/u.test(tokens[k]!.text) ? 'lower' : 'capital') : null;
  if (verb) k++;
  // "Edited · 2d" (Instagram, under a caption): a separator may stand between the verb and the age.
  if (verb) while (k < tokens.length - 1 && isSeparator(tokens[k]!.text)) k++;
  // "wrote on 4 Dec 2026, 18:55" (a forum's line under the name, session 32): "on" between a lower-case verb and a date.
  if (verb === 'lower' && k < tokens.length - 1 && tokens[k]!.text === 'on') k++;
  if (k >= tokens.length) return null;
  let end = tokens.length;
  while (end > k + 1 && EDITED.has(tokens[end - 1]!.text.toLowerCase())) end--;
  // "4 December 2026 at 2:20PM edited 4 December 2026 at 2:26PM" (a forum's post time with its edit time after it,
  // session 35): the time before "edited" is the post's.
  const edited = tokens.findIndex((t, j) => j > k + 1 && j < end - 1 && t.text.toLowerCase() === 'edited');
  if (edited > 0 && isStandaloneTime(joinTokens(tokens.slice(edited + 1, end)))) end = edited;
  const text = joinTokens(tokens.slice(k, end));
  if (!isStandaloneTime(text) || (verb === 'capital' && timeKind(text) !== 'relative')) return null;
  return line.text.slice(tokens[k]!.start - line.start, tokens[end - 1]!.end - line.start);
}

// Words of footer lines: buttons and counters under a post.
const ACTION_WORDS = new Set(
  [
    'reply', 'share', 'like', 'likes', 'liked', 'unlike', 'report', 'flag', 'tweet', 'edit', 'delete', 'upvote',
    'upvotes', 'downvote', 'downvotes', 'vote', 'votes', 'point', 'points', 'permalink', 'embed', 'save', 'saved',
    'unsave', 'parent', 'context', 'follow', 'give', 'award', 'awards', 'recommend', 'recommended', 'helpful',
    'dislike', 'dislikes', 'block', 'hide', 'source', 'more', 'copy', 'link', 'quote', 'respond', 'agree',
    'disagree', 'thumbs', 'up', 'down', 'replies', 'rating', 'reaction', 'reactions',
    // "Thank (41)": a hyperlocal site's like button, the verb (session 34; not "Thanks", a one-word reply).
    'thank',
    // "Link | Reply | Thread | Parent": a journal site's link to the comment's thread (session 35).
    'thread',
    // The same buttons as news sites print them in German, French and Spanish ("Antworten", "Melden",
    // "Empfehlen 112", "Répondre", "Signaler", "J'aime (24)", "Responder", "Denunciar").
    'antworten', 'melden', 'empfehlen', 'teilen', 'répondre', 'signaler', 'partager', "j'aime", 'j’aime', 'responder', 'denunciar', 'compartir',
    // Italian and Dutch ones ("Rispondi  Segnala  Mi piace 31", "Reageren  Respect 88  Melden").
    'rispondi', 'segnala', 'condividi', 'piace', 'reageren', 'respect', 'delen', 'antwoorden',
    // Spanish, Polish and Korean ones ("Me gusta 24", "No me gusta 6"; "Odpowiedz", "Zgłoś"; "답글3", "공감312",
    // "비공감41": replies, likes, dislikes, the count glued to the word).
    'gusta', 'odpowiedz', 'zgłoś', 'udostępnij', '답글', '공감', '비공감',
    // Japanese and Chinese reply counts ("返信3", "回复 2"), read as "답글3" is.
    '返信', '回复',
  ],
);
// Button words whose count is the replies, never the likes.
const REPLY_WORDS = new Set(['답글', 'replies', '返信', '回复']);
// Words that only stand before a button word ("Mi piace", "Non mi piace", "Me gusta", "No me gusta"): part of that
// button, never one alone.
const BUTTON_PREFIXES = new Set(['mi', 'non', 'me', 'no']);
// A negation before a like button ("Non mi piace 4", "No me gusta 6", "Not helpful 2", "Nie lubię 3") makes it a
// dislike button, in any language: the count after it is never the likes.
const NEGATIONS = new Set(['non', 'no', 'not', 'nie', 'niet', 'nicht', 'ne', 'não', 'nao']);
// ("♡ 24   Reply": an outline heart is a like button too, session 35.)
const ACTION_SYMBOLS = new Set(['▲', '▼', '△', '▽', '↑', '↓', '⇧', '⇩', '^', '›', '»', '…', '...', '⋯', '♥', '♡', '❤', '❤️', '👍', '👎', '⬆', '⬇', '⬆️', '⬇️', '+', '-', '–', '|', '•', '·', '/', 'v', '*']);
// Symbols that separate or pair with another button: alone they make no footer ("v" only after "^"; "*" after a
// review site's "reply | flag *").
const QUIET_SYMBOLS = new Set(['|', '•', '·', '/', '-', '–', '+', 'v', '*']);
// A count right after one of these is a count of dislikes, not likes.
const NEGATIVE = new Set(['▼', '▽', '↓', '⇩', '👎', '⬇', '⬇️', 'v', 'downvote', 'downvotes', 'dislike', 'dislikes', 'disagree', '비공감']);
const COUNT_TOKEN = /^[(\[]?[+-]?\d{1,7}(?:[.,]\d{1,3})?k?[)\]]?$/i;
// A compact age in a footer ("Like · Reply · 3y", "· 5h"): Facebook-like footers carry the post's time.
const FOOTER_AGE = /^\d{1,3}(?:s|m|h|d|w|y|mo|min|mins|hr|hrs|wk|wks|yr|yrs)$/i;

/** What a footer line shows: the like count (null when none) and the post's age when the footer carries it. */
export interface Footer {
  likes: number | null;
  /** "3y" in "Like · Reply · 3y". */
  timestamp?: string;
}

/**
 * Reads a footer line of buttons and counts ("12 Reply", "Reply · 3 likes", "▲ 5 ▼ Reply Share ›",
 * "Like (4) Reply", "Reply Share Report Save Follow", "Like · Reply · 2 · 3y", "^ 14 v"). Returns the like
 * count it shows (null when none; a count of dislikes or replies is not one), or undefined when the line
 * is not a footer. A line of numbers alone is not a footer.
 */
export function readFooter(line: Line): Footer | undefined {
  if (line.trimmed.length === 0 || line.trimmed.length > 120) return undefined;
  // "▼  2026 (212)", "► November (19)": a blog archive's tree toggle, a label and its count (session 27), is no vote.
  if (ARCHIVE_TOGGLE.test(line.trimmed)) return undefined;
  // "Log in or register to post comments" (session 37): a logged-out copy prints the login prompt where each post's
  // reply button stands.
  if (LOGIN_TO_ACT.test(line.trimmed)) return { likes: null };
  return readButtonFooter(line) ?? readTimeFirstRow(line.trimmed) ?? readReplyCountRow(line.trimmed);
}

// "3 replies", "Reply · 2 responses", "Answer | 1 answer" (session 30): a count of a post's replies, a button word and a
// separator before it or not; "↩ 1", "💬 3", "✉ 2": a mark with no letter or figure before a figure. Both are footer rows.
// ("143 Comments", "5 responses" alone are the section's count line where it opens: `readBareReplyCount` reads them under
// a post's text.)
const LOGIN_TO_ACT = /^(?:log ?in|sign ?in|register)(?: or (?:register|sign ?up|log ?in|sign ?in))? to (?:post )?(?:comments?|repl(?:y|ies)|respond|vote)$/i;
const REPLY_COUNT_ROW = /^\p{L}{2,12} ?[·•|] ?\d{1,5} (?:repl(?:y|ies)|responses?|answers?|comments?)$/iu;
const BARE_REPLY_COUNT = /^\d{1,5} (?:repl(?:y|ies)|responses?|answers?|comments?)$/i;

/** "2 responses", "1 answers" under a post's text (session 30): the count of its replies, a footer row there. */
export function readBareReplyCount(trimmed: string): number | null {
  return BARE_REPLY_COUNT.test(trimmed) ? Number(trimmed.slice(0, trimmed.indexOf(' '))) : null;
}
const MARKED_COUNT_ROW = /^(?:\p{So}|[\u2190-\u21ff\u2900-\u297f])\uFE0F? ?\d{1,5}$/u;

// (Session 36) "12 people like this.", "Gail Fenwick likes this.", "You and 3 others like this": a widget's summary of a
// post's likes under its buttons (Livefyre, Facebook's plugin), a footer row; the figure, when the people are counted,
// is the likes.
const LIKE_SUMMARY = /^(?:(\d{1,6}) (?:people|persons|users|readers|others) like this|\p{Lu}[\p{L}'’.-]{0,30}(?: \p{Lu}[\p{L}'’.-]{0,30}){0,3} likes this|you(?:,? \p{Lu}[\p{L}'’.-]{0,30})? and (\d{1,6}) others? like this)\.?$/u;

function readReplyCountRow(trimmed: string): Footer | undefined {
  if (REPLY_COUNT_ROW.test(trimmed) || MARKED_COUNT_ROW.test(trimmed)) return { likes: null };
  const liked = LIKE_SUMMARY.exec(trimmed);
  if (liked) return { likes: liked[1] !== undefined ? Number(liked[1]) : null };
  // "2 Replies Last reply 2 Nov 2026, 10:05" (a forum's row under a post with replies, session 32): the count of the
  // replies, then when the last came.
  const last = LAST_REPLY_ROW.exec(trimmed);
  return last && isStandaloneTime(last[1]!) ? { likes: null } : undefined;
}
const LAST_REPLY_ROW = /^\d{1,5} repl(?:y|ies)\s{1,3}(?:[·•|]\s?)?last reply\s{1,3}(\S.{0,60})$/i;

const ARCHIVE_TOGGLE = /^[▼►▶▸▾▹]\s{1,3}\S[^()]{0,40}\(\d{1,6}\)$/u;

// A bare count among a time-first row's labels ("214", "1,204", "3.2K").
const LIKE_COUNT_ITEM = /^\d{1,3}(?:[,.]\d{3})*(?:[.,]\d)?[KkMm]?$/;

/**
 * "вчера в 21:40  Ответить", "вчера в 21:52  ответил Ирине  Ответить": a row that opens with the post's time and
 * goes on, after column gaps, with short labels (one to three words, no sentence end) in whatever language, as a
 * page prints the time beside its buttons under the text (VK). The time is the post's; a bare count among the labels
 * (since session 40), the first one, is the likes.
 */
function readTimeFirstRow(trimmed: string): Footer | undefined {
  if (!/ {2}|\t/.test(trimmed)) return undefined;
  const items = trimmed.split(/ {2,}|\t+/).map((t) => t.trim()).filter((t) => t.length > 0);
  if (items.length < 2 || items.length > 6 || !isStandaloneTime(items[0]!)) return undefined;
  const isLabel = (t: string): boolean => /\p{L}/u.test(t) && t.split(' ').length <= 3 && t.length <= 30 && !/[.!?…:;,]$/.test(t) && timeKind(t) === null;
  // (Session 40) "2026-12-05 09:14  214  Reply": a bare count may stand among the labels (the likes, the first one), as
  // long as one label is there.
  const rest = items.slice(1);
  if (!rest.every((t) => isLabel(t) || LIKE_COUNT_ITEM.test(t)) || !rest.some(isLabel)) return undefined;
  const count = rest.find((t) => LIKE_COUNT_ITEM.test(t));
  return { likes: count === undefined ? null : readCount(count), timestamp: items[0]! };
}

function readButtonFooter(line: Line): Footer | undefined {
  const dotted = readDottedFooter(line.trimmed);
  if (dotted) return dotted;
  const tally = readVoteTally(line.trimmed);
  if (tally !== undefined) return { likes: tally };
  // The Daily Mail's rating button, over its "Rating 312" line.
  if (/^click to rate$/i.test(line.trimmed)) return { likes: null };
  const tokens = splitFields(line);
  let words = 0;
  let likes: number | null = null;
  let timestamp: string | undefined;
  let negative = false;
  // Index of the token whose count set `likes`, so that "6 replies" can take it back.
  let likesAt = -1;
  // A negation word seen before the current button word ("Non mi piace", "No me gusta").
  let negated = false;
  for (let k = 0; k < tokens.length; k++) {
    const raw = tokens[k]!.text;
    // "공감312", "답글3": a button word with its count glued after it (no bracket).
    const stuck = /^(\p{L}{1,8})(\d{1,7})$/u.exec(raw);
    if (stuck && ACTION_WORDS.has(stuck[1]!.toLowerCase())) {
      const word = stuck[1]!.toLowerCase();
      words++;
      if (likes === null && !NEGATIVE.has(word) && !negated && !REPLY_WORDS.has(word)) {
        likes = Number(stuck[2]);
        likesAt = k;
      }
      negated = false;
      negative = false;
      continue;
    }
    // Glued forms: "Like(4)", "Reply(2)".
    const glued = /^([a-z]{2,12})\((\d{1,7})\)$/i.exec(raw);
    if (glued) {
      if (!ACTION_WORDS.has(glued[1]!.toLowerCase())) return undefined;
      words++;
      if (likes === null && /^(?:like|likes|upvote|upvotes|vote|votes|points?|recommend)$/i.test(glued[1]!)) likes = Number(glued[2]);
      negative = false;
      continue;
    }
    const lower = raw.toLowerCase().replace(/[:,]$/, '');
    if (BUTTON_PREFIXES.has(lower) && k + 1 < tokens.length && /^(?:mi|piace|me|gusta)$/i.test(tokens[k + 1]!.text)) {
      if (NEGATIONS.has(lower)) negated = true;
      continue;
    }
    if (NEGATIONS.has(lower) && k + 1 < tokens.length && ACTION_WORDS.has(tokens[k + 1]!.text.toLowerCase())) {
      negated = true;
      continue;
    }
    if (ACTION_WORDS.has(lower) || ACTION_SYMBOLS.has(raw)) {
      if (ACTION_WORDS.has(lower) || !QUIET_SYMBOLS.has(raw)) words++;
      if (lower === 'replies' && likesAt === k - 1) {
        // "6 replies": a count of replies, not likes; "Replies 2" likewise (the count after it is skipped).
        likes = null;
        likesAt = -1;
      }
      negative = NEGATIVE.has(lower) || negated || (lower === 'replies' && /^\d/.test(tokens[k + 1]?.text ?? ''));
      negated = false;
      continue;
    }
    if (COUNT_TOKEN.test(raw)) {
      if (likes === null && !negative) {
        likes = readCount(raw.replace(/[()[\]]/g, ''));
        likesAt = k;
      }
      negative = false;
      continue;
    }
    if (lower === 'edited' || lower === '(edited)') continue;
    // "5h  212 likes  Reply" (Instagram) puts the age first; alone it is a time line, not a footer.
    if (FOOTER_AGE.test(raw) && timestamp === undefined && (k > 0 || tokens.length > 1)) {
      timestamp = raw;
      continue;
    }
    // "😬 6  👍 2": emoji the buttons above do not know, each with its count.
    const reactions = readReactionRow(line.trimmed);
    return reactions === undefined ? undefined : { likes: reactions };
  }
  if (words === 0) return undefined;
  return timestamp === undefined ? { likes } : { likes, timestamp };
}

// "3 d", "1 sem", "5 Std.", "2 J.": a compact age with its unit in any language (a space may stand before it).
const ANY_AGE = /^\d{1,3} ?\p{L}{1,4}\.?$/u;

// A dotted footer's button label, one or two words ("Reply", "J'aime"), alone or with its count after it ("Thích 48").
const LABEL_WORDS = String.raw`\p{L}[\p{L}'’-]{0,13}(?: \p{L}[\p{L}'’-]{0,13})?`;
const FOOTER_LABEL = new RegExp(`^${LABEL_WORDS}$`, 'u');
const COUNTED_LABEL = new RegExp(`^(${LABEL_WORDS}) (\\d{1,7})$`, 'u');

/**
 * "Me gusta · Responder · 23 · 3 d", "Gefällt mir · Antworten · 2 Std.": a Facebook-like footer in whatever
 * language, read by its shape: two or more short button labels (one or two words) and counts set apart by
 * " · ", ending in a compact age. The first count is the likes, the age the post's time.
 */
function readDottedFooter(trimmed: string): Footer | undefined {
  if (!/ {1,3}· {1,3}/.test(trimmed)) return undefined;
  const items = trimmed.split(/ {1,3}· {1,3}/).map((t) => t.trim());
  const timeFirst = readTimeFirstDotted(items);
  if (timeFirst !== undefined) return timeFirst;
  const age = items[items.length - 1]!;
  // The age compact ("3 d") or as the page words it with a figure ("2h trước", "3 hours ago").
  const aged = (ANY_AGE.test(age) && /\d ?\p{L}/u.test(age)) || (/\d/.test(age) && timeKind(age) === 'relative');
  if (items.length < 3 || !aged) return undefined;
  let labels = 0;
  let likes: number | null = null;
  for (const item of items.slice(0, -1)) {
    if (/^\d{1,7}$/.test(item)) {
      if (likes === null) likes = Number(item);
      continue;
    }
    // "Thích 48", "Like 12": a label with its count after it (the first such count is the likes).
    const counted = COUNTED_LABEL.exec(item);
    if (counted) {
      if (likes === null) likes = Number(counted[2]);
      labels++;
      continue;
    }
    if (!FOOTER_LABEL.test(item)) return undefined;
    labels++;
  }
  return labels >= 2 ? { likes, timestamp: age } : undefined;
}

// "14 likes", "3 replies": a count before its word.
const COUNT_THEN_WORD = /^(\d{1,7}) (\p{L}{2,12})$/u;

/**
 * "7:12am Sat 5 Dec 26 · 14 likes · Reply · Report abuse" (session 35): the post's time first, then button labels and
 * counts, one of them a button word; the likes are a count before a like word or after one ("Like 4").
 */
function readTimeFirstDotted(items: readonly string[]): Footer | undefined {
  if (items.length < 2 || items.length > 8 || !isStandaloneTime(items[0]!)) return undefined;
  let likes: number | null = null;
  let buttons = 0;
  for (const item of items.slice(1)) {
    const before = COUNT_THEN_WORD.exec(item);
    const after = before ? null : COUNTED_LABEL.exec(item);
    const word = (before ? before[2]! : after ? after[1]! : item).toLowerCase();
    if (!before && !after && !FOOTER_LABEL.test(item)) return undefined;
    if (word.split(' ').some((w) => ACTION_WORDS.has(w))) buttons++;
    if (likes === null && /^(?:likes?|upvotes?|votes?|points?|recommends?|thanks?)$/.test(word) && (before || after)) likes = Number(before ? before[1] : after![2]);
  }
  return buttons >= 1 ? { likes, timestamp: items[0]! } : undefined;
}

// "😬 6  👍 2", "❤️ 8": a chat's row of reactions, each an emoji and its count.
const REACTION = /^(?:\p{Extended_Pictographic}\uFE0F?(?:\u200D\p{Extended_Pictographic}\uFE0F?){0,3}|\p{Regional_Indicator}{2}) ?\d{1,6}$/u;

/**
 * A row of reactions (one emoji and a count each, set apart by spaces): the first count that is not a thumbs-down
 * (null when there is none), else undefined.
 */
export function readReactionRow(trimmed: string): number | null | undefined {
  if (trimmed.length > 80 || !/\d$/.test(trimmed)) return undefined;
  const items = trimmed.split(/ {2,}|\t+/).flatMap((t) => t.trim().split(/(?<=\d) (?=\D)/u)).map((t) => t.trim());
  if (items.length === 0 || items.length > 12 || !items.every((t) => REACTION.test(t))) return undefined;
  const liked = items.find((t) => !NEGATIVE.has(t.replace(/ ?\d{1,6}$/, '')));
  return liked === undefined ? null : Number(/\d{1,6}$/.exec(liked)![0]);
}

const TALLY = /^[+-]?\d{1,7} ?\( ?[+-]\d{1,7} ?\/ ?[+-]?\d{1,7} ?\)$|^[+-]\d{1,7} ?\( ?\d{1,7} ?\/ ?[-−–]\d{1,7} ?\)$|^\+\d{1,7} ?\/ ?(?:[-−–]\d{1,7}|0)$/;

/**
 * A tally of votes ("3 ( +5 / -2 )", "-6 (+2/-8)", "+29 (31 / -2)", "+4 / -1", "+14 / −3" with a minus sign, "+30 / 0"): the net count, the first figure (the likes);
 * undefined when the line is not one.
 */
export function readVoteTally(trimmed: string): number | undefined {
  if (trimmed.length > 40 || !TALLY.test(trimmed)) return undefined;
  return Number(/^[+-]?\d{1,7}/.exec(trimmed)![0]);
}

/** Reads "12", "-3", "1.2k", "1,204" as a number; NaN-free (null when unreadable). */
export function readCount(raw: string): number | null {
  const t = raw.toLowerCase();
  let value: number;
  if (t.endsWith('k')) value = Math.round(Number(t.slice(0, -1).replace(',', '.')) * 1000);
  else value = Number(t.replace(/[,.](?=\d{3}$)/, ''));
  return Number.isFinite(value) ? value : null;
}

// "Antwort auf #1.1 von Kiezkind", "En réponse à Sophie B.", "En respuesta a Ana", "In risposta a Marta R.",
// "Reactie op Henk de Wit": the same line as news sites print it in German, French, Spanish, Italian and Dutch, and
// (session 21) in Danish and Norwegian ("Svar til Mette Holm"), Swedish, Finnish, Hungarian ("Előzmény: NICK (7)", the
// antecedent with its number), Greek, Czech, Slovak, Indonesian and Vietnamese; always with its preposition, since a
// bare "Svar" or "Válasz" is the reply button. (Session 36) "Reply to #3 by Kiezkind": the English form of the
// numbered German line, the name after "by".
const REPLY_LINE = /^(?:↪|↳|⤷|↩)?\s?(?:(?:in )?(?:reply|response|answer) to #\d{1,5}(?:\.\d{1,5}){0,4},? (?:by|from)|replying to|in reply to|in answer to|reply to|replied to|responding to|in response to|antwort auf(?: #\d{1,5}(?:\.\d{1,5}){0,4})?(?: von)?|antwort an|en réponse à|réponse à|en respuesta a|respuesta a|respondiendo a|em resposta (?:a|ao|à)|respondendo (?:a|ao|à)|in risposta a|risposta a|(?:in )?reactie op|antwoord op|odpowiedź (?:dla|do)|w odpowiedzi (?:do|na)|ردا على|رداً على|رد على|في الرد على|в ответ (?:на|для)|ответ (?:для|на)|返信先|svar til|svar till|vastaus käyttäjälle|válasz neki|előzmény(?=:)|απάντηση (?:σε|στον|στην|στο)|odpověď (?:na|pro|uživateli)|odpoveď (?:na|pre)|balasan untuk|membalas|trả lời cho)\s?:?\s?@?(\S(?:.{0,46}\S)?)$/i;
// "↳ replying to @Tomás Reilly: Two days with four sailings…": a chat's preview of the message answered, its
// author and its first words.
const REPLY_PREVIEW = /^(?:↪|↳|⤷|↩)?\s?(?:replying to|in reply to|reply to)\s@?([^:@]{1,48}):\s(\S.{0,300})$/i;
// "jdoe_77 replied to Maria" (also "Martin Fell in reply to Dee", a work network's head, session 37), and as Italian,
// Spanish, French, German and Dutch sites print it ("Elena Bianchi
// risponde a Giorgio_Como58", "Ana responde a Luis", "Marc répond à Sophie", "Jan reageert op Piet").
// "replied to a thread: That's a 40% cut in evening…" (Slack, a thread reply also sent to the channel): the first
// words of the message answered, its author not named.
const REPLY_PREVIEW_UNNAMED = /^(?:replied to a thread|replying to a (?:thread|message|comment|post)):\s(\S.{0,300})$/i;
const REPLIED_TO = /^(?:[↪↳⤷↩➥➦] ?)?@?(\S(?:.{0,46}\S)?) (?:replied to|replies to|in reply to|risponde a|ha risposto a|responde a|respondió a|répond à|a répondu à|antwortet|reageert op|antwoordt) @?(\S(?:.{0,46}\S)?)$/i;
// "Dev Patel, Hatherton, in answer to Joan Whitby", "Nikhil Varma, who wrote the story, in answer to Ted": a compiled
// replies page's head (session 27), the name, up to two comma-set parts (a place, a role), then whom it answers.
const COMMA_REPLIED_TO = /^([^,]{1,40}?)(?:, [^,]{1,40}){0,2}, (?:in answer to|in reply to|replying to|responding to|in response to) @?(\S(?:.{0,46}\S)?)$/i;
// "In reply to SUBJECT by NAME": the answered post's subject (any words) and its poster's name after the last "by".
const TITLED_REPLY_LINE = /^in reply to \S.{0,100} by @?(\S(?:[^\n]{0,58}\S)?)$/i;
const ARROW_LINE = /^(?:↪|↳|⤷|↩|➥|➦)\s?@?(\S(?:.{0,46}\S)?)$/;

type ReplyCue = { name: string; span: Span; snippet?: string; subject?: string };

/**
 * The reply cue a head keeps when a second one is read under the first (session 30): "@Guest The school board…" over
 * the head, then "Replying to Guest" in it. A preview's words pick which of that poster's posts is answered, so a bare
 * reply line naming the same poster leaves the preview; any other reply line replaces what the head held.
 */
export function laterReplyCue(held: ReplyCue | null, reply: ReplyCue): ReplyCue {
  const bare = (name: string) => name.replace(/^@/, '').toLowerCase();
  return held?.snippet !== undefined && reply.snippet === undefined && bare(held.name) === bare(reply.name) ? held : reply;
}

/**
 * Reads a "Replying to Maria Keller" / "In reply to @jdoe_77" / "jdoe_77 replied to Maria" / "↳ Maria" line;
 * returns the name replied to with its span, or null.
 */
export function readReplyLine(line: Line): { name: string; span: Span; snippet?: string; subject?: string } | null {
  const t = line.trimmed;
  const preview = t.length > 20 && t.length <= 360 ? REPLY_PREVIEW.exec(t) : null;
  if (preview && isReplyName(preview[1]!.trim())) {
    const name = preview[1]!.trim();
    const start = line.contentStart + t.indexOf(name);
    return { name, span: [start, start + name.length], snippet: preview[2]! };
  }
  // "replied to dough_boy on 2 Nov 2026, 09:40" (session 32): the name without the time after "on".
  const on = t.length <= 100 ? readRepliedToOn(line) : null;
  if (on) return { name: on.name, span: on.span };
  const unnamed = t.length <= 360 ? REPLY_PREVIEW_UNNAMED.exec(t) : null;
  if (unnamed) return { name: '', span: [line.contentStart, line.contentStart + t.indexOf(':')], snippet: unnamed[1]! };
  // "In reply to Cost of doing business by Gordon Blyth (not verified)" (session 37): a CMS names the answered post by
  // its subject and its poster; the poster is the name after the last "by", without a bracketed suffix.
  const titled = t.length <= 160 ? TITLED_REPLY_LINE.exec(t) : null;
  if (titled) {
    const name = titled[1]!.replace(/ \((?:\p{Ll}[\p{Ll} ]{0,20})\)$/u, '');
    if (isReplyName(name) && /^\S/.test(name)) {
      const start = line.contentStart + t.lastIndexOf(name);
      const subject = t.slice('in reply to '.length, t.lastIndexOf(' by ')).trim();
      return { name, span: [start, start + name.length], subject };
    }
  }
  if (t.length > 80) return null;
  const m = REPLY_LINE.exec(t) ?? ARROW_LINE.exec(t);
  let name: string | undefined = m?.[1];
  if (!name) {
    const r = REPLIED_TO.exec(t);
    // "jdoe_77 replied to Maria", not a sentence that says someone "replied to a single letter since June.".
    if (r && isReplyName(r[1]!) && isReplyName(r[2]!)) name = r[2];
  }
  if (!name) return null;
  // "↳ Original message was deleted": a reply to a message that is gone names no one.
  if (/^original (?:message|comment|post) (?:was|has been) deleted\.?$|^(?:message|comment) could not be loaded\.?$/i.test(name)) return null;
  // A final period is punctuation, except after an initial ("In Reply to Dana W.").
  name = /(?:^|\s)\p{Lu}\.$/u.test(name) ? name : name.replace(/[:.,]$/, '');
  // "Előzmény: Kékhalál (2)": the answered post's number after the name.
  name = name.replace(/ (?:\(\d{1,5}\)|#\d{1,5})$/, '');
  if (name.length === 0) return null;
  // "Reply to author", "Reply to all", "Reply to sender": a mail view's buttons, naming a role, not a poster (session 31).
  if (/^(?:author|all|sender|everyone|list|group|thread|topic)$/i.test(name)) return null;
  const at = t.lastIndexOf(name);
  const start = line.contentStart + at;
  return { name, span: [start, start + name.length] };
}

/** The part of a line from field `a` to field `b` (inclusive) as a line of its own, for the readers of whole lines. */
function subLine(line: Line, a: Field, b: Field): Line {
  const text = line.text.slice(a.start - line.start, b.end - line.start);
  return { index: line.index, start: a.start, end: b.end, next: b.end, text, contentStart: a.start, contentEnd: b.end, trimmed: text, indent: line.indent };
}

/**
 * "4 HOURS AGO · replying to Sandra Mole", "In reply to Dana W. | Nov 21": a time and a reply line on one line, on
 * either side of a header separator; the time and the name answered, else null.
 */
export function readTimeReplyLine(line: Line): { time: string; reply: { name: string; span: Span } } | null {
  if (line.trimmed.length > 100) return null;
  // "replied to dough_boy on 2 Nov 2026, 09:40" (a forum's line under the name, session 32): whom it answers, then the
  // time after "on".
  const on = readRepliedToOn(line);
  if (on) return { time: on.time, reply: { name: on.name, span: on.span } };
  const tokens = splitFields(line);
  for (let j = 1; j < tokens.length - 1; j++) {
    if (!SEPARATOR_TOKENS.has(tokens[j]!.text)) continue;
    const left = subLine(line, tokens[0]!, tokens[j - 1]!);
    const right = subLine(line, tokens[j + 1]!, tokens[tokens.length - 1]!);
    const time = readTimeLine(left);
    const reply = time !== null ? readReplyLine(right) : readReplyLine(left);
    const after = time !== null ? time : reply ? readTimeLine(right) : null;
    if (after !== null && reply && reply.name) return { time: after, reply: { name: reply.name, span: reply.span } };
  }
  return null;
}

const REPLIED_TO_ON = /^replied to @?(\S{1,40}(?: \S{1,40}){0,3}?) on (\S.{0,40})$/i;

/** "replied to dough_boy on 2 Nov 2026, 09:40": the name answered (its span in the input) and the time after "on", or null. */
function readRepliedToOn(line: Line): { name: string; span: Span; time: string } | null {
  const on = REPLIED_TO_ON.exec(line.trimmed);
  if (!on || !isReplyName(on[1]!) || !isStandaloneTime(on[2]!)) return null;
  const at = line.contentStart + line.trimmed.indexOf(on[1]!, 'replied to '.length);
  return { name: on[1]!, span: [at, at + on[1]!.length], time: on[2]! };
}

const REPLY_SUMMARY = /^\d{1,5} repl(?:y|ies) by (\S.{0,60}?)(?: and (?:\d{1,5} )?others?)?$/i;

/**
 * A summary over a post's replies that names the first replier ("2 replies by Priya Raman and others",
 * "1 reply by Kasia Nowak", as Substack shows it): the replier's name, else null.
 */
export function readReplySummary(trimmed: string): string | null {
  if (trimmed.length > 90) return null;
  const m = REPLY_SUMMARY.exec(trimmed);
  return m ? m[1]!.replace(/,$/, '') : null;
}

/**
 * A header line that names the poster and the poster answered ("Elena Bianchi risponde a Giorgio_Como58", "jdoe_77
 * replied to Maria"), as a reply's header shows it over the time: author and reply-to with their spans, else null.
 */
export function readRepliedToHeader(line: Line): { author: string; authorSpan: Span; replyTo: { name: string; span: Span } } | null {
  const t = line.trimmed;
  if (t.length > 100) return null;
  const r = REPLIED_TO.exec(t) ?? COMMA_REPLIED_TO.exec(t);
  if (!r || !isReplyName(r[1]!) || !isReplyName(r[2]!)) return null;
  // "↳ Breakfast team [Station] replied to Gwen": a role tag in square brackets after the name is the page's (session 26).
  const author = r[1]!.replace(/ \[\p{L}[\p{L} ]{1,20}\]$/u, '');
  const a = line.contentStart + t.indexOf(author);
  const name = /(?:^|\s)\p{Lu}\.$/u.test(r[2]!) ? r[2]! : r[2]!.replace(/[:.,]$/, '');
  const b = line.contentStart + t.lastIndexOf(name);
  return { author, authorSpan: [a, a + author.length], replyTo: { name, span: [b, b + name.length] } };
}

/** A name in a "X replied to Y" line: at most four words, no quotation marks, no sentence end. */
function isReplyName(text: string): boolean {
  // A final period is a sentence's, except after an initial ("Marta R.").
  return text.split(' ').length <= 4 && !/["“”‘]/.test(text) && (!/[.!?…]$/.test(text) || /(?:^|\s)\p{Lu}\.$/u.test(text));
}

/** "level 2" (Reddit's copied depth marker): the level, or null. */
export function readLevelLine(trimmed: string): number | null {
  const m = /^level (\d{1,3})$/i.exec(trimmed);
  return m ? Number(m[1]) : null;
}

/** Distinct indents of the given lines, ranked: indent -> depth (0 for the smallest). */
export function rankIndents(indents: readonly number[]): Map<number, number> {
  const sorted = [...new Set(indents)].sort((a, b) => a - b);
  return new Map(sorted.map((v, i) => [v, i]));
}

// Lines under a post header that describe the poster or the post, never its text: picks, ranks, employers, a
// channel's "Creator ♥" and "Pinned by …" marks, a login provider ("logged in via email @…").
const BADGE_LINE = /^(?:original poster|verified|abonnée?|abonnent(?:in)?|suscriptora?|periodista|redakcja|best|abbonat[oa]|abonnee|giornalista|redazione|redactie|journalist|(?:nyt|times|reader|readers'?|editors?'?|staff) picks?|top fan|top-fan|fan destacado|super fan|fan assidu|autor|auteur|(?:trabaja|trabajó) en \S.{0,60}|(?:arbeitet|arbeitete) bei \S.{0,60}|travaille (?:chez|à) \S.{0,60}|editado|bearbeitet|modifié|top \d{1,2}% (?:commenter|poster|contributor)|(?:verified|top|rising|valued|new|trusted) (?:commenter|contributor|member|fan|reviewer)|top (?:contributeur|contributrice)|author|writer|reporter|staff|moderator|admin|member|contributor|owner|collaborator|maintainer|expert|patron|pro|hq|supporter|subscriber|premium|at \d{1,2}:\d{2}(?::\d{2})?:?|エキスパート|オーサー|専門家|전문가|编辑|专家|محرر|محررة|المحرر|صحفي|صحفية|редактор|редакция|журналист|администратор|(?:works|worked) at \S.{0,60}|lives in \S.{0,60}|studied at \S.{0,60}|edited(?: \d{1,3} ?\w{1,7}\.?(?: ago)?)?|creator(?: ?[♥❤♡]\uFE0F?)?|(?:pinned|hearted|liked) by \S.{0,40}|logged in (?:via|with) \S.{0,60})$/i;
// "Patron", "Pro", "HQ", "Supporter", "Subscriber", "Premium": a membership tier or the site's own staff mark, a line
// under the name (a film-diary site's comments, session 28). "at 3:12:": where in the track or the video the comment
// was left (an audio page's comments, session 28), said of the post, not part of its text.
// "Creator": the page's owner (a Patreon creator, session 26), who posted the story.
// "Original Poster": the blog that made the post, over its answers in the notes (Tumblr, session 30).
const OP_BADGE_LINE = /^(?:author|writer|op|autor|auteur|creator|original poster)$/i;

/** A badge line under a post header ("Times Pick", "Top fan", "Author", "Edited 4h ago"); `isOP` for "Author". */
// "Guardian Pick", "Globe Picks": one or two capitalised words (a site's or a desk's name) before a capitalised "Pick",
// as a site marks the comments its staff chose.
const SITE_PICK_LINE = /^(?:\p{Lu}[\p{L}'’]{1,20} ){1,2}Picks?$/u;

export function readBadgeLine(trimmed: string): { isOP: boolean } | null {
  if (trimmed.length > 70 || !(BADGE_LINE.test(trimmed) || SITE_PICK_LINE.test(trimmed))) return null;
  return { isOP: OP_BADGE_LINE.test(trimmed) };
}

// "— Oskar Lind (talk) 08:12, 4 December 2026 (UTC)", "Tomasz W. (talk · contribs) 11:20, …", "— Preceding
// unsigned comment added by 203.0.113.54 (talk) …": a wiki talk page's signature at the end of a post. "talk",
// "contribs" and "Preceding unsigned comment added by" are MediaWiki's own words (and its German, French and
// Spanish ones: "Diskussion", "discussion", "disc.", "Beiträge", "contributions").
const SIGNATURE = /(?:^|\s)(?:[—–-]{1,2}\s?)?(?:preceding unsigned comment added by\s|vorstehender nicht signierter beitrag stammt von\s)?([^\s()—–][^()—–]{0,46}?)\s\((?:talk|diskussion|discussion|disc\.|discusión)(?:\s?[·•|]\s?(?:contribs|beiträge|contributions|contribuciones))?\)\s(\d{1,2}:\d{2},\s\d{1,2}\.?\s\p{L}{3,10}\.?\s\d{4})\s\((?:UTC|CES?T|MES?Z)\)$/iu;

/** A wiki signature at the end of a line: the name (with its span) and the time, else null. */
export function readSignature(line: Line): { author: string; authorSpan: Span; timestamp: string } | null {
  const t = line.trimmed;
  if (t.length < 20 || !t.endsWith(')') || t.length > 4000) return null;
  // Only the line's last 200 characters can hold a signature: the match stays linear in the line's length.
  const from = Math.max(0, t.length - 200);
  const m = SIGNATURE.exec(t.slice(from));
  if (!m) return null;
  const name = m[1]!.trim();
  if (name.length === 0 || /[.!?:;,]$/.test(name) && !/(?:^|\s)\p{Lu}\.$/u.test(name)) return null;
  const at = from + m.index + m[0].indexOf(m[1]!);
  const start = line.contentStart + at;
  return { author: name, authorSpan: [start, start + name.length], timestamp: m[2]! };
}

// "12/04/26(Fri)09:15:02": an imageboard's date with its weekday in brackets; "No.4821349": the post's number.
const BOARD_TIME = /^\d{1,2}\/\d{1,2}\/\d{2,4}\(\p{L}{2,4}\)\d{1,2}:\d{2}(?::\d{2})?$/u;
const BOARD_NUMBER = /^No\.(\d{1,12})$/;
const BOARD_TAIL = /^(?:>>\d{1,12}|▶|\[reply\]|\[deleted\])$/i;
const TRIPCODE = /^!{1,3}[\w./+]{4,16}$/;

/** An imageboard's post header, "[Subject] Name [!!tripcode] 12/04/26(Fri)09:15:02 No.4821349 [>>4821361 …]". */
export interface BoardHeader {
  author: string;
  authorSpan: Span;
  timestamp: string;
  /** The post's number, which replies cite as ">>4821349". */
  number: string;
  /** The thread's subject, printed before the name on the opening post. */
  subject: { text: string; span: Span } | null;
}

// "2 名前：名無しさん@恐縮です 投稿日：2026/12/04(金) 09:14:02.18 ID:Qw8rTy2p0", "12 ：Name：2026/12/04(Fri) 09:14:02 ID:x":
// a text board's one-line header: the post's number first, the name and the date each maybe after a short field label
// with its colon, the date year first with its weekday in brackets, maybe the poster's per-day ID last.
const NUMBERED_BOARD = /^(\d{1,5})\s+(?:[^\s:：]{0,8}[:：]\s?)?(\S.{0,59}?)\s*(?:[^\s:：\d]{0,8}[:：]\s?)?(\d{4}\/\d{1,2}\/\d{1,2}\s?\(\p{L}{1,4}\)\s?\d{1,2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?)(?:\s+ID:\s?\S{1,16})?$/u;

/**
 * Reads a numbered text board's one-line post header (above): the author is the name field without the mail field
 * in brackets glued after it ("[sage]") and without a tripcode ("◆Xq3vT9kLmN", "!Xq3vT9kL"). Post 1 opens the
 * thread (`subject` stays null: the thread's title stands on the line above).
 */
export function readNumberedBoardHeader(line: Line): (BoardHeader & { opening: boolean }) | null {
  if (line.trimmed.length > 200) return null;
  const m = NUMBERED_BOARD.exec(line.trimmed);
  if (!m) return null;
  const name = m[2]!.trimEnd().replace(/\[[^\]]{0,20}\]$/u, '').trimEnd().replace(/[◆!]{1,3}[\w./+]{4,16}$/u, '').trim();
  if (name.length === 0 || name.length > 48) return null;
  const at = line.contentStart + m[0].indexOf(m[2]!, m[1]!.length);
  return { author: name, authorSpan: [at, at + name.length], timestamp: m[3]!, number: m[1]!, subject: null, opening: m[1] === '1' };
}

/**
 * Reads an imageboard's one-line post header: the name (one word, "Anonymous" unless the poster chose one), maybe a
 * tripcode ("!!kq7Vx3Lp"), the date with its weekday in brackets and "No." with the post's number, then the
 * back-links to its replies (">>4821361") and "[Reply]"; on the opening post, the thread's subject before the name.
 */
export function readBoardHeader(line: Line): BoardHeader | null {
  if (line.trimmed.length > 400 || !line.trimmed.includes('No.')) return null;
  const tokens = splitFields(line);
  const at = tokens.findIndex((t) => BOARD_TIME.test(t.text));
  if (at < 1 || at + 1 >= tokens.length) return null;
  const no = BOARD_NUMBER.exec(tokens[at + 1]!.text);
  if (!no || !tokens.slice(at + 2).every((t) => BOARD_TAIL.test(t.text))) return null;
  let name = at - 1;
  if (TRIPCODE.test(tokens[name]!.text) && name > 0) name--;
  const nameTok = tokens[name]!;
  if (!isNameTokens([nameTok])) return null;
  const subjectTokens = tokens.slice(0, name);
  const subject = subjectTokens.length > 0 ? { text: line.text.slice(subjectTokens[0]!.start - line.start, subjectTokens[subjectTokens.length - 1]!.end - line.start), span: spanOf(subjectTokens) } : null;
  return { author: nameTok.text, authorSpan: [nameTok.start, nameTok.end], timestamp: tokens[at]!.text, number: no[1]!, subject };
}

/**
 * "Ruth" / "— Ruth" / "Farah" under "Thanks,": a post's sign-off, the first name of its writer's two-word-or-longer
 * name (or the whole name after a dash) alone on a line at the end of the text, not the header of a next post (though a time line may follow it, the post's footer).
 */
export function isSignOff(trimmed: string, author: string | null): boolean {
  if (author === null || trimmed.length > 40) return false;
  const dashed = /^[—–-]{1,2}\s?/.test(trimmed);
  const t = trimmed.replace(/^[—–-]{1,2}\s?/, '').replace(/[.,!]$/, '').toLowerCase();
  const name = author.replace(/^@/, '').toLowerCase();
  const words = name.split(/\s+/);
  // The whole name only after a dash ("— Ruth Abernethy"): the name alone again is a next post's header.
  if (dashed && t === name) return true;
  return words.length >= 2 && words[0]!.length >= 2 && t === words[0];
}

const POSTERS = new WeakMap<readonly RawPost[], { read: number; names: Set<string> }>();

/**
 * "@Sarah K well that's it then. 71% of us said…": "@", an earlier poster's name (the longest that fits) or handle and a
 * space, then the first words of that poster's message, as the line a chat copies over the header of a reply: the name
 * answered, else null. (The walked styles' since session 29; shared with the counted reader in session 30, and a poster
 * shown by handle alone, "@peter14", matched by it.)
 */
export function readMentionPreview(line: Line, posts: readonly RawPost[]): { name: string; span: Span; snippet: string } | null {
  const t = line.trimmed;
  if (!t.startsWith('@') || t.length > 360) return null;
  // The posters' names so far, kept per list of posts and grown as it grows (a list only grows while a section is read),
  // so that a section of n such lines costs O(n), not O(n) per line.
  let known = POSTERS.get(posts);
  if (known === undefined || known.read > posts.length) POSTERS.set(posts, (known = { read: 0, names: new Set<string>() }));
  for (; known.read < posts.length; known.read++) {
    const p = posts[known.read]!;
    for (const name of [p.author?.replace(/^@/, ''), p.handle]) if (name) known.names.add(name);
  }
  // The longest name that fits: every place a name can end (a space, within a name's length).
  let best: string | null = null;
  for (let end = t.indexOf(' ', 1); end > 0 && end <= 61; end = t.indexOf(' ', end + 1)) {
    const name = t.slice(1, end);
    if (t.length > name.length + 2 && known.names.has(name)) best = name;
  }
  if (best === null) return null;
  const start = line.contentStart + 1;
  return { name: best, span: [start, start + best.length], snippet: t.slice(best.length + 2) };
}
