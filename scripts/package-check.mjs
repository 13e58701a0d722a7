#!/usr/bin/env node
// Package hygiene, checked on the tarball `npm pack` makes (what `npm publish` would upload), not on the
// working tree. Run it after `npm run build`; it prints one PASS / FAIL line per check and exits 1 on any
// failure.
//
//   - Contents: only dist/, rules/, schema/, docs/, README.md, CHANGELOG.md, LICENSE and package.json, and every file that
//     package.json names (entry points, types, bin) or that the package loads by path (the CLI's batch
//     worker) is there.
//   - publint, strict, on the tarball: errors, warnings and suggestions all fail. None is excused today;
//     an exception goes in PUBLINT_EXCEPTIONS with its reason.
//   - attw (Are the Types Wrong?), strict profile, on the tarball: `.`, `./core`, `./zod` and a rule set
//     and a schema through the `rules/*` and `schema/*` subpaths, each under node10, node16 from CJS,
//     node16 from ESM and bundler resolution. node10 is TypeScript's `moduleResolution: node`, still what
//     `module: commonjs` implies; it does not read `exports`, so `typesVersions` maps `./core` and `./zod`
//     for it, and it is checked like the others rather than excused.
//   - Source maps: the text of our own src/ files only (scripts/trim-source-maps.mjs, run by `npm pack`).
//   - npm audit --omit=dev --audit-level=high: the lockfile's runtime tree, and the tree a user gets by
//     installing the tarball. A registry without the audit endpoint is reported as UNAVAILABLE, never as a
//     pass; it fails only with --require-audit. Real high or critical advisories always fail.
//   - The tarball installed with npm into a new project outside the repo (its runtime dependencies come
//     from the registry): an ES module (`import`) and a CommonJS script (`require`) of `.`, `./core` and
//     `./zod` evaluate fixture applicants and must give the fixtures' outcomes and identical reports; tsc
//     type-checks a consumer file against the installed declarations with moduleResolution node16 (.mts
//     and .cts), bundler and node10; the installed `zhicheng` bin runs through npx.
//   - zod is a peer dependency: the tarball installed beside the lowest zod of the peer range and beside
//     the newest, each in a new project whose own schema composes `profileSchema` from
//     `zhicheng-eligibility/zod` (`z.object({ applicant: profileSchema })`) and parses a valid and an
//     invalid applicant, as ESM and CommonJS; and a project on zod 3 must be refused by npm at install
//     (ERESOLVE, naming the peer), not crash at run time.
//
//   node scripts/package-check.mjs                   check (after `npm run build`)
//   node scripts/package-check.mjs --keep            keep the temporary directories and print where
//   node scripts/package-check.mjs --require-audit   an unavailable audit endpoint fails as well
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** publint messages accepted on purpose, each with why: `{ code: 'USE_…', reason: '…' }`. None today. */
const PUBLINT_EXCEPTIONS = [];

/** What may be in the tarball, by path inside it. npm adds package.json, README and LICENSE itself. */
const ALLOWED_FILES = [
  /^package\.json$/,
  /^README\.md$/,
  /^LICENSE$/,
  /^CHANGELOG\.md$/,
  /^docs\/[a-z-]+\.md$/,
  /^dist\/(parts\/)?[\w-]+\.(js|cjs|d\.ts|d\.cts)(\.map)?$/,
  /^dist\/browser\/zhicheng\.js(\.map)?$/,
  /^rules\/[a-z0-9-]+\/(ruleset\.json|notice\.md)$/,
  /^schema\/[a-z]+(\.draft-07)?\.schema\.json$/,
];

/** The fixture applicants a consumer evaluates, with the outcome and CLI exit code each must give. */
const FIXTURES = [
  { file: 'needs-review.json', source: 'fixtures/shizuishan-2024/eligible-deputy-senior-engineer.json', exitCode: 4 },
  { file: 'ineligible.json', source: 'fixtures/shizuishan-2024/sanction-in-force-on-last-day.json', exitCode: 1 },
];
const RULE_SET = 'shizuishan-2024';
const RESOLUTIONS = ['node10', 'node16-cjs', 'node16-esm', 'bundler'];

export class Unavailable extends Error {}

/** Every file under a folder, by full path. */
function listFiles(folder) {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? listFiles(join(folder, entry.name)) : [join(folder, entry.name)]));
}

/**
 * What `npm audit --json` said: `report` with the counts by severity and the packages at high or
 * critical; `unavailable` when npm could not get advisories (the registry has no audit endpoint, or
 * cannot be reached); `unrecognized` for anything else.
 */
export function classifyAudit(stdout) {
  let json;
  try {
    json = JSON.parse(stdout);
  } catch {
    return { kind: 'unrecognized', reason: `npm audit printed no JSON: ${stdout.trim().slice(0, 200) || '(nothing)'}` };
  }
  const counts = json?.metadata?.vulnerabilities;
  if (counts && typeof counts === 'object') {
    const serious = Object.values(json.vulnerabilities ?? {})
      .filter((vulnerability) => vulnerability.severity === 'high' || vulnerability.severity === 'critical')
      .map((vulnerability) => `${vulnerability.name} (${vulnerability.severity})`);
    return { kind: 'report', counts, serious, failed: (counts.high ?? 0) + (counts.critical ?? 0) > 0 };
  }
  if (json && typeof json === 'object' && (json.statusCode || json.code || json.message || json.error)) {
    const error = json.error && typeof json.error === 'object' ? json.error : json;
    const reason = error.message ?? json.message ?? error.summary ?? error.code ?? json.code ?? error.statusCode ?? json.statusCode;
    return { kind: 'unavailable', reason: String(reason || 'npm audit returned an error') };
  }
  return { kind: 'unrecognized', reason: `unexpected npm audit output: ${stdout.trim().slice(0, 200)}` };
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, ...options });
  if (result.error) throw result.error;
  return result;
}

/** A command's output to show under a failure, indented, last lines only. */
const tail = (text, lines = 30) =>
  text.trim().split('\n').filter((line) => !/^npm warn Unknown user config/.test(line)).slice(-lines).map((line) => `      ${line}`).join('\n');

class Failure extends Error {
  constructor(message, output = '') {
    super(message);
    this.output = output;
  }
}

function expectExit(result, code, what) {
  if (result.status !== code) {
    throw new Failure(`${what} exited ${result.status ?? result.signal}, expected ${code}`, `${result.stdout}\n${result.stderr}`);
  }
}

const kB = (bytes) => (bytes >= 1e6 ? `${(bytes / 1e6).toFixed(2)} MB` : `${(bytes / 1e3).toFixed(1)} kB`);
const seconds = (start) => `${((performance.now() - start) / 1000).toFixed(1)} s`;

/** The files package.json points at, as paths inside the package (wildcard subpaths left out). */
function namedFiles(pkg) {
  const paths = [pkg.main, pkg.module, pkg.types, ...Object.values(pkg.bin ?? {})];
  for (const mapping of Object.values(pkg.typesVersions ?? {})) paths.push(...Object.values(mapping).flat());
  const walk = (value) => {
    if (typeof value === 'string') paths.push(value);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(pkg.exports);
  return [...new Set(paths.filter((path) => typeof path === 'string' && !path.includes('*')).map((path) => path.replace(/^\.\//, '')))];
}

/** The consumer module, ESM or CommonJS: the same checks behind `import` or `require`. */
function consumerSource(format) {
  const head =
    format === 'esm'
      ? `import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { evaluate, evaluateWithEngine, getRuleSet, parseProfile, renderText, RULE_SET_IDS } from 'zhicheng-eligibility';
import { evaluate as evaluateCore, loadRuleSet } from 'zhicheng-eligibility/core';
import { eligibility, profileSchema } from 'zhicheng-eligibility/zod';
const resolve = (specifier) => fileURLToPath(import.meta.resolve(specifier));
const ruleSetDocument = JSON.parse(readFileSync(resolve('zhicheng-eligibility/rules/${RULE_SET}/ruleset.json'), 'utf8'));
`
      : `const { readFileSync } = require('node:fs');
const { evaluate, evaluateWithEngine, getRuleSet, parseProfile, renderText, RULE_SET_IDS } = require('zhicheng-eligibility');
const { evaluate: evaluateCore, loadRuleSet } = require('zhicheng-eligibility/core');
const { eligibility, profileSchema } = require('zhicheng-eligibility/zod');
const resolve = (specifier) => require.resolve(specifier);
const ruleSetDocument = require('zhicheng-eligibility/rules/${RULE_SET}/ruleset.json');
`;
  return `${head}
(async () => {
  const failures = [];
  const expect = (ok, what) => void (ok || failures.push(what));
  expect(RULE_SET_IDS.includes('${RULE_SET}'), 'RULE_SET_IDS lists ${RULE_SET}');
  const bundled = getRuleSet('${RULE_SET}');
  const loaded = loadRuleSet(ruleSetDocument); // through the rules/* subpath, compiled by the core entry
  const reports = [];
  for (const file of ${JSON.stringify(FIXTURES.map((fixture) => fixture.file))}) {
    const { profile, expected } = JSON.parse(readFileSync(file, 'utf8'));
    const parsed = parseProfile(profile);
    expect(parsed.success, file + ': parseProfile accepts the profile');
    const report = evaluate(bundled, parsed.profile);
    expect(report.outcome === expected.outcome, file + ': evaluate gives ' + report.outcome + ', expected ' + expected.outcome);
    expect(renderText(report, 'en').includes('(' + expected.outcome + ')'), file + ': renderText names the outcome');
    const core = evaluateCore(loaded, profile);
    expect(core.outcome === expected.outcome, file + ': core evaluate gives ' + core.outcome);
    const engine = await evaluateWithEngine(bundled, profile);
    expect(engine.outcome === expected.outcome, file + ': evaluateWithEngine (json-rules-engine) gives ' + engine.outcome);
    expect(profileSchema.safeParse(profile).success, file + ': the classic-zod profileSchema accepts the profile');
    const refined = profileSchema.superRefine(eligibility(bundled)).safeParse(profile);
    if (expected.outcome === 'ineligible') {
      expect(!refined.success && refined.error.issues.some((issue) => issue.params && issue.params.clause), file + ': the zod refinement reports the failed clause');
    } else {
      expect(refined.success, file + ': the zod refinement passes an applicant who fails no condition');
    }
    reports.push(report);
  }
  if (failures.length > 0) {
    console.error(failures.join('\\n'));
    process.exit(1);
  }
  const entries = Object.fromEntries(['zhicheng-eligibility', 'zhicheng-eligibility/core', 'zhicheng-eligibility/zod'].map((id) => [id, resolve(id)]));
  console.log(JSON.stringify({ entries, outcomes: reports.map((report) => report.outcome), reports }));
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
`;
}

/**
 * A zod user's module: their own schema with the applicant inside, built with their zod. A valid
 * applicant parses to plain JSON data (dates as written), which `evaluate` takes and which survives
 * JSON; a date that does not exist is an issue at its path, in our zh and en words.
 */
function zodConsumerSource(format) {
  const head =
    format === 'esm'
      ? `import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { evaluate, getRuleSet, parseProfile } from 'zhicheng-eligibility';
import { profileSchema } from 'zhicheng-eligibility/zod';
const zodVersion = JSON.parse(readFileSync(new URL(import.meta.resolve('zod/package.json')), 'utf8')).version;
`
      : `const { readFileSync } = require('node:fs');
const { z } = require('zod');
const { evaluate, getRuleSet, parseProfile } = require('zhicheng-eligibility');
const { profileSchema } = require('zhicheng-eligibility/zod');
const zodVersion = require('zod/package.json').version;
`;
  return `${head}
const failures = [];
const expect = (ok, what) => void (ok || failures.push(what));
const { profile, expected } = JSON.parse(readFileSync(${JSON.stringify(FIXTURES[0].file)}, 'utf8'));
const application = z.object({ applicant: profileSchema, note: z.string() });
const valid = application.safeParse({ applicant: profile, note: 'x' });
expect(valid.success, 'a valid applicant in the user’s schema: ' + JSON.stringify(valid.error && valid.error.issues));
if (valid.success) {
  const travelled = JSON.parse(JSON.stringify(valid.data.applicant));
  const parsed = parseProfile(profile);
  expect(parsed.success && JSON.stringify(travelled) === JSON.stringify(parsed.profile), 'the output is the plain data parseProfile gives');
  expect(evaluate(getRuleSet(${JSON.stringify(RULE_SET)}), travelled).outcome === expected.outcome, 'the output, through JSON, evaluates to ' + expected.outcome);
}
const invalid = application.safeParse({ applicant: { titles: [{ level: 'intermediate', obtainedOn: '2023-02-29' }] }, note: 'x' });
const issue = !invalid.success && invalid.error.issues[0];
expect(issue && issue.path.join('.') === 'applicant.titles.0.obtainedOn', 'the bad date is an issue at applicant.titles.0.obtainedOn: ' + JSON.stringify(issue));
expect(issue && issue.message.includes('真实日期') && issue.message.includes('real calendar date'), 'in zh and en: ' + (issue && issue.message));
if (failures.length > 0) {
  console.error(failures.join('\\n'));
  process.exit(1);
}
console.log(zodVersion);
`;
}

/** A zod user's TypeScript: their schema composes ours, and its output is the profile's plain data. */
function zodTypesSource() {
  return `import { z } from 'zod';
import { evaluate, getRuleSet, type ApplicantProfile, type EligibilityReport } from 'zhicheng-eligibility';
import { eligibility, profileSchema } from 'zhicheng-eligibility/zod';
const application = z.object({ applicant: profileSchema });
const profile: ApplicantProfile = { titles: [{ level: 'intermediate', obtainedOn: '2016-07-01' }] };
const { applicant } = application.parse({ applicant: profile });
const day: string | undefined = applicant.titles?.[0]?.obtainedOn;
const ruleSet = getRuleSet('${RULE_SET}');
if (ruleSet) {
  const report: EligibilityReport = evaluate(ruleSet, applicant);
  const refined = profileSchema.superRefine(eligibility(ruleSet));
  void [report, refined, day];
}
`;
}

/** The lowest version a peer range such as `^4.5.0` admits. */
const lowestOf = (range) => /^\^?(\d+\.\d+\.\d+)$/.exec(range)?.[1];

/** A consumer's TypeScript: the declarations must resolve, and be real types rather than `any`. */
function typesSource({ json }) {
  return `import { evaluate, getRuleSet, parseProfile, ValidationError, type ApplicantProfile, type EligibilityReport, type Outcome } from 'zhicheng-eligibility';
import { evaluate as evaluateCore, loadRuleSet, type RuleSet } from 'zhicheng-eligibility/core';
import { eligibility, profileSchema } from 'zhicheng-eligibility/zod';
${json ? `import shizuishan from 'zhicheng-eligibility/rules/${RULE_SET}/ruleset.json';\n` : ''}
const ruleSet: RuleSet | undefined = getRuleSet('${RULE_SET}');
const profile: ApplicantProfile = { status: { retired: false }, application: { targetLevel: 'deputy_senior' } };
const parsed = parseProfile(profile);
if (ruleSet && parsed.success) {
  const report: EligibilityReport = evaluate(ruleSet, parsed.profile);
  const outcome: Outcome = report.outcome;
  // One RuleSet and one report type, whichever entry they come from.
  const fromCore: EligibilityReport = evaluateCore(ruleSet, profile);
  const checked = profileSchema.superRefine(eligibility(${json ? 'loadRuleSet(shizuishan)' : 'ruleSet'})).safeParse(profile);
  const paths = checked.success ? [] : checked.error.issues.map((issue) => issue.path);
  // @ts-expect-error an outcome is one of five literals: the declarations are real types, not any
  const impossible: Outcome = 'maybe';
  void [outcome, fromCore, paths, impossible, loadRuleSet];
}
export const isValidationError = (error: unknown): error is ValidationError => error instanceof ValidationError;
`;
}

async function main() {
  const started = performance.now();
  const keep = process.argv.includes('--keep');
  const requireAudit = process.argv.includes('--require-audit');
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const results = { PASS: 0, FAIL: 0, UNAVAILABLE: 0 };
  const say = (status, name, detail, output) => {
    results[status] += 1;
    console.log(`${status.padEnd(11)} ${name}${detail ? ` — ${detail}` : ''}`);
    if (output?.trim()) console.log(tail(output));
  };
  const check = async (name, body) => {
    try {
      say('PASS', name, await body());
      return true;
    } catch (error) {
      if (error instanceof Unavailable) say(requireAudit ? 'FAIL' : 'UNAVAILABLE', name, error.message);
      else say('FAIL', name, error.message, error.output ?? (error instanceof Failure ? '' : error.stack));
      return false;
    }
  };

  console.log(`package-check: ${pkg.name}@${pkg.version}, Node ${process.version}`);
  const missingBuild = ['dist/index.js', 'dist/index.cjs', 'dist/cli.js'].filter((file) => !existsSync(join(root, file)));
  if (missingBuild.length > 0) {
    say('FAIL', 'build', `${missingBuild.join(', ')} missing: run \`npm run build\` first`);
    process.exit(1);
  }

  // Commands run in the temporary project must not find anything of this repo: no node_modules/.bin
  // of it on PATH (npm run puts it there), no NODE_PATH.
  const consumerEnv = { ...process.env, PATH: (process.env.PATH ?? '').split(delimiter).filter((entry) => !`${entry}${sep}`.startsWith(`${root}${sep}`)).join(delimiter) };
  delete consumerEnv.NODE_PATH;
  const temporary = [];
  const scratch = (prefix) => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    temporary.push(dir);
    return dir;
  };

  try {
    // ---- pack ----
    let tarball;
    let packed;
    const packOk = await check('npm pack', () => {
      const dir = scratch('zhicheng-pack-');
      const result = run('npm', ['pack', '--json', '--pack-destination', dir], { cwd: root });
      expectExit(result, 0, 'npm pack');
      [packed] = JSON.parse(result.stdout);
      tarball = join(dir, packed.filename);
      return `${packed.filename}: ${packed.entryCount} files, ${kB(packed.size)} packed, ${kB(packed.unpackedSize)} unpacked`;
    });
    if (!packOk) return;

    await check('tarball contents', () => {
      const files = packed.files.map((file) => file.path);
      const unexpected = files.filter((file) => !ALLOWED_FILES.some((pattern) => pattern.test(file)));
      const required = [
        ...namedFiles(pkg),
        'dist/batch-worker.js', // the CLI starts it by URL for `batch --workers`
        'dist/browser/zhicheng.js', // the self-contained module for pages without a bundler
        'LICENSE',
        'README.md',
        'CHANGELOG.md',
        ...readdirSync(join(root, 'docs')).map((file) => `docs/${file}`),
        ...readdirSync(join(root, 'rules')).flatMap((id) => [`rules/${id}/ruleset.json`, `rules/${id}/notice.md`]),
        ...readdirSync(join(root, 'schema')).map((file) => `schema/${file}`),
      ];
      const missing = required.filter((file) => !files.includes(file));
      const problems = [
        ...(missing.length > 0 ? [`missing: ${missing.join(', ')}`] : []),
        ...(unexpected.length > 0 ? [`${unexpected.length} not meant to be published: ${unexpected.slice(0, 5).join(', ')}${unexpected.length > 5 ? ', …' : ''}`] : []),
      ];
      if (problems.length > 0) throw new Failure(problems.join('; '));
      return `dist/, rules/, schema/, docs/, README.md, CHANGELOG.md, LICENSE, package.json only; all ${required.length} required files present`;
    });

    // ---- publint ----
    await check('publint --strict (tarball)', async () => {
      const { publint } = await import('publint');
      const { formatMessage } = await import('publint/utils');
      const bytes = readFileSync(tarball);
      const { messages, pkg: packedPkg } = await publint({
        pack: { tarball: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) },
        strict: true,
        level: 'suggestion',
      });
      const counted = messages.filter((message) => !PUBLINT_EXCEPTIONS.some((exception) => exception.code === message.code));
      if (counted.length > 0) {
        throw new Failure(`${counted.length} message(s)`, counted.map((message) => `${message.type}: ${formatMessage(message, packedPkg, { color: false })}`).join('\n'));
      }
      const excused = messages.length - counted.length;
      return `no errors, warnings or suggestions${excused ? ` (${excused} excused, see PUBLINT_EXCEPTIONS)` : ''}`;
    });

    // ---- attw ----
    await check('attw --profile strict (tarball)', () => {
      const extra = [`./rules/${RULE_SET}/ruleset.json`, './schema/profile.schema.json'];
      const result = run(join(root, 'node_modules', '.bin', 'attw'), [tarball, '--format', 'json', '--profile', 'strict', '--no-definitely-typed', '--include-entrypoints', ...extra], { cwd: root });
      let analysis;
      try {
        ({ analysis } = JSON.parse(result.stdout));
      } catch {
        throw new Failure(`attw exited ${result.status} without a JSON analysis`, `${result.stdout}\n${result.stderr}`);
      }
      const where = (problem) =>
        ['entrypoint', 'resolutionKind', 'typesFileName', 'implementationFileName', 'fileName'].filter((key) => problem[key] !== undefined).map((key) => `${key} ${problem[key]}`);
      const problems = analysis.problems.map((problem) => [problem.kind, ...where(problem)].join(', '));
      if (analysis.types?.kind !== 'included') problems.push(`types are ${analysis.types?.kind ?? 'absent'}, not included in the package`);
      const checked = Object.values(analysis.entrypoints).filter((entrypoint) => !entrypoint.isWildcard);
      for (const wanted of ['.', './core', './zod', ...extra]) {
        if (!checked.some((entrypoint) => entrypoint.subpath === wanted)) problems.push(`entry point ${wanted} was not analysed`);
      }
      for (const entrypoint of checked) {
        for (const kind of RESOLUTIONS) {
          const resolution = entrypoint.resolutions[kind]?.resolution;
          if (!resolution?.fileName || !(resolution.isTypeScript || resolution.isJson)) problems.push(`${entrypoint.subpath} does not resolve to declarations under ${kind}`);
        }
      }
      if (problems.length > 0 || result.status !== 0) throw new Failure(`${problems.length} problem(s), exit ${result.status}`, problems.join('\n'));
      return `${checked.map((entrypoint) => entrypoint.subpath).join(', ')} × ${RESOLUTIONS.join(', ')}: no problems`;
    });

    // ---- audit ----
    const audit = (cwd) => {
      const result = run('npm', ['audit', '--omit=dev', '--audit-level=high', '--json'], { cwd, env: cwd === root ? process.env : consumerEnv });
      const verdict = classifyAudit(result.stdout);
      if (verdict.kind === 'unavailable') {
        throw new Unavailable(`the registry gave no advisories (${verdict.reason}); NOTHING WAS AUDITED — run it where the registry has the audit endpoint`);
      }
      if (verdict.kind === 'unrecognized') throw new Failure(verdict.reason, result.stderr);
      const summary = ['critical', 'high', 'moderate', 'low'].map((severity) => `${verdict.counts[severity] ?? 0} ${severity}`).join(', ');
      if (verdict.failed) throw new Failure(`${summary}: ${verdict.serious.join(', ')}`);
      return summary;
    };
    await check('npm audit --omit=dev --audit-level=high (lockfile)', () => audit(root));

    // ---- a project that installs the tarball ----
    const project = scratch('zhicheng-consumer-');
    writeFileSync(join(project, 'package.json'), `${JSON.stringify({ name: 'zhicheng-consumer', version: '0.0.0', private: true }, null, 2)}\n`);
    for (const fixture of FIXTURES) copyFileSync(join(root, fixture.source), join(project, fixture.file));
    const installed = await check('npm install <tarball> in a new project', () => {
      const start = performance.now();
      const result = run('npm', ['install', tarball, '--no-audit', '--no-fund', '--prefer-offline'], { cwd: project, env: consumerEnv });
      expectExit(result, 0, 'npm install');
      const version = JSON.parse(readFileSync(join(project, 'node_modules', pkg.name, 'package.json'), 'utf8')).version;
      if (version !== pkg.version) throw new Failure(`installed ${pkg.name}@${version}, expected ${pkg.version}`);
      // npm installs required peers (zod) but not optional ones (opencc-js, for `zhicheng new` alone).
      const requiredPeers = Object.keys(pkg.peerDependencies ?? {}).filter((name) => !pkg.peerDependenciesMeta?.[name]?.optional);
      const dependencies = [...Object.keys(pkg.dependencies ?? {}), ...requiredPeers].map((name) => `${name}@${JSON.parse(readFileSync(join(project, 'node_modules', name, 'package.json'), 'utf8')).version}`);
      const optionalInstalled = Object.keys(pkg.peerDependencies ?? {}).filter((name) => !requiredPeers.includes(name) && existsSync(join(project, 'node_modules', name)));
      if (optionalInstalled.length > 0) throw new Failure(`optional peer dependencies installed without being asked for: ${optionalInstalled.join(', ')}`);
      return `with ${dependencies.join(', ')} from the registry, peers installed by npm (${seconds(start)})`;
    });
    if (!installed) return;

    await check('npm audit --omit=dev --audit-level=high (as installed)', () => audit(project));

    await check('source maps carry the text of src/ only (as installed)', () => {
      const installedRoot = join(project, 'node_modules', pkg.name);
      const maps = listFiles(join(installedRoot, 'dist')).filter((file) => file.endsWith('.map'));
      const problems = [];
      let bytes = 0;
      for (const file of maps) {
        bytes += statSync(file).size;
        const map = JSON.parse(readFileSync(file, 'utf8'));
        map.sources.forEach((source, index) => {
          // A source resolves against the map's folder; ours are the package's src/, which is not shipped.
          const own = /^(\.\.\/)+src\//.test(source);
          const text = map.sourcesContent?.[index];
          if (own && typeof text !== 'string') problems.push(`${file.slice(installedRoot.length + 1)}: no text for ${source}`);
          if (!own && text != null) problems.push(`${file.slice(installedRoot.length + 1)}: carries the text of ${source}`);
        });
      }
      if (problems.length > 0) throw new Failure(`${problems.length} problem(s)`, problems.slice(0, 10).join('\n'));
      return `${maps.length} maps, ${kB(bytes)}; no command-line maps; rule sets and dependencies mapped without their text`;
    });

    const consumers = {};
    for (const [format, file, built] of [['esm', 'consumer.mjs', '.js'], ['cjs', 'consumer.cjs', '.cjs']]) {
      writeFileSync(join(project, file), consumerSource(format));
      await check(`${format === 'esm' ? 'ESM import' : 'CommonJS require'} of ., ./core, ./zod (node ${file})`, () => {
        const result = run(process.execPath, [file], { cwd: project, env: consumerEnv });
        expectExit(result, 0, `node ${file}`);
        const output = JSON.parse(result.stdout);
        const wrong = Object.entries(output.entries).filter(([, path]) => !path.endsWith(built) || !path.startsWith(join(project, 'node_modules')));
        if (wrong.length > 0) throw new Failure(`resolved to the wrong build: ${wrong.map(([id, path]) => `${id} → ${path}`).join(', ')}`);
        consumers[format] = output;
        return `${FIXTURES.map((fixture) => fixture.file).join(', ')} → ${output.outcomes.join(', ')}; entries resolve to dist/*${built}`;
      });
    }
    if (consumers.esm && consumers.cjs) {
      await check('ESM and CommonJS builds give identical reports', () => {
        if (JSON.stringify(consumers.esm.reports) !== JSON.stringify(consumers.cjs.reports)) throw new Failure('the reports differ');
        return `${consumers.esm.reports.length} reports compared`;
      });
    }

    // ---- zod as a peer: the lowest of the range and the newest, and zod 3 refused ----
    const zodRange = pkg.peerDependencies?.zod;
    const lowest = lowestOf(zodRange ?? '');
    await check('zod peer range', () => {
      if (!lowest) throw new Failure(`peerDependencies.zod is ${JSON.stringify(zodRange)}, expected ^<major>.<minor>.<patch>`);
      if (pkg.dependencies?.zod) throw new Failure('zod is also a dependency: a second zod would be installed beside the user’s');
      return `${zodRange}`;
    });
    for (const version of lowest ? [lowest, 'latest'] : []) {
      const zodProject = scratch('zhicheng-zod-');
      writeFileSync(join(zodProject, 'package.json'), `${JSON.stringify({ name: 'zhicheng-zod-user', version: '0.0.0', private: true }, null, 2)}\n`);
      copyFileSync(join(root, FIXTURES[0].source), join(zodProject, FIXTURES[0].file));
      const ready = await check(`npm install <tarball> zod@${version}`, () => {
        const result = run('npm', ['install', tarball, `zod@${version}`, '--no-audit', '--no-fund', '--prefer-offline'], { cwd: zodProject, env: consumerEnv });
        expectExit(result, 0, 'npm install');
        const installed = JSON.parse(readFileSync(join(zodProject, 'node_modules', 'zod', 'package.json'), 'utf8')).version;
        if (existsSync(join(zodProject, 'node_modules', pkg.name, 'node_modules', 'zod'))) throw new Failure('npm installed a zod of the package’s own beside the user’s');
        return `zod ${installed}, one copy`;
      });
      if (!ready) continue;
      // The declarations name zod's own types (ZodMiniInt, new in zod 4.5): checked against this zod.
      await check(`zod@${version}: tsc against the installed declarations (bundler, skipLibCheck off)`, () => {
        writeFileSync(join(zodProject, 'zod-user.ts'), zodTypesSource());
        const options = { strict: true, noEmit: true, target: 'ES2022', lib: ['ES2023', 'DOM'], types: [], skipLibCheck: false, module: 'esnext', moduleResolution: 'bundler' };
        writeFileSync(join(zodProject, 'tsconfig.json'), JSON.stringify({ compilerOptions: options, files: ['zod-user.ts'] }, null, 2));
        const result = run(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], { cwd: zodProject, env: consumerEnv });
        expectExit(result, 0, 'tsc');
        return 'the user’s schema and its output type check';
      });
      for (const [format, file] of [['esm', 'zod-user.mjs'], ['cjs', 'zod-user.cjs']]) {
        writeFileSync(join(zodProject, file), zodConsumerSource(format));
        await check(`zod@${version}: z.object({ applicant: profileSchema }) (${format === 'esm' ? 'import' : 'require'})`, () => {
          const result = run(process.execPath, [file], { cwd: zodProject, env: consumerEnv });
          expectExit(result, 0, `node ${file}`);
          return `zod ${result.stdout.trim()}: a valid applicant parses to plain data that evaluates; a bad date is an issue at its path in zh and en`;
        });
      }
    }
    await check('a project on zod 3 is refused at install (peer dependency), not at run time', () => {
      const zod3Project = scratch('zhicheng-zod3-');
      writeFileSync(join(zod3Project, 'package.json'), `${JSON.stringify({ name: 'zhicheng-zod3-user', version: '0.0.0', private: true, dependencies: { zod: '^3.25.0' } }, null, 2)}\n`);
      const result = run('npm', ['install', tarball, '--no-audit', '--no-fund', '--prefer-offline'], { cwd: zod3Project, env: consumerEnv });
      const said = `${result.stdout}\n${result.stderr}`;
      if (result.status === 0) throw new Failure('npm installed the package beside zod 3', said);
      if (!/ERESOLVE/.test(said) || !said.includes(`peer zod@"${zodRange}"`)) throw new Failure(`npm failed (${result.status}) for another reason`, said);
      return `npm exits ${result.status}: ERESOLVE, peer zod@"${zodRange}"`;
    });

    // ---- TypeScript, with this repo's compiler against the installed declarations ----
    writeFileSync(join(project, 'types.mts'), typesSource({ json: false }));
    writeFileSync(join(project, 'types.cts'), typesSource({ json: false }));
    writeFileSync(join(project, 'types.ts'), typesSource({ json: true }));
    // skipLibCheck off, so the package's own declarations are checked too. No @types/node: the DOM lib
    // stands in for it, because zod's declarations name `URL`, which a consumer has from one or the other.
    const compilerOptions = { strict: true, noEmit: true, target: 'ES2022', lib: ['ES2023', 'DOM'], types: [], skipLibCheck: false };
    const tsconfigs = {
      node16: { module: 'node16', moduleResolution: 'node16', files: ['types.mts', 'types.cts'] },
      bundler: { module: 'esnext', moduleResolution: 'bundler', resolveJsonModule: true, files: ['types.ts'] },
      node10: { module: 'commonjs', moduleResolution: 'node10', resolveJsonModule: true, esModuleInterop: true, files: ['types.ts'] },
    };
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    const tsVersion = JSON.parse(readFileSync(join(root, 'node_modules', 'typescript', 'package.json'), 'utf8')).version;
    for (const [name, { files, ...options }] of Object.entries(tsconfigs)) {
      await check(`tsc moduleResolution ${name} (${files.join(' + ')})`, () => {
        writeFileSync(join(project, `tsconfig.${name}.json`), JSON.stringify({ compilerOptions: { ...compilerOptions, ...options }, files }, null, 2));
        const result = run(process.execPath, [tsc, '-p', `tsconfig.${name}.json`], { cwd: project, env: consumerEnv });
        expectExit(result, 0, 'tsc');
        return `TypeScript ${tsVersion}, strict, declarations checked (skipLibCheck off)`;
      });
    }

    // ---- the installed bin ----
    const zhicheng = (...args) => run('npx', ['--no', 'zhicheng', ...args], { cwd: project, env: consumerEnv });
    for (const fixture of FIXTURES) {
      const outcome = JSON.parse(readFileSync(join(project, fixture.file), 'utf8')).expected.outcome;
      await check(`npx zhicheng check ${fixture.file} --rules ${RULE_SET}`, () => {
        const result = zhicheng('check', fixture.file, '--rules', RULE_SET);
        expectExit(result, fixture.exitCode, 'zhicheng check');
        if (!result.stdout.includes(`(${outcome})`)) throw new Failure(`the report does not end with (${outcome})`, result.stdout);
        return `exit ${fixture.exitCode}, ${outcome}`;
      });
    }
    await check('npx zhicheng list', () => {
      const result = zhicheng('list');
      expectExit(result, 0, 'zhicheng list');
      const listed = result.stdout.trim().split('\n').map((line) => line.split('\t')[0]);
      if (!listed.includes(RULE_SET)) throw new Failure(`${RULE_SET} is not listed`, result.stdout);
      return `exit 0, ${listed.join(', ')}`;
    });
    await check(`npx zhicheng batch --workers 2 --format csv`, () => {
      const lines = FIXTURES.map((fixture) => JSON.stringify(JSON.parse(readFileSync(join(project, fixture.file), 'utf8'))));
      writeFileSync(join(project, 'batch.jsonl'), `${lines.join('\n')}\n`);
      const result = zhicheng('batch', 'batch.jsonl', '--rules', RULE_SET, '--format', 'csv', '--workers', '2');
      expectExit(result, 0, 'zhicheng batch');
      const rows = result.stdout.trim().split('\n');
      if (rows.length !== FIXTURES.length + 1) throw new Failure(`${rows.length - 1} CSV rows for ${FIXTURES.length} applicants`, result.stdout);
      return `exit 0, ${rows.length - 1} rows through dist/batch-worker.js`;
    });
  } finally {
    if (keep) console.log(`kept: ${temporary.join(', ')}`);
    else for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
    const unavailable = results.UNAVAILABLE > 0 ? `, ${results.UNAVAILABLE} unavailable (not passed: see above)` : '';
    console.log(`package-check: ${results.PASS} passed, ${results.FAIL} failed${unavailable}, ${seconds(started)}`);
    process.exitCode = results.FAIL > 0 ? 1 : 0;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
