import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { startProgress } from '../src/cli/progress.js';
import { cli } from './support/cli.js';
import { ROOT } from './support/repo.js';

// Issue 13: `zhicheng batch` safe to interrupt and to write, with progress on a terminal only.
const CLI = join(ROOT, 'dist', 'cli.js');
const dir = mkdtempSync(join(tmpdir(), 'zhicheng-batch-cli-'));
const PROFILE = JSON.stringify({ status: { retired: true } });
const jsonl = (count: number) => Array.from({ length: count }, () => PROFILE).join('\n') + '\n';
const input = (name: string, count: number) => {
  const path = join(dir, name);
  writeFileSync(path, jsonl(count));
  return path;
};
const lineCount = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8').split('\n').length - 1 : 0);

/** The built CLI reading a pipe that stays open until the test closes it (as a terminal or a slow producer would). */
function startBatch(out: string, ...args: string[]) {
  const child = spawn(process.execPath, [CLI, 'batch', '-', '--rules', 'shizuishan-2024', '--out', out, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = once(child, 'exit').then(([code]) => ({ code: code as number | null, stderr }));
  return { child, exited };
}

/** Waits until `path` holds `lines` lines (the CLI has screened and written them); fails rather than wait forever. */
async function untilLines(path: string, lines: number) {
  for (let tries = 0; tries < 200 && lineCount(path) < lines; tries += 1) await sleep(50);
  expect(lineCount(path), path).toBe(lines);
}

describe('batch --out, written safely', () => {
  it('writes to <out>.partial while running and renames it onto <out> only when complete', async () => {
    const out = join(dir, 'safe.jsonl');
    writeFileSync(out, 'an earlier run\n');
    const { child, exited } = startBatch(out);
    child.stdin.write(jsonl(50));
    await untilLines(`${out}.partial`, 50);
    expect(readFileSync(out, 'utf8')).toBe('an earlier run\n'); // untouched until the run is complete
    child.stdin.end(jsonl(25));
    expect((await exited).code).toBe(0);
    expect(existsSync(`${out}.partial`)).toBe(false);
    expect(readFileSync(out, 'utf8').trim().split('\n').map((line) => JSON.parse(line).position)).toEqual(Array.from({ length: 75 }, (_, index) => index + 1));
  }, 20_000);

  it('writes a device or a FIFO directly (nothing can be renamed onto it)', async () => {
    const devNull = await cli('batch', input('dev-null.jsonl', 3), '--rules', 'shizuishan-2024', '--out', '/dev/null');
    expect(devNull.code).toBe(0);
    expect(existsSync('/dev/null.partial')).toBe(false);
    const fifo = join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    const read = readFile(fifo, 'utf8'); // the reader the FIFO waits for
    const run = await cli('batch', input('fifo.jsonl', 4), '--rules', 'shizuishan-2024', '--out', fifo);
    expect(run.code).toBe(0);
    expect((await read).trim().split('\n')).toHaveLength(4);
    expect(existsSync(`${fifo}.partial`)).toBe(false);
  });

  it('names the file, without a stack, when it cannot be created (73) or written (74)', async () => {
    const missing = join(dir, 'no-such-dir', 'out.jsonl');
    const cannotCreate = await cli('batch', input('create.jsonl', 2), '--rules', 'shizuishan-2024', '--out', missing);
    expect(cannotCreate).toEqual({ code: 73, stdout: '', stderr: `无法创建输出文件 / cannot create output file: ${missing} (ENOENT)\n` });
    const full = await cli('batch', input('full.jsonl', 20), '--rules', 'shizuishan-2024', '--out', '/dev/full');
    expect(full).toEqual({ code: 74, stdout: '', stderr: '写入输出文件失败 / cannot write output file: /dev/full (ENOSPC)\n' });
    // The built CLI too: the message alone, no stack trace.
    const built = spawnSync(process.execPath, [CLI, 'batch', input('full2.jsonl', 10), '--rules', 'shizuishan-2024', '--out', '/dev/full', '--workers', '2'], { encoding: 'utf8' });
    expect([built.status, built.stderr]).toEqual([74, '写入输出文件失败 / cannot write output file: /dev/full (ENOSPC)\n']);
  });

  it('finds a missing directory before reading any input', async () => {
    const { child, exited } = startBatch(join(dir, 'missing', 'o.jsonl'));
    // stdin is never written nor closed: an open error must not wait for it.
    const { code, stderr } = await exited;
    child.stdin.destroy();
    expect(code).toBe(73);
    expect(stderr).toContain('cannot create output file');
  });
});

describe('batch interrupted', () => {
  for (const [signal, code, workers, lines] of [
    ['SIGINT', 130, '1', 300],
    ['SIGTERM', 143, '2', 512],
  ] as const) {
    it(`on ${signal} (--workers ${workers}) keeps the whole lines screened under .partial, says how far it got, exits ${code}`, async () => {
      const out = join(dir, `${signal}.jsonl`);
      const { child, exited } = startBatch(out, '--workers', workers);
      child.stdin.write(jsonl(lines));
      await untilLines(`${out}.partial`, lines);
      child.kill(signal);
      const result = await exited;
      expect(result.code).toBe(code);
      expect(result.stderr).toContain(`共 ${lines} 条`);
      expect(result.stderr).toContain(`已中断:已写出 ${lines} 条记录,至输入第 ${lines} 条(位置)为止`);
      expect(result.stderr).toContain(`部分结果 / partial output: ${out}.partial`);
      const text = readFileSync(`${out}.partial`, 'utf8');
      expect(text.endsWith('\n')).toBe(true);
      expect(text.trim().split('\n').map((line) => JSON.parse(line).position)).toEqual(Array.from({ length: lines }, (_, index) => index + 1));
      expect(existsSync(out)).toBe(false);
    }, 20_000);
  }
});

describe('batch signal handlers', () => {
  it('are removed when the run ends, whether it succeeds or fails', async () => {
    const before = [process.listenerCount('SIGINT'), process.listenerCount('SIGTERM')];
    expect((await cli('batch', input('handlers.jsonl', 3), '--rules', 'shizuishan-2024', '--out', join(dir, 'handlers-out.jsonl'))).code).toBe(0);
    expect((await cli('batch', input('handlers-full.jsonl', 3), '--rules', 'shizuishan-2024', '--out', '/dev/full')).code).toBe(74);
    expect([process.listenerCount('SIGINT'), process.listenerCount('SIGTERM')]).toEqual(before);
  });
});

describe('batch progress', () => {
  /** A stand-in for a terminal (or, with `isTTY` false, a pipe): everything written to it. */
  const screen = (isTTY: boolean) => {
    const written: string[] = [];
    const stream = Object.assign(
      new Writable({
        write(chunk, _encoding, done) {
          written.push(String(chunk));
          done();
        },
      }),
      { isTTY, columns: 120 },
    );
    return { stream, text: () => written.join('') };
  };

  it('draws the share of the file read, applicants per second and the time left on a terminal, then clears its line', () => {
    const terminal = screen(true);
    let bytes = 0;
    const progress = startProgress(terminal.stream, { size: 1_000, bytesRead: () => bytes }, 'en');
    expect(progress).toBeDefined();
    bytes = 500;
    progress!.update(1_234);
    progress!.stop();
    expect(terminal.text()).toMatch(/50% \| 1,234 applicants \| [\d,]+\/s \| left /);
    expect(terminal.text().endsWith('\x1b[2K')).toBe(true); // the line cleared for the summary
  });

  it('shows records and pace, without a percentage, when the size is unknown (standard input)', () => {
    const terminal = screen(true);
    const progress = startProgress(terminal.stream, { bytesRead: () => 0 }, 'zh');
    progress!.update(42);
    progress!.stop();
    expect(terminal.text()).toMatch(/42 人 \| [\d,]+ 人\/秒/);
    expect(terminal.text()).not.toContain('%');
  });

  it('draws nothing when stderr is not a terminal', () => {
    const pipe = screen(false);
    expect(startProgress(pipe.stream, { size: 1_000, bytesRead: () => 500 }, 'zh')).toBeUndefined();
    expect(pipe.text()).toBe('');
  });

  it('writes nothing but the summary to a piped stderr', () => {
    const result = spawnSync(process.execPath, [CLI, 'batch', input('quiet.jsonl', 300), '--rules', 'shizuishan-2024', '--out', join(dir, 'quiet-out.jsonl')], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('共 300 条,用时 ' + result.stderr.slice('共 300 条,用时 '.length));
    expect(result.stderr).not.toMatch(/[\r\x1b]/);
    expect(result.stderr.trim().split('\n')).toHaveLength(4); // the count, one outcome, the clause heading and the clause
  });
});

describe('batch --as-of', () => {
  it('counts the full reports’ days left from the day given, on the calling thread and in workers alike', () => {
    const late = JSON.parse(readFileSync(join(ROOT, 'fixtures', 'shizuishan-2024', 'second-reading-junior-title-day-after-cutoff.json'), 'utf8')) as { profile: unknown };
    const path = join(dir, 'as-of.jsonl');
    writeFileSync(path, `${Array.from({ length: 6 }, () => JSON.stringify(late.profile)).join('\n')}\n`);
    const run = (...args: string[]) => spawnSync(process.execPath, [CLI, 'batch', path, '--rules', 'shizuishan-2024', '--report', 'full', '--as-of', '2019-12-01', ...args], { encoding: 'utf8' });
    const single = run();
    const threaded = run('--workers', '2');
    expect(single.status).toBe(0);
    expect(threaded.stdout).toBe(single.stdout);
    const reports = single.stdout.trim().split('\n').map((line) => JSON.parse(line) as { report: { conditions: { id: string; shortfall?: unknown }[] } });
    expect(reports).toHaveLength(6);
    for (const { report } of reports) {
      // The 初级 title a day after the 2019-12-31 cut-off: 30 days were left on 2019-12-01.
      expect(JSON.stringify(report.conditions.find((condition) => condition.id === 'tenure-intermediate')!.shortfall)).toContain('"daysLeft":30');
    }
  });
});
