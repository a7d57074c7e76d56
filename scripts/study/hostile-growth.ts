/**
 * Session 29 (harden29): how the cost of each public entry point grows on hostile input.
 *
 * Each input family is built at n, 2n and 4n and run through `analyze`, `parse` and `classifyRecord`
 * (and, with `--cli`, the built CLI's `analyze` and `classify`); the table prints CPU ms at each size and the
 * ratio 4n / n (linear ~4, quadratic ~16). A family stops growing once a run takes over `--cap` ms.
 *
 *   npx tsx scripts/study/hostile-growth.ts [--src ../other/src] [--n 50000] [--only name,...] [--entry analyze,...]
 *
 * Timing is CPU time of this process (steadier than wall time on a shared machine); a warm-up run at n/8
 * comes first. Nothing here is a test: the fixes it found are pinned by output checks in test/hostile-input.test.ts.
 */
import { resolve } from 'node:path';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const src = resolve(arg('src') ?? 'src');
const baseN = Number(arg('n') ?? 50_000);
const cap = Number(arg('cap') ?? 8_000);
const only = arg('only')?.split(',');
const entries = (arg('entry') ?? 'analyze,parse,classifyRecord').split(',');

const lib = (await import(resolve(src, 'index.ts'))) as {
  analyze: (input: string) => unknown;
  parse: (input: string) => unknown;
  classifyRecord: (r: { text: string; target?: string }) => unknown;
};

const head = 'The council approved the budget\n\nThe council approved the new budget on Monday. It costs 4 million.\n\nComments\n\n';

const SECTION = 'A story of the town\n\nThe council will close the centre on Sundays, saving money every year.\n\n500 comments\n\n';

/** Hostile families; `n` is characters for one-line families, lines for many-line ones. */
const FAMILIES: Record<string, (n: number) => string> = {
  spaces: (n) => `a${' '.repeat(n)}b`,
  tabs: (n) => `a${'\t'.repeat(n)}b`,
  digits: (n) => '7'.repeat(n),
  'digits, spaced': (n) => '1 '.repeat(n / 2),
  'digit groups': (n) => '1,000'.repeat(n / 5),
  dots: (n) => `Well${'.'.repeat(n)}`,
  'dot space': (n) => '. '.repeat(n / 2),
  commas: (n) => ','.repeat(n),
  dashes: (n) => '-'.repeat(n),
  'em dashes': (n) => '—'.repeat(n),
  'at signs': (n) => '@'.repeat(n),
  '@ words': (n) => '@a '.repeat(n / 3),
  colons: (n) => ':'.repeat(n),
  'colon space': (n) => ': '.repeat(n / 2),
  'middle dots': (n) => ' · '.repeat(n / 3),
  'word dot': (n) => 'a · '.repeat(n / 4),
  emoji: (n) => '😀'.repeat(n / 2),
  'emoji spaced': (n) => '😀 '.repeat(n / 3),
  '! and ?': (n) => '!?'.repeat(n / 2),
  quotes: (n) => '"'.repeat(n),
  'quote words': (n) => '"a" '.repeat(n / 4),
  'gt markers': (n) => `${'>'.repeat(n)} text`,
  'gt spaced': (n) => `${'> '.repeat(n / 2)}text`,
  parens: (n) => '('.repeat(n),
  'paren words': (n) => '(a '.repeat(n / 3),
  brackets: (n) => '[quote]'.repeat(n / 7),
  slashes: (n) => '/'.repeat(n),
  urls: (n) => 'http://'.repeat(n / 7),
  'a.b': (n) => 'a.'.repeat(n / 2),
  'capital words': (n) => 'Aa '.repeat(n / 3),
  'words': (n) => 'word '.repeat(n / 5),
  'words, no spaces': (n) => 'x'.repeat(n),
  'not not': (n) => 'not '.repeat(n / 4),
  'not the': (n) => 'not the '.repeat(n / 8),
  'good good': (n) => 'good '.repeat(n / 5),
  'target repeated': (n) => 'the budget is good '.repeat(n / 19),
  'short clauses': (n) => 'a good; '.repeat(n / 8),
  'short sentences': (n) => 'Good. '.repeat(n / 6),
  'very very': (n) => 'very '.repeat(n / 5),
  'you you': (n) => 'you '.repeat(n / 4),
  'sentence no end': (n) => 'the council is wrong and '.repeat(n / 25),
  'huge number': (n) => `It costs ${'9'.repeat(n)} dollars, not ${'8'.repeat(n)}.`,
  'number words': (n) => 'million '.repeat(n / 8),
  'time-ish': (n) => '12:3'.repeat(n / 4),
  'ago-ish': (n) => '2 hours '.repeat(n / 8),
  nul: (n) => '\u0000'.repeat(n),
  'nul words': (n) => 'a\u0000'.repeat(n / 2),
  'lone surrogates': (n) => '\ud800'.repeat(n),
  'lone low surrogates': (n) => 'a\udc00'.repeat(n / 2),
  'cr only': (n) => 'Some words here.\r'.repeat(n / 17),
  'nbsp': (n) => '\u00a0'.repeat(n),
  'zero width': (n) => 'a\u200b'.repeat(n / 2),
  // many short lines
  'lines of @': (n) => '@\n'.repeat(n / 2),
  'lines of names': (n) => 'Anna\n'.repeat(n / 5),
  // Session 30 (parsegen30): the head families of the layout generator, many posts each, under a story and a count line.
  'initials over names': (n) => SECTION + Array.from({ length: n / 40 }, (_, k) => `AB\nAnn Bee${k}\nSome words of a comment here.\n`).join(''),
  'badge marks': (n) => SECTION + Array.from({ length: n / 40 }, (_, k) => `Ann Bee${k} ◆ · 3h\nSome words of a comment here.\n`).join(''),
  'separated suffixes': (n) => SECTION + Array.from({ length: n / 40 }, (_, k) => `Ann Bee${k} | Zorvik\nSome words of a comment here.\n`).join(''),
  'reply previews': (n) => SECTION + Array.from({ length: n / 60 }, (_, k) => `Ann Bee${k}\nSome words of a comment here.\n@Ann Bee${k} Some words of…\n`).join(''),
  'fold toggles': (n) => SECTION + Array.from({ length: n / 60 }, (_, k) => `Ann Bee${k}\nSome words of a comment here.\nCollapse ${k} earlier answers\n`).join(''),
  'lines: name · time': (n) => 'Anna · 2h\n'.repeat(n / 10),
  'lines: almost head': (n) => 'Anna · 2\n'.repeat(n / 9),
  'lines: almost time': (n) => '2 hours ag\n'.repeat(n / 11),
  'lines: counts': (n) => '12 replies\n'.repeat(n / 11),
  'lines: almost count': (n) => '12 repl\n'.repeat(n / 8),
  'lines: reply': (n) => 'Reply\n'.repeat(n / 6),
  'lines: level': (n) => 'level 1\n'.repeat(n / 8),
  'lines: quote >': (n) => '> a\n'.repeat(n / 4),
  'lines: deep >': (n) => `${'>'.repeat(200)} a\n`.repeat(n / 203),
  'lines: numbered': (n) => Array.from({ length: n / 8 }, (_, i) => `${i + 1}. Ann`).join('\n'),
  'lines: blank': (n) => '\n'.repeat(n),
  'lines: crlf blank': (n) => '\r\n'.repeat(n / 2),
  'lines: cr blank': (n) => '\r'.repeat(n),
  'lines: comments heads': (n) => 'Comments\n'.repeat(n / 9),
  'lines: posts': (n) => Array.from({ length: n / 40 }, (_, i) => `User${i % 50} · ${i % 9 + 1}h\nI disagree with @User${(i + 1) % 50}.\n`).join(''),
  'lines: same author posts': (n) => 'Anna · 2h\nYou are wrong.\n\n'.repeat(n / 26),
  'lines: replies to one': (n) => Array.from({ length: n / 40 }, (_, i) => `U${i} · 1h\n@Anna you are wrong ${i}\n`).join(''),
  'lines: long words': (n) => Array.from({ length: n / 100 }, () => `${'abcdefghij'.repeat(9)} x.`).join('\n'),
  'lines: sentences': (n) => 'The budget is wrong. It costs 4 million, not 3.\n'.repeat(n / 48),
};

function cpuMs(fn: () => void): number {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

const runners: Record<string, (text: string) => void> = {
  analyze: (t) => void lib.analyze(head + t),
  parse: (t) => void lib.parse(head + t),
  classifyRecord: (t) => void lib.classifyRecord({ text: t, target: 'the budget' }),
};

const rows: string[] = [];
console.log(`src ${src}, n = ${baseN}, cap ${cap} ms`);
console.log('family | entry | n | 2n | 4n | 4n/n');
for (const [name, make] of Object.entries(FAMILIES)) {
  if (only && !only.includes(name)) continue;
  for (const entry of entries) {
    const run = runners[entry]!;
    try {
      run(make(Math.max(8, Math.round(baseN / 8)))); // warm-up
      const ms: number[] = [];
      for (const k of [1, 2, 4]) {
        if (ms.length > 0 && ms[ms.length - 1]! > cap) break;
        const input = make(baseN * k);
        ms.push(cpuMs(() => run(input)));
      }
      const ratio = ms.length === 3 ? (ms[2]! / Math.max(ms[0]!, 1)).toFixed(1) : 'capped';
      const row = `${name} | ${entry} | ${ms.map((m) => m.toFixed(0)).join(' | ')} | ${ratio}`;
      rows.push(row);
      console.log(row);
    } catch (e) {
      const row = `${name} | ${entry} | THREW ${(e as Error).name}: ${(e as Error).message.slice(0, 120)}`;
      rows.push(row);
      console.log(row);
    }
  }
}
