/**
 * Randomised page layouts for measuring how the parser reads post heads it has never seen (session 29). A layout
 * draws a head recipe (how a commenter's name, handle, time, badge and buttons are laid out, where the meta sits,
 * how a reply shows its parent, what a removed post says, what page chrome surrounds the comments) and renders a
 * truth thread with it. Deterministic: the same recipe and thread give the same text; `fc.sample(…, { seed })` gives
 * the same recipes. Internal (not exported from `threadlens/testing`): used by the study script and the tests.
 */
import fc from 'fast-check';
import { threadArbitrary, type TruthPost, type TruthThread } from './generate.js';

/** What the name line shows. `name-colon`: the name and a colon before the text's first paragraph, on one line. */
export type NameShape = 'name' | 'name-handle' | 'handle-at' | 'name-time' | 'name-colon';
/** Where the time stands: on the name line (`name-time` only), on its own line over the text, under the text, or nowhere. */
export type TimePlace = 'name-line' | 'head' | 'foot' | 'none';
/** How a time is written. */
export type TimeFormat = 'rel-long' | 'rel-short' | 'rel-abbr' | 'abs-us' | 'abs-iso' | 'abs-eu' | 'abs-long';
/** An extra line in the head, under the name. */
export type HeadExtra = 'none' | 'badge' | 'location' | 'rank';
/** The buttons line(s) under the text. `bare-counts`: a button word over its counts, each figure alone on a line. */
export type Buttons = 'none' | 'dots' | 'lines' | 'emoji' | 'arrows' | 'counts' | 'bare-counts';
/** How a reply shows its parent. `flat`: it does not (the page lost the indentation). */
export type ReplyMarker = 'flat' | 'indent' | 'at-handle' | 'replying-to' | 'in-reply-to';

/**
 * How a reply quotes the post it answers (session 30): `gt` a `> first words…` line over the text, `replying` a
 * `Replying to NAME: "first words…"` line under the head, `above` an `@NAME first words…` line over the head (a chat's
 * reply preview). The preview names and quotes the very post answered, so it tells the parent.
 */
export type PreviewShape = 'none' | 'gt' | 'replying' | 'above';
/**
 * A suffix after some names (session 30): a made-up token (`token`, from an alphabet no reader knows) set off by the
 * recipe's separator (`sep`), in brackets (`paren` / `bracket`), or a lone symbol after a space (`symbol`).
 */
export interface NameSuffix {
  place: 'none' | 'sep' | 'paren' | 'bracket' | 'symbol';
  token: string;
  /** Post i carries it when i % every === 0 (1: every post). */
  every: number;
}
/** A reply-fold toggle (session 30): its words, and whether it stands under the parent or after its replies. */
export interface FoldToggle {
  place: 'none' | 'under-parent' | 'after-replies';
  /** The toggle's wording, `N` standing for the number of replies: `View N more replies`, `Hide N answers`, … */
  pattern: string;
}

/** One layout: how every post head of a dump is drawn. */
export interface HeadRecipe {
  name: NameShape;
  /** Separator between the parts of one line (name, handle, time). */
  sep: string;
  time: TimePlace;
  timeFormat: TimeFormat;
  extra: HeadExtra;
  buttons: Buttons;
  reply: ReplyMarker;
  /** Text written for a removed post. */
  removedNote: string;
  /** A blank line between posts. */
  blankBetween: boolean;
  /** Page chrome above the first post, after the article. */
  chromeBefore: string[];
  /** Page chrome under the last post. */
  chromeAfter: string[];
  /** Session 30 families (`noFamilies30` turns them all off). A reply's preview of the post it answers. */
  preview: PreviewShape;
  /** Chance (0, 0.5 or 1) that each blank line is dropped, drawn per line from `blankSeed`: a chat copied tight. */
  blankDrop: number;
  blankSeed: number;
  suffix: NameSuffix;
  toggle: FoldToggle;
  /** A footer count under each post that has replies (`↩ N`, `Reply · N replies`, …), `N` the direct replies; '' none. */
  footerCount: string;
  /** An avatar's initials on a line of their own over the name (`KD` over `Karen Doyle`). */
  initials: boolean;
}

/** The session 30 families turned off: a recipe as session 29 drew it. */
export const noFamilies30: Pick<HeadRecipe, 'preview' | 'blankDrop' | 'blankSeed' | 'suffix' | 'toggle' | 'footerCount' | 'initials'> = {
  preview: 'none', blankDrop: 0, blankSeed: 0, suffix: { place: 'none', token: '', every: 1 },
  toggle: { place: 'none', pattern: '' }, footerCount: '', initials: false,
};

/** A generated dump, its recipe and the thread as the dump shows it (parents a reader can recover). */
export interface LayoutDump {
  input: string;
  recipe: HeadRecipe;
  truth: TruthThread;
}

const SEPARATORS = [' · ', ' • ', ' | ', '  ', ' - '];
const REMOVED_NOTES = [
  'This comment was removed by a moderator.', '[deleted]', 'Comment removed.', 'This comment has been deleted.',
  'This comment violated our community guidelines and was removed.', '[Comment removed by moderator]',
];
const CHROME_BEFORE = [
  'Comments', 'Join the conversation', 'Sign in to comment', 'Sort by: Newest', 'Oldest first', 'Community guidelines',
  'Show comments', 'Reader comments', 'You must be logged in to post a comment.', 'Write a comment…',
];
const CHROME_AFTER = [
  'Load more comments', 'Show more', 'Privacy Policy', 'Terms of Use', 'Back to top', 'Powered by CommentKit',
  '© 2025 The Daily Courier', 'Related stories', 'Subscribe to our newsletter',
];
const BADGES = ['Top commenter', 'Subscriber', 'Verified reader', 'Staff', 'Original poster'];
const LOCATIONS = ['Leeds, UK', 'Toronto', 'Portland, OR', 'Lyon, France', 'Cape Town'];
// Session 30 grammars. Suffix tokens are made-up words from syllables no lexicon holds, or symbols.
const SYLLABLES = ['zor', 'vik', 'tel', 'quon', 'bly', 'dra', 'mek', 'syl', 'pon', 'rux', 'ga', 'fen'];
const SYMBOLS = ['✓', '◆', '★', '✦', '⚑', '♦'];
// Toggle grammar: verb, then the count in one of several frames, then a noun.
const TOGGLE_VERBS = ['Hide', 'View', 'Show', 'See', 'Load', 'Collapse', 'Expand', 'Open'];
const TOGGLE_FRAMES = ['N', 'N more', 'all N', 'previous', 'N earlier', 'N other'];
const TOGGLE_NOUNS = ['replies', 'responses', 'answers', 'comments'];
// Footer count grammar: a glyph before the figure, or a button word with the figure and a noun.
const COUNT_GLYPHS = ['↩', '💬', '🗨', '↳', '⤷', '✉'];
const COUNT_WORDS = ['Reply', 'Respond', 'Answer'];

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A random recipe. Time place and name shape are drawn together: `name-line` times go with `name-time` names only. */
export function headRecipeArbitrary(): fc.Arbitrary<HeadRecipe> {
  const nameTime = fc.oneof(
    fc.record({ name: fc.constant<NameShape>('name-time'), time: fc.constant<TimePlace>('name-line') }),
    fc.record({
      name: fc.constantFrom<NameShape>('name', 'name-handle', 'handle-at', 'name-colon'),
      time: fc.constantFrom<TimePlace>('head', 'foot', 'none'),
    }),
  );
  const chrome = (pool: readonly string[]): fc.Arbitrary<string[]> =>
    fc.uniqueArray(fc.nat({ max: pool.length - 1 }), { minLength: 0, maxLength: 3 }).map((ks) => ks.map((k) => pool[k]!));
  return fc
    .record({
      nameTime,
      sep: fc.constantFrom(...SEPARATORS),
      timeFormat: fc.constantFrom<TimeFormat>('rel-long', 'rel-short', 'rel-abbr', 'abs-us', 'abs-iso', 'abs-eu', 'abs-long'),
      extra: fc.constantFrom<HeadExtra>('none', 'badge', 'location', 'rank'),
      buttons: fc.constantFrom<Buttons>('none', 'dots', 'lines', 'emoji', 'arrows', 'counts', 'bare-counts'),
      reply: fc.constantFrom<ReplyMarker>('flat', 'indent', 'at-handle', 'replying-to', 'in-reply-to'),
      removedNote: fc.constantFrom(...REMOVED_NOTES),
      blankBetween: fc.boolean(),
      chromeBefore: chrome(CHROME_BEFORE),
      chromeAfter: chrome(CHROME_AFTER),
    })
    .chain((r) => families30Arbitrary().map((f) => ({ ...r, ...f })))
    .map(({ nameTime: nt, ...rest }) => ({ name: nt.name, time: nt.time, ...rest }))
    // "Name: text" has no head lines between the name and the text: its time stands under the text (or nowhere), it
    // shows no badge line, and a reply names its parent by "@handle" at most.
    .map((r) => (r.name !== 'name-colon' ? r : {
      ...r, time: r.time === 'head' ? 'foot' : r.time, extra: 'none', reply: r.reply === 'replying-to' || r.reply === 'in-reply-to' ? 'at-handle' : r.reply,
      preview: r.preview === 'none' ? 'none' : 'above', initials: false,
    }));
}

/** The session 30 families: each off about half the time, so that their effects can be told apart. */
export function families30Arbitrary(): fc.Arbitrary<typeof noFamilies30> {
  const off = <T>(none: T, on: fc.Arbitrary<T>): fc.Arbitrary<T> => fc.oneof(fc.constant(none), on);
  const word = fc.array(fc.constantFrom(...SYLLABLES), { minLength: 2, maxLength: 3 }).map((xs) => xs.join('')).map((w) => w[0]!.toUpperCase() + w.slice(1));
  const token = fc.oneof(word, fc.tuple(word, word).map(([a, b]) => `${a} ${b}`));
  const suffix: fc.Arbitrary<NameSuffix> = fc.oneof(
    fc.constant(noFamilies30.suffix),
    fc.record({ place: fc.constantFrom<NameSuffix['place']>('sep', 'paren', 'bracket'), token, every: fc.integer({ min: 1, max: 3 }) }),
    fc.record({ place: fc.constant<NameSuffix['place']>('symbol'), token: fc.constantFrom(...SYMBOLS), every: fc.integer({ min: 1, max: 3 }) }),
  );
  const togglePattern = fc.tuple(fc.constantFrom(...TOGGLE_VERBS), fc.constantFrom(...TOGGLE_FRAMES), fc.constantFrom(...TOGGLE_NOUNS)).map(([v, f, n]) => `${v} ${f} ${n}`);
  const toggle: fc.Arbitrary<FoldToggle> = off(noFamilies30.toggle, fc.record({ place: fc.constantFrom<FoldToggle['place']>('under-parent', 'after-replies'), pattern: togglePattern }));
  const footerCount = off('', fc.oneof(
    fc.constantFrom(...COUNT_GLYPHS).map((g) => `${g} N`),
    fc.tuple(fc.constantFrom(...COUNT_WORDS), fc.constantFrom(...TOGGLE_NOUNS)).map(([w, n]) => `${w} · N ${n}`),
    fc.constantFrom(...TOGGLE_NOUNS).map((n) => `N ${n}`),
  ));
  return fc.record({
    preview: fc.constantFrom<PreviewShape>('none', 'none', 'gt', 'replying', 'above'),
    blankDrop: fc.constantFrom(0, 0, 0.5, 1),
    blankSeed: fc.nat({ max: 1_000_000 }),
    suffix,
    toggle,
    footerCount,
    initials: fc.boolean(),
  });
}

/** "Karen Doyle" → "KD", "jdoe_77" → "J": the initials an avatar shows (two at most). */
export function initialsOf(name: string): string {
  const words = name.normalize('NFC').split(/[\s_.-]+/u).filter((w) => /^\p{L}/u.test(w));
  return words.slice(0, 2).map((w) => w[0]!.toUpperCase()).join('') || 'R';
}

/** The first words of a paragraph, cut for a preview (4-6 words and an ellipsis). */
export function previewWords(paragraph: string, i: number): string {
  const words = paragraph.replace(/^@\S+\s+/, '').split(' ');
  const k = 4 + (i % 3);
  return words.length <= k ? paragraph : `${words.slice(0, k).join(' ')}${i % 2 === 0 ? '…' : '...'}`;
}

/** A 0..1 number from two integers (a fixed integer hash): which blank lines a tight copy drops. */
function roll(seed: number, i: number): number {
  let h = (seed ^ Math.imul(i + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return ((h ^ (h >>> 16)) >>> 0) / 2 ** 32;
}

/** "Nicolò Rossi" → "nicolo_rossi": the handle shown beside a display name. */
export function handleOf(name: string): string {
  return name.normalize('NFD').replace(/[^A-Za-z0-9_ ]/g, '').trim().toLowerCase().replace(/ +/g, '_') || 'reader';
}

/** The i-th post's time in a format (varied by post, never the current clock). */
export function timeText(format: TimeFormat, i: number): string {
  const n = 1 + ((i * 7) % 11);
  const hh = 7 + (i % 12);
  const mm = String((i * 13) % 60).padStart(2, '0');
  const day = 3 + (i % 20);
  switch (format) {
    case 'rel-long': return i % 3 === 2 ? `${n} days ago` : `${n} hours ago`;
    case 'rel-short': return i % 3 === 2 ? `${n}d` : `${n}h`;
    case 'rel-abbr': return i % 3 === 2 ? `${n} mins ago` : `${n} hr ago`;
    case 'abs-us': return `Mar ${day}, 2025 ${hh > 12 ? hh - 12 : hh}:${mm} ${hh >= 12 ? 'PM' : 'AM'}`;
    case 'abs-iso': return `2025-03-${String(day).padStart(2, '0')} ${String(hh).padStart(2, '0')}:${mm}`;
    case 'abs-eu': return `${String(day).padStart(2, '0')}.03.2025, ${String(hh).padStart(2, '0')}:${mm}`;
    case 'abs-long': return `${day} ${MONTHS[2]} 2025 at ${String(hh).padStart(2, '0')}:${mm}`;
  }
}

function extraLine(extra: HeadExtra, i: number): string | null {
  if (extra === 'none' || i % 3 !== 1) return null; // only some posts carry one, as on real pages
  if (extra === 'badge') return BADGES[i % BADGES.length]!;
  if (extra === 'location') return LOCATIONS[i % LOCATIONS.length]!;
  return `${120 + ((i * 37) % 900)} comments`;
}

function buttonLines(buttons: Buttons, i: number): string[] {
  const likes = (i * 5) % 13;
  switch (buttons) {
    case 'none': return [];
    case 'dots': return [`Like · Reply · Report`];
    case 'lines': return ['Reply', 'Share', 'Report'];
    case 'emoji': return [`👍 ${likes}   👎 ${i % 3}   Reply`];
    case 'arrows': return [`▲ ${likes} ▼`, 'Reply'];
    case 'counts': return [`${likes} likes`, 'Reply'];
    case 'bare-counts': return ['Reply', String(likes * 31 + 4), String(i % 4), String((i * 3) % 10)];
  }
}

/** The name line of a post (without a time unless the recipe puts it there), with the recipe's suffix on some posts. */
function nameLine(recipe: HeadRecipe, author: string, i: number): string {
  const { place, token, every } = recipe.suffix;
  if (place === 'none' || i % every !== 0 || recipe.name === 'handle-at') return bareNameLine(recipe, author, i);
  const suffix = place === 'sep' ? `${recipe.sep}${token}` : place === 'paren' ? ` (${token})` : place === 'bracket' ? ` [${token}]` : ` ${token}`;
  // The suffix follows the name, before any handle, time or colon on the same line.
  return bareNameLine(recipe, `${author}${suffix}`, i).replace(`@${handleOf(`${author}${suffix}`)}`, `@${handleOf(author)}`);
}

function bareNameLine(recipe: HeadRecipe, author: string, i: number): string {
  switch (recipe.name) {
    case 'name': return author;
    case 'name-handle': return `${author}${recipe.sep}@${handleOf(author)}`;
    case 'handle-at': return `@${handleOf(author)}`;
    case 'name-time': return `${author}${recipe.sep}${timeText(recipe.timeFormat, i)}`;
    case 'name-colon': return `${author}:`;
  }
}

/** The author a parsed post should carry: the display name, or the handle when only the handle shows. */
export function shownAuthor(recipe: HeadRecipe, author: string): string {
  return recipe.name === 'handle-at' ? `@${handleOf(author)}` : author;
}

/**
 * The thread as the recipe lets a reader see it: a flat layout shows no parents; a layout that names the parent's
 * author links to that author's latest earlier post; replies to removed posts have no name to show and go flat.
 */
export function visibleTruth(thread: TruthThread, recipe: HeadRecipe): TruthThread {
  const posts: TruthPost[] = thread.posts.map((p, i) => {
    if (p.parentIndex === null || recipe.reply === 'indent') return p;
    // A preview quotes the very post answered (a removed post has none to quote).
    if (recipe.preview !== 'none' && !p.removed && !thread.posts[p.parentIndex]!.removed) return p;
    if (recipe.reply === 'flat') return { ...p, parentIndex: null };
    const parent = thread.posts[p.parentIndex]!;
    if (parent.removed || p.removed) return { ...p, parentIndex: null };
    let latest = p.parentIndex;
    for (let k = p.parentIndex + 1; k < i; k++) if (thread.posts[k]!.author === parent.author) latest = k;
    return { ...p, parentIndex: latest };
  });
  return { article: thread.article, posts };
}

function depthsOf(posts: readonly TruthPost[]): number[] {
  const depths: number[] = [];
  for (const p of posts) depths.push(p.parentIndex === null ? 0 : depths[p.parentIndex]! + 1);
  return depths;
}

/** Strips the generic "@name " mention `threadArbitrary` puts at the start of some replies (the recipe draws its own). */
function withoutMention(paragraphs: readonly string[]): string[] {
  if (paragraphs.length === 0 || !paragraphs[0]!.startsWith('@')) return paragraphs.slice();
  const first = paragraphs[0]!.replace(/^@.*? (?=\p{Ll})/u, '');
  return [first[0]!.toUpperCase() + first.slice(1), ...paragraphs.slice(1)];
}

/** Renders a thread with a head recipe. Returns the dump and the truth a reader can recover from it. */
export function renderLayout(thread: TruthThread, recipe: HeadRecipe): LayoutDump {
  const base: TruthThread = {
    article: thread.article,
    posts: thread.posts.map((p) => ({ ...p, paragraphs: withoutMention(p.paragraphs) })),
  };
  const truth = visibleTruth(base, recipe);
  const depths = depthsOf(base.posts);
  const directReplies = base.posts.map((_, k) => base.posts.filter((q) => q.parentIndex === k).length);
  // Where each post's last descendant stands: an after-replies toggle goes under it.
  const lastDescendant = base.posts.map((_, k) => k);
  base.posts.forEach((p, i) => {
    for (let a = p.parentIndex; a !== null; a = base.posts[a]!.parentIndex) lastDescendant[a] = i;
  });
  const out: string[] = [base.article.title, 'By Staff Reporter', 'March 3, 2025', ''];
  for (const para of base.article.paragraphs) out.push(para, '');
  out.push(...recipe.chromeBefore, `${base.posts.length} comments`, '');
  base.posts.forEach((p, i) => {
    const pad = recipe.reply === 'indent' ? '    '.repeat(depths[i]!) : '';
    const lines: string[] = [];
    const parentIndex = truth.posts[i]!.parentIndex;
    const parentPost = parentIndex === null ? null : base.posts[parentIndex]!;
    const preview = recipe.preview !== 'none' && parentPost !== null && !parentPost.removed && !p.removed && p.parentIndex === parentIndex
      ? previewWords(parentPost.paragraphs[0]!, i) : null;
    if (p.removed) lines.push(recipe.removedNote);
    else {
      const author = p.author!;
      if (preview !== null && recipe.preview === 'above') lines.push(`@${shownAuthor(recipe, parentPost!.author!).replace(/^@/, '')} ${preview}`);
      if (recipe.initials && recipe.name !== 'name-colon') lines.push(initialsOf(author));
      lines.push(nameLine(recipe, author, i));
      const extra = extraLine(recipe.extra, i);
      if (extra !== null) lines.push(extra);
      if (recipe.time === 'head') lines.push(timeText(recipe.timeFormat, i));
      const parentAuthor = parentPost === null ? null : parentPost.author;
      let paragraphs = truth.posts[i]!.paragraphs;
      if (parentAuthor !== null && recipe.reply === 'replying-to' && !(preview !== null && recipe.preview === 'replying')) lines.push(`Replying to ${shownAuthor(recipe, parentAuthor)}`);
      if (parentAuthor !== null && recipe.reply === 'in-reply-to' && !(preview !== null && recipe.preview === 'replying')) lines.push(`In reply to ${parentAuthor}`);
      if (parentAuthor !== null && recipe.reply === 'at-handle') {
        paragraphs = [`@${handleOf(parentAuthor)} ${paragraphs[0]!}`, ...paragraphs.slice(1)];
      }
      if (preview !== null && recipe.preview === 'replying') lines.push(`Replying to ${shownAuthor(recipe, parentAuthor!)}: "${preview}"`);
      if (preview !== null && recipe.preview === 'gt') lines.push(`> ${preview}`);
      paragraphs.forEach((para, k) => {
        if (k > 0) lines.push('');
        lines.push(para);
      });
      // "Name: first words…": the name line and the first paragraph are one line.
      const at = preview !== null && recipe.preview === 'above' ? 1 : 0;
      if (recipe.name === 'name-colon') lines.splice(at, 2, `${lines[at]} ${lines[at + 1]}`);
      if (recipe.time === 'foot') lines.push(timeText(recipe.timeFormat, i));
      lines.push(...buttonLines(recipe.buttons, i));
    }
    if (recipe.footerCount !== '' && directReplies[i]! > 0) lines.push(recipe.footerCount.replace('N', String(directReplies[i])));
    const toggle = (k: number): string => recipe.toggle.pattern.replace('N', String(directReplies[k]));
    if (recipe.toggle.place === 'under-parent' && directReplies[i]! > 0) lines.push(toggle(i));
    for (const line of lines) out.push(line === '' ? '' : pad + line);
    // An after-replies toggle closes the fold of every post whose last descendant this is, innermost first.
    if (recipe.toggle.place === 'after-replies') {
      for (let k = i - 1; k >= 0; k--) {
        if (lastDescendant[k] === i && k !== i && directReplies[k]! > 0) out.push(('    '.repeat(recipe.reply === 'indent' ? depths[k]! + 1 : 0)) + toggle(k));
      }
    }
    if (recipe.blankBetween) out.push('');
  });
  if (!recipe.blankBetween) out.push('');
  out.push(...recipe.chromeAfter);
  // A tight copy: blank lines in the comments dropped at random (the article's are kept).
  const first = out.indexOf(`${base.posts.length} comments`);
  const kept = recipe.blankDrop === 0 ? out : out.filter((line, k) => line !== '' || k <= first || roll(recipe.blankSeed, k) >= recipe.blankDrop);
  return { input: `${kept.join('\n')}\n`, recipe, truth };
}

/** Options of `layoutDumpArbitrary`. */
export interface LayoutDumpOptions {
  /** Fewest posts. Default: 3. */
  minPosts?: number;
  /** Most posts. Default: 10. */
  maxPosts?: number;
  /** Recipes to draw from. Default: `headRecipeArbitrary()`. */
  recipes?: fc.Arbitrary<HeadRecipe>;
}

/** A thread rendered with a random recipe; at least two posts are not removed (a comment section needs heads). */
export function layoutDumpArbitrary(options: LayoutDumpOptions = {}): fc.Arbitrary<LayoutDump> {
  const threads = threadArbitrary({ minPosts: options.minPosts ?? 3, maxPosts: options.maxPosts ?? 10, authors: 'names' })
    .filter((t) => t.posts.filter((p) => !p.removed).length >= 2);
  return fc.tuple(threads, options.recipes ?? headRecipeArbitrary()).map(([thread, recipe]) => renderLayout(thread, recipe));
}
