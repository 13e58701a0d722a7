import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // The library: ESM and CommonJS, with declarations for both. `core` is the browser entry (no
    // json-rules-engine, no bundled rule sets); `zod` adds a classic-zod profile schema.
    entry: { index: 'src/index.ts', core: 'src/core.ts', zod: 'src/zod.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
    platform: 'neutral',
    treeshake: true,
    // Shared chunks for CommonJS too (ESM splits by default): each entry bundled whole would carry its
    // own copy of module state — the WeakMap that remembers parsed profiles and their decoded form — so
    // a profile parsed through `/core` would be validated and decoded again by `evaluate` from the main
    // entry (the same report, but paid for twice), and a rule set loaded by one entry refused by another.
    splitting: true,
  },
  {
    // For a web page without a bundler: the core entry as one self-contained ES module, dependencies
    // included (examples/form/ uses it). Bundlers should import `zhicheng-eligibility/core` instead.
    entry: { 'browser/zhicheng': 'src/core.ts' },
    format: ['esm'],
    target: 'es2022',
    platform: 'browser',
    noExternal: [/.*/],
    minify: true,
    sourcemap: true,
  },
  {
    // The command line: one ESM file with a shebang; `dist/cli.js` is the package's `bin`.
    entry: { cli: 'src/cli/main.ts', 'batch-worker': 'src/batch/worker.ts' },
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    sourcemap: true,
    // Dependencies inside, but the CommonJS ones (json-rules-engine, which only `check` loads, and
    // cli-progress), which an ES module bundle cannot require: resolving and loading a few hundred
    // modules of zod, date-fns and the division dataset took most of a command's start (0.33 s of
    // `zhicheng list`), and a batch pays it again in every worker.
    noExternal: [/^(?!json-rules-engine|cli-progress)/],
    banner: { js: '#!/usr/bin/env node' },
  },
]);
