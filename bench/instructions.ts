/**
 * `npm run bench:instructions`: machine instructions per evaluation, counted by valgrind (callgrind) —
 * the same count on every run, whatever else the machine is doing, where reports per second on this
 * project's machines move by a third from one process to the next. For deciding whether a change to
 * the evaluator does less work; `npm run bench` remains the measure of speed.
 *
 * This file is the measured program: `node instructions.mjs <subject> <rounds>` evaluates the seeded
 * population of `npm run bench` `rounds` times. The runner (no subject) runs it under callgrind with 1
 * and 3 rounds, and the difference, divided by the evaluations between them, leaves out start-up,
 * generating and parsing the population, and compiling. V8 runs single-threaded with fixed seeds
 * (`--predictable`). Repeated runs of one build still spread a little (up to ~6% on the final build of
 * this change, 0.03% on an earlier one), so compare several runs when a change is small.
 */
import { spawn } from 'node:child_process';
import { evaluate, getRuleSet, RULE_SET_IDS } from '../src/index.js';
import { decodedProfile } from '../src/profile/parse.js';
import { evaluateShizuishanByHand } from './handwritten-shizuishan.js';
import { seededPopulation } from './seeded-population.js';

const PROFILES = 3_000;
const HANDWRITTEN = 'handwritten:shizuishan-2024';

/** The measured program: one subject (`library:<rule set>` or the hand-written function), `rounds` times. */
function measured(subject: string, rounds: number): void {
  const id = subject.slice(subject.indexOf(':') + 1);
  const profiles = seededPopulation(id, PROFILES).parsed;
  const ruleSet = getRuleSet(id)!;
  // The hand-written function reads the decoded profile the library derives on first use and keeps.
  const work = subject === HANDWRITTEN ? (profile: (typeof profiles)[number]) => evaluateShizuishanByHand(decodedProfile(profile)).outcome : (profile: (typeof profiles)[number]) => evaluate(ruleSet, profile, { messages: 'lazy' }).outcome;
  let sink = 0;
  for (let round = 0; round < rounds; round += 1) for (const profile of profiles) sink ^= work(profile).length;
  if (sink === -1) console.log(sink); // keep the results alive
}

/** Instructions callgrind counted for one run of the measured program. */
function count(subject: string, rounds: number): Promise<number> {
  const args = ['--tool=callgrind', '--callgrind-out-file=/dev/null', process.execPath, '--single-threaded', '--predictable', '--hash-seed=1', '--random-seed=1', process.argv[1]!, subject, String(rounds)];
  return new Promise((resolve, reject) => {
    const child = spawn('valgrind', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let log = '';
    child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.on('error', (error) => reject(new Error(`valgrind could not be started (apt-get install valgrind): ${error.message}`)));
    child.on('close', () => {
      const match = /Collected : (\d+)/.exec(log);
      if (match) resolve(Number(match[1]));
      else reject(new Error(`valgrind did not report a count:\n${log.slice(-2_000)}`));
    });
  });
}

async function perEvaluation(subject: string): Promise<number> {
  const [one, three] = await Promise.all([count(subject, 1), count(subject, 3)]);
  return Math.round((three - one) / (2 * PROFILES));
}

async function runner(): Promise<void> {
  const json = process.argv.includes('--json');
  const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
  const subjects = wanted.length > 0 ? wanted : ['library:shizuishan-2024', HANDWRITTEN];
  for (const subject of subjects) {
    const id = subject.slice(subject.indexOf(':') + 1);
    if (!(subject.startsWith('library:') && RULE_SET_IDS.includes(id)) && subject !== HANDWRITTEN) {
      throw new Error(`unknown subject ${subject}: library:<${RULE_SET_IDS.join('|')}> or ${HANDWRITTEN}`);
    }
  }
  const results: Record<string, number> = {};
  for (const subject of subjects) {
    results[subject] = await perEvaluation(subject);
    if (!json) console.log(`${subject.padEnd(32)}${results[subject]!.toLocaleString('en').padStart(10)} instructions per evaluation`);
  }
  if (json) console.log(JSON.stringify(results, null, 2));
}

const [subject, rounds] = process.argv.slice(2);
if (subject !== undefined && rounds !== undefined && /^\d+$/.test(rounds)) measured(subject, Number(rounds));
else await runner();
