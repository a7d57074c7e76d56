import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze, parse } from '../src/index.js';

// The issues' "done when" checks on the seeds, asserted on the real pipeline.
const seed = (n: string) => readFileSync(join(__dirname, '..', 'fixtures', `seed-${n}`, 'input.txt'), 'utf8');

describe('seeds: article text keeps no chrome', () => {
  const chrome = [
    'CENTRES', 'Progammes & Centres', 'Image Source: Getty', '(Photo Internet reproduction)', 'GIPHY App Key not set',
    'Read More +', 'Telegram', 'This commentary originally appeared', '© KYODO', '21 Comments', 'Login to comment',
    'is a Research Assistant with ORF',
  ];
  for (const n of ['000', '001', '002', '003', '004']) {
    it(`seed ${n}`, () => {
      const text = parse(seed(n)).article.text;
      for (const c of chrome) expect(text, c).not.toContain(c);
      expect(text.length).toBeGreaterThan(1000);
    });
  }
  it('seed 002: repeated sentences are pull-quotes, not paragraphs', () => {
    const doc = parse(seed('002'));
    const pull = doc.article.blocks.filter((b) => b.kind === 'pull-quote').map((b) => b.text);
    expect(pull.some((t) => t.startsWith('Trump’s unilateral announcement about Nippon'))).toBe(true);
    expect(pull.some((t) => t.startsWith('The two primary focuses for Tokyo'))).toBe(true);
    // Each repeated sentence stays once in the body text.
    expect(doc.article.text.split('The two primary focuses for Tokyo').length - 1).toBe(1);
  });
});

describe('seed 001 thread', () => {
  const doc = analyze(seed('001'));
  const posts = doc.thread.posts;
  const byText = (start: string) => {
    const p = posts.find((x) => x.text.startsWith(start));
    if (!p) throw new Error(`no post starting ${start}`);
    return p;
  };
  it('has 21 posts with the authors in order, and a mention', () => {
    expect(posts.map((p) => p.author)).toEqual([
      'Asiaman7', 'Wasabi', 'dagon', 'Nicolò', 'Nicolò', 'OssanAmerica', 'OssanAmerica', 'OssanAmerica', 'Five Families',
      'Meiyouwenti', 'Peter14', 'Peter14', 'Peter14', 'Speed', 'OssanAmerica', 'ian', 'owzer', 'JapanJim', 'OssanAmerica',
      'Five Families', 'Blacklabel',
    ]);
    expect(byText('@Keita Nakamura').mentions.map((m) => m.name)).toEqual(['Keita Nakamura']);
    expect(byText('@Keita Nakamura').text.endsWith('China’s Navy has grown exponentially.')).toBe(true);
  });
  it('issue 3: insult, agreement with the parent, rhetorical question', () => {
    // "High" is flagged: 0.5 is the insult cut chosen out of fold (0.589 after the 2026-12-04 moderation refit; the
    // margin was 0.6 before).
    expect(byText('Ignore the Idiot').moderation!.insult.score).toBeGreaterThanOrEqual(0.5);
    const exactly = byText('Exactly.');
    expect(exactly.parentId).not.toBeNull();
    expect(exactly.acts!.map((a) => a.act)).toContain('agreement');
    expect(exactly.replyStance!.label).toBe('support');
    expect(byText('Is Japan not paying enough?').acts!.map((a) => a.act)).toContain('rhetorical-question');
    expect(byText('Enough of paying').moderation!.insult.score).toBeLessThan(0.5);
  });
  it('issue 4: OssanAmerica corrects the Trump quote, Peter14 corrects himself, Blacklabel predicts', () => {
    const ossan = byText('Trump said this back in 2016');
    const article = (ossan.corrections ?? []).filter((c) => c.kind === 'article');
    const targets = article.map((c) => c.target.text);
    expect(targets.some((t) => t.includes('Sony television'))).toBe(true);
    expect(targets.some((t) => t.includes("Japan doesn't have to help us"))).toBe(true);
    expect(article.some((c) => c.cue === 'different-date' && c.note.includes('2016') && c.note.includes('2019'))).toBe(true);
    const self = byText('Trump or America.').corrections!.find((c) => c.kind === 'self');
    expect(self?.target.kind === 'post' && self.target.postId).toBe(byText('It is not up to Trump of America').id);
    const black = byText('There will be zero changes to SOFA');
    expect(black.claims).toEqual([]);
    expect(black.acts!.map((a) => a.act)).toContain('prediction');
    expect(black.stances!.find((s) => /sofa/i.test(s.target) && s.label === 'against')).toBeDefined();
  });
});

describe('analyze: steps', () => {
  it('runs only the steps asked for, and names an unknown step in its error', () => {
    const doc = analyze(seed('001'), { steps: ['sentiment', 'moderation'] });
    const post = doc.thread.posts[10]!;
    expect(post.sentiment).toBeDefined();
    expect(post.moderation!.insult.score).toBeGreaterThan(0.5);
    expect(post.acts).toBeUndefined();
    expect(post.corrections).toBeUndefined();
    expect(doc.article.claims).toEqual([]);
    expect(() => analyze('x', { steps: ['sentiment', 'tokens' as never] })).toThrow(/steps.*"tokens"/s);
  });
});

// Issue 3: "every post of every fixture has sentiment, acts and moderation with evidence spans".
describe('issue 3: every post of every fixture is labelled, with evidence that slices back', () => {
  const root = join(__dirname, '..', 'fixtures');
  const names = readdirSync(root).filter((d) => readdirSync(join(root, d)).some((f) => f.startsWith('input.'))).sort();
  it('covers every fixture folder', () => expect(names.length).toBeGreaterThanOrEqual(30));
  for (const name of names) {
    it(name, () => {
      const file = readdirSync(join(root, name)).find((f) => f.startsWith('input.'))!;
      const input = readFileSync(join(root, name, file), 'utf8');
      const doc = analyze(input);
      // Spans index the analysed text: the input itself, or the text rendered from a JSON dump.
      const analysed = doc.source.text ?? input;
      const slices = (ev: { span: [number, number]; text: string }): void => expect(analysed.slice(...ev.span)).toBe(ev.text);
      for (const p of doc.thread.posts) {
        const s = p.sentiment!;
        expect(['positive', 'negative', 'neutral', 'mixed']).toContain(s.label);
        expect(s.score).toBeGreaterThanOrEqual(-1);
        expect(s.score).toBeLessThanOrEqual(1);
        if (p.text.trim() && /\p{L}/u.test(p.text)) expect(s.sentences.length).toBeGreaterThan(0);
        if (s.label !== 'neutral') expect(s.evidence.length, `${name} ${p.id} ${s.label} sentiment without evidence`).toBeGreaterThan(0);
        s.evidence.forEach(slices);
        expect(Array.isArray(p.acts)).toBe(true);
        for (const a of p.acts!) {
          expect(a.evidence.text.length, `${name} ${p.id} act ${a.act} without evidence`).toBeGreaterThan(0);
          slices(a.evidence);
        }
        const m = p.moderation!;
        for (const key of ['toxicity', 'insult', 'profanity', 'identityAttack', 'threat'] as const) {
          expect(m[key].score).toBeGreaterThanOrEqual(0);
          expect(m[key].score).toBeLessThanOrEqual(1);
          // Learned scores are never exactly 0 (issue 14): an attribute a caller would act on (>= 0.5) shows why.
          if (m[key].score >= 0.5) expect(m[key].evidence.length, `${name} ${p.id} ${key}`).toBeGreaterThan(0);
          m[key].evidence.forEach(slices);
        }
        m.spans.forEach(slices);
      }
    });
  }
});
