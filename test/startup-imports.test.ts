/**
 * Start-up cost: the main entry and the CLI's analyze / classify path load no zod (the schemas are in
 * `threadlens/schema`, and `threadlens schema` imports them when it runs). Follows the static value imports of the
 * sources (`import type` and `import()` are not loaded at start-up).
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
// A static import or re-export that loads a module: `import x from`, `import { a } from`, `import 'm'`, `export ... from`.
const STATIC = /^(?:import|export)\s+(?!type\b)(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm;

/** Every module reached by static value imports from `entry`: repository files by path, packages by name. */
function reached(entry: string): Set<string> {
  const seen = new Set<string>();
  const todo = [entry];
  while (todo.length > 0) {
    const file = todo.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (!file.startsWith(root)) continue;
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(STATIC)) {
      const spec = m[1]!;
      if (spec.startsWith('.')) {
        const path = resolve(dirname(file), spec);
        todo.push(path.endsWith('.js') ? path.slice(0, -3) + '.ts' : path);
      } else seen.add(spec);
    }
  }
  return seen;
}

describe('start-up imports', () => {
  it('the main entry loads no zod', () => {
    const mods = reached(join(root, 'src', 'index.ts'));
    expect(mods.has(join(root, 'src', 'parse.ts'))).toBe(true);
    expect([...mods].filter((m) => m === 'zod' || m.includes('/src/schema/'))).toEqual([]);
  });
  it('the CLI loads no zod before a command asks for the schemas', () => {
    const mods = reached(join(root, 'src', 'cli', 'main.ts'));
    expect(mods.has(join(root, 'src', 'cli', 'commands', 'schema.ts'))).toBe(true);
    expect([...mods].filter((m) => m === 'zod' || m.includes('/src/schema/'))).toEqual([]);
  });
});
