/**
 * An elliptical denial near the start of a reply ("Kevin, not at our end it wasn't. We had a puddle in
 * 2007."), with a fact in the post, denies the parent's sentence that shares a figure or date with the post,
 * else the parent's sentence about the replier ("you ..."), else the parent's last statement (what "that"
 * in "so not even that" points back to).
 */
import { scoreCheckworthiness } from '../claims/index.js';
import { ellipticalDenial as ellipsisAt } from './clauses.js';
import type { Detector } from './detector.js';

export const ellipticalDenial: Detector = {
  id: 'elliptical-denial',
  find(unit, context) {
    const { parent, index, sentences } = context;
    const from = parent && context.at < 2 ? ellipsisAt(unit) : -1;
    if (from < 0 || !parent) return [];
    const postHasFact = sentences.some(({ unit: s }) => s.values.some((v) => /\d/.test(v.text)) || scoreCheckworthiness(s.text) >= 0.5);
    if (!postHasFact) return [];
    const statements = index.sentencesOf(parent).filter((i) => context.foreign(index.cands[i]!) && !index.cands[i]!.unit.question);
    const keys = new Set(sentences.flatMap(({ unit: s }) => s.keys.filter((_, vi) => !s.personal.has(vi)).flat()));
    const byValue = statements.find((i) => index.cands[i]!.unit.keys.some((ks) => ks.some((k) => keys.has(k))));
    const aboutYou = statements.find((i) => index.cands[i]!.unit.words.some((w) => w.lower === 'you' || w.lower === 'your'));
    const at = byValue ?? aboutYou ?? statements[statements.length - 1];
    if (at === undefined) return [];
    const words = unit.words;
    return [{ target: index.cands[at]!, cue: 'negated-statement', evidence: [[words[from]!.start, words[words.length - 1]!.end]], note: 'elliptical denial of the post replied to', strength: 0.5 }];
  },
};
