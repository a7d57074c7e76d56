/**
 * Input that is not a dump says so (issue 17): empty, binary and broken-JSON input give a warning with a
 * ruleId, UTF-16 is decoded, a dump without a recognisable comment section gives `thread/not-found`, and a
 * JSON dump nested past the depth limit says what it kept.
 */
import { describe, expect, it } from 'vitest';
import { analyze, parse } from '../src/index.js';
import { MAX_REPLY_DEPTH } from '../src/ingest/json.js';

const DUMP = 'Title: Bridge\n\nThe council voted to close the bridge on Monday.\n\n2 Comments\nAnn Lee\nGood decision.\nBob\nAnn Lee, no it was Tuesday.\n';
const rules = (input: string | Uint8Array): string[] => parse(input).messages.map((m) => m.ruleId);

describe('not a dump', () => {
  it('empty and blank input: input/empty', () => {
    for (const input of ['', new Uint8Array(0), '  \n\r\n\t', new Uint8Array([0xef, 0xbb, 0xbf])]) {
      const doc = parse(input);
      expect(doc.messages.map((m) => m.ruleId)).toEqual(['input/empty']);
      expect(doc.messages[0]!.severity).toBe('warning');
      expect(doc.thread.posts).toEqual([]);
    }
  });
  it('binary bytes: input/binary, with its place', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, ...Array.from({ length: 200 }, (_, i) => (i * 37) % 256)]);
    const doc = parse(png);
    const m = doc.messages.find((x) => x.ruleId === 'input/binary')!;
    expect(m.severity).toBe('warning');
    expect(m.place).not.toBeNull();
    expect(doc.messages.map((x) => x.ruleId)).not.toContain('thread/not-found');
  });
  it('text with a few control characters is not binary', () => {
    expect(rules(`${DUMP}\u0007`)).not.toContain('input/binary');
  });
  it('truncated JSON: input/invalid-json naming the parse error; text opening with "[" is not JSON', () => {
    const json = JSON.stringify({ article: { title: 'T', text: 'Body text here.' }, comments: [{ id: 1, author: 'A', text: 'Hi there.' }] });
    const doc = parse(json.slice(0, json.length - 20));
    const m = doc.messages.find((x) => x.ruleId === 'input/invalid-json')!;
    expect(m.reason).toMatch(/not valid JSON \(.+\)/);
    expect(doc.source.text).toBeNull();
    expect(rules(json)).not.toContain('input/invalid-json');
    expect(rules('[removed]\n\nSome article text here.')).not.toContain('input/invalid-json');
    expect(rules('[–]alice 10 points 3 hours ago\nA comment.')).not.toContain('input/invalid-json');
  });
  it('no comment section: thread/not-found (a warning), 0 posts', () => {
    const doc = parse('Title: Bridge\n\nThe council voted to close the bridge on Monday. It will reopen in May.\n');
    expect(doc.thread.posts).toEqual([]);
    const m = doc.messages.find((x) => x.ruleId === 'thread/not-found')!;
    expect(m.severity).toBe('warning');
    expect(rules(DUMP)).not.toContain('thread/not-found');
  });
});

describe('UTF-16', () => {
  const utf16 = (text: string, order: 'le' | 'be', bom: boolean): Uint8Array => {
    const out = new Uint8Array((text.length + (bom ? 1 : 0)) * 2);
    const units = bom ? `\ufeff${text}` : text;
    for (let i = 0; i < units.length; i++) {
      const c = units.charCodeAt(i);
      out[2 * i + (order === 'le' ? 0 : 1)] = c & 0xff;
      out[2 * i + (order === 'le' ? 1 : 0)] = c >> 8;
    }
    return out;
  };
  for (const order of ['le', 'be'] as const) {
    for (const bom of [true, false]) {
      it(`UTF-16${order.toUpperCase()} ${bom ? 'with' : 'without'} a BOM reads as the UTF-8 dump does`, () => {
        const doc = analyze(utf16(DUMP, order, bom));
        const ref = analyze(DUMP);
        expect(doc.thread.posts.map((p) => [p.author, p.text, p.parentId])).toEqual(ref.thread.posts.map((p) => [p.author, p.text, p.parentId]));
        expect(doc.thread.posts).toHaveLength(2);
        expect(doc.messages.map((m) => m.ruleId)).toContain('input/utf-16');
        expect(doc.source.length).toBe(DUMP.length);
      });
    }
  }
  it('UTF-8 text is never taken for UTF-16', () => {
    expect(rules(new TextEncoder().encode(DUMP))).not.toContain('input/utf-16');
    expect(rules(new TextEncoder().encode('ab'))).not.toContain('input/utf-16');
  });
});

describe('JSON reply depth limit', () => {
  it(`replies nested past ${MAX_REPLY_DEPTH} levels give json/max-depth saying what was kept`, () => {
    const depth = MAX_REPLY_DEPTH + 3;
    let s = '';
    for (let i = 0; i < depth; i++) s += `{"id":"c${i}","author":"u${i % 5}","text":"reply ${i}","replies":[`;
    s += ']';
    for (let i = 0; i < depth; i++) s += i === depth - 1 ? '}' : '}]';
    const doc = parse(`{"article":{"title":"T","text":"Body."},"comments":[${s}]}`);
    expect(doc.thread.posts).toHaveLength(MAX_REPLY_DEPTH);
    const m = doc.messages.find((x) => x.ruleId === 'json/max-depth')!;
    expect(m.severity).toBe('warning');
    expect(m.reason).toMatch(/deeper than 10,000 levels were left out \(3 comments\); the 10000 comments .* were kept/);
  });
});
