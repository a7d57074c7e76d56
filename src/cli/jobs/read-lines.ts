/** One physical line of an NDJSON stream, decoded; `text` is null when the line was over the size cap. */
export interface LineItem {
  /** 1-based line number in the stream (blank lines count, but are not yielded). */
  line: number;
  /** The decoded line without its `\n` / `\r\n`; null when the line was longer than `maxLineBytes`. */
  text: string | null;
  /** Byte length of the line (without the line break). */
  bytes: number;
  /** True when the line was not valid UTF-8 (invalid bytes became U+FFFD). */
  invalidUtf8: boolean;
}

const NEWLINE = 0x0a;
const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenientDecoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

function decodeLine(bytes: Uint8Array): { text: string; invalidUtf8: boolean } {
  try {
    return { text: strictDecoder.decode(bytes), invalidUtf8: false };
  } catch {
    return { text: lenientDecoder.decode(bytes), invalidUtf8: true };
  }
}

function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0d && c !== 0x0b && c !== 0x0c) return false;
  }
  return true;
}

/**
 * Splits a byte stream into lines, a chunk at a time, so memory stays flat whatever the stream's size:
 * a line longer than `maxLineBytes` is not kept (its bytes are counted and dropped) and comes out with
 * `text: null`. Blank lines are skipped; a UTF-8 BOM at the very start and a `\r` before `\n` are removed.
 * Yields the lines of each chunk as one batch.
 */
export async function* readLines(chunks: AsyncIterable<Uint8Array>, maxLineBytes: number): AsyncGenerator<LineItem[]> {
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let overflow = false;
  let lineNo = 0;
  let atStart = true;

  const finish = (tail: Uint8Array, out: LineItem[]): void => {
    lineNo++;
    const total = pendingBytes + tail.byteLength;
    if (overflow || total > maxLineBytes) {
      out.push({ line: lineNo, text: null, bytes: total, invalidUtf8: false });
    } else {
      let bytes = pending.length === 0 ? tail : concatBytes([...pending, tail], total);
      if (atStart && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
      if (bytes.byteLength > 0 && bytes[bytes.byteLength - 1] === 0x0d) bytes = bytes.subarray(0, bytes.byteLength - 1);
      const { text, invalidUtf8 } = decodeLine(bytes);
      if (!isBlank(text)) out.push({ line: lineNo, text, bytes: bytes.byteLength, invalidUtf8 });
    }
    atStart = false;
    pending = [];
    pendingBytes = 0;
    overflow = false;
  };

  for await (const chunk of chunks) {
    const out: LineItem[] = [];
    let pos = 0;
    for (;;) {
      const nl = chunk.indexOf(NEWLINE, pos);
      if (nl < 0) break;
      finish(chunk.subarray(pos, nl), out);
      pos = nl + 1;
    }
    if (pos < chunk.byteLength) {
      const rest = chunk.subarray(pos);
      pendingBytes += rest.byteLength;
      if (overflow || pendingBytes > maxLineBytes) {
        overflow = true; // keep counting, stop keeping
        pending = [];
      } else pending.push(rest);
    }
    if (out.length > 0) yield out;
  }
  if (pendingBytes > 0 || overflow) {
    const out: LineItem[] = [];
    finish(new Uint8Array(0), out);
    if (out.length > 0) yield out;
  }
}

/** The byte arrays `parts` joined (`total` is their summed length). */
export function concatBytes(parts: readonly Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}
