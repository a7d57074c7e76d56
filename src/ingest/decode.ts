import type { Message } from '../schema/common.js';

/**
 * Decodes bytes to text: UTF-16 (with a byte-order mark, or without one when every other byte is zero, as
 * Windows PowerShell's `>` writes) or UTF-8; invalid sequences become U+FFFD and a message, never an exception.
 */
export function decodeInput(input: string | Uint8Array, messages: Message[]): string {
  if (typeof input === 'string') return input;
  const utf16 = utf16Encoding(input);
  if (utf16) {
    const text = new TextDecoder(utf16, { fatal: false, ignoreBOM: false }).decode(input);
    messages.push({
      ruleId: 'input/utf-16',
      severity: 'info',
      place: null,
      reason: `The input is ${utf16 === 'utf-16le' ? 'UTF-16LE' : 'UTF-16BE'}; it was decoded as such and spans point into the decoded text.`,
      actual: utf16 === 'utf-16le' ? 'UTF-16LE' : 'UTF-16BE',
      expected: 'UTF-8',
    });
    return text;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(input);
  } catch {
    const text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(input);
    const first = text.indexOf('\ufffd');
    messages.push({
      ruleId: 'input/invalid-utf8',
      severity: 'warning',
      place: first >= 0 ? [first, first + 1] : null,
      reason: 'The input is not valid UTF-8; invalid bytes were replaced with U+FFFD.',
      actual: null,
      expected: 'UTF-8',
    });
    return text;
  }
}

/** Bytes sampled to recognise UTF-16 without a byte-order mark and binary files. */
const SAMPLE = 4096;

/**
 * `utf-16le` / `utf-16be` when the bytes are UTF-16: a byte-order mark, or (without one) an even length
 * where at least 90% of the sampled byte pairs have a zero high byte and a non-zero low byte (text in
 * Latin script). Null otherwise.
 */
function utf16Encoding(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes.length < 4 || bytes.length % 2 !== 0) return null;
  const n = Math.min(bytes.length, SAMPLE) >> 1;
  let le = 0;
  let be = 0;
  for (let i = 0; i < n; i++) {
    const a = bytes[2 * i]!;
    const b = bytes[2 * i + 1]!;
    if (a !== 0 && b === 0) le++;
    else if (a === 0 && b !== 0) be++;
  }
  if (le >= n * 0.9) return 'utf-16le';
  if (be >= n * 0.9) return 'utf-16be';
  return null;
}

/**
 * Messages for text that is not a dump at all: `input/empty` (nothing but white space) and `input/binary`
 * (NUL bytes, or more than 10% control or undecodable characters in the first 4,096: an image, an archive).
 * Warnings: the document is still made, and the CLI's `--strict` turns them into errors.
 */
export function checkIsText(text: string, messages: Message[]): void {
  let blank = true;
  for (let i = 0; i < text.length && blank; i++) {
    const c = text.charCodeAt(i);
    blank = c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0b || c === 0x0c || c === 0xfeff || c === 0xa0;
  }
  if (blank) {
    messages.push({
      ruleId: 'input/empty',
      severity: 'warning',
      place: null,
      reason: text.length === 0 ? 'The input is empty: there is no article and no comment to read.' : 'The input holds only white space: there is no article and no comment to read.',
      actual: `${text.length} characters`,
      expected: 'an article dump',
    });
    return;
  }
  const n = Math.min(text.length, SAMPLE);
  let odd = 0;
  let firstOdd = -1;
  let nul = false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    const control = (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c && c !== 0x0b) || c === 0x7f || c === 0xfffd;
    if (c === 0) nul = true;
    if (control) {
      odd++;
      if (firstOdd < 0) firstOdd = i;
    }
  }
  if (nul || odd > n * 0.1) {
    messages.push({
      ruleId: 'input/binary',
      severity: 'warning',
      place: firstOdd >= 0 ? [firstOdd, firstOdd + 1] : null,
      reason: `The input looks like a binary file, not a text dump (${nul ? 'it holds NUL bytes' : `${Math.round((100 * odd) / n)}% of its first ${n} characters are control or undecodable characters`}).`,
      actual: 'binary data',
      expected: 'text',
    });
  }
}
