import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { BatchOptions } from '../src/batch/run.js';
import { cli } from './support/cli.js';

// The command line's side of a worker that dies (issue 13): runBatch's own handling is tested in
// batch.test.ts with a real crashing worker; here runBatch fails as it then does, after two lines.
vi.mock('../src/batch/run.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../src/batch/run.js')>();
  return {
    ...actual,
    runBatch: async (options: BatchOptions) => {
      options.output.write('{"position":1}\n{"position":2}\n');
      const result = { records: 2, outcomes: { ineligible: 2 }, failed: {}, errors: [], errorCount: 0, lastPosition: 2, interrupted: false };
      throw new actual.BatchFailure('worker', 'worker exited with code 3', result);
    },
  };
});

describe('zhicheng batch when a worker thread fails', () => {
  it('keeps what was written under .partial, says so in the run’s language with how far it got, and exits 70', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhicheng-worker-fail-'));
    const input = join(dir, 'in.jsonl');
    writeFileSync(input, '{}\n{}\n{}\n');
    const out = join(dir, 'out.jsonl');
    const { code, stderr } = await cli('batch', input, '--workers', '2', '--out', out);
    expect(code).toBe(70);
    expect(stderr).toContain('批量筛查中断:工作线程失败:worker exited with code 3\n');
    expect(stderr).not.toContain('batch stopped');
    expect(stderr).toContain('已停止:已写出 2 条记录,至输入第 2 条(位置)为止');
    expect(stderr).toContain(`部分结果 / partial output: ${out}.partial`);
    expect(stderr).not.toMatch(/^\s+at /m); // no stack trace
    expect(readFileSync(`${out}.partial`, 'utf8')).toBe('{"position":1}\n{"position":2}\n');
    expect(existsSync(out)).toBe(false);
    const english = await cli('batch', input, '--workers', '2', '--out', out, '--lang', 'en');
    expect(english.code).toBe(70);
    expect(english.stderr).toContain('batch stopped: a worker thread failed: worker exited with code 3\n');
    expect(english.stderr).not.toContain('工作线程失败');
  });
});
