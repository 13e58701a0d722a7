import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // The library: ESM and CommonJS, with declarations for both. `core` is the browser entry (no
    // json-rules-engine, no bundled rule sets); `zod` adds a classic-zod profile schema.
    entry: {
      index: 'src/index.ts',
      core: 'src/core.ts',
      zod: 'src/zod.ts',
      // Not entries for users (the exports map has none of them) but file boundaries for bundlers: each
      // of these runs code when loaded (importing CommonJS json-rules-engine, `Object.keys` of the bundled
      // rule sets, listing the division dataset, building the report's zod schema), so a bundler cannot
      // cut it out of a file that holds it; in a file of its own, with `sideEffects: false`, a bundle that
      // imports only `evaluate` or `parseProfile` from the main entry drops the whole file.
      'parts/engine': 'src/engine/json-rules-engine.ts',
      'parts/rule-sets': 'src/rulesets/index.ts',
      'parts/places': 'src/places/resolve.ts',
      'parts/report-schema': 'src/report/schema.ts',
    },
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
    // No source maps: the command line reports errors as messages, never as stack traces, and its maps
    // were mostly bundled zod, date-fns and the division dataset (0.85 MB of the tarball). Code that
    // debugs the library imports it, through the maps of the entries above.
    sourcemap: false,
    // Dependencies inside, but the CommonJS ones (json-rules-engine, which only `check` loads, and
    // cli-progress), which an ES module bundle cannot require: resolving and loading a few hundred
    // modules of zod, date-fns and the division dataset took most of a command's start (0.33 s of
    // `zhicheng list`), and a batch pays it again in every worker.
    // opencc-js too: an optional peer dependency that only `zhicheng new` loads, for a traditional capture
    // (src/maintain/opencc.ts); bundled, it would put 109 KB into every install.
    noExternal: [/^(?!json-rules-engine|cli-progress|opencc-js)/],
    banner: { js: '#!/usr/bin/env node' },
  },
]);
