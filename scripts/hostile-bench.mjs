#!/usr/bin/env node
// Time and peak memory of refusing huge hostile rule sets (issue 6), one fresh process per case so that
// each peak is its own. Not a test: machines differ; the unit tests assert structural bounds instead
// (stopped early, no entry read, bounded messages). Uses the built library (`npm run bench:hostile`
// builds it first).
//
//   node scripts/hostile-bench.mjs            every case, as a table
//   node scripts/hostile-bench.mjs --json     the same as JSON
//   node scripts/hostile-bench.mjs <case>     one case, in this process, as JSON
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const MB = 1024 * 1024;

/** A real rule set (45 KB) is the base each huge part is put into. */
const base = () => JSON.parse(readFileSync(join(root, 'rules', 'shizuishan-2024', 'ruleset.json'), 'utf8'));
const LEAF = { fact: 'field', params: { path: 'status.retired' }, operator: 'equal', value: false };
/** The base as text, with `part` (text) at `conditions[0][key]`. */
const withPart = (key, part) => {
  const document = base();
  document.conditions[0][key] = '@PART@';
  return JSON.stringify(document, null, 2).replace('"@PART@"', part);
};
const withTest = (test) => withPart('test', test);
const manyKeys = (count) => Array.from({ length: count }, (_, index) => `"k${index}": 0`).join(',');

/** Each case: how to build its input (not timed), and the call that refuses it (timed). */
const CASES = {
  'real rule set (shizuishan-2024), for scale': {
    input: () => readFileSync(join(root, 'rules', 'shizuishan-2024', 'ruleset.json'), 'utf8'),
    run: (lib, text) => lib.lintRuleSetText(text, { notice: readFileSync(join(root, 'rules', 'shizuishan-2024', 'notice.md'), 'utf8') }),
  },
  '50 MB array, as text': {
    input: () => withTest(`{"fact": "field", "operator": "in", "value": [${'0,'.repeat(25 * MB)}0]}`),
    run: (lib, text) => lib.lintRuleSetText(text),
  },
  '50 MB array, parsed (JSON API; JSON.parse not timed)': {
    input: () => {
      const document = base();
      document.conditions[0].test = { ...LEAF, value: JSON.parse(`[${'0,'.repeat(25 * MB)}0]`) };
      return document;
    },
    run: (lib, json) => lib.lintRuleSet(json),
  },
  'real rule set, `zhicheng lint` (for scale)': { cli: () => readFileSync(join(root, 'rules', 'shizuishan-2024', 'ruleset.json'), 'utf8') },
  '50 MB file, `zhicheng lint`': { cli: () => `[${'0,'.repeat(25 * MB)}0]` },
  '2.5 million numbers (5 MB), as text': {
    input: () => withTest(`{"fact": "field", "operator": "in", "value": [${'0,'.repeat(2_500_000)}0]}`),
    run: (lib, text) => lib.lintRuleSetText(text),
  },
  '10,000 levels of `not`, as text': {
    input: () => withTest(`${'{"not": '.repeat(10_000)}${JSON.stringify(LEAF)}${'}'.repeat(10_000)}`),
    run: (lib, text) => lib.lintRuleSetText(text),
  },
  '1,000,000 levels of `[`, as text': {
    input: () => `${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`,
    run: (lib, text) => lib.lintRuleSetText(text),
  },
  '1,000,000 levels of `not`, built in code (JSON API)': {
    input: () => {
      let test = LEAF;
      for (let depth = 0; depth < 1_000_000; depth += 1) test = { not: test };
      const document = base();
      document.conditions[0].test = test;
      return document;
    },
    run: (lib, json) => lib.lintRuleSet(json),
  },
  '200,000 keys in params, as text': {
    input: () => withTest(`{"fact": "field", "params": {${manyKeys(200_000)}}, "operator": "equal", "value": false}`),
    run: (lib, text) => lib.lintRuleSetText(text),
  },
  '150,000 unknown keys in a title (within limits), as text': {
    input: () => withPart('title', `{"zh": "标题", "en": "Title", ${manyKeys(150_000)}}`),
    run: (lib, text) => lib.lintRuleSetText(text),
  },
  '100,000 duplicate keys, as text': {
    input: () => JSON.stringify(base(), null, 2).replace('"year": 2024', Array.from({ length: 100_000 }, () => '"year": 2024').join(',')),
    run: (lib, text) => lib.lintRuleSetText(text),
  },
  '4 MB string in a quote, as text': {
    input: () => withPart('citation', `{"clause": "二、(一)1", "quote": "${'x'.repeat(4 * MB)}"}`),
    run: (lib, text) => lib.lintRuleSetText(text),
  },
};

const rssMB = () => Math.round(process.resourceUsage().maxRSS / 1024);

async function runOne(name) {
  const spec = CASES[name];
  if (spec.cli) {
    const dir = mkdtempSync(join(tmpdir(), 'hostile-bench-'));
    const file = join(dir, 'ruleset.json');
    writeFileSync(file, spec.cli());
    const started = performance.now();
    // The CLI in its own process; /usr/bin/time gives that process's peak RSS (KB) where it exists.
    const timed = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, join(root, 'dist', 'cli.js'), 'lint', file, '--json'], { encoding: 'utf8' });
    const ms = performance.now() - started;
    rmSync(dir, { recursive: true });
    const peak = timed.error ? undefined : Math.round(Number(timed.stderr.trim().split('\n').pop()) / 1024);
    const issues = timed.error ? [] : JSON.parse(timed.stdout);
    return { name, ms: Math.round(ms), rssBeforeMB: undefined, rssPeakMB: peak, issues: issues.length, first: issues[0]?.message.en };
  }
  const lib = await import(join(root, 'dist', 'index.js'));
  const input = spec.input();
  const rssBeforeMB = rssMB();
  const started = performance.now();
  const issues = spec.run(lib, input);
  const ms = performance.now() - started;
  return { name, ms: Math.round(ms * 10) / 10, rssBeforeMB, rssPeakMB: rssMB(), issues: issues.length, first: issues[0] && `${(issues[0].at || '(root)').slice(0, 40)}${issues[0].at.length > 40 ? '…' : ''}: ${issues[0].message.en}` };
}

const [argument] = process.argv.slice(2);
if (argument && argument !== '--json') {
  console.log(JSON.stringify(await runOne(argument)));
} else {
  const results = Object.keys(CASES).map((name) => {
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), name], { encoding: 'utf8', maxBuffer: 16 * MB });
    if (child.status !== 0) throw new Error(`${name}: ${child.stderr}`);
    return JSON.parse(child.stdout);
  });
  if (argument === '--json') console.log(JSON.stringify(results, null, 2));
  else {
    console.log(`Node ${process.version}; time of the refusing call; RSS: peak before the call (input built) → peak after, in MB`);
    for (const result of results) {
      const rss = result.rssBeforeMB === undefined ? `${result.rssPeakMB ?? '?'} (whole CLI process)` : `${result.rssBeforeMB} → ${result.rssPeakMB}`;
      console.log(`${result.name.padEnd(56)} ${`${result.ms} ms`.padStart(10)}  ${rss.padEnd(24)} ${result.issues} issue(s): ${result.first ?? '—'}`);
    }
  }
}
