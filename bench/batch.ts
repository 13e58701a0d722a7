/**
 * `npm run bench:batch [-- --lines N] [-- --rounds N] [-- --json]`: what screening a file costs, as
 * ratios to the floor — reading the same file and `JSON.parse`-ing each line, which no screening can
 * beat — measured in the same run, so the figures hold on any machine.
 *
 * Each run is a whole process, as a user starts it (`node dist/cli.js batch …`), timed from spawn to
 * exit, and so is the floor (`node bench/batch-floor.mjs`): both pay Node's start. Rounds alternate the
 * commands (their order rotating), and each ratio is the median of the rounds' own ratios, with its
 * range: a burst of load on a noisy machine moves one round, not one command.
 *
 * The commands, against the targets of issue 13:
 *   - csv, --workers auto             ≤ 1.5× the floor
 *   - compact JSON Lines, auto        ≤ 2.5×
 *   - csv, one worker (--workers 1)   ≤ 3×
 *   - peak RSS, csv with two workers  ≤ 150 MiB (`process.resourceUsage().maxRSS`, read at exit by a
 *     preloaded module, bench/batch-rss.mjs; threads share it)
 * The input is `--lines` generated applicants (10,000 by default; every rule set, every section of the
 * profile, a malformed line now and then), written once to a temporary file.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RULE_SET_IDS } from '../src/index.js';
import { generateProfiles } from '../test/support/generate.js';

const flag = (name: string) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
};
const LINES = Number(flag('--lines') ?? 10_000);
const ROUNDS = Number(flag('--rounds') ?? 5);
if (!Number.isInteger(LINES) || LINES < 1 || !Number.isInteger(ROUNDS) || ROUNDS < 1) throw new Error('--lines and --rounds expect whole numbers from 1');
const json = process.argv.includes('--json');
const MIB = 1024 * 1024;

const directory = mkdtempSync(join(tmpdir(), 'zhicheng-bench-batch-'));
const input = join(directory, 'applicants.jsonl');

/** The population, streamed to disk in slices, as `npm run population` writes it. */
async function writePopulation(): Promise<number> {
  const out = createWriteStream(input);
  const slice = 5_000;
  for (let done = 0; done < LINES; done += slice) {
    let text = '';
    generateProfiles(Math.min(slice, LINES - done), 1 + done).forEach((profile, index) => {
      const position = done + index;
      text +=
        position % 10_007 === 5
          ? '{"this line": is not JSON\n'
          : `${JSON.stringify({ ...profile, application: { ...profile.application, jurisdiction: RULE_SET_IDS[position % RULE_SET_IDS.length] } })}\n`;
    });
    if (!out.write(text)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return readFileSync(input).length;
}

interface Command {
  readonly name: string;
  readonly args: readonly string[];
  /** The ratio to the floor it must stay within, if any. */
  readonly target?: number;
}

const cli = join(process.cwd(), 'dist', 'cli.js');
const rssProbe = join(process.cwd(), 'bench', 'batch-rss.mjs');
const COMMANDS: readonly Command[] = [
  { name: 'floor: read + JSON.parse', args: [join(process.cwd(), 'bench', 'batch-floor.mjs'), input] },
  { name: 'csv, --workers auto', args: [cli, 'batch', input, '--format', 'csv', '--workers', 'auto', '--out', join(directory, 'out.csv')], target: 1.5 },
  { name: 'compact jsonl, --workers auto', args: [cli, 'batch', input, '--workers', 'auto', '--out', join(directory, 'out.jsonl')], target: 2.5 },
  { name: 'csv, one worker', args: [cli, 'batch', input, '--format', 'csv', '--workers', '1', '--out', join(directory, 'out1.csv')], target: 3 },
  { name: 'csv, --workers 2 (for RSS)', args: [cli, 'batch', input, '--format', 'csv', '--workers', '2', '--out', join(directory, 'out2.csv')] },
];

/** Runs one command to its end: wall milliseconds and peak RSS in bytes. */
async function run(command: Command): Promise<{ ms: number; rss: number }> {
  const rssFile = join(directory, 'rss');
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', rssProbe, ...command.args], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ZHICHENG_RSS_FILE: rssFile } });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const [code] = (await once(child, 'exit')) as [number];
  const ms = performance.now() - started;
  // A batch with the file's one malformed line exits 65 (some records invalid), as it should.
  if (code !== 0 && code !== 65) throw new Error(`${command.name} exited ${code}:\n${stderr}`);
  return { ms, rss: Number(readFileSync(rssFile, 'utf8')) * 1024 };
}

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;
const fixed = (value: number, digits = 2) => value.toFixed(digits);

const bytes = await writePopulation();
const times = COMMANDS.map(() => [] as number[]);
const rss = COMMANDS.map(() => [] as number[]);
for (let round = 0; round < ROUNDS; round += 1) {
  for (let step = 0; step < COMMANDS.length; step += 1) {
    const index = (step + round) % COMMANDS.length;
    const measured = await run(COMMANDS[index]!);
    times[index]!.push(measured.ms);
    rss[index]!.push(measured.rss);
  }
}
rmSync(directory, { recursive: true, force: true });

const floor = times[0]!;
const rows = COMMANDS.map((command, index) => {
  const ratios = times[index]!.map((ms, round) => ms / floor[round]!);
  return {
    command: command.name,
    medianMs: Math.round(median(times[index]!)),
    ratio: median(ratios),
    ratioRange: [Math.min(...ratios), Math.max(...ratios)] as const,
    target: command.target ?? null,
    peakRssMiB: Math.round(Math.max(...rss[index]!) / MIB),
  };
});

if (json) console.log(JSON.stringify({ lines: LINES, bytes, rounds: ROUNDS, node: process.version, rows }, null, 2));
else {
  console.log(`batch: ${LINES.toLocaleString('en')} applicants (${fixed(bytes / MIB, 1)} MiB), ${ROUNDS} alternating rounds, Node ${process.version}`);
  console.log('command                          median ms  × floor (range)        target   peak RSS');
  for (const row of rows) {
    const verdict = row.target === null ? '' : row.ratio <= row.target ? `≤ ${row.target} met` : `≤ ${row.target} MISSED`;
    console.log(
      `${row.command.padEnd(32)} ${String(row.medianMs).padStart(9)}  ${fixed(row.ratio).padStart(5)} (${fixed(row.ratioRange[0])}–${fixed(row.ratioRange[1])})`.padEnd(70) +
        `${verdict.padEnd(14)} ${String(row.peakRssMiB).padStart(4)} MiB`,
    );
  }
  const twoWorkers = rows[4]!;
  console.log(`peak RSS with two workers: ${twoWorkers.peakRssMiB} MiB (target ≤ 150 MiB: ${twoWorkers.peakRssMiB <= 150 ? 'met' : 'MISSED'})`);
}
