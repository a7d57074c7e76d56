/**
 * Site chrome seen in article dumps: menus, widget junk, share and newsletter prompts. Each pattern is
 * tested against a whole trimmed line, case-insensitively. Every regex here is linear (checked for ReDoS
 * in the test suite). Add patterns through `parse(input, { chrome: [...] })`, not by editing this list
 * at run time.
 */
// "The Fine Print: The following comments are owned by whoever posted them. We are not responsible for them in any way.",
// "Comments are the views of the people who posted them, not of the Courier.": the page's disclaimer over its comments,
// one to three sentences, the first saying whose the comments are (session 30); an optional short label before it.
export const COMMENT_DISCLAIMER = /^(?:[\p{L} ]{2,24}: )?(?:the following |these |all |reader |readers' |user )?comments(?: below| on this (?:page|site|story|article))? (?:are|reflect|represent|express) (?:owned by|the (?:views?|opinions?|property) of|solely the (?:views?|opinions?|responsibility) of) (?:whoever (?:posted|wrote) them|the (?:people|persons|users|readers|individuals|commenters|authors|posters|members) (?:who|that) (?:posted|wrote|made|submitted) them|their (?:authors|posters|writers))\b[^.!]{0,80}[.!](?: [^.!?]{1,140}[.!]){0,2}$/iu;

export interface ChromePattern {
  /** Stable id, shown in messages and docs. */
  id: string;
  /** Block kind the line becomes. */
  kind: 'boilerplate' | 'credit' | 'caption' | 'bio';
  pattern: RegExp;
}

/** Built-in site-chrome patterns, tested in order; extend with `parse(input, { chrome })`. */
export const CHROME_PATTERNS: readonly ChromePattern[] = [
  { id: 'image-credit', kind: 'caption', pattern: /^(?:image|photo|picture|photograph|illustration|video)(?:\s*(?:source|credit))?s?\s*:\s*\S.{0,120}$/i },
  { id: 'photo-reproduction', kind: 'caption', pattern: /\((?:photo|image|picture)[^()]{0,60}\)$/i },
  // "The clinic on Brook Street. (Hannah Okafor/Westbrook Sentinel)": a short line closed by a photographer/outlet credit.
  { id: 'photo-credit-slash', kind: 'caption', pattern: /^[^()]{1,160} \(\p{Lu}[\p{L}.'’-]{0,30}(?: \p{Lu}[\p{L}.'’-]{0,30}){0,3}\/\p{Lu}[\p{L}.'’-]{0,30}(?: \p{Lu}[\p{L}.'’-]{0,30}){0,4}\)$/u },
  { id: 'giphy', kind: 'boilerplate', pattern: /^giphy app key not set/i },
  { id: 'read-more', kind: 'boilerplate', pattern: /^(?:read|see|show|load|view) (?:more|less|all)\b[^.!?]{0,40}$/i },
  { id: 'originally-appeared', kind: 'credit', pattern: /^(?:a version of )?this (?:commentary|article|piece|story|op-ed|column|essay|post) (?:(?:originally|first) (?:appeared|was published) (?:in|on|at)|appears in print)\b/i },
  { id: 'views-expressed', kind: 'boilerplate', pattern: /^the views expressed (?:above|here|in th)/i },
  { id: 'share-or-comment', kind: 'boilerplate', pattern: /^share or comment on this (?:article|story|post):?$/i },
  { id: 'video-views', kind: 'boilerplate', pattern: /^[\d.,]{1,7}[kmb]? views\b.{0,40}$/i },
  { id: 'telegram', kind: 'boilerplate', pattern: /\b(?:now available on|follow us on|join (?:us|our channel) on|subscribe to our) (?:telegram|whatsapp|twitter|x|facebook|instagram|youtube|newsletter)/i },
  { id: 'newsletter', kind: 'boilerplate', pattern: /^(?:sign up|subscribe)\b.{0,80}(?:newsletter|updates|inbox|alerts)/i },
  { id: 'click-here', kind: 'boilerplate', pattern: /^click here\b/i },
  // (Session 35) "Powered by Buttondown, the easiest way to start and grow your newsletter.": a platform's footer line,
  // the product's name (a capital) and at most a short tagline after it.
  { id: 'powered-by', kind: 'boilerplate', pattern: /^[Pp]owered by \p{Lu}[\p{L}\d.-]{1,30}(?:[,.!] [^.!?]{1,70}[.!]?)?$/u },
  { id: 'copyright', kind: 'credit', pattern: /^(?:©|\(c\)|copyright\b)\s*.{0,80}$/i },
  { id: 'agency-credit', kind: 'credit', pattern: /^[-–—]?\s*(?:reuters|ap|afp|kyodo|xinhua|bloomberg|associated press|agence france-presse)\s*$/i },
  { id: 'share', kind: 'boilerplate', pattern: /^(?:share|share this|share this article|share on \w+|tweet|email|print|copy link|facebook|twitter|linkedin|whatsapp|reddit)(?:\s*[|·•/]\s*(?:share|tweet|email|print|copy link|facebook|twitter|linkedin|whatsapp|reddit))*$/i },
  // (Session 24) A share menu's label that repeats the headline ("Share All sharing options for: Council votes …",
  // Vox Media's pages) and a reaction panel's question ("How did you feel about this article?").
  { id: 'share-options', kind: 'boilerplate', pattern: /^share (?:all )?sharing options(?: for:? .{1,300})?$/i },
  { id: 'reaction-question', kind: 'boilerplate', pattern: /^(?:how (?:did|do) you feel about this (?:article|story|post)|what(?:'s| is) your reaction(?: to this (?:article|story))?)\??$/i },
  // The same share buttons as news pages print them in Dutch, German, French, Spanish, Italian, Portuguese and Polish.
  { id: 'share-localised', kind: 'boilerplate', pattern: /^(?:deel dit artikel|delen|artikel teilen|teilen|partager(?: l'article| cet article)?|compartir(?: en \w{2,12})?|condividi(?: l'articolo)?|compartilhar|udostępnij)$/i },
  { id: 'advertisement', kind: 'boilerplate', pattern: /^(?:advertisement|advertising|sponsored(?: content)?|ad|story continues below(?: advertisement)?|continue reading below)$/i },
  { id: 'related', kind: 'boilerplate', pattern: /^(?:related|related articles?|related stories|recommended|recommended for you|more from [\w ]{1,30}|most read|trending|you (?:may|might)(?: also)? like|also read|read next|read also|more stories|also on)\s*:?.{0,200}$/i },
  { id: 'tags', kind: 'boilerplate', pattern: /^(?:tags|topics|keywords|filed under)\s*:/i },
  // (Session 38) A board's labelled line over the posts of a story it carries: "Navigation: use the links below to view
  // more comments.": a label, then a short sentence sending the reader to more comments (not a logged-out page's "Log in
  // to see more replies.", which opens the page's sign-up box under the thread).
  { id: 'more-comments-nav', kind: 'boilerplate', pattern: /^[\p{L} ]{2,24}: (?:\S{1,20} ){0,6}(?:view|see|read|load|show) (?:more|all|other|older|newer) (?:comments|replies|posts)(?: \S{1,20}){0,3}[.!]?$/iu },
  // (Session 38) "Posted on 12/05/2026 6:41:12 AM PST by NAME": the poster's line with a date in any form (a calendar
  // date is read as the article's date elsewhere; a numeric one is not).
  { id: 'posted-on-by', kind: 'boilerplate', pattern: /^(?:posted|published|submitted) on \d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}(?: \S{1,12}){0,3} by \S.{0,60}$/i },
  { id: 'breadcrumb', kind: 'boilerplate', pattern: /^[\w&'’.-]{1,30}(?: [\w&'’.-]{1,30}){0,2}(?: (?:\/|>|»|›|\|) [\w&'’.-]{1,30}(?: [\w&'’.-]{1,30}){0,2}){1,5}$/ },
  { id: 'menu-dash', kind: 'boilerplate', pattern: /^[-–—|•·*=_~]{1,10}$/ },
  { id: 'skip-nav', kind: 'boilerplate', pattern: /^(?:skip to (?:main )?content|menu|search|home|login|log in|sign in|register|subscribe|close|open menu|toggle navigation)$/i },
  { id: 'cookie', kind: 'boilerplate', pattern: /\b(?:we use cookies|accept (?:all )?cookies|cookie (?:policy|settings))\b/i },
  { id: 'reading-time', kind: 'boilerplate', pattern: /^\d{1,3} min(?:ute)?s? read$/i },
  // The site's logo link ("The Guardian - Back to home"), an age notice over an old article, an upsell.
  { id: 'back-to-home', kind: 'boilerplate', pattern: /^(?:[^|–—-]{1,40} [-–—|] )?back to (?:home|homepage|top)$/i },
  { id: 'article-age', kind: 'boilerplate', pattern: /^this (?:article|story|page) is (?:more|over) than \d{1,3} (?:days?|weeks?|months?|years?) old$/i },
  { id: 'upsell', kind: 'boilerplate', pattern: /^try (?:premium|\w{2,20} premium|\w{2,20} plus)(?: for (?:free|\S{1,10}))?$/i },
  // Mastodon's page around a post, the same on every server.
  { id: 'fediverse', kind: 'boilerplate', pattern: /\bis one of the many independent mastodon servers\b|^log in to follow profiles or hashtags\b/i },
  { id: 'comment-disclaimer', kind: 'boilerplate', pattern: COMMENT_DISCLAIMER },
  // Forum (Reddit-like) submission chrome: the community, the submitter line, a lone vote count. Lemmy's submitter is a
  // federated address with its badges, then the community it went to (session 30).
  { id: 'forum-community', kind: 'boilerplate', pattern: /^r\/[\w-]{2,40}$/i },
  { id: 'forum-posted-by', kind: 'boilerplate', pattern: /^(?:posted by \/?u\/[\w-]{2,40}(?: \S{1,12}){0,3}|submitted \S{1,12}(?: \S{1,12}){0,3} by \/?(?:u\/)?[\w-]{2,40}|submitted \S{1,12}(?: \S{1,12}){0,3} by [\w.-]{2,40}@[\w.-]{2,60}(?: [A-Z]{1,3}){0,2}(?: to [\w.-]{2,40}(?:@[\w.-]{2,60})?)?)$/i },
  { id: 'forum-submission', kind: 'boilerplate', pattern: /^\d{1,6} points? by [\w-]{2,40} \d{1,4} \w{1,8} ago\b.{0,160}$/i },
  // Lobsters-like: "authored by NAME 7 hours ago | edit | flag | hide | save | 17 comments", "via NAME 2 hours ago | …".
  { id: 'forum-submission-links', kind: 'boilerplate', pattern: /^(?:authored by|via|by) [\w-]{2,40} \d{1,4} \w{1,8} ago \| .{1,160}$/i },
  // A nonprofit newsroom's republishing box: "Republish this story" / "Our stories may be republished … Creative Commons …".
  { id: 'republish', kind: 'boilerplate', pattern: /^republish this (?:story|article)$|^(?:our|these|this) (?:stories|story|articles?|work) (?:may|can) be republished\b.{0,200}$/i },
  // (Session 25) The rules a comment box or a live chat prints over itself: "Comments policy: be civil, …", "Chat rules:
  // be respectful, …", and a chat's greeting "Welcome to the chat room!".
  { id: 'comment-rules', kind: 'boilerplate', pattern: /^(?:(?:comments?|commenting|chat|community) (?:policy|rules|guidelines):\s\S.{0,300}|welcome to the chat(?: room)?!?)$/i },
  // (Session 26) A programme page's player: "▶ Listen again", "Available for 29 days".
  { id: 'on-demand', kind: 'boilerplate', pattern: /^(?:▶\s?)?(?:listen|watch) (?:again|live|now|back)$|^available (?:for (?:another )?\d{1,3} (?:more )?(?:days?|weeks?|months?)|until \S.{0,30})$/i },
  // (Session 26) The newsroom's appeal under the story, in the first or second person, with a price a period: "The
  // Courier is free to read and paid for by readers. Support us from £3 a month.", "… If you can, join from £4 a
  // month and we'll keep …" (no quotation mark: a quoted offer is the story's).
  { id: 'support-appeal', kind: 'boilerplate', pattern: /^(?=[^"“”]{0,300}$)(?=.*\b(?:us|we|we'll|our|you)\b)(?:[^.!?]{0,160}[.!?] ){0,2}[^.!?]{0,80}\b(?:support|join|donate|subscribe|become a (?:member|supporter|patron))\b[^.!?]{0,40} (?:from|for(?: just| only)?|at) (?:[£$€]\d{1,3}(?:[.,]\d{2})?|\d{1,3}(?:[.,]\d{2})? ?(?:€|euros?|dollars?|pounds?)) (?:a|per|each) (?:month|week|year)\b.{0,120}$/i },
  // (Session 26) A newsletter box on one line: "Get the Observer's morning briefing in your inbox. Sign up".
  { id: 'newsletter', kind: 'boilerplate', pattern: /^(?=[^"“”]{0,200}$)(?:get|sign up for|subscribe to|receive)\b.{0,80}\b(?:your inbox|newsletter|briefing)\b.{0,60}$/i },
  // (Session 27) The newsroom's note over the readers' replies it prints under the story, in the first and second person
  // with a count of them: "We asked what you made of the study. More than 140 of you replied by email; here are 17 of
  // your replies, lightly edited." (no quotation mark: a quoted reader is the story's).
  { id: 'replies-intro', kind: 'boilerplate', pattern: /^(?=[^"“”]{0,400}$)(?=.*\bwe\b).*\b\d[\d,]{0,6} (?:of you (?:replied|wrote|responded|e-?mailed|answered)|of your (?:replies|letters|e-?mails|comments|responses|answers))\b.*$/i },
  { id: 'forum-buttons', kind: 'boilerplate', pattern: /^(?:upvote|downvote|vote|award|save|hide|report|follow|go to comments|add comment|add (?:a |new )?topic|new topic|start a (?:new )?topic)$/i },
  // (Session 33) A wiki's tagline under the page title ("From Wikipedia, the free encyclopedia", "From Wikinews, the free
  // news source you can write!") and a page's invitation to comment ("Have an opinion on this story? Share it!").
  { id: 'wiki-tagline', kind: 'boilerplate', pattern: /^from \p{Lu}[\p{L}\p{N}.'’-]{1,30}(?: [\p{L}\p{N}.'’-]{1,30}){0,2}, the free [\p{L} ]{2,60}[.!]?$/iu },
  { id: 'comment-invite', kind: 'boilerplate', pattern: /^(?:have|got) (?:an opinion|a view|your say|something to say|thoughts|a comment)(?: on| about) (?:this|the) (?:story|article|post|piece|report)\?(?: (?:share it|tell us|let us know|comment below|join the (?:discussion|conversation)|have your say)[.!]?)?$/i },
  // A site's link bar: "Guidelines | FAQ | Lists | API | Security | Legal | Contact".
  { id: 'menu-bar', kind: 'boilerplate', pattern: /^[\w&'’.-]{1,20}(?: [\w&'’.-]{1,20}){0,3}(?: \| [\w&'’.-]{1,20}(?: [\w&'’.-]{1,20}){0,3}){3,20}$/ },
  { id: 'vote-count', kind: 'boilerplate', pattern: /^[+-]?\d{1,3}(?:[.,]\d)?k$|^[+-]?\d{1,6}$/i },
];

/** The first chrome pattern that matches the whole trimmed line, or undefined. */
export function matchChrome(trimmed: string, extra: readonly ChromePattern[] = []): ChromePattern | undefined {
  if (trimmed.length > 400) return undefined;
  for (const p of CHROME_PATTERNS) if (p.pattern.test(trimmed)) return p;
  for (const p of extra) if (p.pattern.test(trimmed)) return p;
  return undefined;
}
