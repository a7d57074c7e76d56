/**
 * `npm run eval`: runs every section in scripts/eval/*.ts (sorted by file name), prints a table of
 * metrics and writes docs/evaluation.md with the date and the command (`npx tsx scripts/eval.ts NN --write`: only the
 * sections named, replaced in place). Data is read from ../shared/data.
 */
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface EvalRow {
  /** Dataset or fixture set, e.g. "VADER tweets (4,200)". */
  dataset: string;
  /** Metric name, e.g. "macro-F1 (3-class)". */
  metric: string;
  /** System measured, e.g. "threadlens", "raw wink-sentiment". */
  system: string;
  value: number;
  /** Target for the metric when the issue sets one, e.g. ">= 0.80". */
  target?: string;
}
export interface EvalSection {
  title: string;
  rows: EvalRow[];
  /** Paragraphs of method notes (how gold labels were derived, cross-validation, caveats). */
  notes: string[];
}
export interface EvalContext {
  /** Absolute path of ../shared/data. */
  dataDir: string;
  /** Absolute path of the repository root. */
  root: string;
}

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const dataDir = process.env.THREADLENS_DATA ?? resolve(root, '..', 'shared', 'data');

/** A section as markdown lines: heading, table, notes (each followed by a blank line). */
function renderSection(s: EvalSection, stamp?: string): string[] {
  const out = [`## ${s.title}`, ''];
  if (stamp) out.push(`*${stamp}*`, '');
  out.push('| dataset | metric | system | value | target |', '|---|---|---|---|---|');
  for (const r of s.rows) out.push(`| ${r.dataset} | ${r.metric} | ${r.system} | ${r.value.toFixed(3)} | ${r.target ?? ''} |`);
  out.push('');
  for (const n of s.notes) out.push(n, '');
  return out;
}

/**
 * Replaces, in an existing docs/evaluation.md, each re-run section (matched by its `## title` line) with its new
 * text, leaving every other section as it was; a section the file lacks is appended.
 */
function replaceSections(
  doc: string,
  sections: EvalSection[],
  stamp: string,
): { text: string; missing: string[] } {
  const lines = doc.split('\n');
  const missing: string[] = [];
  let out = lines;
  for (const s of sections) {
    const start = out.indexOf(`## ${s.title}`);
    const fresh = renderSection(s, stamp);
    if (start < 0) {
      missing.push(s.title);
      out = [...out, ...fresh];
      continue;
    }
    let end = start + 1;
    while (end < out.length && !out[end]!.startsWith('## ')) end++;
    out = [...out.slice(0, start), ...fresh, ...out.slice(end)];
  }
  return { text: out.join('\n'), missing };
}

async function main(): Promise<void> {
  if (!existsSync(dataDir)) {
    console.error(`threadlens eval: data folder not found: ${dataDir} (set THREADLENS_DATA)`);
    process.exit(2);
  }
  const args = process.argv.slice(2);
  const write = args.includes('--write');
  const only = args.filter((a) => a !== '--write');
  const files = readdirSync(join(here, 'eval'))
    // Sections are the numbered files (`NN-name.ts`); other scripts there run on their own.
    .filter((f) => /^\d{2}-.*\.ts$/.test(f))
    .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
    .sort();
  const sections: EvalSection[] = [];
  const started = Date.now();
  for (const file of files) {
    const t0 = Date.now();
    const mod = (await import(pathToFileURL(join(here, 'eval', file)).href)) as {
      run: (ctx: EvalContext) => Promise<EvalSection>;
    };
    const section = await mod.run({ dataDir, root });
    sections.push(section);
    console.log(`\n## ${section.title}  (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    for (const r of section.rows) {
      console.log(
        `${r.dataset.padEnd(40)} ${r.metric.padEnd(26)} ${r.system.padEnd(24)} ${r.value.toFixed(3)}${r.target ? `  (target ${r.target})` : ''}`,
      );
    }
  }
  const date = new Date().toISOString().slice(0, 10);
  const md: string[] = [
    '# Evaluation',
    '',
    `Measured on ${date} with \`npm run eval\` (${((Date.now() - started) / 1000).toFixed(0)} s on a 2-core machine).`,
    'Data: the development splits in `../shared/data` (see its README); nothing from them is shipped.',
    'Figures for anything fit on development data are k-fold cross-validated, as each section says.',
    'One section can be re-run alone with `npx tsx scripts/eval.ts NN --write` (NN its file number in `scripts/eval/`): it',
    'replaces that section here and stamps it with its own date.',
    '',
  ];
  for (const s of sections) md.push(...renderSection(s));
  const target = join(root, 'docs', 'evaluation.md');
  if (only.length === 0) writeFileSync(target, md.join('\n'));
  else if (write && existsSync(target)) {
    const stamp = `Section re-run on ${date} with \`npx tsx scripts/eval.ts ${only.join(' ')} --write\` (${((Date.now() - started) / 1000).toFixed(0)} s for the sections named); the other sections are from the date above.`;
    const { text, missing } = replaceSections(readFileSync(target, 'utf8'), sections, stamp);
    writeFileSync(target, text);
    console.log(`\n(partial run: ${sections.length - missing.length} section(s) replaced in docs/evaluation.md)`);
    for (const t of missing) console.log(`(section not found in docs/evaluation.md, appended: ${t})`);
  } else console.log('\n(partial run: docs/evaluation.md not rewritten; add --write to replace these sections in it)');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
