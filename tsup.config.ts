import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, relative, resolve } from 'node:path';
import { defineConfig, type Options } from 'tsup';
import { writeSchemas } from './scripts/build-schema.js';

// The learned models and lexicons (src/classify/**/*.json, about 700 kB) are shipped once, as dist/models/*.json,
// and imported from there by both the ESM and the CommonJS build (JSON import attributes need Node 20.10):
// inlined, the package carried every one of them twice.
const MODELS = resolve('src/classify');
const modelName = (file: string): string => `${basename(dirname(file))}-${basename(file)}`;
const modelFiles = new Set<string>();
const sharedModels: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'threadlens-shared-models',
  setup(build) {
    build.onResolve({ filter: /\.json$/ }, (args) => {
      const file = resolve(args.resolveDir, args.path);
      if (relative(MODELS, file).startsWith('..')) return undefined;
      modelFiles.add(file);
      return { path: `./models/${modelName(file)}`, external: true };
    });
  },
};

/**
 * Copies the models the builds import into dist/models/, without the indentation the repository keeps for diffs
 * (the same JSON value: `JSON.parse` reads every number back exactly), and gives the ESM build's imports of them the
 * `with { type: 'json' }` attribute Node requires (esbuild drops it on external imports).
 */
function shipModels(outDir: string): void {
  mkdirSync(resolve(outDir, 'models'), { recursive: true });
  for (const f of modelFiles) writeFileSync(resolve(outDir, 'models', modelName(f)), JSON.stringify(JSON.parse(readFileSync(f, 'utf8'))));
  for (const entry of ['index.js', 'testing.js']) {
    const file = resolve(outDir, entry);
    if (!existsSync(file)) continue;
    const code = readFileSync(file, 'utf8');
    writeFileSync(file, code.replace(/^(import \w+ from "\.\/models\/[\w.-]+\.json");$/gm, '$1 with { type: "json" };'));
  }
}

export default defineConfig([
  {
    // The library core and the testing kit: no Node built-ins, usable in browsers.
    entry: { index: 'src/index.ts', schema: 'src/schema/index.ts', testing: 'src/testing/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    sourcemap: false,
    target: 'es2022',
    platform: 'neutral',
    external: ['fast-check'],
    esbuildPlugins: [sharedModels],
    // threadlens/schema.json and threadlens/input-schema.json, generated from the zod schemas; the shared models.
    onSuccess: async () => {
      shipModels('dist');
      await writeSchemas('dist');
    },
  },
  {
    entry: { cli: 'src/cli/main.ts', worker: 'src/cli/worker.ts' },
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    banner: { js: '#!/usr/bin/env node' },
    // The CLI imports the core only through src/index.ts and src/schema/index.ts, which are left as imports
    // of the built ./index.js and ./schema.js: the package ships one copy of the core, not two.
    esbuildPlugins: [
      {
        name: 'threadlens-core-external',
        setup(build) {
          const entries = new Map([
            [resolve('src/index.ts'), './index.js'],
            [resolve('src/schema/index.ts'), './schema.js'],
          ]);
          build.onResolve({ filter: /index\.js$/ }, (args) => {
            const built = entries.get(resolve(args.resolveDir, args.path.replace(/\.js$/, '.ts')));
            return built ? { path: built, external: true } : undefined;
          });
        },
      },
    ],
  },
]);
