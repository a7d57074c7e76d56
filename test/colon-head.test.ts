/**
 * The one `Name: text` head test (unify30) shared by the chat reader's heads with the time line under the text and the
 * counted reader's inline names: where the name and the text are, and what a name may look like.
 */
import { describe, expect, it } from 'vitest';
import { isColonHeadName, readColonHead, splitColonHead } from '../src/ingest/styles/colon-head.js';

describe('splitColonHead', () => {
  it('gives the name before the first colon and where the text starts', () => {
    const line = 'Old Zhou in Jiangbei: Fully support. I walk there at 7:40.';
    const head = splitColonHead(line)!;
    expect(head.name).toBe('Old Zhou in Jiangbei');
    expect(line.slice(head.textAt)).toBe('Fully support. I walk there at 7:40.');
  });
  it('reads no head without a space after the colon, a leading space or a name over 48 characters', () => {
    expect(splitColonHead('09:14 the ferry')).toBeNull();
    expect(splitColonHead(' Ann: hi')).toBeNull();
    expect(splitColonHead(`${'a'.repeat(49)}: hi`)).toBeNull();
    expect(splitColonHead(`${'a'.repeat(48)}: hi`)?.name).toHaveLength(48);
  });
  it('never throws and its text offset slices back', () => {
    for (const s of ['', ':', ': ', 'a: ', '\u200e: x', 'x:\u00a0y', '💬: 🙂 ok', 'a'.repeat(5000) + ': b']) {
      const head = splitColonHead(s);
      if (head) expect(s.slice(0, head.name.length)).toBe(head.name);
    }
  });
});

describe('isColonHeadName', () => {
  it('takes a name with an initial and refuses sentence punctuation, a web scheme and a name without a letter', () => {
    expect(isColonHeadName('K. Okafor')).toBe(true);
    expect(isColonHeadName('Linjiang Daily English [Author]')).toBe(true);
    expect(isColonHeadName('Well. Then')).toBe(false);
    expect(isColonHeadName('Yes, and')).toBe(false);
    expect(isColonHeadName('Why?')).toBe(false);
    expect(isColonHeadName('https')).toBe(false);
    expect(isColonHeadName('2026-12-05 09')).toBe(false);
  });
  it('takes a full stop after a title of address or inside a handle, not one that ends a word before a space', () => {
    expect(isColonHeadName('Mr. Zhou')).toBe(true);
    expect(isColonHeadName('Dr. A. Smith')).toBe(true);
    expect(isColonHeadName('zhou.lao')).toBe(true);
    expect(isColonHeadName('U.S. Then')).toBe(false);
    expect(isColonHeadName('the end.')).toBe(false);
  });

  it('is the test readColonHead applies', () => {
    expect(readColonHead('K. Okafor: the 7:40 was late again')?.name).toBe('K. Okafor');
    expect(readColonHead('Note this, though: the 7:40 was late')).toBeNull();
  });
});
