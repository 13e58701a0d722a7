#!/usr/bin/env node
// How much a web page carries: "evaluate + one rule set" bundled for the browser from the core entry
// (minified, gzipped), and what each part adds. Fails when that is over the budget, or when the bundle
// pulls in a Node built-in or json-rules-engine; or when one function imported from the built main entry
// drags in json-rules-engine or the bundled rule sets (run after `npm run build`).
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
 * 60 KB → 65 KB with issue 16 (the library alone 42.4 → 46.5 KB; no rule set grew): every report says
 * what each failed or open condition still needs and which route is nearest (src/remedies/, their words
 * in both locales, the lazy route and pathway results, date-fns' differenceInCalendarDays). A form shows
 * them beside its fields, so they belong in the page's bundle, not in an optional one.
 */
export const BUDGET_BYTES = 65 * 1024;

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
  // Every file esbuild read, and those of them that left code in the bundle (tree-shaking reads a file
  // before it drops it).
  const inputs = Object.keys(result.metafile.inputs);
  const included = Object.entries(Object.values(result.metafile.outputs)[0].inputs).flatMap(([input, { bytesInOutput }]) => (bytesInOutput > 0 ? [input] : []));
  return { bytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length, inputs, included, text: result.outputFiles[0].text };
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
  // The main entry as a bundler sees the built package (`sideEffects: false`): importing one function must
  // not carry json-rules-engine or the bundled rule sets (issue 15). `evaluate` from it resolves place
  // names, so it carries the division dataset; `/core` is the entry for pages.
  const mainEvaluate = await gzippedSize(`export { evaluate } from './dist/index.js';`);
  const mainParse = await gzippedSize(`export { parseProfile } from './dist/index.js';`);
  return { budgetBytes: BUDGET_BYTES, evaluateOnly, perRuleSet, formPage, mainEvaluate, mainParse };
}

/** What a bundle of one function from the main entry must leave out, by what each would bring in. */
export function mainEntryProblems(name, figure, ruleSetIds) {
  const problems = [];
  if (figure.included.some((input) => input.includes('json-rules-engine'))) problems.push(`${name} pulls in json-rules-engine`);
  const carried = ruleSetIds.filter((id) => figure.text.includes(`"${id}"`));
  if (carried.length > 0) problems.push(`${name} carries bundled rule sets (${carried.join(', ')})`);
  return problems;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const figures = await measure();
  const problems = [];
  for (const [name, figure] of Object.entries({ 'evaluate + loadRuleSet': figures.evaluateOnly, 'form helpers + shizuishan-2024': figures.formPage, ...figures.perRuleSet })) {
    if (figure.inputs.some((input) => input.startsWith('node:') || input.includes('json-rules-engine'))) problems.push(`${name} pulls in a Node built-in or json-rules-engine`);
  }
  const ruleSetIds = readdirSync(join(root, 'rules')).sort();
  problems.push(...mainEntryProblems('evaluate from the main entry', figures.mainEvaluate, ruleSetIds), ...mainEntryProblems('parseProfile from the main entry', figures.mainParse, ruleSetIds));
  const worst = Math.max(...Object.values(figures.perRuleSet).map((figure) => figure.gzipBytes));
  if (worst > BUDGET_BYTES) problems.push(`evaluate + one rule set is ${worst} B gzipped, over the budget of ${BUDGET_BYTES} B`);
  if (process.argv.includes('--json')) {
    const strip = ({ inputs, included, text, ...rest }) => rest;
    console.log(JSON.stringify({ ...figures, evaluateOnly: strip(figures.evaluateOnly), formPage: strip(figures.formPage), mainEvaluate: strip(figures.mainEvaluate), mainParse: strip(figures.mainParse), perRuleSet: Object.fromEntries(Object.entries(figures.perRuleSet).map(([id, figure]) => [id, strip(figure)])), problems }, null, 2));
  } else {
    const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
    console.log(`browser bundle (core entry, minified, gzip -9); budget for evaluate + one rule set: ${kb(BUDGET_BYTES)}`);
    console.log(`  evaluate + loadRuleSet, no rule set   ${kb(figures.evaluateOnly.gzipBytes).padStart(8)}  (${kb(figures.evaluateOnly.bytes)} minified)`);
    for (const [id, figure] of Object.entries(figures.perRuleSet)) console.log(`  evaluate + ${id.padEnd(26)} ${kb(figure.gzipBytes).padStart(8)}  (${kb(figure.bytes)} minified)`);
    console.log(`  + form helpers, shizuishan-2024      ${kb(figures.formPage.gzipBytes).padStart(8)}  (${kb(figures.formPage.bytes)} minified)`);
    console.log(`main entry (dist/index.js, as a bundler tree-shakes it):`);
    console.log(`  evaluate (with the division dataset) ${kb(figures.mainEvaluate.gzipBytes).padStart(8)}  (${kb(figures.mainEvaluate.bytes)} minified)`);
    console.log(`  parseProfile                         ${kb(figures.mainParse.gzipBytes).padStart(8)}  (${kb(figures.mainParse.bytes)} minified)`);
    for (const problem of problems) console.log(`FAIL: ${problem}`);
  }
  process.exit(problems.length > 0 ? 1 : 0);
}
