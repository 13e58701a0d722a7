import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runBatch, type BatchOptions } from '../src/batch/run.js';
import { RULE_SET_IDS, getRuleSet } from '../src/index.js';
import type { CompactRecord, CompactReportRecord } from '../src/index.js';
import { cli } from './support/cli.js';
import { generateProfiles } from './support/generate.js';
import { ROOT, readJson } from './support/repo.js';

/** Runs a batch over `input` (text or bytes) in this thread and gives back what it wrote, and its tally. */
async function run(input: string | Buffer, options: Partial<Omit<BatchOptions, 'input' | 'output'>> = {}) {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(Buffer.from(chunk)));
  const tally = await runBatch({ input: Readable.from([Buffer.from(input)]), output, format: 'jsonl', workers: 1, ...options });
  output.end();
  return { text: Buffer.concat(chunks).toString('utf8'), tally };
}

const jsonLines = (text: string) => text.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);

const dir = mkdtempSync(join(tmpdir(), 'zhicheng-batch-output-'));
const FIXTURE = (readJson(join(ROOT, 'fixtures', 'shizuishan-2024', 'eligible-deputy-senior-engineer.json')) as { profile: Record<string, unknown> }).profile;
/** A Shizuishan applicant who fails on tenure: their intermediate title came too late. */
const lateTitle = { ...FIXTURE, id: 'late', titles: [{ level: 'intermediate', obtainedOn: '2023-01-01' }] };
/** Any Han character: a Chinese text has some, an English one (here) none. */
const HAN = /\p{Script=Han}/u;

describe('batch error texts follow --lang (issue 13)', () => {
  const bad = ['{not json', '{"titles": [', '42', JSON.stringify({ titles: 'none' }), JSON.stringify({ application: { jurisdiction: 'atlantis-2024' } }), '{}'].join('\n');
  const notUtf8 = Buffer.concat([Buffer.from('{"a":1}\n'), Buffer.from([0x7b, 0x22, 0x63, 0x22, 0x3a, 0x22, 0xb1, 0xb1, 0x22, 0x7d]), Buffer.from('\n')]);

  it('writes Chinese only by default, with no V8 English, and where the JSON goes wrong', async () => {
    const { text, tally } = await run(bad);
    const errors = jsonLines(text).map((row) => row.error as string);
    expect(errors).toHaveLength(6);
    for (const error of errors) {
      expect(error).toMatch(HAN);
      expect(error).not.toMatch(/ \/ |Unexpected|expected|not valid/); // no English half
    }
    expect(errors[0]).toBe('不是有效的 JSON(第 2 个字符):键名须用双引号 " 括起');
    expect(errors[1]).toMatch(/^不是有效的 JSON\(第 13 个字符,titles\[0\]\):JSON 在此意外结束/);
    expect(errors[3]).toBe('titles:应为数组,实际为字符串');
    expect(errors[4]).toContain('atlantis-2024');
    expect(errors[5]).toContain('application.jurisdiction');
    expect(tally.errors.map((error) => error.position)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('writes English only with lang en, in JSON Lines, CSV and the summary', async () => {
    const { text } = await run(bad, { lang: 'en' });
    const errors = jsonLines(text).map((row) => row.error as string);
    for (const error of errors) expect(error).not.toMatch(HAN);
    expect(errors[0]).toBe('not valid JSON (at character 2): keys must be in double quotes "');
    expect(errors[1]).toMatch(/^not valid JSON \(at character 13, in titles\[0\]\): unexpected end of the text/);

    const input = join(dir, 'bad.jsonl');
    writeFileSync(input, Buffer.concat([Buffer.from(`${bad}\n`), notUtf8]));
    for (const lang of ['zh', 'en'] as const) {
      const out = join(dir, `bad-${lang}.csv`);
      const { code, stderr } = await cli('batch', input, '--format', 'csv', '--lang', lang, '--out', out);
      expect(code).toBe(65);
      const rows = readFileSync(out, 'utf8').trim().split('\n').slice(1);
      expect(rows).toHaveLength(8);
      const errorsInCsv = rows.map((row) => row.slice(row.indexOf(',,,invalid,,,') + 13));
      for (const error of errorsInCsv) expect(HAN.test(error), error).toBe(lang === 'zh');
      expect(errorsInCsv[7]).toContain(lang === 'zh' ? '不是 UTF-8 编码(该行第 7 个字节起)' : 'not UTF-8 (from byte 7 of the line)');
      const summaryErrors = stderr.split('\n').filter((line) => /^ {2}#\d+: /.test(line));
      expect(summaryErrors).toHaveLength(5);
      for (const line of summaryErrors) expect(HAN.test(line), line).toBe(lang === 'zh');
    }
  });

  it('says where JSON spanning lines (an element of a JSON array) goes wrong, by line and column in it', async () => {
    const { text } = await run('[{"id":"a"},\n{"id":\n  "b",,}]', { inputFormat: 'json' });
    expect(jsonLines(text)[1]!.error).toBe('不是有效的 JSON(第 2 行第 7 列):此处不应出现 ",":应为双引号括起的键名');
  });
});

describe('every line gives exactly one record (issue 13)', () => {
  it('reports JSON that is not an object with its position, in each language', async () => {
    const values = ['42', '"x"', 'null', 'true', '[1,2]', '{"profile": 7}'];
    const zh = jsonLines((await run(values.join('\n'))).text);
    const en = jsonLines((await run(values.join('\n'), { lang: 'en' })).text);
    expect(zh.map((row) => row.position)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(zh.map((row) => row.error)).toEqual([
      '申报人档案须为 JSON 对象({…}),实际为数字',
      '申报人档案须为 JSON 对象({…}),实际为字符串',
      '申报人档案须为 JSON 对象({…}),实际为null',
      '申报人档案须为 JSON 对象({…}),实际为布尔值(true/false)',
      '申报人档案须为 JSON 对象({…}),实际为数组',
      'profile:申报人档案须为 JSON 对象({…}),实际为数字',
    ]);
    expect(en.map((row) => row.error)).toEqual([
      'a profile must be a JSON object ({…}), got a number',
      'a profile must be a JSON object ({…}), got a string',
      'a profile must be a JSON object ({…}), got null',
      'a profile must be a JSON object ({…}), got a boolean',
      'a profile must be a JSON object ({…}), got an array',
      'at profile: a profile must be a JSON object ({…}), got a number',
    ]);
  });

  it('makes a raw NUL byte an error row, and judges an escaped \\u0000 by the profile schema', async () => {
    const raw = Buffer.concat([Buffer.from('{"id":"a",'), Buffer.from([0x00]), Buffer.from('"x":1}\n{"id":"b'), Buffer.from([0x00]), Buffer.from('c"}\n')]);
    const escaped = `${JSON.stringify({ ...lateTitle, id: 'e\u0000f' })}\n`;
    const { text } = await run(Buffer.concat([raw, Buffer.from(escaped)]), { lang: 'en' });
    const rows = jsonLines(text);
    expect(rows.map((row) => row.position)).toEqual([1, 2, 3]);
    expect(rows[0]!.error).toBe('not valid JSON (at character 11): unexpected "\\u0000": expected a key in double quotes');
    expect(rows[1]!.error).toMatch(/^not valid JSON \(at character 9, in id\): a control character/);
    expect(rows[2]).toMatchObject({ id: 'e\u0000f', ruleSet: 'shizuishan-2024', outcome: 'ineligible' });
    // And in CSV the NUL is written out, not left raw for a spreadsheet to cut the cell at.
    const csv = (await run(escaped, { format: 'csv' })).text;
    expect(csv).not.toContain('\u0000');
    expect(csv.split('\n')[1]).toMatch(/^1,e\\u0000f,shizuishan-2024,ineligible,/);
  });

  it('reads CRLF line endings, and skips blank lines while counting them', async () => {
    const lines = [JSON.stringify(lateTitle), '', '   ', '42', JSON.stringify(FIXTURE), ''].join('\r\n');
    const rows = jsonLines((await run(lines)).text);
    expect(rows.map((row) => [row.position, row.outcome ?? 'error'])).toEqual([
      [1, 'ineligible'],
      [4, 'error'],
      [5, 'needs_review'],
    ]);
    const csv = (await run(lines, { format: 'csv' })).text;
    expect(csv.split('\n').slice(1, -1).map((row) => row.split(',')[0])).toEqual(['1', '4', '5']);
  });
});

describe('CSV for HR (issue 13)', () => {
  it('starts with a UTF-8 BOM, then ASCII column names', async () => {
    const bytes = Buffer.from((await run(JSON.stringify(lateTitle), { format: 'csv' })).text, 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const header = bytes.subarray(3).toString('utf8').split('\n')[0]!;
    expect(header).toBe('position,id,rule_set,outcome,failed_conditions,missing_fields,error');
    expect(header).toMatch(/^[a-z_,]+$/);
  });

  it('never writes a cell that a spreadsheet would run as a formula', async () => {
    const ids = ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '＝1'];
    const lines = ids.map((id) => JSON.stringify({ ...lateTitle, id })).join('\n');
    const csv = (await run(lines, { format: 'csv' })).text;
    const { parse } = await import('./support/csv.js');
    const cells = parse(csv.slice(1)).slice(1).map((row) => row[1]!);
    expect(cells).toEqual(ids.map((id) => `'${id}`));
    expect(csv).toContain(`1,"'=HYPERLINK(""http://x"",""y"")",shizuishan-2024,`);
  });

  it('lists failed conditions as clause and title, in the run’s language, and the summary does too', async () => {
    const zh = (await run(JSON.stringify(lateTitle), { format: 'csv' })).text.split('\n')[1]!;
    const en = (await run(JSON.stringify(lateTitle), { format: 'csv', lang: 'en' })).text.split('\n')[1]!;
    const tenure = getRuleSet('shizuishan-2024')!.conditions.find((condition) => condition.id === 'tenure-deputy-senior')!;
    expect(zh).toContain(`${tenure.citation.clause} ${tenure.title.zh}`);
    expect(en).toContain(`${tenure.citation.clause} ${tenure.title.en}`);
    expect(zh).not.toContain('tenure-deputy-senior');

    const input = join(dir, 'late.jsonl');
    writeFileSync(input, `${JSON.stringify(lateTitle)}\n`);
    const { stderr } = await cli('batch', input, '--format', 'csv', '--out', join(dir, 'late.csv'));
    expect(stderr).toContain(`最常不符合的条款:\n          1  shizuishan-2024 ${tenure.citation.clause} ${tenure.title.zh}`);
    const english = await cli('batch', input, '--format', 'csv', '--lang', 'en', '--out', join(dir, 'late.csv'));
    expect(english.stderr).toContain(`most-failed clauses:\n          1  shizuishan-2024 ${tenure.citation.clause} ${tenure.title.en}`);
  });
});

describe('compact JSON Lines by default (issue 13)', () => {
  it('writes only what varies per applicant, and the full report with report full', async () => {
    const line = JSON.stringify(lateTitle);
    const [compact] = jsonLines((await run(line)).text) as unknown as CompactReportRecord[];
    expect(Object.keys(compact!)).toEqual(['position', 'id', 'ruleSet', 'outcome', 'conditions', 'review', 'pathways', 'missing', 'scope']);
    expect(compact!.review).toContain('law-and-ethics');
    expect(compact!.conditions.every((condition) => ['pass', 'fail', 'unknown'].includes(condition.status))).toBe(true);
    // Every condition of the rule set is accounted for: decided, for review, or (left out) not applicable.
    const { evaluate } = await import('../src/index.js');
    const report = evaluate(getRuleSet('shizuishan-2024')!, JSON.parse(JSON.stringify(lateTitle)));
    const listed = new Set([...compact!.conditions.map((condition) => condition.id), ...compact!.review]);
    expect(report.conditions.filter((condition) => !listed.has(condition.id)).every((condition) => condition.status === 'not_applicable')).toBe(true);
    expect(report.conditions.filter((condition) => condition.status !== 'not_applicable').length).toBe(listed.size);
    expect(compact).toMatchObject({ position: 1, id: 'late', ruleSet: 'shizuishan-2024', outcome: 'ineligible' });
    expect(compact!.conditions.find((condition) => condition.id === 'tenure-deputy-senior')).toEqual({
      id: 'tenure-deputy-senior',
      status: 'fail',
      clause: '二、(一)2',
      actual: '2023-01-01',
      required: '2018-12-31',
      operator: 'dateOnOrBefore',
    });
    const text = JSON.stringify(compact);
    for (const absent of ['"title"', '"quote"', '"message"', '"parameters"', '"notes"', '"reads"']) expect(text).not.toContain(absent);
    expect(compact!.pathways.every((pathway) => Object.keys(pathway).join() === 'id,status,taken,open')).toBe(true);

    const [full] = jsonLines((await run(line, { report: 'full' })).text);
    expect(full).toMatchObject({ position: 1, id: 'late', report: { outcome: 'ineligible', ruleSet: { id: 'shizuishan-2024' } } });
    expect(JSON.stringify(full)).toContain('"quote"');
  });

  it('keeps the median compact record of generated applicants within 2 KB (a size test, not a timing one)', async () => {
    // As `npm run population` writes them: spread over the bundled rule sets, each naming its own.
    const lines = generateProfiles(400, 7).map((profile, index) => JSON.stringify({ ...profile, application: { ...profile.application, jurisdiction: RULE_SET_IDS[index % RULE_SET_IDS.length] } }));
    const rows = (await run(lines.join('\n'))).text.trim().split('\n');
    expect(rows).toHaveLength(400);
    const records = rows.map((row) => JSON.parse(row) as CompactRecord);
    expect(records.filter((record) => 'error' in record)).toEqual([]);
    const sizes = rows.map((row) => Buffer.byteLength(row, 'utf8')).sort((a, b) => a - b);
    const median = sizes[Math.floor(sizes.length / 2)]!;
    expect(median).toBeLessThanOrEqual(2048);
    // A full report is many times that: the compact record is what makes the difference.
    const full = (await run(lines.slice(0, 20).join('\n'), { report: 'full' })).text.trim().split('\n');
    expect(Math.min(...full.map((row) => Buffer.byteLength(row, 'utf8')))).toBeGreaterThan(4 * median);
  });

  it('is chosen with --report on the command line, and the same from worker threads', () => {
    const input = join(dir, 'many.jsonl');
    writeFileSync(input, `${Array.from({ length: 300 }, (_, index) => (index % 97 === 3 ? '{oops' : JSON.stringify({ ...lateTitle, id: `p${index}` }))).join('\n')}\n`);
    const batch = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'batch', input, '--rules', 'shizuishan-2024', ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
    const compact = batch();
    const compactThreaded = batch('--workers', '2');
    const fullThreaded = batch('--report', 'full', '--workers', '2', '--lang', 'en');
    for (const result of [compact, compactThreaded, fullThreaded]) expect(result.status).toBe(65);
    expect(compactThreaded.stdout).toBe(compact.stdout);
    expect(jsonLines(compact.stdout)[0]).toHaveProperty('conditions');
    const threadedFull = jsonLines(fullThreaded.stdout);
    expect(threadedFull).toHaveLength(300);
    expect(threadedFull[0]).toHaveProperty('report.conditions');
    expect(threadedFull[3]).toEqual({ position: 4, id: null, error: expect.stringMatching(/^not valid JSON \(at character 2\)/) });
    expect(batch('--report', 'short').status).toBe(64);
  }, 60_000);
});
