/**
 * `npm run bench [-- --json]`: how fast the library evaluates, measured against its peers in the same
 * run, so the figures are ratios that hold on any machine.
 *
 * For each bundled rule set, over a fixed, seeded population of generated profiles (every section of
 * the profile, partial and complete, so every outcome occurs):
 *   - library:          `evaluate` building the full report (every condition with status, values,
 *                       citation and messages) from a parsed profile;
 *   - jsonRulesEngine:  a plain json-rules-engine `run()` of the same conditions (the peer most users
 *                       would pick), the engine built once;
 *   - handwritten:      (Shizuishan only) the same 32 conditions coded by hand, statuses only;
 * plus the cost of validating a profile with zod, the cold start of compiling every rule set (in a fresh
 * process), and the heap over a million evaluations.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { createEngine, evaluate, getRuleSet, parseProfile, RULE_SET_IDS, type ParsedProfile, type RuleSet } from '../src/index.js';
import { generateProfiles } from '../test/support/generate.js';
import { evaluateShizuishanByHand } from './handwritten-shizuishan.js';

/** Profiles per rule set: 3,000 by default; `--profiles N` for another size (e.g. 50, which fits in the CPU caches). */
const profilesFlag = process.argv.indexOf('--profiles');
const PER_RULE_SET = profilesFlag > 0 ? Number(process.argv[profilesFlag + 1]) : 3_000;
if (!Number.isInteger(PER_RULE_SET) || PER_RULE_SET < 1) throw new Error('--profiles expects a whole number of profiles, at least 1');
/**
 * The full report — every condition with status, values, citation — with messages built when read
 * (what bulk screening uses). `npm run bench -- --eager` measures eagerly written messages too.
 */
const LAZY = { messages: process.argv.includes('--eager') ? ('eager' as const) : ('lazy' as const) };
const SEED = 20_240_517;
const json = process.argv.includes('--json');
const log = (line: string) => {
  if (!json) console.log(line);
};

/** Runs `work` over the population repeatedly for at least `minMs`; operations per second. */
function throughput<T>(population: readonly T[], work: (item: T) => unknown, minMs = 1_000): number {
  let sink = 0;
  for (const item of population) sink ^= work(item) ? 1 : 0; // warm up
  let operations = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    for (const item of population) sink ^= work(item) ? 1 : 0;
    operations += population.length;
    elapsed = performance.now() - start;
  } while (elapsed < minMs);
  if (sink === 2) console.log(''); // keep the results alive
  return (operations / elapsed) * 1_000;
}

async function throughputAsync<T>(population: readonly T[], work: (item: T) => Promise<unknown>, minMs = 1_000): Promise<number> {
  for (const item of population.slice(0, 200)) await work(item);
  let operations = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    for (const item of population) {
      await work(item);
      operations += 1;
      if (operations % 500 === 0 && performance.now() - start >= minMs) break;
    }
    elapsed = performance.now() - start;
  } while (elapsed < minMs);
  return (operations / elapsed) * 1_000;
}

/** Per-call latency in microseconds: p50 and p99 over one pass. */
function latency<T>(population: readonly T[], work: (item: T) => unknown): { p50: number; p99: number } {
  const samples = new Float64Array(population.length);
  population.forEach((item, index) => {
    const start = process.hrtime.bigint();
    work(item);
    samples[index] = Number(process.hrtime.bigint() - start) / 1_000;
  });
  samples.sort();
  return { p50: samples[Math.floor(samples.length * 0.5)]!, p99: samples[Math.floor(samples.length * 0.99)]! };
}

const round = (value: number, digits = 0) => Math.round(value * 10 ** digits) / 10 ** digits;

function population(id: string): { raw: unknown[]; parsed: ParsedProfile[] } {
  const raw = generateProfiles(PER_RULE_SET, SEED + id.length).map((profile) => ({ ...profile, application: { ...profile.application, jurisdiction: id } }));
  const parsed = raw.map((profile) => {
    const result = parseProfile(profile);
    if (!result.success) throw new Error(`generated profile invalid: ${JSON.stringify(result.issues)}`);
    return result.profile;
  });
  return { raw, parsed };
}

/** Compiling every bundled rule set (and filling the template) in a fresh process, so nothing is warm. */
function coldStartMs(): { coldStartMs: number; importMs: number } {
  const script = `
    const t0 = performance.now();
    const lib = await import(${JSON.stringify(join(process.cwd(), 'dist', 'index.js'))});
    const t1 = performance.now();
    for (const id of lib.RULE_SET_IDS) lib.getRuleSet(id);
    const t2 = performance.now();
    console.log(JSON.stringify({ importMs: t1 - t0, coldStartMs: t2 - t1 }));`;
  const runs = Array.from({ length: 5 }, () => JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })));
  const median = (key: 'coldStartMs' | 'importMs') => runs.map((run) => run[key] as number).sort((a, b) => a - b)[2]!;
  return { coldStartMs: round(median('coldStartMs'), 1), importMs: round(median('importMs'), 1) };
}

/** The heap after a garbage collection, sampled over a million evaluations: flat means no leak. */
function memory(ruleSet: RuleSet, profiles: readonly ParsedProfile[], total = 1_000_000) {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return undefined;
  const samplesMb: number[] = [];
  const step = total / 10;
  for (let done = 0; done <= total; done += step) {
    gc();
    samplesMb.push(round(process.memoryUsage().heapUsed / 2 ** 20, 1));
    if (done === total) break;
    for (let index = 0; index < step; index += 1) evaluate(ruleSet, profiles[index % profiles.length]!, LAZY);
  }
  return { evaluations: total, heapMbSamples: samplesMb, growthMb: round(samplesMb.at(-1)! - samplesMb[1]!, 1) };
}

const results: Record<string, unknown> = {};
let shizuishanProfiles: ParsedProfile[] = [];
log(`population: ${PER_RULE_SET} generated profiles per rule set (seeded), ${RULE_SET_IDS.length} rule sets; Node ${process.version}; messages ${LAZY.messages}`);
log('');
log('rule set          conditions  library reports/s  p50 µs  p99 µs  json-rules-engine/s  library ÷ engine  outcomes');
for (const id of RULE_SET_IDS) {
  const ruleSet = getRuleSet(id)!;
  const { parsed } = population(id);
  if (id === 'shizuishan-2024') shizuishanProfiles = parsed;
  const outcomes: Record<string, number> = {};
  for (const profile of parsed) {
    const outcome = evaluate(ruleSet, profile).outcome;
    outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
  }
  const library = throughput(parsed, (profile) => evaluate(ruleSet, profile, LAZY));
  const { p50, p99 } = latency(parsed, (profile) => evaluate(ruleSet, profile, LAZY));
  const engine = createEngine(ruleSet);
  const jsonRulesEngine = await throughputAsync(parsed, (profile) => engine.run({ profile }));
  results[id] = {
    conditions: ruleSet.conditions.length,
    profiles: parsed.length,
    outcomes,
    library: { reportsPerSec: round(library), p50Micros: round(p50, 2), p99Micros: round(p99, 2) },
    jsonRulesEngine: { reportsPerSec: round(jsonRulesEngine) },
    libraryOverEngine: round(library / jsonRulesEngine, 1),
  };
  log(
    `${id.padEnd(18)}${String(ruleSet.conditions.length).padStart(10)}${round(library).toLocaleString('en').padStart(19)}${round(p50, 1).toString().padStart(8)}${round(p99, 1).toString().padStart(8)}${round(jsonRulesEngine).toLocaleString('en').padStart(21)}${`${round(library / jsonRulesEngine, 1)}×`.padStart(18)}  ${Object.entries(outcomes).map(([key, count]) => `${key} ${count}`).join(', ')}`,
  );
}

const shizuishan = getRuleSet('shizuishan-2024')!;
// The hand-written peer is only a fair comparison if it decides exactly as the library does.
const disagreements = shizuishanProfiles.filter((profile) => {
  const report = evaluate(shizuishan, profile);
  const byHand = evaluateShizuishanByHand(profile);
  return byHand.outcome !== report.outcome || report.conditions.some((condition) => byHand.statuses[condition.id] !== condition.status);
}).length;
if (disagreements > 0) throw new Error(`the hand-written function disagrees with the library on ${disagreements} profiles`);
const handwritten = throughput(shizuishanProfiles, (profile) => evaluateShizuishanByHand(profile));
const library = (results['shizuishan-2024'] as { library: { reportsPerSec: number } }).library.reportsPerSec;
(results['shizuishan-2024'] as Record<string, unknown>).handwritten = { reportsPerSec: round(handwritten) };
(results['shizuishan-2024'] as Record<string, unknown>).handwrittenOverLibrary = round(handwritten / library, 2);

const { raw } = population('shizuishan-2024');
const zodPerSec = throughput(raw, (profile) => parseProfile(profile).success);
const cold = coldStartMs();
const heap = memory(shizuishan, shizuishanProfiles);

const summary = {
  node: process.version,
  perRuleSet: results,
  zodValidation: { profilesPerSec: round(zodPerSec) },
  ...cold,
  memory: heap ?? 'run with --expose-gc to measure',
  targets: {
    libraryAtLeast50xEngine: (results['shizuishan-2024'] as { libraryOverEngine: number }).libraryOverEngine >= 50,
    handwrittenAtMost4xLibrary: handwritten / library <= 4,
    coldStartUnder20ms: cold.coldStartMs < 20,
    memoryFlat: heap ? heap.growthMb < 5 : null,
  },
};

if (json) {
  console.log(JSON.stringify({ ...summary, ...Object.fromEntries(Object.entries(results)) }, null, 2));
} else {
  log('');
  log(`shizuishan-2024: hand-written function ${round(handwritten).toLocaleString('en')}/s (statuses only; agrees with the library on all ${shizuishanProfiles.length} profiles) — ${round(handwritten / library, 2)}× the library's full report (target ≤ 4×)`);
  log(`zod validation of a raw profile: ${round(zodPerSec).toLocaleString('en')} profiles/s (paid once per profile, not per rule set)`);
  log(`cold start, compiling all ${RULE_SET_IDS.length} rule sets in a fresh process: ${cold.coldStartMs} ms (target < 20 ms); importing the library: ${cold.importMs} ms`);
  if (heap) log(`heap over ${heap.evaluations.toLocaleString('en')} evaluations (MB after GC, every 100k): ${heap.heapMbSamples.join(' → ')}; growth ${heap.growthMb} MB`);
  log('');
  for (const [target, met] of Object.entries(summary.targets)) log(`${met === null ? '·' : met ? '✓' : '✗'} ${target}`);
}
