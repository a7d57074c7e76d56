/**
 * The record template as a decoding constraint (scripts/study/lib/template-decode.ts, session 40): on a made-up page,
 * the records' line ranges, at most one start a record, none outside, a forced start in a record without one, and a
 * closed gate reading as main (each line its most probable role).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LINE_ROLES } from '../src/ingest/line-features.js';
import { decodeUnderTemplate, gateOpens, recordsOf } from '../scripts/study/lib/template-decode.js';
import { PAGE } from './record-page.js';

const R = (role: (typeof LINE_ROLES)[number], p = 0.7): number[] => LINE_ROLES.map((r) => (r === role ? p : (1 - p) / (LINE_ROLES.length - 1)));
const START = LINE_ROLES.indexOf('start');
const BODY = LINE_ROLES.indexOf('body');

describe('recordsOf', () => {
  it('cuts the made-up page into its three posts, by line', () => {
    const r = recordsOf(PAGE);
    expect(r).not.toBeNull();
    expect(r!.starts).toEqual([3, 8, 14]);
    expect(r!.ends[0]).toBe(8);
    expect(r!.regularity).toBe(1);
    expect(r!.firstRunAt).toBe(0);
    expect(gateOpens(r, { theta: 0.9, near: true })).toBe(true);
    expect(gateOpens(null, { theta: 0, near: false })).toBe(false);
  });
});

describe('decodeUnderTemplate', () => {
  // the model's guesses: a start in the article, two starts in the second post, none in the third
  const probs = PAGE.map((t, i) => {
    if (t === '') return null;
    if (i === 1) return R('start', 0.6);
    if ([3, 8, 14].includes(i)) return R('author');
    if ([4, 9, 15].includes(i)) return R('meta');
    if ([6, 12, 17].includes(i)) return R('chrome');
    if (i === 5 || i === 10) return R('start');
    if (i === 11) return R('start', 0.5);
    if (i === 16) return R('body', 0.55);
    return R('article');
  });
  const r = recordsOf(PAGE);
  it('a closed gate (no mode) reads each line its most probable role', () => {
    const d = decodeUnderTemplate(probs, r, null);
    expect(d.map((x, i) => (x === null ? null : LINE_ROLES[x]))[1]).toBe('start');
    expect(d.filter((x) => x === START).length).toBe(4);
  });
  it('restrict: at most one start a record, none outside, the likelier kept', () => {
    const d = decodeUnderTemplate(probs, r, 'restrict');
    // the article's line 1 lies in the lead window (as long as the longest record), so its start may stay
    expect(d[5]).toBe(START);
    expect(d[10]).toBe(START);
    expect(d[11]).not.toBe(START);
    expect(d[16]).toBe(BODY);
  });
  it('force: a record without a start takes its body line most likely a start', () => {
    const d = decodeUnderTemplate(probs, r, 'force');
    expect(d[16]).toBe(START);
    expect(d.filter((x) => x === START).length).toBeLessThanOrEqual(4);
  });
  it('on any probabilities, each record holds at most one start (restrict) and blank lines stay null', () => {
    fc.assert(fc.property(fc.array(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 6, maxLength: 6 }), { minLength: PAGE.length, maxLength: PAGE.length }), (ps) => {
      const pr = PAGE.map((t, i) => (t === '' ? null : ps[i]!));
      const d = decodeUnderTemplate(pr, r, 'restrict');
      for (let j = 0; j < r!.starts.length; j++) {
        expect(d.slice(r!.starts[j], r!.ends[j]).filter((x) => x === START).length).toBeLessThanOrEqual(1);
      }
      PAGE.forEach((t, i) => expect(d[i] === null).toBe(t === ''));
    }));
  });
  it('+head: a start under its own head stays whatever the records say; a headless second start in a record goes', () => {
    // the second record holds two posts the template did not cut apart: line 11 under an author line at 10
    const pr = probs.map((p, i) => (i === 10 ? R('author') : i === 11 ? R('start', 0.5) : p));
    const d = decodeUnderTemplate(pr, r, 'restrict+head', PAGE);
    expect(d[11]).toBe(START);
    expect(d[5]).toBe(START);
    // a paragraph the model took for a start (body above it) in a record that has a headed start: not a post
    const para = probs.map((p, i) => (i === 10 ? R('start') : i === 11 ? R('start', 0.5) : p));
    const e = decodeUnderTemplate(para, r, 'restrict+head', PAGE);
    expect(e[10]).toBe(START);
    expect(e[11]).not.toBe(START);
  });
});
