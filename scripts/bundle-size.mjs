#!/usr/bin/env node
// How much a web page carries: "evaluate + one rule set" bundled for the browser from the core entry
// (minified, gzipped), and what each part adds. Fails when that is over the budget, or when the bundle
// pulls in a Node built-in or json-rules-engine.
//
//   node scripts/bundle-size.mjs            print the figures, check the budget
//   node scripts/bundle-size.mjs --json     the same as JSON
import { gzipSync } from 'node:zlib';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/**
 * Gzipped bytes that "evaluate + one rule set" may take. Raise it only with a reason in the commit.
 * 50 KB → 58 KB with issue 12 (reading the notices as written): each rule set now carries its reading in
 * both languages for every open list, qualified bar and territory (Beijing's grew 15.3 → 17.3 KB), and
 * the library the features that keep a wrong 不符合 out (open lists, bounds on partial data, division
 * codes, bounded parameters, checked enumerations: 34.4 → 37.8 KB).
 * 58 KB → 60 KB with issues 13 and 14 (the library alone 38.3 → 40.8 KB; no rule set grew): the fast
 * profile parser that validates a valid profile without zod's issue machinery (a form validates on every
 * change), and the hostile-input defences every export now has — arguments checked with a message in
 * both languages, rule sets read as own data whatever is on Object.prototype, control characters refused,
 * placeholders filled in one pass, filled texts and work bounded at load.
 */
export const BUDGET_BYTES = 60 * 1024;

async function gzippedSize(contents) {
  const result = await build({
    stdin: { contents, resolveDir: root, loader: 'ts', sourcefile: 'page.ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].contents;
  const inputs = Object.keys(result.metafile.inputs);
  return { bytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length, inputs };
}

export async function measure() {
  const ruleSets = readdirSync(join(root, 'rules')).sort();
  const evaluateOnly = await gzippedSize(`import { evaluate, loadRuleSet } from './src/core.ts'; export { evaluate, loadRuleSet };`);
  const perRuleSet = {};
  for (const id of ruleSets) {
    perRuleSet[id] = await gzippedSize(
      `import { evaluate, loadRuleSet } from './src/core.ts'; import doc from './rules/${id}/ruleset.json'; export const ruleSet = loadRuleSet(doc); export { evaluate };`,
    );
  }
  const formPage = await gzippedSize(
    `import { evaluate, loadRuleSet, toStandardSchema, nextQuestions, issuesForField } from './src/core.ts'; import doc from './rules/shizuishan-2024/ruleset.json'; export const ruleSet = loadRuleSet(doc); export { evaluate, toStandardSchema, nextQuestions, issuesForField };`,
  );
  return { budgetBytes: BUDGET_BYTES, evaluateOnly, perRuleSet, formPage };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const figures = await measure();
  const problems = [];
  for (const [name, figure] of Object.entries({ 'evaluate + loadRuleSet': figures.evaluateOnly, 'form helpers + shizuishan-2024': figures.formPage, ...figures.perRuleSet })) {
    if (figure.inputs.some((input) => input.startsWith('node:') || input.includes('json-rules-engine'))) problems.push(`${name} pulls in a Node built-in or json-rules-engine`);
  }
  const worst = Math.max(...Object.values(figures.perRuleSet).map((figure) => figure.gzipBytes));
  if (worst > BUDGET_BYTES) problems.push(`evaluate + one rule set is ${worst} B gzipped, over the budget of ${BUDGET_BYTES} B`);
  if (process.argv.includes('--json')) {
    const strip = ({ inputs, ...rest }) => rest;
    console.log(JSON.stringify({ ...figures, evaluateOnly: strip(figures.evaluateOnly), formPage: strip(figures.formPage), perRuleSet: Object.fromEntries(Object.entries(figures.perRuleSet).map(([id, figure]) => [id, strip(figure)])), problems }, null, 2));
  } else {
    const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
    console.log(`browser bundle (core entry, minified, gzip -9); budget for evaluate + one rule set: ${kb(BUDGET_BYTES)}`);
    console.log(`  evaluate + loadRuleSet, no rule set   ${kb(figures.evaluateOnly.gzipBytes).padStart(8)}  (${kb(figures.evaluateOnly.bytes)} minified)`);
    for (const [id, figure] of Object.entries(figures.perRuleSet)) console.log(`  evaluate + ${id.padEnd(26)} ${kb(figure.gzipBytes).padStart(8)}  (${kb(figure.bytes)} minified)`);
    console.log(`  + form helpers, shizuishan-2024      ${kb(figures.formPage.gzipBytes).padStart(8)}  (${kb(figures.formPage.bytes)} minified)`);
    for (const problem of problems) console.log(`FAIL: ${problem}`);
  }
  process.exit(problems.length > 0 ? 1 : 0);
}
