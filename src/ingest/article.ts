import type { Span } from '../schema/common.js';
import type { BlockKind } from '../schema/document.js';
import { parseCalendarDate } from '../text/dates.js';
import { splitSentences } from '../text/sentences.js';
import { countWords as countSpacedWords, endsWithTerminal as endsWithSpacedTerminal } from '../text/words.js';
import { type ChromePattern, matchChrome } from './chrome-patterns.js';
import { isBlank, type Line } from './lines.js';
import { isLinkRow } from './link-marks.js';
import { isAccountBlurb, isLegalLine, isUiLine } from './ui-lines.js';
import { readBoardHeader, readNameLine, readNumberedBoardHeader, timeKind } from './styles/header-cues.js';

const BANNER = /^\p{L}[\p{L} ]{1,24}: \S/u;
// A box's call to action: "Sign up for the morning briefing", "Subscribe to …", "Download our app".
const UI_IMPERATIVE = /^(?:sign up|subscribe|follow us|share|download|join|register|log in|sign in)\b/i;

type ArticleBlockKind = 'heading' | 'paragraph' | 'quotation' | 'caption' | 'pull-quote' | 'bio' | 'credit';


// Japanese and Chinese write words without spaces between them: a line's length in words is read there as one
// word per two characters of those scripts, and "。", "！", "？" end a sentence as ".", "!", "?" do.
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const UNSPACED_ALL = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;

/** Words in `text`, counting unspaced scripts by their characters (see above); stops counting past `limit`. */
function countWords(text: string, limit = Infinity): number {
  const n = countSpacedWords(text, limit);
  if (n > limit || !UNSPACED.test(text)) return n;
  return n + Math.floor((text.match(UNSPACED_ALL)?.length ?? 0) / 2);
}

/** True when the text ends with sentence punctuation, the full-width ones too ("。", "！", "？"). */
function endsWithTerminal(text: string): boolean {
  return endsWithSpacedTerminal(text) || /[。！？][」』”）)]*$/u.test(text);
}
/** The article part of a dump, line by line. */
export interface ArticleSegmentation {
  kinds: Map<number, BlockKind>;
  title: string | null;
  titleSpan: Span | null;
  date: string | null;
  dateSpan: Span | null;
  byline: string | null;
  source: string | null;
  blocks: Array<{ kind: ArticleBlockKind; span: Span; text: string; line: number }>;
}

const CONTENT_KINDS = new Set<BlockKind>(['heading', 'paragraph', 'quotation', 'caption', 'pull-quote', 'bio', 'credit']);

// "Title: ...", "Date: ...", "By ...", "Source: ..." header lines at the top of a dump.
function readHeaderField(trimmed: string): { field: 'title' | 'date' | 'byline' | 'source'; valueAt: number } | null {
  const colon = trimmed.indexOf(':');
  if (colon > 0 && colon <= 12) {
    const key = trimmed.slice(0, colon).trim().toLowerCase();
    let valueAt = colon + 1;
    while (trimmed[valueAt] === ' ') valueAt++;
    if (valueAt >= trimmed.length) return null;
    if (key === 'title' || key === 'headline') return { field: 'title', valueAt };
    if (key === 'date' || key === 'published' || key === 'updated' || key === 'posted') return { field: 'date', valueAt };
    if (key === 'author' || key === 'byline' || key === 'by') return { field: 'byline', valueAt };
    if (key === 'source' || key === 'site' || key === 'publication') return { field: 'source', valueAt };
  }
  return null;
}

// "Von", "Par", "Por", "di", "Door": the byline word of German, French, Spanish, Italian and Dutch pages (the
// Italian one in lower case, as Italian pages print it; a capital "Di" opens sentences too).
// "Written by …", "Reported by …", "Presented by …" (a programme page's presenter, session 26), "Posted by …" (a
// project update's poster under the creator's name, session 27): the same byline.
const BYLINE = /^(?:(?:Written|Reported|Presented|Posted) by|by|By|BY|Von|Par|Por|di|Door)\s+([A-Z][^\s,]{0,30}(?:[ -][A-Z][^\s,]{0,30}){0,4})(?:\s*(?:,|and|&|[•·|–—])\s*.{0,80})?$/;
// Scripts without capitals have no capital to tell a name: the byline word with its colon ("بقلم: سلمى الحداد",
// "كتب: …", "Автор: …", "Текст: …", "文：…") opens the byline, and the name is the one to four words after it.
const BYLINE_LABELLED = /^(?:بقلم|كتب|كتبت|كتابة|автор|текст|文|取材・文)\s?[:：]\s?(\p{L}[\p{L}\p{M}'’.-]{0,30}(?: \p{L}[\p{L}\p{M}'’.-]{0,30}){0,3})$/iu;
// "Kim Ji-won 기자", "山田太郎 記者": Korean and Japanese pages print the reporter's role AFTER the name.
const BYLINE_ROLE_AFTER = /^(\p{L}[\p{L}'’.-]{0,30}(?: \p{L}[\p{L}'’.-]{0,30}){0,3}) ?(?:기자|특파원|선임기자|記者|特派員|編集委員)$/u;

/** The byline's name on a line ("By Priya Nair", "بقلم: سلمى الحداد", "Kim Ji-won 기자"), as a match whose group 1 is the name. */
export function readBylineLine(t: string): RegExpExecArray | null {
  return BYLINE.exec(t) ?? BYLINE_LABELLED.exec(t) ?? BYLINE_ROLE_AFTER.exec(t);
}
const BIO_ROLE = /\b(?:is|was|serves as) (?:a|an|the)\b.{0,80}\b(?:research|professor|fellow|editor|writer|journalist|correspondent|analyst|director|author|reporter|columnist|contributor|lecturer|scholar|assistant|associate|chair|head)\b/i;
// No leading `\s*`: unanchored, it would rescan every run of spaces (quadratic); the caller trims instead.
const PHOTO_CREDIT_TAIL = /\((?:photo|image|picture)[^()]{0,60}\)$/i;

/** `text` without trailing dots and white space; a loop, as `/[.\s]+$/` is quadratic on long runs. */
function trimDotsEnd(text: string): string {
  let end = text.length;
  while (end > 0 && (text[end - 1] === '.' || /\s/.test(text[end - 1]!))) end--;
  return text.slice(0, end);
}

function isNameLike(text: string): boolean {
  const words = text.split(' ');
  if (words.length < 2 || words.length > 5) return false;
  return words.every((w) => w.length > 0 && w[0]! === w[0]!.toUpperCase() && w[0]!.toLowerCase() !== w[0]!);
}

/** A person's name alone on a line: two to four capitalised words, no figure, no sentence, no interface words. */
function isBareName(trimmed: string): boolean {
  if (trimmed.length > 40 || /[\d@#:|/]/.test(trimmed) || endsWithTerminal(trimmed) && !/ \p{Lu}\.$/u.test(trimmed)) return false;
  const words = trimmed.split(' ');
  if (words.length < 2 || words.length > 4 || isUiLine(trimmed)) return false;
  return words.every((w) => /^\p{Lu}[\p{Ll}'’.-]*\p{Ll}?$|^\p{Lu}\.$/u.test(w)) && !words.some((w) => /^(?:The|A|An|In|On|Of|To|For|And|With|By|At|From)$/.test(w));
}

/**
 * What stands under a bare byline name: the same name again (an avatar's alt text) or a "Follow" button (blank
 * lines between allowed), or a date line, right under it or under one short role line ("Education reporter").
 */
function isBylineTail(lines: readonly Line[], i: number, to: number): boolean {
  const name = lines[i]!.trimmed;
  const under = lines[i + 1];
  if (!under || i + 1 >= to) return false;
  if (under.trimmed === name) return true;
  let k = i + 1;
  while (k < to && k <= i + 3 && isBlank(lines[k]!)) k++;
  if (k < to && /^follow$/i.test(lines[k]!.trimmed)) return true;
  if (isBlank(under)) return false;
  const dated = (l: Line | undefined): boolean => l !== undefined && !isBlank(l) && l.trimmed.length <= 100 && parseCalendarDate(l.trimmed) !== null;
  if (dated(under)) return true;
  if (i + 2 < to && countWords(under.trimmed, 5) <= 4 && !endsWithTerminal(under.trimmed) && dated(lines[i + 2])) return true;
  // "4 December 2026" / "Share" / "Save" / "Gareth Pryce" / "BBC Wales political reporter": the date stands above
  // the name (only buttons of one or two words between), a short role line under it, then a blank line.
  const role = countWords(under.trimmed, 7) <= 6 && !endsWithTerminal(under.trimmed) && (i + 2 >= to || isBlank(lines[i + 2]!));
  if (!role) return false;
  for (let k = i - 1, seen = 0; k >= 0 && seen < 4; k--) {
    const l = lines[k]!;
    if (isBlank(l)) continue;
    seen++;
    if (dated(l)) return true;
    if (countWords(l.trimmed, 3) > 2 || endsWithTerminal(l.trimmed)) return false;
  }
  return false;
}

/**
 * A bare name at line `i` over a short role line (at most six words, no figure, no sentence end) over a paragraph that
 * opens with the name or its first word ("Maya covers …"): an author's box, as pages print it under the body.
 */
function isAuthorBox(lines: readonly Line[], i: number, to: number): boolean {
  if (i + 2 >= to) return false;
  const role = lines[i + 1]!;
  const text = lines[i + 2]!;
  if (isBlank(role) || isBlank(text) || countWords(role.trimmed, 7) > 6 || endsWithTerminal(role.trimmed) || /\d/.test(role.trimmed)) return false;
  const first = lines[i]!.trimmed.split(' ')[0]!;
  return text.trimmed.startsWith(`${first} `) && endsWithTerminal(text.trimmed) && countWords(text.trimmed, 81) <= 80;
}

function isBio(trimmed: string): boolean {
  if (countWords(trimmed, 80) > 80) return false;
  const is = trimmed.search(/ (?:is|was|serves as) /);
  if (is <= 0 || is > 60) return false;
  return isNameLike(trimmed.slice(0, is)) && BIO_ROLE.test(trimmed);
}

// "Il Comune: «Bus navetta gratuiti». I commercianti temono …": a sentence ends inside the line (after a word of two
// lower-case letters or a closing quotation mark, so not "U.S. Plans"): a standfirst without its final period, as
// Italian pages print it, never a headline.
const INNER_SENTENCE_END = /(?:\p{Ll}{2}[.!?]|[.!?][»"”]|[»"”][.!?])\s\p{Lu}/u;

/**
 * A standfirst printed without its final period: a sentence ends inside the line and the line is long (fourteen
 * words or more). A headline of two short sentences ("Bilet zdrożeje do 7 zł. Radni zdecydowali", "Ferry fares
 * rise. Islanders angry") stays a headline.
 */
function isStandfirstShape(trimmed: string): boolean {
  return INNER_SENTENCE_END.test(trimmed) && countWords(trimmed, 14) >= 14;
}

/**
 * (Session 29) "THE MORNING BULLETIN · ISSUE 212", "WEEKLY DIGEST | NO. 48": a newsletter's masthead, fields set apart by
 * " · ", " | " or " • ", a figure among them and no lower-case letter: the page's label, never the headline.
 */
function isMastheadLabel(t: string): boolean {
  return t.length <= 80 && !/\p{Ll}/u.test(t) && /\p{Lu}/u.test(t) && /\d/u.test(t) && / [·|•] /u.test(t);
}

/** "Flashback Forum › Samhälle › Trafik": a breadcrumb, three or more items set apart by "›", "»" or ">". */
function isBreadcrumb(t: string): boolean {
  return (t.match(/ [›»>] /g) ?? []).length >= 2;
}

/**
 * "Domácí" / "Praha a střední Čechy" / "Krimi": a line of at most five words between two menu labels (one to three
 * words each, no blank line between) is one more, not the headline.
 */
function isMenuItem(lines: readonly Line[], i: number, from: number, to: number): boolean {
  const label = (k: number): boolean => k >= from && k < to && !isBlank(lines[k]!) && isShortUnpunctuated(lines[k]!.trimmed, 3);
  return countSpacedWords(lines[i]!.trimmed, 6) <= 5 && label(i - 1) && label(i + 1);
}

/** A short line without final punctuation: a heading, a menu item or a title. */
function isShortUnpunctuated(trimmed: string, maxWords: number): boolean {
  if (trimmed.length > 160 || endsWithTerminal(trimmed) || trimmed.endsWith(',')) return false;
  return countWords(trimmed, maxWords) <= maxWords;
}

/** The next non-blank line before `to` reads as body text. */
function nextIsProse(lines: readonly Line[], i: number, to: number): boolean {
  let n = i + 1;
  while (n < to && isBlank(lines[n]!)) n++;
  return n < to && isProse(lines[n]!.trimmed);
}

/** A line that reads as body text: several words and sentence punctuation. */
export function isProse(trimmed: string): boolean {
  return countWords(trimmed, 8) >= 8 && (endsWithTerminal(trimmed) || /[.!?]["'\u201d\u2019)]?\s/.test(trimmed));
}

// "Helen Oduya · Follow": a name and its follow button on one line.
const FOLLOW_BYLINE = /^(\S.{1,60}?) [·•|] follow$/i;

/** "Transport reporter at … (2014–present) · Updated Dec 4": a short line whose last `·` field is a time. */
function isCredentialDateLine(t: string): boolean {
  if (t.length > 200 || !/ [·•|] /.test(t)) return false;
  const last = t.slice(t.search(/ [·•|] [^·•|]*$/) + 3).replace(/^(?:updated|answered|posted|published|edited|written)\s+/i, '');
  return last.length > 0 && timeKind(last) !== null;
}

// A signature rule: a run of ten or more underscores alone on its line (vBulletin prints eighteen).
const SIGNATURE_RULE = /^_{10,80}$/;

/**
 * Classifies the article lines `[from, to)`: header fields, chrome, headings, paragraphs, captions,
 * pull-quotes, bios and credits. Never throws; unknown lines are paragraphs.
 */
export function segmentArticle(
  lines: readonly Line[],
  from: number,
  to: number,
  extraChrome: readonly ChromePattern[] = [],
  only?: ReadonlySet<number>,
): ArticleSegmentation {
  const seg: ArticleSegmentation = {
    kinds: new Map(),
    title: null,
    titleSpan: null,
    date: null,
    dateSpan: null,
    byline: null,
    source: null,
    blocks: [],
  };
  const kinds = seg.kinds;
  let i = from;
  let fieldTitle = false;
  // 1. Header fields at the very top.
  // Lines outside `only` (the wrapping of an article quoted in a post) are boilerplate.
  const outside = (k: number): boolean => {
    if (!only || only.has(k)) return false;
    kinds.set(k, isBlank(lines[k]!) ? 'blank' : 'boilerplate');
    return true;
  };
  for (; i < to; i++) {
    const line = lines[i]!;
    if (outside(i)) continue;
    if (isBlank(line)) {
      kinds.set(i, 'blank');
      continue;
    }
    const field = readHeaderField(line.trimmed);
    if (!field) break;
    const span: Span = [line.contentStart + field.valueAt, line.contentEnd];
    const value = line.trimmed.slice(field.valueAt);
    if (field.field === 'title' && seg.title === null) {
      fieldTitle = true;
      seg.title = value;
      seg.titleSpan = span;
      kinds.set(i, 'title');
    } else if (field.field === 'date' && seg.dateSpan === null) {
      seg.date = parseCalendarDate(value);
      seg.dateSpan = span;
      kinds.set(i, 'date');
    } else if (field.field === 'byline' && seg.byline === null) {
      seg.byline = value;
      kinds.set(i, 'byline');
    } else if (field.field === 'source' && seg.source === null) {
      seg.source = value;
      kinds.set(i, 'boilerplate');
    } else break;
  }
  // 2. Line by line.
  let seenProse = false;
  // The line chosen as the title so far, and whether a byline or date stood under it since.
  let titleLine = -1;
  // Lines that are chrome by pattern or by their words (not merely short).
  const strongChrome = new Set<number>();
  let metaAfterTitle = false;
  // Paragraph lines so far (the standfirst is the first).
  let paragraphs = 0;
  for (; i < to; i++) {
    const line = lines[i]!;
    const t = line.trimmed;
    if (outside(i)) continue;
    if (isBlank(line)) {
      kinds.set(i, 'blank');
      continue;
    }
    // "Edinburgh to extend trams … Anonymous 12/04/26(Fri)09:12:33 No.4821345 [Reply]": an imageboard's opening post,
    // whose subject is the headline (whatever title-like line stood above it, a "File: …" line).
    const board = readBoardHeader(line);
    if (board?.subject && seg.titleSpan?.[1] !== board.subject.span[1]) {
      if (titleLine >= 0 && kinds.get(titleLine) === 'title') kinds.set(titleLine, 'boilerplate');
      titleLine = i;
      seg.title = board.subject.text;
      seg.titleSpan = board.subject.span;
      kinds.set(i, 'title');
      continue;
    }
    // "【フェリー】… " / "1 名前：蚤の市 ★ 投稿日：2026/12/04(金) 09:12:33.41 ID:…": a numbered board's thread title stands
    // right over its post 1 (the opening post, the article).
    const opening = readNumberedBoardHeader(line)?.opening ? i - 1 : -1;
    if (opening >= from && !isBlank(lines[opening]!) && isShortUnpunctuated(lines[opening]!.trimmed, 30) && !outside(opening)) {
      if (titleLine >= 0 && titleLine !== opening && kinds.get(titleLine) === 'title') kinds.set(titleLine, 'boilerplate');
      titleLine = opening;
      seg.title = lines[opening]!.trimmed;
      seg.titleSpan = [lines[opening]!.contentStart, lines[opening]!.contentEnd];
      kinds.set(opening, 'title');
      kinds.set(i, 'byline');
      continue;
    }
    // "2026-12-04, 08:12" / "#1" / "Stockholmaren_77": a forum thread's post 1 (the opening post, the article) under its
    // time and number: the name is the byline, so the opening poster's comments are the OP's.
    const openerName = seg.byline === null && i + 2 < to && lines[i + 1]!.trimmed === '#1' && timeKind(t) === 'absolute' ? readNameLine(lines[i + 2]!) : null;
    if (openerName) {
      seg.byline = openerName.author;
      const date = seg.dateSpan === null ? parseCalendarDate(t) : null;
      if (date !== null) {
        seg.date = date;
        seg.dateSpan = [line.contentStart, line.contentEnd];
      }
      kinds.set(i, date !== null ? 'date' : 'boilerplate');
      kinds.set(++i, 'boilerplate');
      kinds.set(++i, 'byline');
      continue;
    }
    // "asked Dec 2 at 19:40" / "Maeve K": a question-and-answer page signs the question (the article) after its text;
    // the name under the sign-off is the byline, so the asker's comments are the OP's.
    const asked = seg.byline === null && i + 1 < to ? /^asked\s+(\S.{0,47})$/i.exec(t) : null;
    // ("Asked 2 days ago" / "Modified today" is the page's summary over the question: no name under it.)
    const under = asked ? /^\p{L}+\s+(\S.{0,47})$/u.exec(lines[i + 1]!.trimmed) : null;
    const asker = asked && timeKind(asked[1]!) !== null && !(under && timeKind(under[1]!) !== null) ? readNameLine(lines[i + 1]!) : null;
    if (asker) {
      kinds.set(i, 'boilerplate');
      seg.byline = asker.author;
      // (Marked as page furniture: a byline below the body is no anchor for the headline above it.)
      kinds.set(++i, 'boilerplate');
      continue;
    }
    // "__________________" / "Go Bulldogs. 2019 Div II state champs." / "Reply With Quote": a forum's signature rule under
    // an opening post that carries the story (vBulletin, session 25): the rule and the few short lines under it, down to
    // a break, are the poster's signature, not the story.
    if (seenProse && SIGNATURE_RULE.test(t)) {
      kinds.set(i, 'boilerplate');
      strongChrome.add(i);
      for (let n = 0; n < 4 && i + 1 < to && !isBlank(lines[i + 1]!) && lines[i + 1]!.trimmed.length <= 160; n++) kinds.set(++i, 'boilerplate');
      continue;
    }
    const chrome = matchChrome(t, extraChrome);
    if (chrome) {
      kinds.set(i, chrome.kind);
      strongChrome.add(i);
      // A bare "Related" / "Recommended for you" label heads a list of headlines, up to the next blank line.
      if (chrome.id === 'related' && (countWords(t, 4) <= 3 || (/^(?:also on|more from) /i.test(t) && !t.includes(':')))) {
        while (i + 1 < to && !isBlank(lines[i + 1]!) && countWords(lines[i + 1]!.trimmed, 15) <= 14) kinds.set(++i, 'boilerplate');
      }
      continue;
    }
    // Interface lines by their words ("Share full article", "Like Loading...", "Sort by Best"), login
    // blurbs and legal footers; a short label heads the list of links under it, up to a blank line.
    if (isUiLine(t) || isAccountBlurb(t) || isLegalLine(t)) {
      kinds.set(i, 'boilerplate');
      strongChrome.add(i);
      if (isUiLine(t) && seenProse) {
        while (i + 1 < to && !isBlank(lines[i + 1]!) && !isProse(lines[i + 1]!.trimmed) && countWords(lines[i + 1]!.trimmed, 15) <= 14) {
          kinds.set(++i, 'boilerplate');
          // (Session 24) A link of the list that is chrome by its own words stays out of the headline's place too
          // ("Share this story" / … / "Share All sharing options for: <the headline>").
          if (matchChrome(lines[i]!.trimmed, extraChrome)) strongChrome.add(i);
        }
      }
      continue;
    }
    // "Weather alert: Wind advisory until 8 p.m.": a labelled banner above the headline, not the body's start.
    if (seg.title === null && !seenProse && BANNER.test(t) && endsWithTerminal(t) && countWords(t, 31) <= 30) {
      kinds.set(i, 'boilerplate');
      continue;
    }
    // "Maya Castellanos" / "Senior Health Reporter" / "Maya covers medicine …": the author's box after the body.
    if (seenProse && paragraphs >= 2 && isBareName(t) && isAuthorBox(lines, i, to)) {
      for (let k = i; k <= i + 2; k++) kinds.set(k, 'bio');
      i += 2;
      continue;
    }
    if (isBio(t) && (!isProse(t) || seenProse)) {
      // A bio stands after the body ("X is a Research Assistant with ..."), not at the top.
      if (seenProse && i > from + 2) {
        kinds.set(i, 'bio');
        continue;
      }
    }
    // (Session 25, a Quora answer) "Helen Oduya · Follow": a name with its follow button on one line, before the body, is
    // the byline; "Transport reporter at … (2014–present) · Updated Dec 4" under it, a line whose last field is a time
    // (maybe after "Updated" / "Answered"), is the writer's credential and date, not the story's first heading.
    const followed = !seenProse && seg.byline === null ? FOLLOW_BYLINE.exec(t) : null;
    if (followed && isBareName(followed[1]!)) {
      seg.byline = followed[1]!;
      kinds.set(i, 'byline');
      metaAfterTitle = seg.title !== null;
      continue;
    }
    if (!seenProse && seg.byline !== null && kinds.get(i - 1) === 'byline' && isCredentialDateLine(t)) {
      kinds.set(i, 'boilerplate');
      strongChrome.add(i);
      continue;
    }
    // "By Priya Nair" under the standfirst (one paragraph above it): still the byline, when it is a short line.
    const underStandfirst = seenProse && paragraphs <= 1 && seg.byline === null && countWords(t, 7) <= 6 && !endsWithTerminal(t);
    if (!seenProse || underStandfirst) {
      const by = readBylineLine(t);
      if (by && seg.byline === null) {
        seg.byline = by[1]!;
        kinds.set(i, 'byline');
        metaAfterTitle = seg.title !== null;
        // "By Hanna Lindqvist | May 2, 2023": the date shares the byline.
        const nameEnd = t.indexOf(by[1]!) + by[1]!.length;
        const sep = /^\s*[|•·–—]\s*/.exec(t.slice(nameEnd));
        const rest = sep ? t.slice(nameEnd + sep[0].length) : '';
        if (seg.dateSpan === null && rest.length > 0 && rest.length <= 60 && parseCalendarDate(rest) !== null) {
          seg.date = parseCalendarDate(rest);
          const at = line.contentStart + nameEnd + sep![0].length;
          seg.dateSpan = [at, at + rest.length];
        }
        continue;
      }
      // "Loopline Cycles" / "Creator" / "Posted by Tom Aske" (session 27): a second byline above the body (the poster under
      // the account) is a byline line too, not the body's first paragraph.
      if (by && !seenProse && seg.byline !== null && countWords(t, 9) <= 8) {
        kinds.set(i, 'byline');
        continue;
      }
      // "Jonah Pryce" / "Mar 3, 2026 9:00 AM", "Rosa Linden" / "Rosa Linden" / "Follow": a bare name under the
      // headline, over a date (maybe after a role line), its avatar's alt text or a follow button, is the byline.
      if (seg.byline === null && seg.title !== null && i !== titleLine && isBareName(t) && isBylineTail(lines, i, to)) {
        seg.byline = t;
        kinds.set(i, 'byline');
        metaAfterTitle = true;
        continue;
      }
    }
    if (!seenProse) {
      if (seg.dateSpan === null && t.length <= 100 && parseCalendarDate(t) !== null) {
        seg.date = parseCalendarDate(t);
        seg.dateSpan = [line.contentStart, line.contentEnd];
        kinds.set(i, 'date');
        metaAfterTitle = seg.title !== null;
        // "Posted on April 8, 2024 by Greenfield Residents' Association": the byline shares the date line.
        const poster = / by (\S.{1,60})$/.exec(t);
        if (poster && seg.byline === null && isNameLike(poster[1]!)) seg.byline = poster[1]!;
        continue;
      }
      // A headline may ask a question ("Portugal raises minimum wage — how does your country compare?").
      const question = seg.title === null && t.endsWith('?') && countWords(t, 5) >= 4 && isShortUnpunctuated(t.slice(0, -1), 20);
      if (question) {
        seg.title = t;
        seg.titleSpan = [line.contentStart, line.contentEnd];
        kinds.set(i, 'title');
        continue;
      }
      // "Bilet zdrożeje do 7 zł. Radni zdecydowali": a short line of two sentences without a final period reads as
      // prose by its inner period, but stands where the headline stands.
      const twoSentenceHeadline = seg.title === null && isShortUnpunctuated(t, 13) && countWords(t, 4) >= 4 && !isUiLine(t);
      // "Classrooms are getting too hot to learn in. Here's what the evidence says…" / "Published: December 3, 2026":
      // a long headline of two sentences right over the story's date line is the headline, whatever short line (a
      // site's tagline) was taken for it above.
      if (!fieldTitle && titleLine !== i - 1 && !metaAfterTitle && isShortUnpunctuated(t, 24) && countWords(t, 5) >= 5 && !isUiLine(t) && !isMastheadLabel(t) && isDateUnder(lines, i, to)) {
        if (titleLine >= 0 && kinds.get(titleLine) === 'title') kinds.set(titleLine, 'boilerplate');
        titleLine = i;
        seg.title = t;
        seg.titleSpan = [line.contentStart, line.contentEnd];
        kinds.set(i, 'title');
        continue;
      }
      if (!isProse(t) || twoSentenceHeadline) {
        // "Harbourline Ferries" / "Reviews 1,204 • Poor": a name right over its tally of reviews or followers heads a
        // profile page (a company's, a channel's) when no headline stood above it.
        const profile = seg.title === null && isShortUnpunctuated(t, 3) && /^\p{Lu}/u.test(t) && !isUiLine(t) && nextIsTally(lines, i, to);
        if (profile) {
          titleLine = i;
          seg.title = t;
          seg.titleSpan = [line.contentStart, line.contentEnd];
          kinds.set(i, 'title');
          continue;
        }
        if (isShortUnpunctuated(t, 3)) {
          kinds.set(i, 'boilerplate'); // menus: "CENTRES", "Programmes & Centres", "Location"
          continue;
        }
        // The headline is the last title-like line above the byline, date and body: the site's name,
        // tagline and menu labels stand above it ("News from Millbrook since 2011", "Skip to site index").
        const masthead = seg.title !== null && titleLine >= 0 && countWords(t, 4) >= 4 && !isUiLine(t) ? looksLikeChrome(lines, titleLine, from, kinds, strongChrome) : false;
        // A date or byline under a button's label ("Skip to site index" / "Thursday, March 5") is the page's, not the story's.
        const replace = masthead === 'words' || (masthead === 'place' && !metaAfterTitle);
        // "opened 3 days ago", "Asked 2 days ago": a line ending in an age is a date line, never the headline; nor is a
        // line that is a time stamp as a whole ("5 Dec at 9:15 am" under a page's name).
        if ((seg.title === null || replace) && isShortUnpunctuated(t, 20) && !isStandfirstShape(t) && !endsInAge(t) && !isBareTime(t) && timeKind(t) === null && !isBreadcrumb(t) && !isMastheadLabel(t) && !isMenuItem(lines, i, from, to) && !isDateline(t) && !isLinkRow(line)) {
          if (replace) kinds.set(titleLine, 'boilerplate');
          titleLine = i;
          seg.title = t;
          seg.titleSpan = [line.contentStart, line.contentEnd];
          kinds.set(i, 'title');
          continue;
        }
      }
    }
    if (t.startsWith('>')) {
      kinds.set(i, 'quotation');
      continue;
    }
    if (isShortUnpunctuated(t, 14) && !isProse(t)) {
      kinds.set(i, 'heading');
      continue;
    }
    kinds.set(i, 'paragraph');
    paragraphs++;
    // A short line of the page ("Follow us:", "Only available when logged in.") does not start the body:
    // the headline may still come below it.
    // A lone short sentence (a sidebar's "Anyone else lose power last night?") does not start the body
    // either: the body is a long paragraph, or one followed by more prose.
    if ((isProse(t) || countWords(t, 8) >= 8) && (countWords(t, 20) >= 20 || nextIsProse(lines, i, to))) seenProse = true;
  }
  // A "Title:" field is the dump's own word.
  if (!fieldTitle) placeTitleAboveBody(lines, from, to, seg, titleLine, strongChrome);
  // The story starts under its headline: text above it is the page's (a sidebar's rules, a banner).
  const headline = seg.titleSpan ? lines.findIndex((l) => l.contentStart === seg.titleSpan![0]) : -1;
  for (let k = from; k < headline; k++) {
    const kind = kinds.get(k);
    if (kind === 'paragraph' || kind === 'heading' || kind === 'quotation') kinds.set(k, 'boilerplate');
  }
  markListsAndRepeats(lines, from, to, kinds);
  markWidgetBlocks(lines, from, to, kinds, strongChrome);
  markCaptionEchoes(lines, from, to, kinds);
  markPullQuotes(lines, from, to, kinds);
  for (let k = from; k < to; k++) {
    const kind = kinds.get(k);
    if (kind && CONTENT_KINDS.has(kind)) {
      const line = lines[k]!;
      seg.blocks.push({ kind: kind as ArticleBlockKind, span: [line.contentStart, line.contentEnd], text: line.trimmed, line: k });
    }
  }
  // "Tide gauge import drops readings after the DST change #1432": an issue tracker prints the item's number after its
  // title; the number is not part of the headline.
  const numbered = seg.title !== null && seg.titleSpan !== null && !fieldTitle ? /^(.{8,}?\S) #\d{1,7}$/.exec(seg.title) : null;
  if (numbered) {
    seg.title = numbered[1]!;
    seg.titleSpan = [seg.titleSpan![0], seg.titleSpan![0] + numbered[1]!.length];
  }
  // "… from the market (reuters.com)" / "… this winter, a record | Evening News": a link aggregator prints the story's
  // domain after its title, a video or page title ends with " | " and the channel's or site's name (a few words
  // after a headline of four words or more); neither is part of the headline.
  const suffixed = seg.title !== null && seg.titleSpan !== null && !fieldTitle ? titleSuffixAt(seg.title) : -1;
  if (suffixed > 0) {
    seg.title = seg.title!.slice(0, suffixed);
    seg.titleSpan = [seg.titleSpan![0], seg.titleSpan![0] + suffixed];
  }
  return seg;
}

/** The line right under `i` (no blank line between) is a date line, maybe labelled ("Published: December 3, 2026 6:04am GMT"). */
function isDateUnder(lines: readonly Line[], i: number, to: number): boolean {
  const under = lines[i + 1];
  if (under === undefined || i + 1 >= to || isBlank(under) || under.trimmed.length > 60) return false;
  const t = under.trimmed.replace(/^\p{L}{3,12}:\s?/u, '');
  return /^(?:\p{L}{3,9}\.? \d{1,2},? \d{4}|\d{1,2} \p{L}{3,9}\.? \d{4}|\d{4}-\d{2}-\d{2})\b/u.test(t) && parseCalendarDate(t) !== null;
}

/** Where a headline's trailing "(domain.tld)" or " | Site Name" starts, or -1 (a bare function of the title). */
function titleSuffixAt(title: string): number {
  const domain = /^(.{8,}?\S) \((?:[a-z0-9-]{1,63}\.){1,4}[a-z]{2,12}\)$/i.exec(title);
  if (domain) return domain[1]!.length;
  const bar = title.lastIndexOf(' | ');
  if (bar < 0) return -1;
  const head = title.slice(0, bar);
  const site = title.slice(bar + 3);
  if (countWords(head, 4) < 4 || countWords(site, 5) > 4 || !/^\p{Lu}/u.test(site) || /[.!?]$/.test(site)) return -1;
  return bar;
}

/**
 * A block of short lines (no blank between them) holding a button ("Sign up for the morning briefing" /
 * "Get the day's news in your inbox." / "Sign up"): a newsletter, share or login box, boilerplate as a whole.
 */
function markWidgetBlocks(lines: readonly Line[], from: number, to: number, kinds: Map<number, BlockKind>, strong: ReadonlySet<number>): void {
  let k = from;
  while (k < to) {
    while (k < to && isBlank(lines[k]!)) k++;
    const start = k;
    while (k < to && !isBlank(lines[k]!)) k++;
    if (k - start < 2 || k - start > 8) continue;
    let button = false;
    let short = true;
    for (let n = start; n < k; n++) {
      const t = lines[n]!.trimmed;
      if ((strong.has(n) && isUiLine(t)) || (UI_IMPERATIVE.test(t) && countWords(t, 9) <= 8 && !endsWithTerminal(t)) || INBOX_PROMISE.test(t)) button = true;
      // (Session 24) A newsletter's promise may run to twenty words ("Independent local news for …, delivered to your
      // inbox twice a week.").
      const most = INBOX_PROMISE.test(t) ? 20 : 12;
      if (countWords(lines[n]!.trimmed, most + 1) > most || kinds.get(n) === 'title' || kinds.get(n) === 'byline') short = false;
    }
    if (!button || !(short || asksForButton(lines, start, k, kinds))) continue;
    for (let n = start; n < k; n++) {
      const kind = kinds.get(n);
      if (kind === 'paragraph' || kind === 'heading') kinds.set(n, 'boilerplate');
    }
  }
}

/**
 * A paragraph right over a lone button that it asks the reader to press ("Thanks for reading X! Subscribe for free to
 * receive new posts …" / "Subscribe", "… consider becoming a free or paid subscriber." / "Subscribe"): the two lines
 * are a call to action however long the paragraph, when the button's verb stands in it.
 */
function asksForButton(lines: readonly Line[], start: number, end: number, kinds: Map<number, BlockKind>): boolean {
  if (end - start !== 2 || kinds.get(start) === 'title' || kinds.get(start) === 'byline') return false;
  const button = lines[start + 1]!.trimmed;
  if (!UI_IMPERATIVE.test(button) || countWords(button, 4) > 3 || endsWithTerminal(button)) return false;
  const verb = button.toLowerCase().replace(/e$/, '');
  return lines[start]!.trimmed.toLowerCase().includes(verb) && countWords(lines[start]!.trimmed, 61) <= 60;
}

// "Get the Morning Brief in your inbox every weekday.": a newsletter's promise, the call to action of its box.
const INBOX_PROMISE = /\b(?:in|to|into) your inbox\b/i;

/** The next line, before `to`, is a count of things with its word first or last ("Reviews 1,204 • Poor"). */
function nextIsTally(lines: readonly Line[], i: number, to: number): boolean {
  const next = lines[i + 1];
  return next !== undefined && i + 1 < to && /\d/.test(next.trimmed) && isUiLine(next.trimmed) && /^(?:\p{L}+ [\d.,]+|[\d.,]+[kmb]? \p{L}+)/iu.test(next.trimmed);
}

/**
 * The headline stands right above the byline, or above the body's first paragraph: when no title was found,
 * or the one found stands far above (over twelve lines up: a sidebar's "a community for 14 years"), the nearest headline-like line
 * (four words or more, no sentence, no interface words) within six lines above that anchor is the title.
 */
function placeTitleAboveBody(lines: readonly Line[], from: number, to: number, seg: ArticleSegmentation, titleLine: number, strong: ReadonlySet<number>): void {
  const kinds = seg.kinds;
  let anchor = -1;
  for (let k = from; k < to && anchor < 0; k++) if (kinds.get(k) === 'byline') anchor = k;
  for (let k = from; k < to && anchor < 0; k++) {
    const t = lines[k]!.trimmed;
    if (kinds.get(k) === 'paragraph' && isProse(t) && (countWords(t, 20) >= 20 || nextIsProse(lines, k, to))) anchor = k;
  }
  if (anchor < 0) return;
  // The script of the body's first prose paragraph.
  let bodyScript: string | null = null;
  for (let k = anchor; k < to && bodyScript === null; k++) if (kinds.get(k) === 'paragraph' && isProse(lines[k]!.trimmed)) bodyScript = mainScript(lines[k]!.trimmed);
  let seen = 0;
  let found = -1;
  let titleNear = false;
  let titleDist = 0;
  for (let k = anchor - 1; k >= from && seen < 12; k--) {
    if (isBlank(lines[k]!)) continue;
    seen++;
    if (k === titleLine) {
      titleNear = true;
      titleDist = seen;
    }
    if (seen > 6) continue;
    const t = lines[k]!.trimmed;
    const kind = kinds.get(k);
    // "Aktualisiert am 4. Dezember 2026, 12:15 Uhr": a year with a clock time is a date line, in any language.
    // (Session 24: the clock may carry its am/pm, "Dec 4, 2026, 6:10pm EST".)
    const dated = /\b(?:19|20)\d{2}\b/.test(t) && /\b\d{1,2}[:h]\d{2}(?:\s?[ap]\.?m\b\.?)?\b/i.test(t);
    // A headline is written in the body's script: on a portal that prints its buttons in another script
    // ("텍스트 음성 변환 서비스 사용하기" over an English story) those buttons are never the headline.
    const otherScript = bodyScript !== null && mainScript(t) !== bodyScript;
    if (found < 0 && !strong.has(k) && kind !== 'date' && kind !== 'byline' && !dated && !otherScript && !endsInAge(t) && !isBareTime(t) && timeKind(t) === null && isShortUnpunctuated(t, 20) && !isStandfirstShape(t) && countWords(t, 4) >= 4 && !isUiLine(t)) found = k;
  }
  // A title-like line right above the one found is the headline over its standfirst: it stays.
  let above = found - 1;
  while (above >= from && isBlank(lines[above]!)) above--;
  // The same when no title was kept that high: the headline-like line right over the one found (a standfirst without
  // its final period under it, "El Ayuntamiento calcula que …, que dedicará …") is the headline.
  if (found >= 0 && above >= from && above !== titleLine && isHeadlineLike(lines[above]!.trimmed) && !strong.has(above) && kinds.get(above) !== 'date' && kinds.get(above) !== 'byline' && countWords(lines[found]!.trimmed, 40) > countWords(lines[above]!.trimmed, 40)) {
    found = above;
    above = found - 1;
    while (above >= from && isBlank(lines[above]!)) above--;
  }
  if (found < 0 || (titleNear && (above === titleLine || found === titleLine))) return;
  if (titleNear && titleDist <= 6) return;
  if (titleLine >= 0 && kinds.get(titleLine) === 'title') kinds.set(titleLine, 'boilerplate');
  const line = lines[found]!;
  kinds.set(found, 'title');
  // "Battery Fire Shuts Down … (reuters.com) 64": a link aggregator's source and comment count are not the headline.
  const tail = LINK_TAIL.exec(line.trimmed);
  const end = tail ? line.contentEnd - tail[0].length : line.contentEnd;
  seg.title = line.text.slice(line.contentStart - line.start, end - line.start);
  seg.titleSpan = [line.contentStart, end];
}

const SCRIPTS: ReadonlyArray<[string, RegExp]> = [
  ['latin', /\p{Script=Latin}/u],
  ['hangul', /\p{Script=Hangul}/u],
  ['cjk', /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ['cyrillic', /\p{Script=Cyrillic}/u],
  ['greek', /\p{Script=Greek}/u],
  ['arabic', /\p{Script=Arabic}/u],
  ['hebrew', /\p{Script=Hebrew}/u],
];

/** The script most of the text's letters are written in ("latin", "hangul", …), or null when it has no letters. */
function mainScript(text: string): string | null {
  const counts = new Map<string, number>();
  for (const ch of text.length > 600 ? text.slice(0, 600) : text) {
    if (!/\p{L}/u.test(ch)) continue;
    const script = SCRIPTS.find(([, re]) => re.test(ch))?.[0] ?? 'other';
    counts.set(script, (counts.get(script) ?? 0) + 1);
  }
  let best: string | null = null;
  let most = 0;
  for (const [script, n] of counts) if (n > most) [best, most] = [script, n];
  return best;
}

/** "Asked 2 days ago", "Updated 3 hours ago": a line that ends in a relative age is a date line, never the headline. */
/** " · 4 h · ", "| 2 days ago": a time between separators only (a post's header row), never a headline. */
function isBareTime(t: string): boolean {
  const edge = (c: string): boolean => /[\s·•|–—-]/u.test(c);
  let a = 0;
  let b = t.length;
  while (a < b && edge(t[a]!)) a++;
  while (b > a && edge(t[b - 1]!)) b--;
  const inner = t.slice(a, b);
  return inner.length < t.length && timeKind(inner) !== null;
}

function endsInAge(t: string): boolean {
  const words = t.split(' ');
  for (let n = 2; n <= 3 && n < words.length; n++) if (timeKind(words.slice(-n).join(' ')) === 'relative' && /\d/.test(words.slice(-n).join(' '))) return true;
  return false;
}

/** "Thứ sáu, 4/12/2026, 07:30 (GMT+7)": a line with a year and a clock time is the story's date line, never its headline. */
function isDateline(t: string): boolean {
  return /\b(?:19|20)\d{2}\b/.test(t) && /\b\d{1,2}[:h]\d{2}\b/.test(t);
}

/** Four to twenty words, no sentence end, no interface words, not a time stamp: a line that can be a headline. */
function isHeadlineLike(t: string): boolean {
  return !isDateline(t) && timeKind(t) === null && isShortUnpunctuated(t, 20) && !isStandfirstShape(t) && countWords(t, 4) >= 4 && !isUiLine(t) && !endsInAge(t);
}

const LINK_TAIL = / \((?:[\w-]{1,40}\.){1,4}[a-z]{2,12}\)(?: \d{1,6})?$/i;

/**
 * A title-like line that belongs to the page's masthead rather than the story: it names a button ("Skip to
 * site index", "Subscribe from £1 a week"), or chrome stands right above and right below it (a tagline
 * between the site's name and its menu).
 */
function looksLikeChrome(lines: readonly Line[], k: number, from: number, kinds: Map<number, BlockKind>, strong: ReadonlySet<number>): 'words' | 'place' | false {
  const t = lines[k]!.trimmed;
  if (/\b(?:skip|search|subscribe|submit|sign|log|menu|share|follow|download|app)\b/i.test(t)) return 'words';
  const chrome = (n: number): boolean => n < from || kinds.get(n) === 'boilerplate';
  // Below it, a line chrome by its words or pattern ("Menu"), not merely short (an author's name).
  return chrome(k - 1) && strong.has(k + 1) ? 'place' : false;
}

/**
 * Page furniture told by its shape: a heading that no paragraph follows (a list of headlines, "Most
 * Popular", a menu after the body), and a short line that stands twice or more on the page (a site name, a
 * repeated button), are boilerplate.
 */
function markListsAndRepeats(lines: readonly Line[], from: number, to: number, kinds: Map<number, BlockKind>): void {
  const seen = new Map<string, number>();
  for (const line of lines) {
    const t = line.trimmed;
    if (t.length > 0 && t.length <= 80) seen.set(t, (seen.get(t) ?? 0) + 1);
  }
  for (let k = from; k < to; k++) {
    const kind = kinds.get(k);
    if (kind !== 'heading' && kind !== 'paragraph') continue;
    const t = lines[k]!.trimmed;
    const leadIn = kind === 'paragraph' && t.endsWith(':') && countWords(t, 15) <= 14;
    if (isProse(t) && !leadIn) continue;
    // (A question of four words or more is the writer's, even when a reply quotes it: "Anyone think this is fair?".)
    if ((seen.get(t) ?? 0) >= 2 && countWords(t, 7) <= 6 && !(t.endsWith('?') && countWords(t, 4) >= 4)) {
      kinds.set(k, 'boilerplate');
      continue;
    }
    // "Paywalled, so here's the text:" over the headline: a lead-in, not the story.
    if (kind !== 'heading' && !leadIn) continue;
    let n = k + 1;
    while (n < to && isBlank(lines[n]!)) n++;
    const next = n < to ? kinds.get(n) : undefined;
    if (next !== 'paragraph' && next !== 'quotation') kinds.set(k, 'boilerplate');
  }
}

/** "Ishiba Pushes for ... (Photo Internet reproduction)" followed by the same words alone: both captions. */
function markCaptionEchoes(lines: readonly Line[], from: number, to: number, kinds: Map<number, BlockKind>): void {
  for (let k = from; k < to; k++) {
    if (kinds.get(k) !== 'caption') continue;
    const base = trimDotsEnd(lines[k]!.trimmed.replace(PHOTO_CREDIT_TAIL, ''));
    for (const j of [k - 1, k + 1]) {
      if (j < from || j >= to) continue;
      const kind = kinds.get(j);
      if ((kind === 'heading' || kind === 'paragraph') && base.length > 0 && trimDotsEnd(lines[j]!.trimmed) === base) {
        kinds.set(j, 'caption');
      }
    }
  }
}

/** A line that repeats, word for word, a sentence of another paragraph is a pull-quote. */
function markPullQuotes(lines: readonly Line[], from: number, to: number, kinds: Map<number, BlockKind>): void {
  const sentenceLines = new Map<string, number[]>();
  for (let k = from; k < to; k++) {
    if (kinds.get(k) !== 'paragraph') continue;
    for (const s of splitSentences(lines[k]!.trimmed)) {
      if (countWords(s.text, 5) < 5) continue;
      const list = sentenceLines.get(s.text);
      if (list) {
        if (list.length < 8) list.push(k);
      } else sentenceLines.set(s.text, [k]);
    }
  }
  for (let k = from; k < to; k++) {
    if (kinds.get(k) !== 'paragraph') continue;
    const t = lines[k]!.trimmed;
    const holders = sentenceLines.get(t);
    if (!holders) continue;
    // Another, longer paragraph carries the same sentence: this line is the echo.
    if (holders.some((h) => h !== k && lines[h]!.trimmed.length > t.length)) kinds.set(k, 'pull-quote');
  }
}
