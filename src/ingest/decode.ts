import type { Message } from '../schema/common.js';

/** Decodes bytes as UTF-8; invalid sequences become U+FFFD and a message, never an exception. */
export function decodeInput(input: string | Uint8Array, messages: Message[]): string {
  if (typeof input === 'string') return input;
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
