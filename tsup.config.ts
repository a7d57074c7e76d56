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
  },
]);
