import type { Post, ThreadDocument } from '../schema/document.js';

function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function badges(post: Post): string {
  const out: string[] = [];
  if (post.removed) out.push('removed');
  if (post.isOP) out.push('OP');
  if (post.sentiment) out.push(`${post.sentiment.label} ${post.sentiment.score.toFixed(2)}`);
  if (post.sentiment && post.sentiment.sarcasm.length > 0) {
    out.push(`${post.sentiment.sarcasmLevel === 'possible' ? 'possibly sarcastic' : 'sarcastic'} (${post.sentiment.sarcasm.map((e) => `“${oneLine(e.text, 30)}”`).join(', ')})`);
  }
  for (const act of new Set((post.acts ?? []).map((a) => a.act))) out.push(act);
  if (post.replyStance && post.replyStance.label !== 'comment') out.push(replyStancePhrase(post.replyStance.label));
  const m = post.moderation;
  if (m) {
    const top = (['toxicity', 'insult', 'profanity', 'identityAttack', 'threat'] as const).map((k) => [k, m[k]] as const).sort((a, b) => b[1].score - a[1].score)[0];
    if (top && top[1].score >= 0.5) out.push(`${top[0]} ${top[1].score.toFixed(2)}`);
  }
  // Every stance toward a subject is shown (neutral too); toward other targets only a side taken.
  for (const s of post.stances ?? []) if (s.label !== 'neutral' || s.implicit) out.push(`${s.label} ${s.target}${s.implicit ? ' (implicit)' : ''}`);
  if (post.claims && post.claims.length > 0) out.push(`${post.claims.length} claim${post.claims.length > 1 ? 's' : ''}`);
  // One badge per thing corrected, with a count when the post corrects it on several grounds.
  const corrected = new Map<string, number>();
  for (const c of post.corrections ?? []) {
    const what = `corrects ${c.kind === 'post' ? `post ${c.target.kind === 'post' ? c.target.postId : ''}`.trimEnd() : c.kind}`;
    corrected.set(what, (corrected.get(what) ?? 0) + 1);
  }
  for (const [what, n] of corrected) out.push(n > 1 ? `${what} (${n} findings)` : what);
  return out.length ? `  [${out.join(', ')}]` : '';
}

/** A readable summary of a document for a terminal: article, thread tree with badges, corrections, messages. */
export function formatText(doc: ThreadDocument): string {
  const lines: string[] = [];
  const a = doc.article;
  lines.push(`${doc.source.name ?? 'input'}  (${doc.source.style} dump, threadlens ${doc.version}, schema ${doc.schemaVersion})`);
  lines.push(`Title: ${a.title ?? '(none)'}${a.date ? `   Date: ${a.date}` : ''}${a.byline ? `   By: ${a.byline}` : ''}`);
  lines.push(`Article: ${a.blocks.filter((b) => b.kind === 'paragraph').length} paragraphs, ${a.sentences.length} sentences, ${a.claims.length} claims`);
  const chrome = doc.blocks.filter((b) => b.kind === 'boilerplate' || b.kind === 'caption' || b.kind === 'credit' || b.kind === 'bio').length;
  if (chrome) lines.push(`Chrome removed: ${chrome} lines (captions, credits, boilerplate, bios)`);
  const posts = doc.thread.posts;
  const declared = doc.thread.declaredCount;
  lines.push('', `Thread: ${posts.length} posts${declared !== null ? ` (the dump declares ${declared})` : ''}`);
  const subject = doc.targets?.[0];
  if (subject) {
    const n = { favor: 0, against: 0, neutral: 0 };
    for (const p of posts) for (const s of p.stances ?? []) if (s.target === subject.name) n[s.label]++;
    lines.push(`Stance toward "${subject.name}"${subject.derived ? ' (the subject, derived from the title and lede)' : ''}: ${n.favor} favor, ${n.against} against, ${n.neutral} neutral`);
  }
  for (const p of posts) {
    const indent = '  '.repeat(Math.min(p.depth, 12));
    lines.push(`${indent}- ${p.id} ${p.author ?? '(unknown)'}${p.parentId ? ` → ${p.parentId}` : ''}: ${oneLine(p.removed ? '(removed)' : p.text, 90)}${badges(p)}`);
  }
  const corrections = posts.flatMap((p) => (p.corrections ?? []).map((c) => ({ p, c })));
  if (corrections.length) {
    lines.push('', 'Corrections:');
    for (const { p, c } of corrections) {
      lines.push(`  ${p.id} ${p.author ?? ''} corrects ${c.kind} (${c.cue}): "${oneLine(c.target.text, 80)}"`);
      if (c.note) lines.push(`      ${c.note}`);
    }
  }
  if (doc.messages.length) {
    lines.push('', 'Messages:');
    for (const m of doc.messages) lines.push(`  ${m.severity} ${m.ruleId}: ${m.reason}`);
  }
  return `${lines.join('\n')}\n`;
}

/** What a reply does to its parent, in words: "supports parent", "denies parent", "queries parent". */
export function replyStancePhrase(label: 'support' | 'deny' | 'query' | 'comment'): string {
  return { support: 'supports parent', deny: 'denies parent', query: 'queries parent', comment: 'comments on parent' }[label];
}
