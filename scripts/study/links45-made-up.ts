import { parse } from '/work/wt-link45/src/index.js';
import { setConversationPageForStudy, conversationPageFeatures } from '/work/wt-link45/src/thread/conversation-page.js';
import { predict, type LinearModel } from '/work/wt-link45/src/learn/model.js';
import { flat, POSTS } from '/work/wt-link45/test/lib/made-up-flat-page.js';
import { readFileSync } from 'node:fs';
const model = JSON.parse(readFileSync('/work/wt-link45/src/thread/conversation-page.model.json', 'utf8')) as LinearModel;
for (const [name, posts] of [['16 comments', POSTS], ['first 4', POSTS.slice(0, 4)]] as const) {
  let p = -1;
  setConversationPageForStudy({ model: null, record: (_v, _e, f) => { p = f.length ? predict(model, f)[0]! : -1; } });
  parse(flat(posts), { name: 'made-up' });
  console.log(name, p.toFixed(3));
}
