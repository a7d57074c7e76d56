import { resolve } from 'node:path';
import { defineConfig } from 'tsup';
import { writeSchemas } from './scripts/build-schema.js';

export default defineConfig([
  {
    // The library core and the testing kit: no Node built-ins, usable in browsers.
    entry: { index: 'src/index.ts', testing: 'src/testing/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    sourcemap: false,
    target: 'es2022',
    platform: 'neutral',
    external: ['fast-check'],
    // threadlens/schema.json and threadlens/input-schema.json, generated from the zod schemas.
    onSuccess: async () => writeSchemas('dist'),
  },
  {
    entry: { cli: 'src/cli/main.ts', worker: 'src/cli/worker.ts' },
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    banner: { js: '#!/usr/bin/env node' },
    // The CLI imports the core only through src/index.ts, which is left as an import of the built
    // ./index.js: the package ships one copy of the core, not two.
    esbuildPlugins: [
      {
        name: 'threadlens-core-external',
        setup(build) {
          const core = resolve('src/index.ts');
          build.onResolve({ filter: /index\.js$/ }, (args) =>
            resolve(args.resolveDir, args.path.replace(/\.js$/, '.ts')) === core ? { path: './index.js', external: true } : undefined,
          );
        },
      },
    ],
  },
]);
