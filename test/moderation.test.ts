import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { moderate, moderateWith, SPAN_MODES, summarizeSentiment } from '../src/classify/moderation/index.js';
import { readText, shippedModerationModels } from '../src/classify/moderation/models.js';
import { commentFeatures, spanContext, wordFeatures } from '../src/classify/moderation/features.js';
import { SPAN_CONTEXT_FAMILIES, spanFeatures, spanReading } from '../src/classify/moderation/span-context.js';
import { decodeWords, encodeWords, loadWordScores } from '../src/classify/moderation/word-scores.js';
import { spanScores } from '../src/classify/moderation/span-scores.js';
import { predict } from '../src/learn/model.js';
import { scoreSentiment } from '../src/classify/sentiment/index.js';
import { detectActs } from '../src/classify/acts/index.js';
import { ThreadlensOptionError } from '../src/errors.js';
import { ModerationSchema } from '../src/schema/classify.js';
import { analyze } from '../src/analyze.js';
import { renderHtml } from '../src/report/html/render-html.js';
import commentModel from '../src/classify/moderation/moderation.model.json' with { type: 'json' };
import spanModel from '../src/classify/moderation/spans.model.json' with { type: 'json' };

const ATTRIBUTES = ['toxicity', 'insult', 'profanity', 'identityAttack', 'threat'] as const;
const words = (text: string): string => readText(text, null)[1].map((w) => `${w.norm}/${w.mode}/${w.target ?? '-'}`).join(' ');

describe('reading who a word is aimed at and how it is used', () => {
  it('finds the reader, a group, a named person and an idea as targets', () => {
    expect(words('you absolute clown')).toBe('you/plain/- absolute/plain/you clown/plain/you');
    expect(words('what a total buffoon')).toContain('buffoon/plain/you');
    expect(words('folks who think so are clowns')).toContain('clowns/plain/group');
    expect(words('Gordon is a clown')).toContain('clown/plain/named');
    expect(words('that is a silly plan')).toContain('silly/plain/idea');
  });

  it("reads a harsh word about a reader's contribution (comment, post, question) as aimed at its writer, not at an idea", () => {
    // The lead's call (session 15): "what a stupid comment" is aimed at the commenter, as SemEval-2021's raters mark it;
    // the nouns for what a turn argues or proposes stay ideas.
    expect(words('what a stupid comment')).toContain('stupid/plain/you');
    expect(words('that is an idiotic statement')).not.toContain('/idea');
    expect(words('your question is dumb')).toContain('dumb/plain/you');
    // A contribution noun ends the look-ahead: the adjective is about the comment, not the tax after it.
    expect(words('a stupid comment about the tax')).toContain('stupid/plain/-');
    expect(words('what a stupid argument')).toContain('stupid/plain/idea');
    expect(words('this policy is dumb')).toContain('dumb/plain/idea');
  });

  it('tells quoted and denied words from words said', () => {
    expect(words('she wrote "clown" twice')).toContain('clown/quote/');
    expect(words('Kindly do not call other posters clowns.')).toContain('clowns/negated/');
    expect(words('He is not a clown, he is a liar')).toContain('liar/plain/');
    // The negation ends with its clause; the target reading starts again.
    expect(words('no. you clown')).toContain('clown/plain/you');
  });

  it('lets a denial reach only the phrase it denies, and a verb of naming its whole clause', () => {
    expect(words('You are not a clown')).toContain('clown/negated/');
    // "can't" denies "believe how rude", not the rest of the sentence: the later words are the writer's own.
    expect(words("I can't believe how rude that clown is")).toContain('clown/plain/');
    expect(words('Please do not ever call the other readers clowns')).toContain('clowns/negated/');
  });

  it('keeps quoted and denied words out of the plain word and character features', () => {
    const f = new Map(commentFeatures(...readText('Please never call a fellow reader a clown.', null)));
    expect([...f.keys()].some((k) => k.includes('clown') || (k.startsWith('c:') && k.includes('clo')))).toBe(false);
    expect(f.has('w:reader')).toBe(false);
    expect(f.has('w:please')).toBe(true);
    const criticism = new Map(commentFeatures(...readText('What a silly, pointless plan.', null)));
    expect([...criticism.keys()].some((k) => k.includes('silly'))).toBe(false);
  });

  it('describes held-apart words (quoted, denied, aimed at an idea) only when fitting, never at run time', () => {
    const text = 'Please do not call other readers idiots. He wrote "clown" about you. A stupid plan.';
    const run = commentFeatures(...readText(text, null));
    expect(run.some(([k]) => k.startsWith('$held-') || k.startsWith('held:'))).toBe(false);
    const fit = new Map(commentFeatures(...readText(text, null), undefined, { heldApart: true }));
    expect(fit.get('$held-n-lex-insult') ?? 0).toBeGreaterThan(0);
    expect(fit.get('$held-q-lex-insult') ?? 0).toBeGreaterThan(0);
    expect(fit.has('$held-i')).toBe(true);
    expect(fit.has('held:idiots') && fit.has('held:clown') && fit.has('held:stupid')).toBe(true);
    // Everything else is the run-time set, value for value.
    expect([...fit].filter(([k]) => !k.startsWith('$held-') && !k.startsWith('held:'))).toEqual(run);
  });

  it('reads an aimed word through dense target features, not a second copy of the word', () => {
    const f = new Map(commentFeatures(...readText('you absolute clown', null)));
    expect(f.get('$lex-insult-you') ?? 0).toBeGreaterThan(0);
    expect(f.has('w:clown')).toBe(true);
    expect([...f.keys()].some((k) => /^[ygm]:/.test(k))).toBe(false);
  });
});

describe('span features (each word read against its comment)', () => {
  const lex = (text: string, k: number): Map<string, number> => {
    const [, readings] = readText(text, null);
    return new Map(wordFeatures(readings, k, spanContext(readings)));
  };
  it('marks the word carrying the comment\'s strongest lexicon cue, and only that word', () => {
    // "clown" weighs more in the insult lexicon than "stupid": it alone is the comment's top lexicon word.
    const text = 'you are a stupid clown';
    const [, readings] = readText(text, null);
    const ctx = spanContext(readings);
    expect(ctx.plain).toBe(5);
    const top = readings.map((_, k) => new Map(wordFeatures(readings, k, ctx)).has('$top-lex'));
    expect(top).toEqual([false, false, false, false, true]);
    // Every word sees the same comment-level cue.
    for (let k = 0; k < readings.length; k++) expect(lex(text, k).get('$cmt-lex') ?? 0).toBe(ctx.maxLex);
  });
  it('reads neighbours two words away and the pairs a word makes', () => {
    const f = lex('you are a stupid clown', 3);
    expect(f.has('b:a stupid')).toBe(true);
    expect(f.has('a:stupid clown')).toBe(true);
    expect(f.has('L:are')).toBe(true);
    expect(f.has('R:$')).toBe(true);
  });
  it('reads each word against its own sentence: the best cue among the other words, whether it addresses the reader, the distance to the comment\'s strongest cue', () => {
    // Two sentences; the first addresses the reader and holds the comment's two insult words, the second holds none.
    const text = 'You are a brainless idiot. This plan is bad.';
    const [tokens, readings] = readText(text, null);
    // As shipped (both families off) the walk is skipped and the sentence readings stay zero; switched on, it reads them.
    const off = spanReading(readings, text, tokens);
    expect([...off.sentLike, ...off.sentLex, ...off.sentYou, ...off.topDist].every((v) => v === 0)).toBe(true);
    const saved = { ...SPAN_CONTEXT_FAMILIES };
    Object.assign(SPAN_CONTEXT_FAMILIES, { sentence: true, top: true });
    let ctx: ReturnType<typeof spanReading>;
    try {
      ctx = spanReading(readings, text, tokens);
    } finally {
      Object.assign(SPAN_CONTEXT_FAMILIES, saved);
    }
    const at = (w: string): number => readings.findIndex((r) => r.norm === w);
    const [brainless, idiot, a, plan] = [at('brainless'), at('idiot'), at('a'), at('plan')];
    const lexOf = (k: number): number => Math.max(...Object.values(readings[k]!.lex));
    expect(lexOf(brainless)).toBeGreaterThan(0);
    expect(lexOf(idiot)).toBeGreaterThan(0);
    // A word reads the best of the other words of its sentence, never its own weight.
    expect(ctx.sentLex[idiot]).toBeCloseTo(lexOf(brainless), 6);
    expect(ctx.sentLex[brainless]).toBeCloseTo(lexOf(idiot), 6);
    expect(ctx.sentLex[plan]).toBe(0);
    expect(Array.from(ctx.sentYou)).toEqual(readings.map((_, k) => (k <= idiot ? 1 : 0)));
    // The strongest cue is one of the insult words; its neighbour "a" is one or two words from it, the second sentence is out of its reach.
    expect(ctx.topDist[a]).toBeGreaterThanOrEqual(1);
    expect(ctx.topDist[a]).toBeLessThanOrEqual(2);
    expect(ctx.topDist[plan]).toBe(0);
    expect(Math.min(ctx.topDist[brainless]!, ctx.topDist[idiot]!)).toBe(0);
  });
  it('names how a word is used and what it is aimed at', () => {
    expect([...lex('she wrote "clown" twice', 2).keys()].some((k) => k.startsWith('wm:quote:'))).toBe(true);
    expect(lex('you absolute clown', 2).has('wm:plain:you:c')).toBe(true);
  });
});

describe('moderate', () => {
  it('scores an insult aimed at a person above harsh criticism of an idea (pairs)', () => {
    const pairs: Array<[string, string]> = [
      ['You are a complete fool.', 'This is a foolish plan.'],
      ['What a pathetic little man you are.', 'What a pathetic little budget this is.'],
      ['People who believe this are morons.', 'The reasoning behind this policy is dumb.'],
      ['You stupid clown, read the article.', 'That was a stupid decision by the council.'],
      ['You are a spineless coward, and everyone on this page can see it.', 'The council was spineless on this and the vote shows it.'],
      ['People who defend this are gullible fools.', 'The rollout of this scheme was foolish.'],
      ['Honestly, you are a pompous windbag.', 'Honestly, the report is a windbag exercise.'],
    ];
    for (const [insult, criticism] of pairs) {
      const a = moderate(insult).insult.score;
      const b = moderate(criticism).insult.score;
      expect(a, `${insult} vs ${criticism}`).toBeGreaterThan(b);
      expect(a, insult).toBeGreaterThanOrEqual(0.5);
      expect(b, criticism).toBeLessThan(0.5);
    }
  });

  it('keeps quoted, denied and forbidden insults low', () => {
    const said = moderate('You are an idiot.').insult.score;
    expect(moderate('Nobody here said "idiot" about you.').insult.score).toBeLessThan(0.5);
    expect(moderate('He wrote "what a fool" in his column, which I thought was unfair.').insult.score).toBeLessThan(0.5);
    for (const t of ['Please do not call other readers idiots.', 'Nobody here said "idiot" about you.', 'I am not calling anyone an idiot.', 'You are not an idiot, just misinformed.']) {
      // The denied words make no feature; what is left ("please", "do not call") still reads as a little
      // hostile to the model, so these sit well below the insult said, not always below 0.5 (docs/moderation.md).
      expect(moderate(t).insult.score, t).toBeLessThan(said - 0.25);
    }
  });

  it("with spans: 'flagged', highlights nothing in a comment it does not flag (a warning, a quoted or denied insult, criticism of a plan)", () => {
    // A moderator's warning flagged toxicity until the held-apart features (0.58 on 2026-12-04 with the session 9 cut).
    // Until 2026-12-04 (session 13) this was the default rule; the default is now the rule chosen on held-out data.
    for (const t of ['He wrote "what a fool" in his column, which I thought was unfair.', 'I am not calling anyone an idiot.', 'This is a foolish plan.', 'She quoted the word "idiot" from his letter.', 'Please do not call other readers idiots.', 'Nobody here said "idiot" about you.', 'Comments that insult other readers will be removed.']) {
      const m = moderate(t, { spans: 'flagged' });
      for (const k of ATTRIBUTES) expect(m[k].score, `${k}: ${t}`).toBeLessThan(0.5);
      expect(m.spans, t).toEqual([]);
    }
    const said = moderate('You are a brainless idiot.', { spans: 'flagged' });
    expect(said.spans.map((x) => x.text).join(' ')).toContain('idiot');
  });

  it('by default, highlights nothing in a quoted or denied insult the comment model reads as calm, nor in a warning with no sure word', () => {
    // The default rule (session 13): a comment some attribute scores at least the span model's gate (0.02 since session 16; 0.1 before) whose surest
    // word reaches gateWord (0.4 since session 14, 0.6 before). SemEval-2021's raters mark quoted and denied insults
    // too, so a comment the comment model reads as a little hostile may show one ("Please do not call other readers
    // idiots.", toxicity 0.20 on 2026-12-04, shows "idiots"; `spans: 'flagged'` never does): docs/moderation.md,
    // session 13. With no comment gate (the session-14 grid's best) the quoted and denied ones below would show their
    // word too: the gate stays (session 14).
    for (const t of ['He wrote "what a fool" in his column, which I thought was unfair.', 'I am not calling anyone an idiot.', 'She quoted the word "idiot" from his letter.', 'Nobody here said "idiot" about you.', 'Comments that insult other readers will be removed.']) {
      expect(moderate(t).spans, t).toEqual([]);
    }
    for (const t of ['You are a brainless idiot.', 'People who vote for this are morons.']) expect(moderate(t).spans.length, t).toBeGreaterThan(0);
  });

  it('never highlights a quoted, denied or warned-about word, whatever the comment scores (session 16)', () => {
    // The vetoes sit on the word since session 16: the span decoding skips a word that is quoted, in a denial's or a
    // naming verb's scope, or aimed at an idea, so the comment gate no longer has to keep such comments closed.
    for (const t of ['Please do not call other readers idiots.', 'You are not an idiot, just misinformed.', 'He wrote "what a fool" in his column, which I thought was unfair.']) {
      for (const mode of SPAN_MODES) expect(moderate(t, { spans: mode }).spans, `${mode}: ${t}`).toEqual([]);
    }
    // In a comment that does insult, only the writer's own words: not the quoted one.
    const text = 'You are a brainless idiot. He said "fool" about you.';
    const m = moderate(text);
    expect(m.spans.map((s) => s.text).join(' ')).toContain('idiot');
    for (const s of m.spans) expect(s.span[1]).toBeLessThanOrEqual(text.indexOf('He said'));
  });

  it('takes spans: learned | flagged, and checks it', () => {
    const t = 'You are a brainless idiot.';
    expect(moderate(t, { spans: 'learned' })).toEqual(moderate(t));
    for (const bad of ['all', 'Flagged', '', 1, null]) expect(() => moderate(t, { spans: bad as never }), String(bad)).toThrow(ThreadlensOptionError);
  });

  it('shows the target of an insult in its evidence', () => {
    const m = moderate('You brainless windbag, nobody asked.');
    expect(m.insult.evidence.some((e) => e.cue.includes('target:you'))).toBe(true);
  });

  it('keeps calm and critical posts low on every attribute, with nothing highlighted in either span mode', () => {
    const posts = [
      'I think the budget numbers deserve a closer look before the vote.',
      'The minister is wrong about the budget.',
      'This plan is a costly mistake and a stupid idea.',
      // Harsh criticism of a policy, not of a person (the issue: nothing highlighted).
      'This is a foolish plan.',
      'The reasoning behind this policy is dumb.',
      'That was a stupid decision by the council.',
      'The council was spineless on this and the vote shows it.',
      'The rollout of this scheme was foolish.',
    ];
    for (const t of posts) {
      const m = moderate(t);
      for (const k of ATTRIBUTES) expect(m[k].score, `${t} ${k}`).toBeLessThan(0.5);
      expect(m.spans, t).toEqual([]);
      expect(moderate(t, { spans: 'flagged' }).spans, t).toEqual([]);
    }
  });

  it('shows a word aimed at an idea only beside a highlighted word aimed at a person (session 23)', () => {
    // SemEval-2021's raters mark "stupid" in "a stupid policy" when the comment also abuses a person; a comment that only
    // criticises a policy shows nothing (the issue), and a quoted, named or denied insult does not open it either.
    const texts = (t: string, spans: 'learned' | 'flagged' = 'learned'): string[] => moderate(t, { spans }).spans.map((s) => s.text);
    for (const t of ['What a stupid policy, you moron.', 'The mayor is an idiot and this policy is stupid.']) {
      for (const mode of SPAN_MODES) {
        expect(texts(t, mode), `${t} ${mode}`).toContain('stupid');
        expect(texts(t, mode).join(' '), `${t} ${mode}`).toMatch(/moron|idiot/);
      }
    }
    for (const t of ['What a stupid policy.', 'This stupid plan is a waste of money.', 'I am not calling anyone an idiot, but this plan is stupid.', 'He said "what an idiot" about this dumb proposal.']) {
      for (const mode of SPAN_MODES) expect(texts(t, mode), `${t} ${mode}`).toEqual([]);
    }
  });

  it('does not flag friendly casual chat, and still flags an insult said to a person (session 19)', () => {
    // Informal friendly lines (made up): before the casual tweets were fit on as negatives, "lol yeah that was awesome"
    // scored 0.51 toxicity and "Hey guys, great game last night!" 0.52.
    const friendly = ['lol yeah that was awesome', 'Hey guys, great game last night!', 'hi', 'Hello everyone', 'wow, thanks so much for the help, really appreciate it', 'Yay, we made it home safe!'];
    for (const t of friendly) {
      const m = moderate(t);
      expect(m.toxicity.score, t).toBeLessThan(0.5);
      expect(m.insult.score, t).toBeLessThan(0.5);
    }
    for (const t of ['You are an idiot.', 'Shut up, you moron.', 'You are a complete fool.']) {
      expect(moderate(t).insult.score, t).toBeGreaterThanOrEqual(0.5);
      expect(moderate(t).toxicity.score, t).toBeGreaterThanOrEqual(0.5);
    }
  });

  it('finds profanity, threats and identity attacks', () => {
    expect(moderate('What the fuck is this shit').profanity.score).toBeGreaterThanOrEqual(0.5);
    // Threats are rare in the training comments, so their scores run low: a ranking, not a verdict.
    expect(moderate('I will kill you and your family.').threat.score).toBeGreaterThan(moderate('I will visit you and your family.').threat.score + 0.15);
    expect(moderate('Immigrants are vermin.').identityAttack.score).toBeGreaterThan(moderate('Immigrants are welcome here.').identityAttack.score);
  });

  it('highlights the insulting phrase, not the whole sentence', () => {
    const text = 'I read your post twice and you are a brainless idiot who should stop typing.';
    const m = moderate(text);
    expect(m.spans.length).toBeGreaterThan(0);
    const marked = m.spans.map((s) => s.text).join(' ');
    expect(marked).toContain('idiot');
    expect(marked.length).toBeLessThan(text.length / 2);
    expect(m.spans.some((s) => s.attribute === 'insult')).toBe(true);
  });

  it('highlights the insult in an otherwise long, calm comment, and only that phrase', () => {
    // The span model is fit toward the SemEval-2021 gold since 2026-12-04 (session 12): the characters at least half of
    // the raters who marked anything marked. The comment is flagged for the insult, its long calm part stays unmarked.
    const text =
      'I have followed the council meetings on the new bus routes for two years, read the consultation report and ' +
      'spoken to the drivers at the depot about the timetable. The changes were explained at three public sessions. ' +
      'Anyone who still says nobody was asked is a lying idiot.';
    const m = moderate(text);
    expect(m.insult.score).toBeGreaterThanOrEqual(0.5);
    const marked = m.spans.map((s) => s.text).join(' ');
    expect(marked).toContain('idiot');
    expect(marked.length).toBeLessThan(40);
    for (const s of m.spans) expect(s.span[0]).toBeGreaterThan(text.indexOf('Anyone'));
    // A dehumanising word about a group: the ">= 2 raters" span model of 2026-12-03 highlighted nothing here.
    expect(moderate('Immigrants are vermin and should be sent back.').spans.map((s) => s.text)).toContain('vermin');
  });

  it('takes extra terms per category, and checks them', () => {
    const plain = moderate('what a numpty').insult.score;
    expect(moderate('what a numpty', { terms: { insult: { numpty: 1 } } }).insult.score).toBeGreaterThan(plain);
    expect(() => moderate('x', { terms: { insult: { a: 2 } } })).toThrow(ThreadlensOptionError);
    expect(() => moderate('x', { terms: { nope: {} } as never })).toThrow(ThreadlensOptionError);
  });

  it('property: never throws, fits the schema, spans slice back and do not overlap, deterministic', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'binary' }),
          fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) }),
          fc.array(fc.constantFrom('you', 'idiot', 'stupid', '"', 'not', 'people', 'who', 'are', 'morons', 'fuck', 'kill', '.', ',', ' ', '\n', 'Tom', 'is', 'a'), { maxLength: 30 }).map((ws) => ws.join(' ')),
        ),
        (text) => {
          const m = moderate(text);
          const flagged = moderate(text, { spans: 'flagged' });
          expect(ModerationSchema.safeParse(m).success).toBe(true);
          for (const k of ATTRIBUTES) for (const e of m[k].evidence) expect(text.slice(e.span[0], e.span[1])).toBe(e.text);
          // The default: spans only when some attribute's score reaches the span model's gate (0.02 since session 16); 'flagged': only in a
          // flagged comment (some attribute's score reaches 0.5). The scores are the same in both modes.
          if (m.spans.length > 0) expect(ATTRIBUTES.some((k) => m[k].score >= (spanModel.thresholds as Record<string, number>).gate!)).toBe(true);
          if (flagged.spans.length > 0) expect(ATTRIBUTES.some((k) => m[k].score >= 0.5)).toBe(true);
          expect({ ...flagged, spans: [] }).toEqual({ ...m, spans: [] });
          for (const spans of [m.spans, flagged.spans]) {
            let last = 0;
            for (const s of spans) {
              expect(text.slice(s.span[0], s.span[1])).toBe(s.text);
              expect(s.span[0]).toBeGreaterThanOrEqual(last);
              expect(s.span[1]).toBeGreaterThan(s.span[0]);
              last = s.span[1];
            }
          }
          expect(JSON.stringify(moderate(text))).toBe(JSON.stringify(m));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('shown scores (calibrated around each attribute\'s cut)', () => {
  const models = shippedModerationModels();
  const raw = { ...models, comment: { ...models.comment, thresholds: {} } };
  const cuts = models.comment.thresholds as Record<string, number>;
  it('ship a cut and two slopes per attribute', () => {
    for (const k of ATTRIBUTES) {
      expect(cuts[k], k).toBeGreaterThan(0);
      expect(cuts[k], k).toBeLessThan(1);
      expect(cuts[`${k}.below`], k).toBeGreaterThan(0);
      expect(cuts[`${k}.above`], k).toBeGreaterThan(0);
    }
  });
  it('property: flag (>= 0.5) exactly where the raw output reaches the cut, and keep the raw order', () => {
    const texts = fc.array(fc.constantFrom('you', 'idiot', 'stupid', 'not', 'people', 'who', 'are', 'morons', 'fuck', 'kill', 'the', 'plan', 'vote', '.', ',', 'I', 'think', 'is', 'a'), { minLength: 1, maxLength: 12 }).map((ws) => ws.join(' '));
    fc.assert(
      fc.property(texts, texts, (a, b) => {
        const [sa, sb, ra, rb] = [moderate(a), moderate(b), moderateWith(a, raw), moderateWith(b, raw)];
        for (const k of ATTRIBUTES) {
          // Away from the 4-decimal rounding of the shown score at the line itself.
          if (Math.abs(ra[k].score - cuts[k]!) > 1e-3) expect(sa[k].score >= 0.5, `${a} ${k}`).toBe(ra[k].score >= cuts[k]!);
          if (ra[k].score > rb[k].score) expect(sa[k].score, `${a} | ${b} ${k}`).toBeGreaterThanOrEqual(sb[k].score);
        }
      }),
      { numRuns: 150 },
    );
  });
  it('put a calm comment near 0 below the line, not at a third of it', () => {
    const m = moderate('I think the budget numbers deserve a closer look before the vote.');
    // The linear map showed 0.27 insult here: raw output at about half the cut.
    expect(m.insult.score).toBeLessThan(0.15);
    expect(m.threat.score).toBeLessThan(0.05);
  });
});

describe('the fast span scorer', () => {
  it('scores the context families (off in the shipped model) exactly as spanFeatures does when they are switched on', () => {
    const models = shippedModerationModels();
    // Made-up weights for every family's features, so that each one changes the sum.
    const spans = { ...models.spans, weights: { ...models.spans.weights, '$sent-like': [0.7], '$sent-lex': [-0.3], '$sent-you': [0.4], '$top-d1': [0.2], '$top-d2': [-0.1], '$top-d3': [0.05], '$cmt-score': [0.9], '$cmt-score-like': [-0.4] } };
    const saved = { ...SPAN_CONTEXT_FAMILIES };
    Object.assign(SPAN_CONTEXT_FAMILIES, { sentence: true, top: true, score: true });
    try {
      let moved = 0;
      for (const text of ['You are a brainless idiot. This plan is bad!', 'What a stupid policy, you moron.', 'People who vote for him are morons.\nYou clown, go away you fool', 'nothing here at all']) {
        const [tokens, readings] = readText(text, models.wordScores, undefined, undefined, models.likeness);
        const context = spanReading(readings, text, tokens);
        context.commentScore = 0.37;
        const fast = spanScores(spans, readings, context);
        expect(fast).toEqual(readings.map((_, k) => predict(spans, spanFeatures(readings, k, context))[0]));
        moved += fast.filter((p, k) => p !== predict(models.spans, spanFeatures(readings, k, context))[0]).length;
      }
      expect(moved).toBeGreaterThan(0);
    } finally {
      Object.assign(SPAN_CONTEXT_FAMILIES, saved);
    }
  });
  it("keeps each model's named weights apart, and scores the same on a second call", () => {
    const models = shippedModerationModels();
    const text = 'You are a brainless idiot, and people who vote for him are morons.';
    const [tokens, readings] = readText(text, models.wordScores, undefined, undefined, models.likeness);
    const context = spanReading(readings, text, tokens);
    const slow = (model: typeof models.spans): number[] => readings.map((_, k) => predict(model, spanFeatures(readings, k, context))[0]!);
    const first = spanScores(models.spans, readings, context);
    expect(first).toEqual(slow(models.spans));
    // Another model object with one named weight moved (a weight every word reads) has its own index.
    const moved = { ...models.spans, weights: { ...models.spans.weights, '$cmt-len': [(models.spans.weights['$cmt-len']?.[0] ?? 0) + 1] } };
    const other = spanScores(moved, readings, context);
    expect(other).toEqual(slow(moved));
    expect(other).not.toEqual(first);
    expect(spanScores(models.spans, readings, context)).toEqual(first);
    expect(spanScores(moved, readings, context)).toEqual(other);
  });
  it('property: scores every word exactly as the span model over wordFeatures does', () => {
    const models = shippedModerationModels();
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.array(fc.constantFrom('you', 'idiot', 'stupid', '"', 'not', 'people', 'who', 'are', 'morons', 'a', 'plan', 'Tom', 'is', '.', ',', '^', '$', 'what', "don't", 'call'), { maxLength: 30 }).map((ws) => ws.join(' ')),
        ),
        (text) => {
          const [tokens, readings] = readText(text, models.wordScores, undefined, undefined, models.likeness);
          const context = spanReading(readings, text, tokens);
          const skip = (k: number): boolean => readings[k]!.target === 'idea';
          const fast = spanScores(models.spans, readings, context, skip);
          expect(fast).toEqual(readings.map((_, k) => (skip(k) ? 0 : predict(models.spans, spanFeatures(readings, k, context))[0])));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('the HTML report', () => {
  it('highlights the moderation spans of a post, titled with their attribute', () => {
    const input = 'Town hall vote on the bridge\n\n2 Comments\n\nmaria_k\nThe new toll plan is a costly mistake.\n\ndave99\nYou are a brainless idiot and everyone here knows it.\n';
    const doc = analyze(input, { steps: ['moderation'] });
    const post = doc.thread.posts.find((p) => p.moderation && p.moderation.spans.length > 0);
    expect(post).toBeDefined();
    const html = renderHtml(doc);
    for (const s of post!.moderation!.spans) {
      expect(html).toMatch(new RegExp(`<mark class="ev-flag ev-flag-${s.attribute}"[^>]*>${s.text}</mark>`));
    }
    expect(html).not.toMatch(/<mark class="ev-flag[^"]*"[^>]*>[^<]*costly/);
  });
});

describe('the shipped moderation models', () => {
  it('are fit only on data that may ship, and say so', () => {
    for (const m of [commentModel, spanModel]) {
      expect(m.fitOn.length).toBeGreaterThan(0);
      for (const f of m.fitOn) expect(f).toMatch(/\((?:CC0 1\.0|MIT|CC BY 4\.0)\)$/);
      expect(m.fitOn.join(' ')).not.toMatch(/C3|Constructive|NC-SA/);
    }
    expect(commentModel.labels).toEqual([...ATTRIBUTES]);
    // Held-apart features take the raters' signal of quoted and denied words during the fit only.
    expect(Object.keys(commentModel.weights).some((k) => k.startsWith('$held-') || k.startsWith('held:'))).toBe(false);
  });
});

describe('summarizeSentiment', () => {
  it('counts labels and acts, ranks posts for review by the model scores, summarises authors', () => {
    const texts: Array<[string, string | null, string]> = [
      ['1', 'a', 'Exactly. Well said.'],
      ['2', 'b', 'You brainless troll, shut up.'],
      ['3', 'a', 'This plan is a costly mistake.'],
      ['4', null, 'I will kill you.'],
    ];
    const posts = texts.map(([id, author, text]) => ({ id, author, sentiment: scoreSentiment(text), acts: detectActs(text), moderation: moderate(text) }));
    const s = summarizeSentiment(posts);
    expect(s.posts).toBe(4);
    expect(s.sentiment.positive + s.sentiment.negative + s.sentiment.neutral + s.sentiment.mixed).toBe(4);
    expect(s.acts.agreement).toBe(1);
    expect(s.needsReview.map((r) => r.id).slice(0, 2).sort()).toEqual(['2', '4']);
    expect(s.authors.map((a) => a.author)).toEqual(['a', 'b', null]);
    expect(s.authors[0]!.posts).toBe(2);
    expect(summarizeSentiment([]).needsReview).toEqual([]);
  });
});

describe('word scores (word vectors projected toward toxicity)', () => {
  const table = loadWordScores({ center: 0.5, step: 0.5, groups: { '6': encodeWords(['vile', 'vileness']), '-2': '0lovely', '1': '0plain' } });

  it('front-codes sorted words and decodes them back', () => {
    expect(encodeWords(['abandon', 'abandoned', 'abbey', 'b'])).toBe('0abandon7ed2bey0b');
    fc.assert(
      fc.property(fc.uniqueArray(fc.stringMatching(/^[a-z'-]{1,14}$/), { maxLength: 40 }), (ws) => {
        const sorted = [...ws].sort();
        expect(decodeWords(encodeWords(sorted))).toEqual(sorted);
      }),
    );
  });

  it('property: finds every stored word, short or long (a long one is kept flat), on every call', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.stringMatching(/^[a-z'-]{1,24}$/), { minLength: 1, maxLength: 40 }), fc.stringMatching(/^[a-z]{1,24}$/), (ws, probe) => {
        const sorted = [...ws].sort();
        const scores = loadWordScores({ center: 0.5, step: 0.5, groups: { '4': encodeWords(sorted) } });
        for (let round = 0; round < 2; round++) {
          for (const w of sorted) expect(scores.score(w)).toBe(2);
          expect(scores.score(probe)).toBe(sorted.includes(probe) ? 2 : 0.5);
        }
      }),
    );
  });

  it('reads a word from its group, and any other word as the center', () => {
    expect(table.score('vile')).toBe(3);
    expect(table.score('vileness')).toBe(3);
    expect(table.score('lovely')).toBe(-1);
    expect(table.score('plain')).toBe(0.5);
    expect(table.score('unlisted')).toBe(0.5);
  });

  it('feeds word-score maxima per target into the comment features', () => {
    const f = new Map(commentFeatures(...readText('you vile person', table)));
    expect(f.get('$ws-you')).toBe(2.5);
    expect(f.get('$ws-max')).toBe(2.5);
  });

  it('shows a word-score maximum as evidence only on the content word that set it, scoring above the typical word', () => {
    // "my" and "you" are function words scored above "vile" here: the feature reads "vile", so the evidence sits there
    // (until session 19 it sat on the highest-scored word of any kind). The model's $ws weights are raised so the cue
    // clears the evidence bar whatever the shipped fit says.
    const scored = loadWordScores({ center: 0.5, step: 0.5, groups: { '20': encodeWords(['my', 'you']), '12': encodeWords(['vile']) } });
    const shipped = shippedModerationModels();
    const comment = { ...shipped.comment, weights: { ...shipped.comment.weights, '$ws-max': [1, 1, 1, 1, 1], '$ws-top2': [1, 1, 1, 1, 1] } };
    const models = { ...shipped, comment, wordScores: scored };
    const m = moderateWith('you and my vile friend', models);
    const cues = ATTRIBUTES.flatMap((a) => m[a].evidence).filter((e) => /^model:\$ws-(max|top2)/.test(e.cue));
    expect(cues.length).toBeGreaterThan(0);
    for (const e of cues) expect(e.text).toBe('vile');
    // Nothing above the typical word: no word-score evidence at all.
    const calm = moderateWith('you and my friend', models);
    expect(ATTRIBUTES.flatMap((a) => calm[a].evidence).some((e) => e.cue.startsWith('model:$ws-'))).toBe(false);
  });

  it('reads word scores and likeness of content words only (a function word near abuse in the vectors says nothing)', () => {
    // "the" and "you" are function words: scored above "vile" here, they do not reach the comment's maxima.
    const scored = loadWordScores({ center: 0.5, step: 0.5, groups: { '10': encodeWords(['the', 'you']), '6': encodeWords(['vile']) } });
    const f = new Map(commentFeatures(...readText('you saw the vile person', scored)));
    expect(f.get('$ws-max')).toBe(2.5);
    expect(new Map(commentFeatures(...readText('you saw the person', scored))).has('$ws-max')).toBe(false);
  });
});

describe('evidence only where a word moved the shown score visibly', () => {
  const ATTRS = ['toxicity', 'insult', 'profanity', 'identityAttack', 'threat'] as const;
  const calm = [
    'Thanks for the update, the bus was late again today but the driver was kind.',
    'The council meets on Tuesday; I will ask about the parking fees then.',
    'My grandmother lived on that street for forty years and loved the market.',
    'Is the new timetable online yet? I could not find it on the website.',
  ];

  it('shows no evidence for an attribute the model puts under one point', () => {
    let low = 0;
    for (const text of calm) {
      const r = moderate(text);
      for (const a of ATTRS) {
        if (r[a].score >= 0.01) continue;
        low++;
        expect(r[a].evidence, `${a} of "${text}"`).toEqual([]);
      }
    }
    expect(low).toBeGreaterThan(4); // the premise: calm comments do score near 0 on some attributes
  });

  it('still explains a flagged attribute, with the insulting word', () => {
    const text = 'You are a brainless idiot.';
    const r = moderate(text);
    expect(r.insult.score).toBeGreaterThanOrEqual(0.5);
    expect(r.insult.evidence.map((e) => e.text)).toContain('idiot');
    for (const e of r.insult.evidence) expect(text.slice(e.span[0], e.span[1])).toBe(e.text);
  });
});
