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
}

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
    .map(({ nameTime: nt, ...rest }) => ({ name: nt.name, time: nt.time, ...rest }))
    // "Name: text" has no head lines between the name and the text: its time stands under the text (or nowhere), it
    // shows no badge line, and a reply names its parent by "@handle" at most.
    .map((r) => (r.name !== 'name-colon' ? r : { ...r, time: r.time === 'head' ? 'foot' : r.time, extra: 'none', reply: r.reply === 'replying-to' || r.reply === 'in-reply-to' ? 'at-handle' : r.reply }));
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

/** The name line of a post (without a time unless the recipe puts it there). */
function nameLine(recipe: HeadRecipe, author: string, i: number): string {
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
  const out: string[] = [base.article.title, 'By Staff Reporter', 'March 3, 2025', ''];
  for (const para of base.article.paragraphs) out.push(para, '');
  out.push(...recipe.chromeBefore, `${base.posts.length} comments`, '');
  base.posts.forEach((p, i) => {
    const pad = recipe.reply === 'indent' ? '    '.repeat(depths[i]!) : '';
    const lines: string[] = [];
    if (p.removed) lines.push(recipe.removedNote);
    else {
      const author = p.author!;
      lines.push(nameLine(recipe, author, i));
      const extra = extraLine(recipe.extra, i);
      if (extra !== null) lines.push(extra);
      if (recipe.time === 'head') lines.push(timeText(recipe.timeFormat, i));
      const parentIndex = truth.posts[i]!.parentIndex;
      const parentAuthor = parentIndex === null ? null : base.posts[parentIndex]!.author;
      let paragraphs = truth.posts[i]!.paragraphs;
      if (parentAuthor !== null && recipe.reply === 'replying-to') lines.push(`Replying to ${shownAuthor(recipe, parentAuthor)}`);
      if (parentAuthor !== null && recipe.reply === 'in-reply-to') lines.push(`In reply to ${parentAuthor}`);
      if (parentAuthor !== null && recipe.reply === 'at-handle') {
        paragraphs = [`@${handleOf(parentAuthor)} ${paragraphs[0]!}`, ...paragraphs.slice(1)];
      }
      paragraphs.forEach((para, k) => {
        if (k > 0) lines.push('');
        lines.push(para);
      });
      // "Name: first words…": the name line and the first paragraph are one line.
      if (recipe.name === 'name-colon') lines.splice(0, 2, `${lines[0]} ${lines[1]}`);
      if (recipe.time === 'foot') lines.push(timeText(recipe.timeFormat, i));
      lines.push(...buttonLines(recipe.buttons, i));
    }
    for (const line of lines) out.push(line === '' ? '' : pad + line);
    if (recipe.blankBetween) out.push('');
  });
  if (!recipe.blankBetween) out.push('');
  out.push(...recipe.chromeAfter);
  return { input: `${out.join('\n')}\n`, recipe, truth };
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
