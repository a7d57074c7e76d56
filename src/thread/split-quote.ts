import { isBlank, type Line } from '../ingest/lines.js';
import type { RawPost } from '../ingest/types.js';

const BB_OPEN = /^\[quote(?:=["“]?([^",\]]{1,60})[^\]]{0,80})?\]$/i;
const BB_CLOSE = /\[\/quote\]$/i;

/**
 * Notes the lines a post quotes at its top in `quoted`: a run of "> …" lines, a "[quote=…]…[/quote]"
 * block, or lines indented deeper than the text under them (an excerpt the page sets off), when the post
 * has text of its own under them. They stay in the post's text, where the classifiers read what is
 * answered; `resolveParents` uses them to find the post whose words they are.
 */
export function splitLeadingQuote(post: RawPost): void {
  const body = post.body;
  let k = 0;
  while (k < body.length && isBlank(body[k]!)) k++;
  const first = body[k];
  if (!first) return;
  let end = -1;
  let name: string | null = null;
  if (first.trimmed.startsWith('>')) {
    end = k;
    while (end < body.length && (isBlank(body[end]!) || body[end]!.trimmed.startsWith('>'))) end++;
  } else if (BB_OPEN.test(first.trimmed)) {
    name = BB_OPEN.exec(first.trimmed)![1] ?? null;
    for (let j = k; j < body.length && j < k + 60; j++) {
      if (BB_CLOSE.test(body[j]!.trimmed)) {
        end = j + 1;
        break;
      }
    }
  } else {
    // An excerpt set off by indentation: the first line stands deeper than the post's first unindented line.
    let j = k;
    while (j < body.length && (isBlank(body[j]!) || body[j]!.indent >= first.indent)) j++;
    if (j < body.length && first.indent >= body[j]!.indent + 2 && j - k <= 12) end = j;
  }
  if (end < 0) return;
  let rest = end;
  while (rest < body.length && isBlank(body[rest]!)) rest++;
  if (rest >= body.length) return;
  post.quoted = body.slice(k, end).filter((l) => !isBlank(l));
  post.quotedName = name ? name.trim() : null;
}

/** The quoted words without quote marks, tags and line breaks, lower-cased: what to look for in earlier posts. */
export function quotedText(lines: readonly Line[]): string {
  return normalise(
    lines
      .map((l) => l.trimmed.replace(/^(?:>\s?)+/, ''))
      .filter((t) => !BB_OPEN.test(t) && !/^\[\/quote\]$/i.test(t))
      .map((t) => t.replace(BB_CLOSE, ''))
      .join(' '),
  );
}

/** Lower case, one space between words, no leading or trailing dots (a loop: an unanchored `[.…]+$` is quadratic). */
export function normalise(text: string): string {
  const t = text.toLowerCase().replace(/\s+/g, ' ');
  let a = 0;
  let b = t.length;
  while (a < b && ' .…'.includes(t[a]!)) a++;
  while (b > a && ' .…'.includes(t[b - 1]!)) b--;
  return t.slice(a, b);
}
