/**
 * JSON written piece by piece: the text of `JSON.stringify(value, null, indent)`, byte for byte, as a series
 * of strings of about `CHUNK` characters, so output of any size is written without ever building one string
 * (a 100,000-comment document pretty-printed is longer than V8's largest string). Objects are walked key
 * by key; each array item is written with one `JSON.stringify` call.
 */

/** Characters per piece handed to the writer. */
const CHUNK = 1 << 16;

/** The pieces of `JSON.stringify(value, null, indent)` (`indent` 0: compact), in order. */
export function* jsonChunks(value: unknown, indent = 0): Generator<string> {
  const pad = ' '.repeat(indent);
  let buf = '';
  // Explicit stack of frames instead of recursion: a value nested as deep as the input allows never
  // overflows the call stack.
  type Frame = { kind: 'array'; items: readonly unknown[]; at: number; prefix: string } | { kind: 'object'; entries: Array<[string, unknown]>; at: number; prefix: string };
  const stack: Frame[] = [];
  const open = (v: unknown, prefix: string): void => {
    const json = toJsonValue(v);
    if (Array.isArray(json)) {
      if (json.length === 0) buf += '[]';
      else {
        buf += '[';
        stack.push({ kind: 'array', items: json, at: 0, prefix });
      }
    } else if (json !== null && typeof json === 'object') {
      const entries = Object.entries(json as Record<string, unknown>)
        .map(([k, x]) => [k, toJsonValue(x)] as [string, unknown])
        .filter(([, x]) => x !== undefined && typeof x !== 'function' && typeof x !== 'symbol');
      if (entries.length === 0) buf += '{}';
      else {
        buf += '{';
        stack.push({ kind: 'object', entries, at: 0, prefix });
      }
    } else buf += JSON.stringify(json) ?? 'null';
  };
  const top = toJsonValue(value);
  if (top === undefined || typeof top === 'function' || typeof top === 'symbol') return; // JSON.stringify gives undefined
  open(top, '');
  while (stack.length > 0) {
    if (buf.length >= CHUNK) {
      yield buf;
      buf = '';
    }
    const f = stack[stack.length - 1]!;
    const inner = pad ? `\n${f.prefix}${pad}` : '';
    const count = f.kind === 'array' ? f.items.length : f.entries.length;
    if (f.at >= count) {
      stack.pop();
      buf += `${pad ? `\n${f.prefix}` : ''}${f.kind === 'array' ? ']' : '}'}`;
      continue;
    }
    buf += `${f.at > 0 ? ',' : ''}${inner}`;
    if (f.kind === 'array') {
      // An array item (a post, a block, a sentence) is small next to the whole and bounded by the input
      // limit: one JSON.stringify call writes it far faster than walking it here.
      const item = f.items[f.at++];
      const json = JSON.stringify(item, null, indent) ?? 'null';
      buf += pad ? json.replaceAll('\n', `\n${f.prefix}${pad}`) : json;
    } else {
      const [k, x] = f.entries[f.at++]!;
      buf += `${JSON.stringify(k)}:${pad ? ' ' : ''}`;
      open(x, f.prefix + pad);
    }
  }
  if (buf.length > 0) yield buf;
}

/** What JSON.stringify serialises in place of `v`: its `toJSON()` result when it has one. */
function toJsonValue(v: unknown): unknown {
  if (v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function') return (v as { toJSON: () => unknown }).toJSON();
  return v;
}

/** The pieces of `jsonChunks(value, indent)` as one array (what a worker thread posts back). */
export function jsonPieces(value: unknown, indent = 0): string[] {
  return [...jsonChunks(value, indent)];
}
