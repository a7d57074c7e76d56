import { parse } from '../../src/index.js';
import { setConversationPageForStudy } from '../../src/thread/conversation-page.js';
import { predict, type LinearModel } from '../../src/learn/model.js';
import { flat } from '../../test/lib/made-up-flat-page.js';
import { readFileSync } from 'node:fs';
const model = JSON.parse(readFileSync('src/thread/conversation-page.model.json', 'utf8')) as LinearModel;
const pages: Record<string, Array<[string, string]>> = JSON.parse(readFileSync(process.argv[2]!, 'utf8'));
for (const [name, posts] of Object.entries(pages)) {
  let p = -1;
  let feats: ReadonlyArray<[string, number]> = [];
  setConversationPageForStudy({ model: 'shipped', record: (_v, _e, f) => { feats = f; p = f.length ? predict(model, f)[0]! : -1; } });
  const doc = parse(flat(posts), { name }) as any;
  const idx = new Map(doc.thread.posts.map((q: any, i: number) => [q.id, i]));
  console.log(name, p.toFixed(3), doc.thread.posts.map((q: any) => (q.parentId == null ? '-' : `${idx.get(q.parentId)}:${q.replyCue?.kind}${q.replyCue?.span ? "+span" : ""}`)).join(' '));
  console.log('  ', feats.map(([n, v]) => `${n}=${v.toFixed(2)}`).join(' '));
}
