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
import { isRemovedPlaceholder } from '../section-cues.js';
import type { CommentStyle, RawPost, SectionFound, SectionParse } from '../types.js';
import { newPost } from './counted.js';

const FIELD = /^(?:from|date|subject|to|cc|bcc|reply-to|sent|message-id|in-reply-to|references|content-type|content-transfer-encoding|mime-version|x-[\w-]{1,40}):/i;
// "------", "Message: 3", and a digest's numbered message line ("== 1 of 4 ==", "--- Message 2 of 5 ---").
const SEPARATOR = /^(?:-{10,}|={10,}|_{10,}|message:? #?\d{1,6}|[-=]{2,10} ?(?:message )?#?\d{1,6} of \d{1,6} ?[-=]{2,10})$/i;
const FORWARDED = /^(?:-{2,} ?(?:forwarded message|original message) ?-{2,}|begin forwarded message:?)$/i;
const ORIGINAL = /^-{2,} ?original message ?-{2,}$/i;
const ATTACHMENT = /^-{3,} ?next part ?-{3,}$/i;
const SIGNATURE = /^--$/;
const WROTE = /^(?:>\s?){0,4}on .{4,160} wrote:$/i;
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
      if (/^from:/i.test(l.trimmed)) from = l;
      if (/^(?:date|sent):/i.test(l.trimmed)) date = l.trimmed.slice(l.trimmed.indexOf(':') + 1).trim();
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
  const t = line.trimmed;
  if (t.length > 220 || !WROTE.test(t)) return null;
  let body = t.slice(0, t.length - ' wrote:'.length);
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
  const s = line.contentStart + body.length - name.length;
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

function detectMail(lines: readonly Line[]): SectionFound | null {
  const messages = findMessages(lines);
  if (messages.length < 2) return null;
  const first = messages[0]!;
  const forwarded = forwardedPart(lines, first);
  if (forwarded) return { start: messages[1]!.open, confidence: 0.95, article: forwarded };
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
    if (who) {
      if (!post.replyTo) post.replyTo = who;
      own(k, 'post-header', true);
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
    own(k, 'post-footer', true);
    // An Outlook copy may come under the signature.
    if (ORIGINAL.test(l.trimmed)) quotedOriginal = true;
    if (quotedOriginal && !post.replyTo && /^from:/i.test(l.trimmed)) post.replyTo = readOriginalSender(l);
    if (quotedOriginal) quoted.push(l);
  }
  while (post.body.length > 0 && isBlank(post.body[post.body.length - 1]!)) post.body.pop();
  dropSignOff(post, lineKinds);
  if (post.body.length === 1 && isRemovedPlaceholder(post.body[0]!.trimmed)) {
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
