/**
 * Random comment threads with their ground truth, rendered in each dump style threadlens reads, for
 * property tests: parsing `renderThread(truth, style)` must give back the authors, texts and parents.
 * fast-check is an optional peer dependency, imported only from `threadlens/testing`.
 */
import fc from 'fast-check';

/** One post of a ground-truth thread. */
export interface TruthPost {
  /** Null for a removed post (the dump no longer shows who wrote it). */
  author: string | null;
  /** Paragraphs of the post, each one line; empty for a removed post. */
  paragraphs: string[];
  /** Index of the post it answers (always an earlier post), or null for a top-level post. */
  parentIndex: number | null;
  removed: boolean;
}

/** A ground-truth thread: the article and its posts in reading order (replies right under their parent's subtree). */
export interface TruthThread {
  article: { title: string; paragraphs: string[] };
  posts: TruthPost[];
}

/** The dump layouts `renderThread` writes. */
export type DumpStyle = 'counted' | 'widget' | 'forum' | 'json' | 'mail';

/**
 * Options of `renderThread`: the page layout within a style. Default `classic` for every style. Others:
 * `facebook` (counted: a footer `Like · Reply · 2 · 3y` under each post), `disqus` (widget: Disqus copied
 * with its `−` toggles, `Avatar` lines and `^ 3 v` / `• Reply • Share ›` footers, replies indented),
 * `hn` (forum: Hacker-News-like `name 3 hours ago | parent | next [–]` headers, replies indented),
 * `coral` (widget: Coral-like flat list, `In reply to Name` under the replier's name, `Reply / Respect 3 /
 * Share / Report` footers, no indentation). The `mail` style has one layout: a mailing-list digest whose
 * first message forwards the article and whose replies quote the message they answer under an
 * "On …, Name <address> wrote:" attribution.
 */
export interface RenderOptions {
  layout?: 'classic' | 'facebook' | 'disqus' | 'hn' | 'coral';
}

/** Options of `threadArbitrary`. */
export interface ThreadArbitraryOptions {
  /** Fewest posts. Default: 1. */
  minPosts?: number;
  /** Most posts. Default: 12. */
  maxPosts?: number;
  /**
   * Author names: `names` (spaces, accents, digits: "Nicolò Rossi"), `handles` (one token: "jdoe_77") or `mail`
   * (capitalised first and last names, as e-mail senders are shown). Default: `names`.
   */
  authors?: 'names' | 'handles' | 'mail';
  /** Whether removed posts occur. Default: true. */
  removed?: boolean;
  /**
   * No sentence occurs in two posts (a later repeat is dropped; a post left empty says which post it follows).
   * Layouts that link replies by quoting need it: there a repeated sentence reads as a quote. Default: false.
   */
  distinctSentences?: boolean;
}

// Awkward but real-looking author names: spaces, digits, underscores, accents, initials, apostrophes.
const NAMES = [
  'Maria Keller', 'jdoe_77', 'Nicolò Rossi', 'Five Families', 'Peter14', 'Ana-Lucía Gómez', 'K. Okafor',
  "Tom O'Brien", 'Sam_Whitfield_3', 'Zoë Brandt', 'Björn Åkesson', 'OssanAmerica', 'dagon', 'Guest',
  'Mieterin_Kreuzberg', 'J.P. Moreau', 'Meiyouwenti', 'Priya N',
];
// Names an e-mail attribution can carry ("On …, Zoë Brandt <…> wrote:"): capitalised words only.
const MAIL_NAMES = NAMES.filter((n) => n.split(' ').length > 1 && n.split(' ').every((w) => /^\p{Lu}[\p{L}'.-]*$/u.test(w)));

const HANDLES = [
  'jdoe_77', 'railfan_1987', 'Zoë-Brandt', 'x__ana__x', 'Peter14', 'd4v3_1983', 'throwaway_99', 'GreenGrid_UK',
  'hamburg_pendler', 'nurse_jo', 'Pete_the_Plumber', 'dk_rail_nerd', 'Marek_W', 'civics_teacher_22',
];

// Sentences are built from parts so that texts vary; every sentence has 5+ words and final punctuation,
// so no line of a post reads as a bare author name.
const SUBJECTS = [
  'The council', 'The new budget', 'My neighbour', 'The regulator', 'Most commuters', 'The hospital in our town',
  'This plan', 'The minister', 'Local shops', 'The report on page two', 'The school board', 'Our water company',
  'The ferry operator', 'The stadium project', 'The energy grant', 'The housing office',
];
const PREDICATES = [
  'raised fares by 12 percent last spring', 'will not fix the shortage of nurses', 'was announced long before the vote',
  'counts only the households in the city', 'has been delayed for the third time', 'costs more than the article says',
  'was paid for by a federal grant', 'needs another two years of work', 'ignores the people who live here',
  'published the full figures in May', 'doubled the number of trained staff', 'cut the evening services in half',
  'got the turnout figure wrong', 'mixed up the first and second dose', 'spent most of the money on consultants',
];
const QUESTIONS = [
  'Did anyone read the full report?', 'Where does the money come from?', 'Why was this not in the article?',
  'Has anyone asked the drivers what they think?', 'What happens to the old building now?',
];
const ENDINGS = ['.', '.', '.', '!'];

const sentenceArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.tuple(fc.constantFrom(...SUBJECTS), fc.constantFrom(...PREDICATES), fc.constantFrom(...ENDINGS)).map(([s, p, e]) => `${s} ${p}${e}`) },
  { weight: 1, arbitrary: fc.constantFrom(...QUESTIONS) },
);
const paragraphArb = fc.array(sentenceArb, { minLength: 1, maxLength: 3 }).map((s) => s.join(' '));

interface PostDraft {
  authorPick: number;
  paragraphs: string[];
  /** How far up the open path the post attaches: 0 = top level, k = under the k-th open post. */
  attach: number;
  /** 0 (one time in ten) makes the post a removed one, when removed posts are allowed. */
  removedRoll: number;
  mention: boolean;
}

/**
 * A random thread: an article, and posts whose parents are earlier posts on the open reply path (so that
 * indentation and level markers can show them), with repeated authors, multi-paragraph posts, "@name"
 * mentions of the parent, replies several levels deep and removed posts.
 */
export function threadArbitrary(options: ThreadArbitraryOptions = {}): fc.Arbitrary<TruthThread> {
  const minPosts = options.minPosts ?? 1;
  const maxPosts = Math.max(minPosts, options.maxPosts ?? 12);
  const pool = options.authors === 'handles' ? HANDLES : options.authors === 'mail' ? MAIL_NAMES : NAMES;
  const allowRemoved = options.removed ?? true;
  const draft: fc.Arbitrary<PostDraft> = fc.record({
    authorPick: fc.nat({ max: pool.length - 1 }),
    paragraphs: fc.array(paragraphArb, { minLength: 1, maxLength: 3 }),
    attach: fc.nat({ max: 4 }),
    removedRoll: fc.nat({ max: 9 }),
    mention: fc.boolean(),
  });
  return fc
    .record({
      title: fc.tuple(fc.constantFrom(...SUBJECTS), fc.constantFrom(...PREDICATES)).map(([s, p]) => `${s} ${p}`),
      paragraphs: fc.array(paragraphArb, { minLength: 1, maxLength: 3 }),
      drafts: fc.array(draft, { minLength: minPosts, maxLength: maxPosts }),
    })
    .map(({ title, paragraphs, drafts }) => {
      const posts: TruthPost[] = [];
      const path: number[] = []; // indices of the open reply path, top-level first
      const seen = new Set<string>();
      drafts.forEach((d, i) => {
        const removed = allowRemoved && d.removedRoll === 0;
        // attach 0: top level; k: under the post k steps down the open path (clamped).
        const level = Math.min(d.attach, path.length);
        const parentIndex = level === 0 ? null : path[level - 1]!;
        path.length = level;
        path.push(i);
        const author = removed ? null : pool[d.authorPick]!;
        let paras = removed ? [] : d.paragraphs.slice();
        const parentAuthor = parentIndex === null ? null : posts[parentIndex]!.author;
        if (!removed && d.mention && parentAuthor !== null && parentAuthor !== author) {
          paras = [`@${parentAuthor} ${lowerFirst(paras[0]!)}`, ...paras.slice(1)];
        }
        if (options.distinctSentences && !removed) paras = unseenSentences(paras, seen, i);
        posts.push({ author, paragraphs: paras, parentIndex, removed });
      });
      return { article: { title, paragraphs }, posts };
    });
}

/** A generated paragraph's sentences (each ends in ".", "!" or "?"), trimmed; one linear scan. */
function sentencesOf(paragraph: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (let i = 0; i < paragraph.length; i++) {
    const c = paragraph[i];
    if (c !== '.' && c !== '!' && c !== '?') continue;
    const piece = paragraph.slice(from, i + 1).trim();
    if (piece !== '' && piece !== c) out.push(piece);
    from = i + 1;
  }
  const rest = paragraph.slice(from).trim();
  if (rest !== '') out.push(rest);
  return out;
}

/** The paragraphs without sentences already `seen` (which it extends); never empty. */
function unseenSentences(paragraphs: readonly string[], seen: Set<string>, index: number): string[] {
  const kept: string[] = [];
  for (const para of paragraphs) {
    const fresh: string[] = [];
    for (const x of sentencesOf(para)) {
      const key = x.replace(/^@\S+ /, '').toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      fresh.push(x);
    }
    if (fresh.length > 0) kept.push(fresh.join(' '));
  }
  return kept.length > 0 ? kept : [`Nothing to add to what came before post number ${index + 1} here.`];
}

function lowerFirst(s: string): string {
  return s.length > 0 ? s[0]!.toLowerCase() + s.slice(1) : s;
}

/** Appends a post's paragraphs, each prefixed with `pad`, with a blank line between them. */
function pushParagraphs(out: string[], pad: string, paragraphs: readonly string[]): void {
  paragraphs.forEach((para, k) => {
    if (k > 0) out.push('');
    out.push(pad + para);
  });
}

function depthsOf(posts: readonly TruthPost[]): number[] {
  const depths: number[] = [];
  for (const p of posts) depths.push(p.parentIndex === null ? 0 : depths[p.parentIndex]! + 1);
  return depths;
}

/** Renders a thread as a dump of the given style. Deterministic: the same thread gives the same text. */
export function renderThread(thread: TruthThread, style: DumpStyle, options: RenderOptions = {}): string {
  const { article, posts } = thread;
  const layout = options.layout ?? 'classic';
  if (style === 'json') {
    return `${JSON.stringify(
      {
        article: { title: article.title, date: '2025-03-03', text: article.paragraphs.join('\n\n') },
        comments: posts.map((p, i) => ({
          id: `c${i + 1}`,
          author: p.author ?? '[deleted]',
          text: p.paragraphs.join('\n\n'),
          parentId: p.parentIndex === null ? null : `c${p.parentIndex + 1}`,
          timestamp: `2025-03-03T${String(8 + (i % 12)).padStart(2, '0')}:00:00Z`,
          likes: (i * 7) % 13,
          ...(p.removed ? { removed: true } : {}),
        })),
      },
      null,
      2,
    )}\n`;
  }
  if (style === 'mail') return renderMail(thread);
  const out: string[] = [`Title: ${article.title}`, 'Date: Mar 3, 2025', ''];
  for (const para of article.paragraphs) out.push(para, '');
  const depths = depthsOf(posts);
  if (style === 'counted' && layout === 'facebook') {
    out.push(`${posts.length} Comments`, 'Sort by', 'Top', 'Add a comment...');
    posts.forEach((p, i) => {
      if (p.removed) out.push('This comment was removed by a moderator.');
      else out.push(p.author!, ...(i % 4 === 1 ? ['Top fan'] : []), ...p.paragraphs, `Like · Reply · ${i % 3 === 0 ? '' : `${i} · `}${1 + (i % 5)}w`);
      if (i % 5 === 2) out.push('View 2 more replies');
    });
    out.push('Facebook Comments Plugin');
  } else if (style === 'counted') {
    out.push(`${posts.length} Comments`, 'Login to comment');
    for (const p of posts) {
      if (p.removed) out.push('This comment was removed by a moderator.');
      else out.push(p.author!, ...p.paragraphs);
    }
  } else if (style === 'widget' && layout === 'disqus') {
    out.push(`${posts.length} Comments`, 'Login', '1', 'Recommend', 'Share', 'Sort by Best', '');
    posts.forEach((p, i) => {
      const pad = '    '.repeat(depths[i]!);
      out.push(`${pad}−`, `${pad}Avatar`);
      if (p.removed) out.push(`${pad}This comment was deleted.`);
      else {
        out.push(`${pad}${p.author} • ${1 + (i % 9)} years ago`);
        pushParagraphs(out, pad, p.paragraphs);
        out.push(`${pad}^ ${(i * 5) % 11} v`, `${pad}• Reply • Share ›`);
      }
    });
    out.push('Load more comments', 'Disqus\' Privacy Policy');
  } else if (style === 'widget' && layout === 'coral') {
    out.push('Comments', 'Sign in to join the conversation', 'Sort by Newest', `All Comments ${posts.length}`, '');
    posts.forEach((p, i) => {
      if (p.removed) out.push('This comment was removed by a moderator.', '');
      else {
        const parent = p.parentIndex === null ? null : posts[p.parentIndex]!;
        out.push(p.author!, ...(parent ? [`In reply to ${parent.author ?? 'a removed comment'}`] : []), `${1 + (i % 9)} hours ago`);
        pushParagraphs(out, '', p.paragraphs);
        out.push('Reply', `Respect ${(i * 3) % 7}`, 'Share', 'Report', '');
      }
    });
    out.push('Load More', 'Powered by Coral');
  } else if (style === 'widget') {
    out.push(`${posts.length} Comments`, 'Join the discussion…', 'Sort by Best', '');
    posts.forEach((p, i) => {
      const pad = '    '.repeat(depths[i]!);
      if (p.removed) out.push(`${pad}This comment was deleted.`);
      else {
        out.push(`${pad}${p.author} • ${1 + (i % 9)} hours ago`);
        pushParagraphs(out, pad, p.paragraphs);
        out.push(`${pad}Reply · ${(i * 5) % 11} likes`);
      }
      out.push('');
    });
    out.push('Load more comments');
  } else if (layout === 'hn') {
    out.push(`${posts.length * 3 + 40} points by news_desk 9 hours ago | hide | past | favorite | ${posts.length * 10 + 3} comments`, '', 'add comment', '');
    posts.forEach((p, i) => {
      const pad = '  '.repeat(depths[i]!);
      const links = `${p.parentIndex === null ? '' : '| parent '}${i > 0 ? '| prev ' : ''}| next [–]`;
      out.push(`${pad}${p.removed ? '[deleted]' : p.author} ${1 + (i % 9)} hours ago ${links}`);
      if (p.removed) out.push(`${pad}[deleted]`);
      p.paragraphs.forEach((para) => out.push('', pad + para));
      out.push('', `${pad}reply`, '');
    });
    out.push('Guidelines | FAQ | Lists | API | Security | Legal | Contact');
  } else {
    out.push(`${posts.length * 10 + 3} comments`, 'Sort by: Best', '');
    posts.forEach((p, i) => {
      out.push(`level ${depths[i]! + 1}`);
      out.push(p.removed ? `[deleted] · ${1 + (i % 9)}h` : `u/${p.author} · ${1 + (i % 9)}h`);
      if (p.removed) out.push('[removed]');
      pushParagraphs(out, '', p.paragraphs);
      out.push('Reply Share Report Save Follow');
    });
    out.push(`View all ${posts.length * 10 + 3} comments`);
  }
  return `${out.join('\n')}\n`;
}

/** "Zoë Brandt" → "zoe.brandt": an address-safe local part. */
function mailbox(name: string): string {
  return name.normalize('NFD').replace(/[^A-Za-z0-9 ]/g, '').trim().toLowerCase().replace(/ +/g, '.') || 'member';
}

/** A mailing-list digest: message 1 forwards the article, each post is one message, replies quote their parent. */
function renderMail(thread: TruthThread): string {
  const { article, posts } = thread;
  const list = 'civic@lists.example.org';
  const subject = article.title;
  const stamp = (i: number): string => `Tue, 3 Mar 2025 ${String(8 + (i % 12)).padStart(2, '0')}:${String((i * 7) % 60).padStart(2, '0')}:00 +0000`;
  const out: string[] = [
    'From: civic-request@lists.example.org',
    'Subject: civic Digest, Vol 2, Issue 5',
    `Date: ${stamp(0)}`,
    `To: ${list}`,
    '',
    'Send civic mailing list submissions to',
    `\t${list}`,
    '',
    '----------------------------------------------------------------------',
    '',
    'Message: 1',
    `Date: ${stamp(0)}`,
    'From: List Keeper <keeper@lists.example.org>',
    `To: ${list}`,
    `Subject: [civic] Fwd: ${subject}`,
    '',
    'For the meeting on Thursday.',
    '',
    '---------- Forwarded message ---------',
    'From: The Daily Courier <news@courier.example>',
    'Date: Mon, Mar 2, 2025 at 5:00 PM',
    `Subject: ${subject}`,
    '',
    article.title,
    '',
  ];
  for (const para of article.paragraphs) out.push(para, '');
  out.push('', '------------------------------');
  posts.forEach((p, i) => {
    out.push('', `Message: ${i + 2}`, `Date: ${stamp(i + 1)}`);
    if (p.removed) {
      out.push('From: [removed]', `Subject: Re: [civic] Fwd: ${subject}`, '', '[This message was removed by the list moderator.]', '', '------------------------------');
      return;
    }
    out.push(`From: ${p.author} <${mailbox(p.author!)}@example.net>`, `To: ${list}`, `Subject: Re: [civic] Fwd: ${subject}`, '');
    pushParagraphs(out, '', p.paragraphs);
    const parent = p.parentIndex === null ? null : posts[p.parentIndex]!;
    if (parent && !parent.removed) {
      out.push('', `On ${stamp(p.parentIndex! + 1)}, ${parent.author} <${mailbox(parent.author!)}@example.net> wrote:`);
      for (const para of parent.paragraphs) out.push(`> ${para}`);
    }
    out.push('', '------------------------------');
  });
  out.push('', 'End of civic Digest, Vol 2, Issue 5', '**************************************');
  return `${out.join('\n')}\n`;
}

/**
 * Whether every reply of a mail or Coral-like thread can be told from what the layout shows (their threads are
 * drawn with `distinctSentences`: a post that repeats another's sentence reads as quoting it). A Coral-like reply
 * names only its parent's author, so the parent is that author's only earlier post: where the author wrote two or more,
 * which one a reply answers is told by its words (the parse's name-cue chooser, session 43), and this generator's
 * recombined phrases carry no such meaning. A removed post or a removed parent shows no link in either.
 */
function recoverable(t: TruthThread, style: DumpStyle, layout: RenderOptions['layout']): boolean {
  const coral = style === 'widget' && layout === 'coral';
  if (style !== 'mail' && !coral) return true;
  return t.posts.every((p, i) => {
    if (p.parentIndex === null) return true;
    const parent = t.posts[p.parentIndex]!;
    if (p.removed || parent.removed) return false;
    if (coral) for (let k = 0; k < i; k++) if (k !== p.parentIndex && t.posts[k]!.author === parent.author) return false;
    return true;
  });
}

/** A rendered dump with its truth. Forum dumps use one-token handles; widget dumps have at least one post that is not removed. */
export function dumpArbitrary(style: DumpStyle, options: ThreadArbitraryOptions & RenderOptions = {}): fc.Arbitrary<{ input: string; truth: TruthThread }> {
  const opts: ThreadArbitraryOptions = {
    ...options,
    authors: style === 'forum' ? 'handles' : style === 'mail' ? 'mail' : (options.authors ?? 'names'),
    distinctSentences: options.distinctSentences ?? (style === 'mail' || options.layout === 'coral'),
    // A digest needs two messages besides the forwarded article to read as one.
    minPosts: style === 'mail' ? Math.max(2, options.minPosts ?? 2) : options.minPosts,
  };
  // A widget dump needs one post header to be recognised: placeholders alone do not make a section.
  const threads = threadArbitrary(opts).filter(
    (t) => (style !== 'widget' || t.posts.some((p) => !p.removed)) && (style !== 'mail' || t.posts.filter((p) => !p.removed).length >= 2) && recoverable(t, style, options.layout),
  );
  return threads.map((truth) => ({ input: renderThread(truth, style, options), truth }));
}
