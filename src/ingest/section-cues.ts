/**
 * Line shapes shared by the comment-section parsers. Every regex here is linear.
 */
import { COMMENT_DISCLAIMER } from './chrome-patterns.js';

/** "21 Comments", "1.2k comments", "Comments (21)", "Reader comments", "Discussion". */
const COUNT_LINE = /^(?:(\d{1,3}(?:[,.]\d{3})+|\d{1,7}|\d{1,3}(?:\.\d)?k)\s+(?:reader\s+)?(?:comments?|responses?|replies|reactions|thoughts|comentarios?|kommentare?|commentaires?|commenti|comentários?|réactions|reaktionen|reacciones|reacties|komentarz[ey]?)(?: (?:on|to) [“"‘'«]\S.{0,200})?|(?:reader\s+)?(?:comments?|responses|commenti|reacties|reacciones|kommentare|commentaires|komentarze|comentarios|댓글|комментарии|التعليقات|コメント|评论):?\s*(?:\((\d{1,3}(?:,\d{3})+|\d{1,7})\)|(\d{1,3}(?:,\d{3})+|\d{1,7}))|view all (\d{1,3}(?:[,.]\d{3})+|\d{1,7}|\d{1,3}(?:\.\d)?k) comments)$/i;
const BARE_HEADER = /^(?:reader comments|comments|discussion|conversation|join the (?:discussion|conversation)|leave a (?:comment|reply)|what do you think\??)$/i;

const FRAMED = /^[=*~#-]{2,10} ?(\S(?:.{0,200}?\S)?) ?[=*~#-]{2,10}$/;

/** The declared comment count of a section header line, null when the line is a header without one, undefined when not a header. */
export function readCountLine(trimmed: string): number | null | undefined {
  if (trimmed.length > 260) return undefined;
  // "=== Reader comments (6) ===", "-- 12 comments --": a count line framed by rule characters.
  const framed = FRAMED.exec(trimmed);
  if (framed) trimmed = framed[1]!;
  // "コメント87件", "댓글 12건": a counter word after the figure (Japanese, Korean, Chinese).
  trimmed = trimmed.replace(/(\d)(?:件|건|개|条)$/u, '$1');
  const m = COUNT_LINE.exec(trimmed);
  if (m) {
    const raw = (m[1] ?? m[2] ?? m[3] ?? m[4])!.toLowerCase();
    if (raw.endsWith('k')) return Math.round(Number(raw.slice(0, -1)) * 1000);
    return Number(raw.replace(/[,.]/g, ''));
  }
  if (BARE_HEADER.test(trimmed)) return null;
  return undefined;
}

// "Hide 3 replies", "Hide 1 reply" (and the same toggle as Italian, Dutch, French and German pages print it open:
// "Nascondi 2 risposte", "Verberg 2 reacties", "Masquer les 2 réponses", "2 Antworten ausblenden"): the replies
// the page counts are listed, open, right under the post.
const LISTED_REPLIES = /^(?:(?:hide|collapse) (\d{1,5}) repl(?:y|ies)|nascondi (?:le )?(\d{1,5}) rispost[ae]|verberg (\d{1,5}) (?:reacties?|antwoorden?)|masquer (?:les )?(\d{1,5}) réponses?|(\d{1,5}) antworten? ausblenden|ocultar (?:las )?(\d{1,5}) respuestas?|ukryj (?:odpowiedzi \((\d{1,5})\)|(\d{1,5}) odpowiedzi))$/i;

/** The number of replies an open toggle says are listed right under the post ("Hide 3 replies" -> 3), else null. */
export function readListedReplies(trimmed: string): number | null {
  // "Hide reply": the toggle over one reply, which a page words without its figure (Medium, session 30).
  if (/^(?:hide|collapse) reply$/i.test(trimmed)) return 1;
  const m = LISTED_REPLIES.exec(trimmed);
  if (m) return Number(m.slice(1).find((g) => g !== undefined));
  const toggle = readFoldToggle(trimmed);
  return toggle !== null && toggle.open && toggle.count !== null ? toggle.count : null;
}

// Session 30 (parsegen30): the words of a fold toggle, as a small grammar rather than a list of whole phrases: a verb,
// then words of quantity and a figure in any order, then a noun for a thread's items ("View 4 more replies", "Collapse
// all 3 answers", "Show previous responses", "Load 2 earlier comments"). Verbs that fold say the items are open above.
const TOGGLE_VERBS = new Set(['show', 'view', 'see', 'load', 'read', 'display', 'expand', 'open', 'unfold', 'hide', 'collapse', 'close', 'fold']);
const FOLDING_VERBS = new Set(['hide', 'collapse', 'close', 'fold']);
const TOGGLE_QUANTITY = new Set(['more', 'all', 'previous', 'earlier', 'older', 'newer', 'other', 'hidden', 'remaining', 'the', 'new', 'additional']);
const THREAD_NOUNS = new Set(['reply', 'replies', 'response', 'responses', 'answer', 'answers', 'comment', 'comments', 'reaction', 'reactions', 'message', 'messages']);

/**
 * A reply-fold toggle by its grammar (`TOGGLE_VERBS`, quantity words, a figure at most once, `THREAD_NOUNS`, a count in
 * brackets or an ellipsis after it): whether it folds (the items are listed open) and the figure it gives; else null.
 */
export function readFoldToggle(trimmed: string): { open: boolean; count: number | null } | null {
  if (trimmed.length > 60) return null;
  const unended = trimmed.replace(/(?:…|\.\.\.)$/, '');
  // (Session 43) "Hide replies (2)": the count in brackets after the noun is the toggle's figure when none stands before.
  const bracketed = / \((\d{1,5})\)$/.exec(unended);
  const words = unended.replace(/ \(\d{1,5}\)$/, '').toLowerCase().split(' ');
  if (words.length < 2 || words.length > 6 || !TOGGLE_VERBS.has(words[0]!) || !THREAD_NOUNS.has(words[words.length - 1]!)) return null;
  let count: number | null = null;
  for (const w of words.slice(1, -1)) {
    if (/^\d{1,5}$/.test(w) && count === null) count = Number(w);
    else if (!TOGGLE_QUANTITY.has(w)) return null;
  }
  return { open: FOLDING_VERBS.has(words[0]!), count: count ?? (bracketed ? Number(bracketed[1]) : null) };
}

// "10:14", "edited 10:52", "9:05 PM": a chat message's clock time, alone on its line (Telegram prints it last).
export const CHAT_CLOCK = /^(?:edited\s+)?\d{1,2}:\d{2} ?(?:[ap]\.?m\.?)?$/i;

// (Session 36) "Reply in thread": a chat's reply box under a thread's replies (Google Chat), the page's.
const SECTION_CHROME = /^(?:(?:login|log in|sign in|sign up|register|subscribe) (?:to|and) (?:comment|reply|post|join|participate)\b.{0,60}|(?:sign in|log in|register) or (?:create|register|sign up)\b.{0,60}\b(?:comment|discussion|conversation)\b.{0,20}|showing \d{1,6} (?:of|out of) \d{1,7}(?: comments)?|sort(?:ed)? by\b.{0,40}|(?:newest|oldest|best|top|popular|most liked|most relevant|most recent|most interesting|all comments)(?: first)?|(?:reader|readers'?|editors'?|nyt|staff|top|featured) picks?|all comments|(?:the )?comments(?: below)? (?:are|have(?: not)? been) (?:closed|moderated|pre-moderated)\b.{0,80}|(?:post|leave|add|write) a (?:comment|reply)\b.{0,20}|(?:show|view|see|load|hide) (?:(?:\d{1,5}|all|previous) )?(?:more )?(?:comments?|repl(?:y|ies))|load more(?: comments)?(?:…|\.\.\.)?|facebook comments plugin|community guidelines\b.{0,60}|powered by \w{2,20}|\d{1,5} (?:people|users) (?:are )?(?:viewing|online|commenting)|you must be logged in.{0,60}|join the (?:group|channel|chat) to (?:comment|reply|join the discussion)|reply in thread)$/i;

// The same chrome as comment plugins print it in Spanish, German and French (a Facebook comments plugin on a
// page in another language: "Ordenar por", "Más relevantes", "Agrega un comentario...", "Ver 2 respuestas más",
// "Cargar 10 comentarios más", "Plugin de comentarios de Facebook"): the words of the buttons, not of any site.
// Italian and Dutch news sites' comment widgets print theirs ("Ordina per", "Più recenti", "Mostra 2 risposte",
// "Carica altri commenti", "Accedi per commentare"; "Sorteer op", "Bekijk 2 reacties", "Meer reacties laden",
// "Log in om te reageren", "Uitgelichte reactie" over a featured one).
// Spanish, Polish and Korean ones ("Normas", "Más valorados"; "Sortuj: …", "Dodaj komentarz", "Zasady komentowania",
// "Pokaż więcej komentarzy"; "댓글 쓰기" write a comment, "순공감순" sort orders, "답글 접기" fold replies, "댓글 더보기").
const LOCALISED_CHROME = /^(?:(?:más (?:valorados|antiguos)|normas(?: de participación)?|sortuj\b.{0,60}|dodaj komentarz|zasady komentowania|(?:pokaż|załaduj|zobacz) (?:więcej |wszystkie |\d{1,5} )?(?:komentarzy|komentarze|odpowiedzi|odpowiedź)|댓글 쓰기|댓글 더보기|답글 접기|ocultar (?:las )?(?:\d{1,5} )?respuestas?|ukryj (?:\d{1,5} )?odpowiedzi(?: \(\d{1,5}\))?|순공감순.{0,20}|최신순.{0,20}|현재 댓글 \d{1,6}.{0,40}|내 댓글)|(?:ordenar por|sortieren nach|trier par)\b.{0,30}|(?:más relevantes|más recientes|todos los comentarios|relevanteste|neueste(?: zuerst)?|alle kommentare|les plus pertinents|plus récents|tous les commentaires)|(?:agrega|añade|escribe|agregar|añadir|escribir) un (?:comentario|respuesta)(?:…|\.\.\.)?|(?:escribe|escribir) una respuesta(?:…|\.\.\.)?|(?:einen )?kommentar (?:hinzufügen|schreiben)(?:…|\.\.\.)?|antworten(?:…|\.\.\.)|(?:ajouter|écrire) un commentaire(?:…|\.\.\.)?|écrire une réponse(?:…|\.\.\.)?|(?:ver|cargar|mostrar) (?:\d{1,5} |las |los )?(?:más )?(?:respuestas?|comentarios?)(?: más| anteriores)?(?: \(\d{1,5}\))?|(?:\d{1,5} )?weitere (?:antworten|kommentare)(?: anzeigen| laden)?(?: \(\d{1,5}\))?|(?:\d{1,5} )?(?:antworten|antwort|kommentare) (?:anzeigen|laden|ausblenden)|(?:voir|charger|afficher|masquer) (?:(?:les|la|le|\d{1,5}) ){0,2}(?:autres? )?(?:réponses?|commentaires?|réactions?)(?: de plus| précédents)?(?: \(\d{1,5}\))?|voir plus de (?:réponses|commentaires|réactions)|(?:les )?plus (?:récentes?|anciennes?|appréciées?|anciens|récents)|(?:les )?(?:réactions|commentaires) les plus \p{L}{3,12}|(?:älteste|neueste|beste)(?: zuerst)?|leserempfehlungen|kommentieren|réagir|seite \d{1,4}(?: von \d{1,5})?|(?:ordina per|sorteer op)\b.{0,30}|(?:più (?:recenti|vecchi|votati|apprezzati)|populair|nieuwste|oudste|meest gewaardeerd)|(?:mostra|carica|vedi|nascondi) (?:(?:altr[ie]|tutt[ie]|le|i|\d{1,5}) ){0,2}(?:altr[ie] )?(?:risposte?|commenti)|(?:bekijk|toon|verberg|laad) (?:(?:alle|\d{1,5}|meer) )?(?:reacties?|antwoorden)|meer reacties(?: laden| tonen)?|accedi (?:per|e) (?:commentare|rispondere)|(?:i )?commenti dei lettori|log in om te reageren|praat mee|uitgelichte reacties?|plugin de comentarios de facebook|facebook[- ]kommentare?[- ]plug-?in|plug-?in (?:de )?commentaires facebook|もっと見る|さらに表示|コメントを書く|コメントする|並び替え|(?:おすすめ|新着|共感された|古い)順(?: {2}\S.{0,30})?|返信を(?:閉じる|非表示|表示)|(?:他の)?返信を(?:もっと)?見る|написать комментарий(?:…|\.\.\.)?|сначала (?:интересные|новые|старые)|показать (?:ещё |еще )?(?:\d{1,5} )?(?:ответа?|ответов|комментари[йяев]{1,2})|показать (?:следующие|предыдущие) комментарии|скрыть ответы|أضف تعليقك|اكتب تعليقا|عرض المزيد من (?:التعليقات|الردود)|عرض (?:\d{1,5} )?(?:ردود|رد|الردود)|إخفاء الردود|(?:الأحدث|الأقدم|الأكثر تفاعلا)(?: {2}\S.{0,40})?)$/iu;

/** Lines of comment-section chrome ("Login to comment", "Sort by Newest", "Load more comments"). */
// "Comments are reviewed before publication. The Herald reserves the right not to publish comments that are …",
// "Comments are moderated and may take a few minutes to appear. Please keep it civil.": a comment box's moderation
// notice, one to three sentences, the first saying that comments are moderated (session 26).
const MODERATION_NOTICE = /^(?:all )?(?:the )?(?:comments?|replies|posts) (?:are|is|will be|may be) (?:reviewed|moderated|pre-moderated|checked|approved)\b[^.!?]{0,80}[.!](?: [^.!?]{1,160}[.!]){0,2}$/i;

export function isSectionChrome(trimmed: string): boolean {
  if (trimmed.length > 100) return trimmed.length <= 320 && (MODERATION_NOTICE.test(trimmed) || COMMENT_DISCLAIMER.test(trimmed));
  return SECTION_CHROME.test(trimmed) || LOCALISED_CHROME.test(trimmed) || MODERATION_NOTICE.test(trimmed) || SORT_MENU.test(trimmed) || COMMENT_DISCLAIMER.test(trimmed) || readFoldToggle(trimmed) !== null;
}

// "Sorted by: Newest first / Oldest first / Track time": a sort menu with its choices set apart by slashes or bars
// (session 28).
const SORT_MENU = /^sort(?:ed)? by:? [a-z][a-z ]{0,20}(?: ?[/|·•] ?[a-z][a-z ]{0,20}){1,4}$/i;

// "[This reply has been removed because it …]" (session 27): the bracketed note may give the reason, also after a dash
// ("[Post removed by moderator – personal abuse.]", session 31).
// "… Learn more" (X), "… Explain" (BBC): the link a site prints after its removal note. "<message deleted>": a live
// chat's (Twitch) in angle brackets. (Session 36) "Removed. Please keep to the topic. Thank you, the editors/jm": the
// English form of the German editors' note that replaces a removed comment's text. "Message deleted by a space
// manager": a group's manager or owner deletes as a moderator does. (Session 37) "This comment has been muted by a
// community moderator." (a blog network's community), "This comment was trashed." (a project tool's bin): the same
// note with the tool's own verb.
const REMOVED = /^(?:<(?:message|comment|post) (?:deleted|removed)>|\[(?:this )?(?:comment|post|message|reply) (?:has been |was |is )?(?:removed|deleted|withdrawn|redacted)(?: by (?:a |the )?[\w ]{1,30})?(?:,? (?:because|as|since|for) [^\][]{1,200}| ?[–—:-] [^\][]{1,100})?\.?\]|\[(?:(?:comment|post|message|reply) )?(?:deleted|removed|flagged|dead)(?: by (?:a |the )?(?:moderator|author|user|admin|staff)s?)?\]|\((?:(?:comment|post|message|personal attack) )?(?:deleted|removed|withdrawn)(?: by [^(),]{1,30})?(?:, [^()]{1,100})?\)|(?:this )?(?:comment|post|message|reply|response|tweet|review|answer|question|entry) (?:(?:has been|was|is) )?(?:deleted|removed|hidden|withdrawn|muted|trashed|no longer available|unavailable)(?: by (?:a |the )?(?:site |list |forum |page |post |comment |tweet |[a-z0-9&'’-]{2,24} )?(?:moderator|author|user|admin|administrator|staff|manager|owner)s?| by [a-z0-9][a-z0-9&'’-]{1,23})?(?: (?:for|because|as) [^.]{1,80})?[.!]?(?: learn more| explain| [^.]{0,60}\b(?:guidelines|rules|terms|standards)\b[^.]{0,40}\.?)?|(?:comment|post|message|reply) (?:deleted|removed) by [a-z0-9][a-z0-9&'’ .-]{0,38}[a-z0-9.], reason: [^\n]{1,100}|message withdrawn at (?:the )?poster'?’?s request\.?|(?:this )?(?:post|tweet) is from (?:a suspended account|an account that no longer exists)\.?(?: learn more)?|(?:comment )?removed by (?:a |the )?(?:moderator|mod|admin|staff)s?\.?|(?:this )?(?:comment|post|reply|answer) (?:was|has been) (?:marked|flagged|hidden) as (?:off-topic|spam|abuse|abusive|disruptive|outdated|resolved|duplicate|low quality)\.?|(?:this )?(?:comment|post|reply|message|answer) (?:was|has been) flagged by (?:the |a )?[a-z ]{1,30}? and (?:is|has been|was) (?:temporarily )?hidden\.?|(?:this|your) (?:comment|post|reply|message) is awaiting (?:moderation|approval|review|analysis)(?: by [^.]{1,80})?\.?|moderator: .{0,60}(?:removed|deleted).{0,40}|removed[.:] [^\n]{0,120}\b(?:the )?(?:editors?|editorial (?:team|desk)|moderators?|moderation(?: team)?)(?:\/[a-z]{1,4})?\.?)$/i;

const COMMENT_NUMBER = /^(?:#\d{1,5}\.?|\d{1,5}[.)]) /;

// "Este comentario se ha eliminado.", "Dieser Kommentar wurde gelöscht.", "Ce commentaire a été supprimé.": a
// short line saying that a comment was removed, in the languages of the localised chrome above (and Italian and
// Dutch newsrooms': "Commento rimosso dalla redazione perché …", "Deze reactie is verwijderd omdat …").
// "Entfernt. Bitte verzichten Sie auf … Danke, die Redaktion/jk": the note a German newsroom leaves in place of
// a comment it removed, signed by the desk.
// "あぼーん": a Japanese text board's word for a removed post (2channel's own), alone or filling a numbered header's
// fields ("6 名前：あぼーん 投稿日：あぼーん").
// "(bu entry yazarı tarafından silinmiştir)", "bu yorum silindi": Turkish, in brackets or not.
const REMOVED_LOCALISED = /^(?:\(?(?:bu )?(?:entry|yorum|mesaj|gönderi|ileti)(?: (?:yazarı|yazarın|moderatör|yönetici|editör) tarafından)? silin(?:miştir|di)\.?\)?|あぼーん|\d{1,5} (?:[^\s:：]{0,8}[:：])?あぼーん(?: [^\s:：]{0,8}[:：]あぼーん){0,3}|(?:este|el) comentario (?:se ha|ha sido|fue) (?:eliminado|borrado)(?: por [^.]{1,80})?\.?|(?:dieser|der) (?:kommentar|beitrag) (?:wurde|ist) (?:von (?:der redaktion|einem moderator|dem autor) )?(?:gelöscht|entfernt)(?: worden)?\.?(?: bitte beachten sie [^.]{1,60}\.)?|beitrag (?:gelöscht|entfernt)|(?:ce|le) commentaire a été (?:supprimé|retiré)(?: par [^.]{1,40})?\.?|comentario (?:eliminado|borrado)|kommentar (?:gelöscht|entfernt)|commentaire supprimé|entfernt[.:] [^\n]{0,120}\bredaktion(?:\/\p{L}{1,4})?\.?|commento (?:rimosso|eliminato|cancellato)(?: dalla (?:redazione|moderazione))?(?: perch[éè] [^.]{1,80})?\.?|(?:deze|de) reactie is verwijderd(?: door (?:de )?(?:moderator|redactie))?(?: omdat [^.]{1,80})?\.?|reactie verwijderd|komentarz (?:został )?usunięty(?: przez (?:moderatora|autora|administratora))?(?: z powodu [^.]{1,80})?\.?|(?:작성자에 의해 |관리자에 의해 )?삭제된 댓글입니다\.?|この(?:コメント|投稿)は(?:投稿者により|投稿者によって|管理者により|管理者によって)?(?:削除|非表示に)されました。?|(?:этот )?комментарий (?:был )?удал[её]н(?: (?:пользователем|автором|модератором|администратором)(?: или руководителем страницы)?)?\.?|(?:تم|قد تم) حذف (?:هذا )?التعليق(?: من قبل (?:المشرف|الكاتب|الإدارة))?(?: ل\S{2,30}(?: \S{2,20}){0,4})?\.?|(?:该|此)?评论已(?:被)?删除。?|se eliminó este (?:mensaje|comentario)\.?|eliminaste este mensaje\.?|(?:esta )?mensagem (?:foi )?apagada\.?|você apagou esta mensagem\.?|(?:este )?coment[áa]rio (?:foi )?(?:removido|exclu[íi]do|apagado)(?: pel[ao] (?:modera[çc][ãa]o|moderador|autor|redação))?\.?|(?:यह )?(?:टिप्पणी|कमेंट) (?:को )?हटा (?:दी|दिया) गई? ?(?:है|गया है)?।?)$/iu;

/** Placeholders left where a post was removed or deleted. */
export function isRemovedPlaceholder(trimmed: string): boolean {
  // A long note whose first sentence says so ("This comment is awaiting analysis by … . It will be temporarily
  // hidden until …"): the sentences after it only explain.
  if (trimmed.length > 400) return false;
  if (trimmed.length <= 140 && isRemovedNote(trimmed)) return true;
  const first = /^([^.!?]{10,140}[.!?]) \S/u.exec(trimmed);
  return first !== null && isRemovedNote(first[1]!);
}

// (Session 35) "This post was determined to be inappropriate by the … community and has been removed.": "This post" and,
// at the sentence's end, that it has been removed (a travel forum's note, the reason between).
const SAID_REMOVED = /^this (?:comment|post|message|reply) (?:was|has been|is) [^.!?]{1,100} (?:and )?(?:has been|was) (?:removed|deleted|hidden)\.?$/i;

// (Session 34) "The content of this post has been removed and can no longer be accessed.": a learning platform's forum
// keeps a deleted post's header (replies hang under it) and says its content is gone.
const CONTENT_REMOVED = /^(?:the )?content of this (?:post|comment|message|reply) (?:has been|was) (?:removed|deleted)(?: and (?:can|may) no longer be (?:accessed|viewed|shown))?\.?$/i;

// (Session 36) "This Truth is unavailable.", "This Skeet has been deleted.": a network's own capitalised name for a post
// (as X's "This Tweet is unavailable."), the one word between "This" and the removal.
const SITE_ITEM_GONE = /^This \p{Lu}\p{Ll}{2,15} (?:is|has been|was) (?:unavailable|no longer available|deleted|removed)\.?$/u;

function isRemovedNote(trimmed: string): boolean {
  if (REMOVED_LOCALISED.test(trimmed) || CONTENT_REMOVED.test(trimmed) || SAID_REMOVED.test(trimmed) || SITE_ITEM_GONE.test(trimmed)) return true;
  // "*** This post has been hidden by the moderators ***" (session 35): a note between runs of stars reads as the note.
  const starred = /^\*{1,4} ?([^*\s].{2,118}[^*\s]) ?\*{1,4}$/u.exec(trimmed);
  if (starred && isRemovedNote(starred[1]!)) return true;
  // "(this entry was deleted)": a note in brackets reads as the note.
  const bracketed = /^\((\S.{2,118}\S)\)$/u.exec(trimmed);
  if (bracketed && (REMOVED.test(bracketed[1]!) || REMOVED_LOCALISED.test(bracketed[1]!))) return true;
  // "#5 [comment deleted]": a numbered list keeps the removed comment's number.
  const numbered = COMMENT_NUMBER.exec(trimmed);
  return REMOVED.test(numbered ? trimmed.slice(numbered[0].length) : trimmed);
}

const RELATIVE_TIME = /^(?:\d{1,3}\s*(?:s|sec|secs|seconds?|m|min|mins|minutes?|h|hr|hrs|hours?|d|days?|w|wk|weeks?|mo|months?|y|yr|years?)\s+ago|just now|yesterday|today|an? (?:second|minute|hour|day|week|month|year) ago)$/i;
const CLOCK_TIME = /^(?:[A-Za-z]{3,9}\.? \d{1,2},? \d{4}|\d{1,2} [A-Za-z]{3,9}\.? \d{4}|\d{4}-\d{2}-\d{2}|[A-Za-z]{3,9}\.? \d{1,2})(?:,? (?:at )?\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?: [A-Z]{2,4})?)?$/i;

/** A line that is only a time stamp ("3 hours ago", "Nov 25, 2024 10:14 AM"). */
export function isTimestamp(trimmed: string): boolean {
  return trimmed.length <= 40 && (RELATIVE_TIME.test(trimmed) || CLOCK_TIME.test(trimmed));
}

// A removal note in any language (session 21): a short line that names a post (the noun class) and says it was
// removed, deleted or hidden (the participle class), or says so of a moderator's or the staff's doing (the agent
// class). Closed multilingual word classes, not phrases: the languages of the fixtures' and eval threads' sites
// and the other languages of the European Union, Russian, Ukrainian, Turkish, Arabic, Hebrew, Hindi, Indonesian,
// Vietnamese, Thai, Chinese, Japanese and Korean. A post's own sentence may say the same ("my comment was deleted
// by the mods"), so the note is read only where no post header stands over it (walk-section's `markRemovalNotes`,
// the mail style's one-line message): a line with a name over it is a post.
// (Session 23: "dismissed", Kinja's word, "This comment has been dismissed.")
// (Session 39: "content", as an observation site's "Content hidden by a site curator" names what it hid.)
// Stems: the noun and participle words match at a word's start and may go on ("Kommentaren", "hozzászólást").
const REMOVAL_NOUN = 'comment|post|message|reply|answer|entry|review|tweet|content|kommentar|beitrag|nachricht|antwort|commentaire|réponse|comentario|mensaje|respuesta|comentariu|mesaj|postare|commento|messaggio|risposta|reactie|bericht|coment[áa]rio|mensagem|resposta|komentarz|wpis|wiadomo|odpowied|koment[áa][řr]|p[řr][íi]sp[ěe]v|zpr[áa]v|inl[äa]gg|meddelande|indl[æa]g|innlegg|besked|melding|kommentti|viesti|hozz[áa]sz[óo]l[áa]s|[üu]zenet|σχόλι|μήνυμα|ανάρτηση|комментари|сообщени|коментар|повідомлен|yorum|gönderi|ileti|komentar|pesan|balasan|ý kiến|bình luận|tin nhắn|תגובה|הודעה|تعليق|التعليق|رسالة|टिप्पणी|कमेंट|ความคิดเห็น|ข้อความ|コメント|投稿|评论|評論|留言|댓글|게시물|글';
const REMOVAL_PARTICIPLE = 'removed|deleted|hidden|muted|trashed|withdrawn|dismissed|redacted|unsent|gelöscht|entfernt|ausgeblendet|supprim|retir|masqu|eliminad|borrad|ocult|șters|ștears|sters|eliminat|ascuns|rimoss|cancellat|nascost|verwijderd|verborgen|removid|exclu[íi]d|apagad|usuni[ęe]t|ukryt|smaz[áa]n|odstran[ěe]n|skryt|borttag|tagits bort|togs bort|raderad|dold|fjernet|slettet|skjult|poistet|piilotet|t[öo]r[öo]lt|t[öo]r[öo]lve|elt[áa]vol[íi]tott|elrejt|αφαιρέθηκε|διαγράφηκε|αφαιρεθεί|διαγραφεί|αποκρύφθηκε|удал[её]н|скрыт|видален|прихован|silindi|silinmi|kaldırıldı|gizlendi|dihapus|disembunyikan|bị xóa|bị xoá|bị ẩn|đã xóa|đã xoá|הוסר|נמחק|הוסתר|حذف|حُذف|أزيل|إخفاء|हटा|ถูกลบ|ลบโดย|ถูกซ่อน|削除|非表示|删除|刪除|隐藏|隱藏|삭제|숨김';
const REMOVAL_AGENT = 'moderat|admin|staff|redaktion|redakce|redazione|redactie|redacci|rédaction|ทีมงาน|διαχειρισ|модератор|администратор|מערכת|المشرف|管理者|管理员|관리자';
// (Session 41) "Deleted by Angela Ortiz on Dec 4, 2026 7:58am": the participle, who did it and when, the note a
// course forum leaves in a deleted entry's place (no noun: the entry's place says what was deleted).
const REMOVED_BY_ON = new RegExp(`^(?:${REMOVAL_PARTICIPLE})\\p{L}* by \\p{Lu}[^,;:!?]{1,40} on \\S.{2,40}(?:\\d|[ap]\\.?m\\.?)$`, 'iu');
const REMOVAL_WORD = new RegExp(`(?:^|[^\\p{L}])(?:${REMOVAL_PARTICIPLE})`, 'iu');
const REMOVAL_NOUN_WORD = new RegExp(`(?:^|[^\\p{L}])(?:${REMOVAL_NOUN})`, 'iu');
const REMOVAL_AGENT_WORD = new RegExp(`(?:^|[^\\p{L}])(?:${REMOVAL_AGENT})`, 'iu');
// Scripts written without spaces (Thai, Chinese, Japanese): a word may start anywhere.
const UNSPACED = /[\u0E00-\u0E7F\u3040-\u30FF\u4E00-\u9FFF]/u;
const REMOVAL_ANYWHERE = new RegExp(`(?:${REMOVAL_PARTICIPLE})`, 'iu');
const NOUN_ANYWHERE = new RegExp(`(?:${REMOVAL_NOUN})`, 'iu');
const AGENT_ANYWHERE = new RegExp(`(?:${REMOVAL_AGENT})`, 'iu');

/**
 * A short line saying that a post was removed, deleted or hidden, in any of the languages of the word classes
 * above ("Ý kiến này đã bị ẩn do vi phạm quy định.", "Příspěvek byl smazán administrátorem.", "[Το σχόλιο
 * αφαιρέθηκε από τον διαχειριστή]"): at most fourteen words and 140 characters, no question. Read it only where no
 * post header stands over the line.
 */
export function isRemovalNote(trimmed: string): boolean {
  if (isRemovedPlaceholder(trimmed) || REMOVED_BY_ON.test(trimmed)) return true;
  if (trimmed.length < 6 || trimmed.length > 140 || /[?？]/.test(trimmed) || trimmed.split(/\s+/).length > 14) return false;
  if (UNSPACED.test(trimmed)) return REMOVAL_ANYWHERE.test(trimmed) && (NOUN_ANYWHERE.test(trimmed) || AGENT_ANYWHERE.test(trimmed));
  // (Session 25) Of two sentences, the first says the removal: "Herald Members is on a free plan. Messages older than
  // 90 days are hidden." is a notice of the app, not a removed post ("Removed. Comment broke the rules." is one).
  const first = /^(\S.*?[.!])\s+\S/u.exec(trimmed);
  if (first && !REMOVAL_WORD.test(first[1]!)) return false;
  return REMOVAL_WORD.test(trimmed) && (REMOVAL_NOUN_WORD.test(trimmed) || REMOVAL_AGENT_WORD.test(trimmed));
}

// "답글 접기" (Naver: fold the replies; "Fold replies" in its English edition), "Hide replies", "Collapse replies",
// "Ukryj odpowiedzi": a toggle with no count
// printed UNDER the replies it lists, as a page prints it when they are open.
export const FOLD_REPLIES = /^(?:답글 접기|返信を閉じる|返信を非表示|скрыть ответы|إخفاء الردود|收起回复|(?:hide|collapse|fold) (?:all )?replies|ocultar respuestas|ukryj odpowiedzi|nascondi (?:le )?risposte|verberg (?:de )?reacties|masquer les réponses|antworten ausblenden)$/i;

// (Session 36) "Reply in thread": the reply box a chat (Google Chat's in-line threads) prints under a thread's replies,
// listed open under the thread's count ("2 replies"); the thread is one level, its replies not nested.
export const THREAD_REPLY_BOX = /^reply in thread$/i;

// "See all 2 replies ▾", "View 3 more answers": a toggle counting a post's replies (it opens or closes them under it).
const REPLY_COUNT_TOGGLE = /^[^\d]{0,30}\b\d{1,5} (?:more )?(?:repl(?:y|ies)|answers?|responses?)\b.{0,6}$/i;

/**
 * (Session 37) A line of the thread's own structure though the chrome recognisers know its words: an open fold toggle
 * ("Hide 3 replies", "답글 접기", listing the replies above it), a toggle counting a post's replies ("See all 2 replies ▾"), a thread's reply box, or a section count ("12 comments").
 */
export function isThreadStructureLine(trimmed: string): boolean {
  if (FOLD_REPLIES.test(trimmed) || REPLY_COUNT_TOGGLE.test(trimmed) || THREAD_REPLY_BOX.test(trimmed)) return true;
  const fold = readFoldToggle(trimmed);
  return fold?.count != null || fold?.open === true || readListedReplies(trimmed) !== null || readCountLine(trimmed) !== undefined;
}
