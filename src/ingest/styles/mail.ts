/**
 * Mailing-list digests and pasted e-mail threads: each message is a header block ("From: Jane Doe
 * <jane@…>", "Date: …", "Subject: …") after a separator line ("------------------------------", "Message: 3");
 * its text runs to the next separator. Quoted text ("> …"), the attribution over it ("On Tue, … Jane Doe
 * <jane@…> wrote:"), an Outlook "-----Original Message-----" block and the signature ("-- ") are not the
 * message's text: the attribution and the quote say which message it answers. A first message that
 * forwards a story ("---------- Forwarded message ---------") holds the article. Every regex is linear.
 */
import type { Span } from '../../schema/common.js';
import type { BlockKind } from '../../schema/document.js';
import { isBlank, type Line } from '../lines.js';
import { isRemovalNote, isRemovedPlaceholder } from '../section-cues.js';
import type { CommentStyle, RawPost, SectionFound, SectionParse } from '../types.js';
import { newPost } from './counted.js';

// Header field names: English's, and a closed list of the names mail programs and list servers print in other
// languages for From, Date/Sent, Subject and To (Romanian "De la:", German "Von:", French "De :" with its space).
const FROM_NAMES = 'from|de la|von|de|da|van|od|fr[åa]n|fra|l[äa]hett[äa]j[äa]|felad[óo]|από|от|від|kimden|dari|từ|מאת|من|差出人|发件人|寄件者|보낸 사람';
const DATE_NAMES = 'date|sent|data|datum|fecha|fecha de env[íi]o|d[áa]tum|p[äa]iv[äa]m[äa][äa]r[äa]|ημερομηνία|дата|tarih|tanggal|ngày|תאריך|التاريخ|日付|日期|날짜|enviado|gesendet|envoy[ée]|inviato|verzonden|wys[łl]ano|odesl[áa]no|skickat|sendt|l[äa]hetetty|elk[üu]ldve|trimis';
const SUBJECT_NAMES = 'subject|subiect|betreff|objet|asunto|oggetto|onderwerp|temat|p[řr]edm[ěe]t|[äa]mne|emne|aihe|t[áa]rgy|θέμα|тема|konu|subjek|perihal|chủ đề|נושא|الموضوع|件名|主题|主旨|제목|assunto';
const TO_NAMES = 'to|c[ăa]tre|an|[àa]|para|aan|do|komu|till|til|vastaanottaja|c[íi]mzett|προς|кому|kime|kepada|đến|אל|إلى|宛先|收件人|받는 사람';
const FIELD = new RegExp(`^(?:${FROM_NAMES}|${DATE_NAMES}|${SUBJECT_NAMES}|${TO_NAMES}|cc|bcc|reply-to|message-id|in-reply-to|references|content-type|content-transfer-encoding|mime-version|x-[\\w-]{1,40}) ?:`, 'iu');
const FROM_FIELD = new RegExp(`^(?:${FROM_NAMES}) ?:`, 'iu');
const DATE_FIELD = new RegExp(`^(?:${DATE_NAMES}) ?:`, 'iu');
const SUBJECT_FIELD = new RegExp(`^(?:${SUBJECT_NAMES}) ?:`, 'iu');
// The word for "message" a localised digest numbers its messages with ("Mesaj: 2", "Nachricht: 3").
const MESSAGE_WORD = 'message|mesaj|nachricht|mensaje|messaggio|bericht|wiadomo[śs][ćc]|zpr[áa]va|meddelande|besked|melding|viesti|[üu]zenet|μήνυμα|сообщение|повідомлення|pesan|tin nhắn|הודעה|رسالة';
// "------", "Message: 3", and a digest's numbered message line ("== 1 of 4 ==", "--- Message 2 of 5 ---").
const SEPARATOR = new RegExp(`^(?:-{10,}|={10,}|_{10,}|(?:${MESSAGE_WORD}):? #?\\d{1,6}|[-=]{2,10} ?(?:message )?#?\\d{1,6} of \\d{1,6} ?[-=]{2,10})$`, 'iu');
const FORWARDED = /^(?:-{2,} ?(?:forwarded message|original message) ?-{2,}|begin forwarded message:?)$/i;
const ORIGINAL = /^-{2,} ?original message ?-{2,}$/i;
const ATTACHMENT = /^-{3,} ?next part ?-{3,}$/i;
const SIGNATURE = /^--$/;
const WROTE = /^(?:>\s?){0,4}on .{4,160} wrote:$/i;
// The same attribution in other languages, whatever the words before the name ("În vin., 4 dec. 2026 la 08:02,
// Ioana Mureșan <…> a scris:", "Am 04.12.2026 um 08:02 schrieb …"): a date or clock figure, then the sender, then
// the verb for "wrote" from a closed list, then the colon.
const WROTE_ANY = /^(?:>\s?){0,4}\S[^\n]{0,60}\d[^\n]{2,160} (?:wrote|schrieb|a écrit|escribió|ha scritto|schreef|napisał|napisała|napsal|napsala|skrev|kirjoitti|írta|έγραψε|написал|написала|написав|написала|a scris|escreveu|yazdı|menulis|đã viết|כתב|כתבה|كتب)\s?:$/iu;
const ADDRESS = /<[^<>\s]{1,120}>/;
const NOT_NAME = new Set(['am', 'pm', 'at', 'utc', 'gmt', 'on']);

/** A header block starting at `i`: its line indices and the From, Date and Subject values; null when none. */
function readHeaderBlock(lines: readonly Line[], i: number): { end: number; from: Line | null; date: string | null } | null {
  let k = i;
  let from: Line | null = null;
  let date: string | null = null;
  let fields = 0;
  while (k < lines.length) {
    const l = lines[k]!;
    if (l.indent === 0 && FIELD.test(l.trimmed)) {
      fields++;
      if (FROM_FIELD.test(l.trimmed)) from = l;
      if (DATE_FIELD.test(l.trimmed)) date = l.trimmed.slice(l.trimmed.indexOf(':') + 1).trim();
      k++;
    } else if (fields > 0 && l.indent > 0 && !isBlank(l)) k++; // a folded field
    else break;
  }
  return fields >= 2 && from ? { end: k, from, date } : null;
}

/** "Jane Doe <jane@x.org>" → Jane Doe; "jane at x.org (Jane Doe)" → Jane Doe; "[removed]" → null. */
function readSender(line: Line): { name: string; span: Span } | null {
  const t = line.trimmed;
  const at = line.contentStart + t.indexOf(':') + 1;
  let value = t.slice(t.indexOf(':') + 1);
  let offset = at;
  while (value.startsWith(' ')) {
    value = value.slice(1);
    offset++;
  }
  const paren = /\(([^()]{2,60})\)$/.exec(value);
  if (paren && !ADDRESS.test(value)) {
    const s = offset + paren.index + 1;
    return { name: paren[1]!, span: [s, s + paren[1]!.length] };
  }
  const lt = value.indexOf('<');
  let name = (lt > 0 ? value.slice(0, lt) : value).trim();
  if (name.startsWith('"') && name.endsWith('"') && name.length > 2) {
    name = name.slice(1, -1);
    offset++;
  }
  if (name.length === 0 || isRemovedPlaceholder(name) || /@/.test(name) || name.length > 60) return null;
  const s = offset + value.indexOf(name);
  return { name, span: [s, s + name.length] };
}

/** "On Tue, Mar 3, 2026 at 8:02 AM Jane Doe <jane@x.org> wrote:" → Jane Doe with its span, else null. */
export function readAttribution(line: Line): { name: string; span: Span } | null {
  return readAttributionText(line.trimmed, (k) => line.contentStart + k);
}

/**
 * An attribution a mail program wrapped over two lines ("În vin., 4 dec. 2026 la 08:02, Ioana Mureșan <…> a" /
 * "scris:"): the two lines read as one, when the second ends the attribution.
 */
function readWrappedAttribution(first: Line, second: Line | undefined): { name: string; span: Span } | null {
  if (!second || isBlank(second) || !second.trimmed.endsWith(':') || first.trimmed.startsWith('>') || second.trimmed.startsWith('>')) return null;
  const a = first.trimmed;
  return readAttributionText(`${a} ${second.trimmed}`, (k) => (k <= a.length ? first.contentStart + k : second.contentStart + k - a.length - 1));
}

function readAttributionText(t: string, at: (k: number) => number): { name: string; span: Span } | null {
  if (t.length > 220) return null;
  const verb = WROTE.test(t) ? / wrote:$/i.exec(t) : WROTE_ANY.test(t) ? / [^\d<>]{1,20}$/u.exec(t) : null;
  if (!verb) return null;
  let body = t.slice(0, verb.index);
  const email = ADDRESS.exec(body);
  if (email) body = body.slice(0, email.index);
  let cut = body.length;
  while (cut > 0 && (body[cut - 1] === ',' || body[cut - 1] === ' ' || body[cut - 1] === '\t')) cut--;
  body = body.slice(0, cut);
  const tokens = body.split(' ');
  let k = tokens.length;
  while (k > 0 && tokens.length - k < 4) {
    const w = tokens[k - 1]!;
    if (!/^\p{Lu}[\p{L}'’.-]*$/u.test(w) || NOT_NAME.has(w.toLowerCase())) break;
    k--;
  }
  if (k === tokens.length) return null;
  const name = tokens.slice(k).join(' ');
  const s = at(body.length - name.length);
  return { name, span: [s, s + name.length] };
}

/** "From: list <bounces@…> On Behalf Of Jane Doe" or "From: Jane Doe <jane@…>" under "-----Original Message-----". */
function readOriginalSender(line: Line): { name: string; span: Span } | null {
  const t = line.trimmed;
  const behalf = / on behalf of (\S.{1,60})$/i.exec(t);
  if (behalf) {
    const name = behalf[1]!.replace(ADDRESS, '').trim();
    const s = line.contentStart + behalf.index + behalf[0].length - behalf[1]!.length;
    return { name, span: [s, s + name.length] };
  }
  return readSender(line);
}

interface Message {
  /** The separator or "Message: N" line that opens it, else its first header line. */
  open: number;
  header: { start: number; end: number; from: Line | null; date: string | null };
  /** First line after the message (the next separator, or the end). */
  end: number;
}

/** The messages of the text: header blocks with a From field right under a separator. */
function findMessages(lines: readonly Line[]): Message[] {
  const found: Message[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!SEPARATOR.test(lines[i]!.trimmed)) continue;
    let k = i + 1;
    while (k < lines.length && (isBlank(lines[k]!) || SEPARATOR.test(lines[k]!.trimmed))) k++;
    const header = k < lines.length ? readHeaderBlock(lines, k) : null;
    if (!header) continue;
    found.push({ open: i, header: { start: k, ...header }, end: lines.length });
    i = header.end - 1;
  }
  for (let m = 0; m < found.length; m++) {
    const next = found[m + 1];
    let end = next ? next.open : lines.length;
    // A message ends at the first separator line after its text (a digest's footer follows the last one).
    for (let k = found[m]!.header.end; k < end; k++) {
      if (SEPARATOR.test(lines[k]!.trimmed) && /^[-=_]/.test(lines[k]!.trimmed)) {
        end = k;
        break;
      }
    }
    found[m]!.end = end;
  }
  return found;
}

/** The forwarded story inside a message: the lines after the forwarded header block, up to an attachment trailer. */
function forwardedPart(lines: readonly Line[], m: Message): { from: number; to: number } | null {
  for (let k = m.header.end; k < m.end; k++) {
    if (!FORWARDED.test(lines[k]!.trimmed) || ORIGINAL.test(lines[k]!.trimmed)) continue;
    const header = readHeaderBlock(lines, k + 1);
    const from = header ? header.end : k + 1;
    let to = m.end;
    for (let n = from; n < m.end; n++) {
      if (ATTACHMENT.test(lines[n]!.trimmed)) {
        to = n;
        break;
      }
    }
    return { from, to };
  }
  return null;
}

/**
 * A newsletter or bulletin sent to the list, which the replies answer: the first message's text opens with a line
 * alone that ends its subject ("Subject: [Buletin] Nr. 48: Tarif nou …" over "Tarif nou …"), the story's headline,
 * with more text under it, and the next message answers it ("Re: " before the same subject).
 */
function publishedStory(lines: readonly Line[], m: Message): { from: number; to: number } | null {
  let subject: string | null = null;
  for (let k = m.header.start; k < m.header.end; k++) {
    const t = lines[k]!.trimmed;
    if (SUBJECT_FIELD.test(t)) subject = t.slice(t.indexOf(':') + 1).trim();
  }
  let k = m.header.end;
  while (k < m.end && isBlank(lines[k]!)) k++;
  const head = lines[k];
  if (!subject || !head || head.trimmed.length < 12 || /[.!?:]$/.test(head.trimmed)) return null;
  if (subject.toLowerCase() !== head.trimmed.toLowerCase() && !subject.toLowerCase().endsWith(` ${head.trimmed.toLowerCase()}`)) return null;
  if (k + 2 >= m.end || !isBlank(lines[k + 1]!)) return null;
  return { from: k, to: m.end };
}

function detectMail(lines: readonly Line[]): SectionFound | null {
  const messages = findMessages(lines);
  if (messages.length < 2) return null;
  const first = messages[0]!;
  const forwarded = forwardedPart(lines, first);
  if (forwarded) return { start: messages[1]!.open, confidence: 0.95, article: forwarded };
  const story = publishedStory(lines, first);
  if (story) return { start: messages[1]!.open, confidence: 0.95, article: story };
  return { start: first.open, confidence: 0.95 };
}

/** Reads one message into a post: its sender, date, text, quotes and the message it answers. */
function readMessage(lines: readonly Line[], m: Message, index: number, lineKinds: Map<number, BlockKind>, linePost: Map<number, number>): RawPost {
  const sender = m.header.from ? readSender(m.header.from) : null;
  const post = newPost(sender?.name ?? null, sender?.span ?? null);
  post.timestamp = m.header.date;
  const own = (k: number, kind: BlockKind, raw: boolean): void => {
    lineKinds.set(k, kind);
    linePost.set(k, index);
    if (raw) post.raw.push(lines[k]!);
  };
  own(m.open, 'post-header', false);
  for (let k = m.open + 1; k < m.header.end; k++) own(k, isBlank(lines[k]!) ? 'blank' : 'post-header', !isBlank(lines[k]!));
  const quoted: Line[] = [];
  let quotedOriginal = false;
  let cut = m.end;
  for (let k = m.header.end; k < m.end; k++) {
    const l = lines[k]!;
    const t = l.trimmed;
    if (SIGNATURE.test(t) || ORIGINAL.test(t) || ATTACHMENT.test(t)) {
      cut = k;
      quotedOriginal = ORIGINAL.test(t);
      break;
    }
    const who = readAttribution(l);
    const wrapped = who ? null : readWrappedAttribution(l, k + 1 < m.end ? lines[k + 1] : undefined);
    if (who || wrapped) {
      if (!post.replyTo) post.replyTo = who ?? wrapped;
      own(k, 'post-header', true);
      if (wrapped) own(++k, 'post-header', true);
    } else if (t.startsWith('>')) {
      quoted.push(l);
      own(k, 'post-header', true);
    } else if (isBlank(l)) {
      lineKinds.set(k, 'blank');
      if (post.body.length > 0) post.body.push(l);
    } else {
      post.body.push(l);
      own(k, 'post-body', false);
    }
  }
  // The signature, an Outlook copy of the message answered, an attachment notice: the footer.
  for (let k = cut; k < m.end; k++) {
    const l = lines[k]!;
    if (isBlank(l)) {
      lineKinds.set(k, 'blank');
      continue;
    }
    // "-- " / "Radu Pop" / "Trimis de pe telefon" / "On …, Ioana <…> wrote:" / "> …": the quote under the signature.
    const who = post.replyTo ? null : (readAttribution(l) ?? readWrappedAttribution(l, k + 1 < m.end ? lines[k + 1] : undefined));
    if (who) post.replyTo = who;
    own(k, 'post-footer', true);
    // An Outlook copy may come under the signature.
    if (ORIGINAL.test(l.trimmed)) quotedOriginal = true;
    if (quotedOriginal && !post.replyTo && /^from:/i.test(l.trimmed)) post.replyTo = readOriginalSender(l);
    if (quotedOriginal) quoted.push(l);
  }
  while (post.body.length > 0 && isBlank(post.body[post.body.length - 1]!)) post.body.pop();
  dropSignOff(post, lineKinds);
  // A message whose whole text is a removal note, in any language ("Mesajul a fost șters de moderatorul listei.").
  if (post.body.length === 1 && isRemovalNote(post.body[0]!.trimmed)) {
    lineKinds.set(post.body[0]!.index, 'post-removed');
    post.raw.push(post.body[0]!);
    post.body = [];
    post.removed = true;
  }
  if (!sender && post.body.length === 0) post.removed = true;
  if (quoted.length > 0) post.quoted = quoted.filter((l) => !FIELD.test(l.trimmed));
  return post;
}

/** "Pete" / "Tom Reeves / Oak Hollow" closing the text: the sender signing off, moved to the footer. */
function dropSignOff(post: RawPost, lineKinds: Map<number, BlockKind>): void {
  const first = post.author?.split(' ')[0]?.toLowerCase();
  if (!first || post.body.length < 2) return;
  for (let k = Math.max(1, post.body.length - 3); k < post.body.length; k++) {
    const t = post.body[k]!.trimmed.toLowerCase();
    if (t === first || t === post.author!.toLowerCase()) {
      for (const l of post.body.splice(k)) {
        if (!isBlank(l)) lineKinds.set(l.index, 'post-footer');
        post.raw.push(l);
      }
      while (post.body.length > 0 && isBlank(post.body[post.body.length - 1]!)) post.body.pop();
      return;
    }
  }
}

function parseMail(lines: readonly Line[], start: number): SectionParse {
  const lineKinds = new Map<number, BlockKind>();
  const linePost = new Map<number, number>();
  const posts: RawPost[] = [];
  for (const m of findMessages(lines)) {
    if (m.open < start) continue;
    posts.push(readMessage(lines, m, posts.length, lineKinds, linePost));
  }
  for (let k = start; k < lines.length; k++) if (!lineKinds.has(k) && isBlank(lines[k]!)) lineKinds.set(k, 'blank');
  return { posts, lineKinds, linePost, declaredCount: null, messages: [] };
}

/** Mailing-list digests and e-mail threads. */
export const mailStyle: CommentStyle = {
  name: 'mail',
  detect: detectMail,
  parse: (lines, start) => parseMail(lines, start),
};
