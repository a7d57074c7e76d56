/** Hostile inputs of the robustness tests, by name and size (deterministic). */
import { nestedForumThread } from './long-thread.js';

/** A small deterministic PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Hostile inputs; `n` is the size knob (characters, lines or levels). */
export const HOSTILE: Record<string, (n: number) => string | Uint8Array> = {
  'one line, no spaces': (n) => 'x'.repeat(n),
  'lines of @': (n) => '@\n'.repeat(n),
  'random bytes': (n) => {
    const rnd = prng(42);
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = Math.floor(rnd() * 256);
    return out;
  },
  'nested replies': (n) => nestedForumThread(n),
  'run of dots': (n) => `Comments\n\nAnna · 2h\nWell${'.'.repeat(n)} no\n`,
  'run of quote marks': (n) => `Comments\n\nAnna · 2h\n${'"'.repeat(n)}\n${'“'.repeat(n)}\n${"'".repeat(n)}\n`,
  'lone surrogates': (n) => `Title\n\n${'\ud800a\udc00 '.repeat(n)}\n`,
  'BOM and CRLF': (n) => `\ufeffTitle\r\n\r\n${'Some text. '.repeat(8)}\r\n`.repeat(n),
  'words, no punctuation': (n) => 'word '.repeat(n),
};
