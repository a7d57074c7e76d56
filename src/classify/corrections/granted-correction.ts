/**
 * A reply granting its parent's correction (session 45, corr45): a reply P to a post Q by someone else, where no
 * detector found anything in P and Q's correction was found, may grant it ("Ruth is right, it was Wednesday. Changing
 * the date in the second paragraph now."; "Fine, the licence then. But he should have gone inside."). Whether it
 * does, and whether the grant is itself a correction, is not one phrase: the labels split on what the reply restates
 * and who speaks. So a small logistic model (`granted-correction.model.json`, fit by `scripts/train/train-granted.ts`
 * on the blind development rounds on their gold structure) scores the pair over closed-class features of the reply (a
 * conceding phrase, "X is right", an agreeing opener, a change word, "we", a question, a negation, a contrast, its
 * length, "... then", an account of one's slip) and of what it shares with Q (a figure or a word Q states, or Q's
 * correcting words state, that the corrected sentence lacks); a pair at or above the model's `keep` (0.5, fixed
 * before the fit) is a correction. When Q answers a post of P's writer, Q corrected the writer and the grant is a
 * `self` correction of the writer's sentence; otherwise a grant of Q's correction of the article is an `article`
 * correction of the same sentence. It needs Q's correction, so the corrections step runs it once every post is done.
 */
import type { Correction } from '../../schema/classify.js';
import type { Span } from '../../schema/common.js';
import { predict, type LinearModel } from '../../learn/model.js';
import { lineOffsetMapper } from '../../text/remap.js';
import { concessionPhraseAt } from './concessions.js';
import type { Paraphrases } from './paraphrase.js';
import { postUnits, toAbs, type CorrectionPost } from './thread-index.js';
import MODEL_JSON from './granted-correction.model.json' with { type: 'json' };

/** The shipped model: one sigmoid label, `granted`, and its `keep` threshold. */
export const GRANTED_MODEL = MODEL_JSON as unknown as LinearModel;

/** Opening discourse words of agreement or of noticing one's slip (a closed class). */
const AGREEING_OPENERS = new Set([
  'yes', 'yep', 'yeah', 'yup', 'true', 'fair', 'fine', 'ok', 'okay', 'right', 'agreed', 'agree', 'ah', 'oh', 'oops',
  'argh', 'sorry', 'noted', 'thanks', 'thank', 'correct', 'indeed', 'apologies',
]);

/** "X is right", "you're correct", "Susan's right". */
const IS_RIGHT = /(?:\b(?:is|are|was)|['\u2019]s|['\u2019]re)\s+(?:quite\s+|absolutely\s+|completely\s+)?(?:right|correct)\b/i;

/** A word of changing a text, in any form ("fix", "fixing", "corrected", "updated", "amend", "changed"). */
const CHANGE_WORD = /\b(?:fix(?:e[sd]|ing)?|correct(?:ed|ing|ion)|updat(?:e|es|ed|ing)|amend(?:s|ed|ing|ment)?|chang(?:e|es|ed|ing)|edit(?:s|ed|ing)?)\b/i;

const WE = /\b(?:we|we've|we'll|we're|we'd|our|ours|us)\b/i;
const NEGATION = /\b(?:not|no|never|nope)\b|n['\u2019]t\b/i;
const CONTRAST = /\b(?:but|though|still|however|although)\b/i;
/** Taking a replacement up: "2019 it is", "the department then", "so it is". */
const TAKING_UP = /\b(?:it is|so it is|then)\s*[.!,]|\b(?:it is|then)\s*$/im;
/** The writer's account of their own slip: "I was thinking of", "I wrote", "I'd mixed", "I misread", "I got it wrong". */
const OWN_SLIP = /\bI(?:['\u2019]d| had| was)?\s+(?:\w+ed|wrote|read|got|thought|was thinking|mixed|typed)\b/;

/** Figures as written (digits, a decimal point kept, thousands commas dropped): "1,300" -> "1300", "12th" -> "12". */
function figures(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/\d[\d,]*(?:\.\d+)?/g)) out.add(m[0].replace(/,/g, '').replace(/\.$/, ''));
  return out;
}

/** Lower-case words of four letters or more. */
function words(text: string): Set<string> {
  return new Set(text.toLowerCase().replace(/\u2019/g, "'").match(/\p{L}{4,}/gu) ?? []);
}

/** What a granting reply's pair is: the reply, the post it answers, and the sentence that post corrected. */
export interface GrantPair {
  /** The reply's text. */
  reply: string;
  /** The text of the post it answers (the correcting post). */
  parent: string;
  /** The text of the sentence the parent corrected. */
  corrected: string;
  /** The parent's correcting words (its correction's evidence). */
  asserted: string;
  /** `article` when the parent corrected the article, `self` when it corrected the reply's writer. */
  kind: 'article' | 'self';
}

/** The model's features of a pair (closed classes only). */
export function grantFeatures(pair: GrantPair): Array<[string, number]> {
  const { reply, parent, corrected, asserted, kind } = pair;
  const f: Array<[string, number]> = [[`kind:${kind}`, 1]];
  const first = reply.trim().toLowerCase().replace(/\u2019/g, "'").match(/\p{L}+/u)?.[0] ?? '';
  if (concessionPhraseAt(reply)) f.push(['grant:phrase', 1]);
  if (IS_RIGHT.test(reply)) f.push(['grant:is-right', 1]);
  if (AGREEING_OPENERS.has(first)) f.push(['grant:opener', 1]);
  if (CHANGE_WORD.test(reply)) f.push(['change-word', 1]);
  if (WE.test(reply)) f.push(['we', 1]);
  if (reply.includes('?')) f.push(['question', 1]);
  if (NEGATION.test(reply)) f.push(['negation', 1]);
  if (CONTRAST.test(reply)) f.push(['contrast', 1]);
  const n = (reply.match(/\p{L}+|\d+/gu) ?? []).length;
  if (n <= 12) f.push(['short', 1]);
  const fig = figures(reply);
  const wasCorrected = figures(corrected);
  if ([...figures(parent)].some((x) => fig.has(x) && !wasCorrected.has(x))) f.push(['restates:figure', 1]);
  const w = words(reply);
  const cw = words(corrected);
  if ([...words(parent)].some((x) => w.has(x) && !cw.has(x))) f.push(['restates:word', 1]);
  // What the parent asserted in place of the corrected words: the reply taking it up.
  if ([...figures(asserted)].some((x) => fig.has(x) && !wasCorrected.has(x))) f.push(['takes-up:figure', 1]);
  if ([...words(asserted)].some((x) => w.has(x) && !cw.has(x))) f.push(['takes-up:word', 1]);
  if (TAKING_UP.test(reply)) f.push(['takes-up:then', 1]);
  if (OWN_SLIP.test(reply)) f.push(['own-slip', 1]);
  return f;
}

/** The sentence of `post` sharing most lower-case words with `text`, else its first with three words (the target of a `self` grant). */
function nearestSentence(post: CorrectionPost, text: string): { span: Span; text: string } | null {
  const want = words(text);
  let best: { span: Span; text: string } | null = null;
  let most = -1;
  for (const { unit, abs } of postUnits(post)) {
    if (unit.question || unit.words.length < 3) continue;
    const shared = [...words(unit.text)].filter((w) => want.has(w)).length;
    if (shared > most) {
      most = shared;
      best = { span: abs, text: unit.text };
    }
  }
  return best;
}

/**
 * The correction of Q a reply P could grant, and the grant's kind and target. Q answering a post of P's writer
 * corrected the writer (whatever sentence Q's finding names): a grant is `self`, of the writer's sentence Q's finding
 * names when it names one, else the sentence of the writer's post Q's correcting words share most with. Otherwise a
 * grant of Q's correction of the article is an `article` correction of the same sentence.
 */
function grantable(q: CorrectionPost, qFound: readonly Correction[], p: CorrectionPost, byId: ReadonlyMap<string, CorrectionPost>): { c: Correction; kind: 'article' | 'self'; target: Correction['target'] } | null {
  if (qFound.length === 0) return null;
  const answered = q.parentId === null ? undefined : byId.get(q.parentId);
  if (answered && answered.author === p.author && answered.id !== q.id) {
    const own = qFound.find((c) => c.target.kind === 'post' && c.target.postId !== undefined && byId.get(c.target.postId)?.author === p.author);
    if (own) return { c: own, kind: 'self', target: own.target };
    const c = qFound[0]!;
    const at = nearestSentence(answered, c.evidence.map((e) => e.text).join(' '));
    return at ? { c, kind: 'self', target: { kind: 'post', postId: answered.id, span: at.span, text: at.text } } : null;
  }
  const article = qFound.find((c) => c.kind === 'article');
  return article ? { c: article, kind: 'article', target: article.target } : null;
}

/** A reply that could grant its parent's correction: the pair and the model's features of it. */
export interface GrantCandidate {
  reply: CorrectionPost;
  parent: CorrectionPost;
  /** The parent's correction the reply would grant. */
  granted: Correction;
  kind: 'article' | 'self';
  /** What the grant corrects: the article sentence, or the writer's own sentence. */
  target: Correction['target'];
  features: Array<[string, number]>;
}

/**
 * Every reply (in dump order) with no correction of its own, answering someone else's post whose correction of the
 * article or of the reply's writer was found: the pairs the model scores. `found` holds the corrections per post id.
 */
export function grantCandidates(posts: readonly CorrectionPost[], found: ReadonlyMap<string, readonly Correction[]>): GrantCandidate[] {
  const out: GrantCandidate[] = [];
  const byId = new Map<string, CorrectionPost>();
  for (const p of posts) {
    byId.set(p.id, p);
    if (p.parentId === null || p.author === null || p.text === '' || (found.get(p.id) ?? []).length > 0) continue;
    const q = byId.get(p.parentId);
    if (!q || q.id === p.id || q.author === null || q.author === p.author) continue;
    const g = grantable(q, found.get(q.id) ?? [], p, byId);
    if (!g) continue;
    const asserted = g.c.evidence.map((e) => e.text).join(' ');
    const features = grantFeatures({ reply: p.text, parent: q.text, corrected: g.target.text, asserted, kind: g.kind });
    out.push({ reply: p, parent: q, granted: g.c, kind: g.kind, target: g.target, features });
  }
  return out;
}

/**
 * The corrections replies make by granting their parent's correction, by the reply's id: the candidates the model
 * scores at or above its `keep` threshold. `posts` in dump order; `found` the corrections already found per post id.
 */
export function findGrantedCorrections(
  posts: readonly CorrectionPost[],
  found: ReadonlyMap<string, readonly Correction[]>,
  paraphrases?: Paraphrases,
  model: LinearModel = GRANTED_MODEL,
): Map<string, Correction> {
  const out = new Map<string, Correction>();
  const keep = model.thresholds?.keep ?? 0.5;
  for (const { reply: p, parent: q, kind, target, features } of grantCandidates(posts, found)) {
    const probability = predict(model, features)[0]!;
    if (probability < keep) continue;
    const units = postUnits(p, paraphrases);
    const evidence = units.find(({ unit }) => !unit.question) ?? units[0];
    if (!evidence) continue;
    const span: Span = toAbs(lineOffsetMapper(p), evidence.unit.span);
    out.set(p.id, {
      kind,
      target,
      evidence: [{ span, text: p.text.slice(evidence.unit.span[0], evidence.unit.span[1]), cue: 'explicit-marker' }],
      cue: 'explicit-marker',
      detector: kind === 'self' ? 'self-marker' : 'explicit-marker',
      note: `grants the correction ${q.id} made`,
      confidence: Math.round(probability * 1000) / 1000,
    });
  }
  return out;
}
