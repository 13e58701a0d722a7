import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support/repo.js';

/**
 * Issue 14: keys another script puts on Object.prototype (a web page shares its realm with every script
 * on it) must not reach a rule set, a profile, an option or a fact — before the library is imported,
 * before its first use, or after it. Each case runs in a fresh process (a fresh module graph):
 * every bundled fixture through evaluate, evaluateWithEngine, nextQuestions, the Standard Schema,
 * parseProfile and checkAll, compared with the same run unpolluted.
 */
const run = (mode: string) => {
  const result = spawnSync(process.execPath, [join(ROOT, 'test', 'support', 'polluted-run.mjs'), join(ROOT, 'dist', 'index.js'), mode], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout) as string[];
};

describe('a polluted Object.prototype', () => {
  const clean = run('none');

  it('runs every fixture cleanly when nothing is polluted (the baseline says something)', () => {
    expect(clean.length).toBeGreaterThan(400);
    expect(clean.filter((line) => line.includes(' THREW '))).toEqual([]);
  });

  for (const mode of ['before-import', 'before-use', 'after-use']) {
    it(`changes no report, question or validation (${mode})`, { timeout: 60_000 }, () => {
      const polluted = run(mode);
      expect(polluted.length).toBe(clean.length);
      polluted.forEach((line, index) => {
        if (line !== clean[index]) expect(line.slice(0, 2_000), `entry ${index}`).toBe(clean[index]!.slice(0, 2_000));
      });
    });
  }
});
