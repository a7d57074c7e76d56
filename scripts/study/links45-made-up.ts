/**
 * Session 45 (link45, docs/dump-styles.md "Session 45 (link45)"): the conversation-page reading on made-up flat pages
 * (test/lib/made-up-flat-page.ts): link41's sixteen comments and its first four, and link45's eight-post conversation and
 * eight independent comments. Prints each page's probability under src/thread/conversation-page.model.json (or MODEL=path)
 * and the parent each post gets with the reading on (`-` top level; the reply cue's kind). Measures only.
 * Usage: npx tsx scripts/study/links45-made-up.ts
 */
import { readFileSync } from 'node:fs';
import { parse } from '../../src/index.js';
import { setConversationPageForStudy } from '../../src/thread/conversation-page.js';
import { predict, type LinearModel } from '../../src/learn/model.js';
import { CONVERSATION, INDEPENDENT, POSTS, flat } from '../../test/lib/made-up-flat-page.js';

const model = JSON.parse(readFileSync(process.env.MODEL ?? 'src/thread/conversation-page.model.json', 'utf8')) as LinearModel;
const pages: Array<[string, ReadonlyArray<readonly [string, string]>]> = [
  ['link41: 16 comments', POSTS],
  ['link41: first 4', POSTS.slice(0, 4)],
  ['link45: conversation', CONVERSATION],
  ['link45: independent', INDEPENDENT],
];
for (const [name, posts] of pages) {
  let p: number | null = null;
  setConversationPageForStudy({ model, record: (_v, _e, f) => (p = f.length > 0 ? predict(model, f)[0]! : null) });
  const doc = parse(flat(posts), { name }) as any;
  setConversationPageForStudy(undefined);
  const idx = new Map<string, number>(doc.thread.posts.map((q: any, i: number) => [q.id, i]));
  const links = doc.thread.posts.map((q: any) => (q.parentId == null ? '-' : `${idx.get(q.parentId)}:${q.replyCue?.kind}`)).join(' ');
  console.log(`${name}\tp ${p === null ? 'none' : (p as number).toFixed(3)}\t${links}`);
}
