import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readRecords } from '../src/batch/records.js';
import { runBatch } from '../src/batch/run.js';
import { ROOT, readJson } from './support/repo.js';

/** A stream that hands over `text` in chunks of `size` characters, to cut records at every place. */
const chunked = (text: string, size: number) => Readable.from(Array.from({ length: Math.ceil(text.length / size) }, (_, index) => text.slice(index * size, (index + 1) * size)));

async function records(text: string, size = 3) {
  const out: { position: number; text: string }[] = [];
  for await (const record of readRecords(chunked(text, size))) out.push(record);
  return out;
}

describe('reading records as a stream', () => {
  it('reads JSON Lines, skipping blank lines and keeping line numbers', async () => {
    expect(await records('{"a":1}\n\n{"b":[1,2]}\r\n{"c":"x"}')).toEqual([
      { position: 1, text: '{"a":1}' },
      { position: 3, text: '{"b":[1,2]}' },
      { position: 4, text: '{"c":"x"}' },
    ]);
  });

  it('splits a JSON array into its elements, whatever commas and brackets hide in strings', async () => {
    const array = ' [ {"id":"a,]","n":[1,[2]]}, {"id":"q\\"]"} ,{"x":{}} ] ';
    for (const size of [1, 2, 7, 1000]) {
      expect((await records(array, size)).map((record) => JSON.parse(record.text))).toEqual([{ id: 'a,]', n: [1, [2]] }, { id: 'q"]' }, { x: {} }]);
    }
  });
});

describe('screening a batch', () => {
  const profiles = readdirSync(join(ROOT, 'fixtures', 'shizuishan-2024')).map((file) => (readJson(join(ROOT, 'fixtures', 'shizuishan-2024', file)) as { profile: unknown }).profile);
  const lines = [...profiles.map((profile) => JSON.stringify(profile)), '{not json', JSON.stringify({ titles: 'none' }), JSON.stringify({ application: { jurisdiction: 'atlantis-2024' } })];

  it('writes one line per record, in order, reporting bad ones by position and going on', async () => {
    const output = new PassThrough();
    const chunks: string[] = [];
    output.on('data', (chunk) => chunks.push(String(chunk)));
    const tally = await runBatch({ input: chunked(lines.join('\n'), 50), output, format: 'jsonl', workers: 1 });
    output.end();
    const written = chunks.join('').trim().split('\n').map((line) => JSON.parse(line));
    expect(written.map((entry) => entry.position)).toEqual(lines.map((_, index) => index + 1));
    expect(written.slice(0, profiles.length).every((entry) => entry.report?.ruleSet.id === 'shizuishan-2024')).toBe(true);
    expect(written.slice(profiles.length).map((entry) => entry.error)).toEqual([
      expect.stringContaining('not valid JSON'),
      expect.stringContaining('at titles: expected array'),
      expect.stringContaining('no rule set named atlantis-2024'),
    ]);
    expect(tally).toMatchObject({ records: lines.length, errorCount: 3, outcomes: expect.objectContaining({ invalid: 3 }) });
  });

  it('writes the same from worker threads, in input order, as the command line does', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhicheng-batch-'));
    const input = join(dir, 'in.jsonl');
    writeFileSync(input, Array.from({ length: 40 }, () => lines).flat().join('\n'));
    const run = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'batch', input, '--format', 'csv', '--rules', 'shizuishan-2024', ...args], { encoding: 'utf8' });
    const single = run();
    const threaded = run('--workers', '2');
    expect(single.status).toBe(65); // some records are invalid
    expect(threaded.status).toBe(65);
    expect(threaded.stdout).toBe(single.stdout);
    expect(single.stdout.split('\n')[0]).toBe('position,id,rule_set,outcome,failed,unknown_fields,error');
    expect(single.stdout.trim().split('\n')).toHaveLength(lines.length * 40 + 1);
    expect(single.stderr).toContain(`共 ${lines.length * 40} 条`);
    expect(single.stderr).toContain('最常不符合的条款');
  });
});
