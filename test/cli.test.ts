import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './support/cli.js';
import { localToday } from '../src/cli/run.js';
import { foldWhitespace } from '../src/index.js';
import { ROOT, noticeText, rulesetJson } from './support/repo.js';

const FIXTURE = join(ROOT, 'fixtures', 'shizuishan-2024', 'eligible-deputy-senior-engineer.json');
const dir = mkdtempSync(join(tmpdir(), 'zhicheng-cli-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('zhicheng check', () => {
  it('prints one line per condition, each with its mark, clause, message and the verbatim quote', async () => {
    const { code, stdout } = await cli('check', FIXTURE, '--rules', 'shizuishan-2024');
    expect(code).toBe(4); // needs review: ethics and series standards are for a person
    // A route's steps are indented under their pathway and route.
    const lines = stdout.split('\n').filter((line) => /^(?: {4})?[✓✗?!–·] /.test(line) && !/^. 路径 /.test(line));
    expect(lines).toHaveLength((rulesetJson('shizuishan-2024') as { conditions: unknown[] }).conditions.length);
    const notice = foldWhitespace(noticeText('shizuishan-2024'));
    for (const line of lines) {
      expect(line).toMatch(/^(?: {4})?[✓✗?!–·] [一二三]、\([一二三四五]\)\d? /);
      const quote = /「(.+)」$/.exec(line)?.[1];
      expect(quote && notice.includes(foldWhitespace(quote)), line).toBe(true);
    }
    expect(stdout).toContain('结论:需人工审核 (needs_review)');
  });

  it('never prints a control character an applicant typed: ESC, C1 CSI, a line break, U+2028 and a bidi override are written out', async () => {
    const district = 'x\u001b[2J\u009b31m\n✓ 结论:符合\u2028\u202e';
    const profile = file('control.json', JSON.stringify({ application: { series: 'engineering', targetLevel: 'clerk', committeeDistrict: district }, socialInsurance: { unitDistrict: '海淀区' } }));
    for (const format of [[], ['--lang', 'en'], ['--json']]) {
      const { stdout } = await cli('check', profile, '--rules', 'beijing-2024', ...format);
      expect(stdout, format.join(' ')).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e]/);
      expect(stdout).toContain('\\u001b[2J');
      if (format[0] === '--json') {
        // JSON's own escapes: the value reads back as the applicant wrote it.
        const report = JSON.parse(stdout) as { conditions: { id: string; actual: unknown }[] };
        expect(report.conditions.find((condition) => condition.id === 'engineering-junior-district-committee')!.actual).toBe(district);
      } else {
        expect(stdout).toContain('\\u009b31m\\u000a✓ 结论:符合\\u2028\\u202e');
      }
    }
  });

  it('speaks English with --lang en', async () => {
    const { stdout } = await cli('check', FIXTURE, '--rules', 'shizuishan-2024', '--lang', 'en');
    expect(stdout).toContain('Outcome: needs review by a person (needs_review)');
  });

  it('prints the report object with --json', async () => {
    const { stdout } = await cli('check', FIXTURE, '--rules', 'shizuishan-2024', '--json');
    const report = JSON.parse(stdout);
    expect(report.outcome).toBe('needs_review');
    expect(report.conditions[0]).toMatchObject({ id: expect.any(String), status: expect.any(String), citation: { clause: expect.any(String), quote: expect.any(String) } });
  });

  it('exits 0 when eligible and 1 when not', async () => {
    const ruleSet = file('rules.json', JSON.stringify({ ...(await import('./support/minimal.js')).minimalRuleSet() }));
    const eligible = file('eligible.json', JSON.stringify({ status: { retired: false }, application: { targetLevel: 'intermediate' }, titles: [{ level: 'assistant', obtainedOn: '2020-01-01' }] }));
    const retired = file('retired.json', JSON.stringify({ status: { retired: true } }));
    expect((await cli('check', eligible, '--rules', ruleSet)).code).toBe(0);
    expect((await cli('check', retired, '--rules', ruleSet)).code).toBe(1);
  });

  it('takes the rule set from application.jurisdiction', async () => {
    const profile = file('jurisdiction.json', JSON.stringify({ application: { jurisdiction: 'shizuishan-2024' }, status: { retired: true } }));
    const { code, stdout } = await cli('check', profile);
    expect(code).toBe(1);
    expect(stdout).toContain('(shizuishan-2024)');
  });

  it('names the file and the path of a problem in an invalid profile, in both languages', async () => {
    const bad = file('bad.json', JSON.stringify({ titles: [{ level: 'intermediate', obtainedOn: '2019-02-30' }] }));
    const { code, stdout, stderr } = await cli('check', bad, '--rules', 'shizuishan-2024');
    expect(code).toBe(65);
    expect(stdout).toBe('');
    expect(stderr).toContain(`${bad}: 申报人档案无效 / invalid applicant profile`);
    expect(stderr).toContain('titles[0].obtainedOn:应为 YYYY-MM-DD 格式的真实日期');
    expect(stderr).toContain('at titles[0].obtainedOn: expected a real calendar date written YYYY-MM-DD');
  });

  it('names the file of malformed JSON', async () => {
    const bad = file('broken.json', '{"titles": [');
    const { code, stderr } = await cli('check', bad, '--rules', 'shizuishan-2024');
    expect(code).toBe(65);
    expect(stderr).toContain(`${bad}: 不是有效的 JSON / not valid JSON`);
    expect(stderr).toMatch(/^1:13 titles\[0\]:/m); // where the text ends, with the path it was in
  });

  it('reads a profile file strictly: a key given twice is refused, not silently settled', async () => {
    const twice = file('twice.json', '{\n  "application": {\n    "targetLevel": "clerk",\n    "targetLevel": "senior"\n  }\n}');
    const { code, stderr } = await cli('check', twice, '--rules', 'shizuishan-2024');
    expect(code).toBe(65);
    expect(stderr).toContain('4:5 application.targetLevel:键名 "targetLevel" 重复(第一次在第 3 行)');
    expect(stderr).toContain('at application.targetLevel: duplicate key "targetLevel" (first at line 3)');
  });

  it('reads a rule-set file strictly: a duplicate key is refused with its line', async () => {
    const { minimalRuleSet } = await import('./support/minimal.js');
    const rules = file('dup-rules.json', JSON.stringify(minimalRuleSet(), null, 2).replace('"operator": "equal"', '"operator": "notEqual",\n"operator": "equal"'));
    const { code, stderr } = await cli('check', FIXTURE, '--rules', rules);
    expect(code).toBe(65);
    expect(stderr).toMatch(/^\d+:\d+ conditions\[0\]\.test\.operator:键名 "operator" 重复/m);
    expect(stderr).toContain('at conditions[0].test.operator: duplicate key "operator"');
  });

  it('reports a missing file, an unknown rule set and bad usage with codes of 64 and up', async () => {
    expect((await cli('check', join(dir, 'nope.json'), '--rules', 'shizuishan-2024')).code).toBe(66);
    const profile = file('empty.json', '{}');
    expect((await cli('check', profile, '--rules', 'atlantis-2024')).code).toBe(64);
    expect((await cli('check', profile)).code).toBe(64);
    expect((await cli('check')).code).toBe(64);
    expect((await cli('frobnicate', profile)).code).toBe(64);
    expect((await cli('check', profile, '--lang', 'fr')).code).toBe(64);
    expect((await cli('check', profile, '--colour')).code).toBe(64);
  });
});

describe('zhicheng check --as-of', () => {
  const LATE = join(ROOT, 'fixtures', 'shizuishan-2024', 'second-reading-junior-title-day-after-cutoff.json');
  const SHORT_HOURS = join(ROOT, 'fixtures', 'shizuishan-2024', 'retired-engineer-rehired-senior.json');

  it('counts days left from the day given, and says near the top which day that was', async () => {
    const { stdout } = await cli('check', LATE, '--rules', 'shizuishan-2024', '--as-of', '2019-12-01');
    const lines = stdout.split('\n');
    expect(lines[2]).toBe('按 2019-12-01 计算');
    // The 初级 title dated a day after the 2019-12-31 cut-off: 30 days were left on 2019-12-01.
    expect(stdout).toContain('距 2019-12-31 还有 30 天');
    const en = await cli('check', LATE, '--rules', 'shizuishan-2024', '--as-of', '2019-12-01', '--lang', 'en');
    expect(en.stdout.split('\n')[2]).toBe('counted as of 2019-12-01');
    expect(en.stdout).toContain('30 day(s) left until 2019-12-31');
    // Once the cut-off has passed, the same date cannot be put right under this notice.
    const after = await cli('check', LATE, '--rules', 'shizuishan-2024', '--as-of', '2026-12-02');
    expect(after.stdout).not.toContain('还有 30 天');
    expect(after.stdout).toContain('按本通知无法补足');
  });

  it('counts from today in the local time zone when not told', async () => {
    const before = localToday(new Date());
    const { stdout } = await cli('check', LATE, '--rules', 'shizuishan-2024');
    const after = localToday(new Date()); // a run across midnight may say either day
    expect([`按 ${before} 计算`, `按 ${after} 计算`]).toContain(stdout.split('\n')[2]);
  });

  it('writes the day in the local time zone, not UTC', () => {
    const moment = new Date(2026, 11, 2, 0, 30); // 00:30 local time: east of UTC, toISOString() still says 1 December
    expect(localToday(moment)).toBe('2026-12-02');
    expect(localToday(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });

  it('refuses a day that is not one, naming --as-of, with exit 64', async () => {
    for (const bad of ['2026-02-30', '2026-1-2', 'today', '']) {
      const { code, stdout, stderr } = await cli('check', LATE, '--rules', 'shizuishan-2024', '--as-of', bad);
      expect(code, bad).toBe(64);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/^--as-of: 应为 YYYY-MM-DD 格式的真实日期.* \/ a real date written YYYY-MM-DD/);
    }
    expect((await cli('check', LATE, '--all', '--as-of', 'x')).code).toBe(64);
    expect((await cli('batch', LATE, '--as-of', '2026-13-01')).code).toBe(64);
    // Only the commands that evaluate take it.
    const lint = await cli('lint', LATE, '--as-of', '2026-12-02');
    expect(lint.code).toBe(64);
    expect(lint.stderr).toContain('--as-of');
  });

  it('gives the shortfalls in --json, counted from the day given', async () => {
    const { stdout } = await cli('check', SHORT_HOURS, '--rules', 'shizuishan-2024', '--json', '--as-of', '2026-12-02');
    const report = JSON.parse(stdout) as { conditions: { id: string; shortfall?: { needs: { kind: string; short?: number }[]; remedy: string } }[]; pathways: { nearest: string[] }[] };
    const hours = report.conditions.find((condition) => condition.id === 'ce-senior-public')!;
    expect(hours.shortfall).toMatchObject({ needs: [{ kind: 'amount', short: 26 }], remedy: 'unstated' });
    expect(report.pathways[0]!.nearest.length).toBeGreaterThan(0);
    const late = JSON.parse((await cli('check', LATE, '--rules', 'shizuishan-2024', '--json', '--as-of', '2019-12-01')).stdout) as typeof report;
    expect(JSON.stringify(late.conditions.find((condition) => condition.id === 'tenure-intermediate')?.shortfall)).toContain('"daysLeft":30');
  });

  it('passes the day to every rule set with --all', async () => {
    const { stdout } = await cli('check', LATE, '--all', '--json', '--as-of', '2019-12-01');
    const result = JSON.parse(stdout) as { results: { ruleSetId: string; report: unknown }[] };
    const shizuishan = result.results.find((entry) => entry.ruleSetId === 'shizuishan-2024')!;
    expect(JSON.stringify(shizuishan.report)).toContain('"daysLeft":30');
  });
});

describe('zhicheng lint', () => {
  it('lists every problem of a rule set at once', async () => {
    const document = (await import('./support/minimal.js')).minimalRuleSet();
    document.conditions[0].test.fact = 'salary';
    document.conditions[1].test.operator = 'regex';
    const { code, stdout } = await cli('lint', file('broken-rules.json', JSON.stringify(document)));
    expect(code).toBe(65);
    expect(stdout).toContain('2 个问题 / problem(s)');
    expect(stdout).toContain('conditions[0].test.fact');
    expect(stdout).toContain('conditions[1].test.operator');
  });

  it('groups problems by the part of the file they are in, in file order, with file:line:column and the count last', async () => {
    const { minimalRuleSet, MINIMAL_NOTICE } = await import('./support/minimal.js');
    const document = minimalRuleSet();
    document.conditions[1].test.operator = 'regex';
    document.conditions[0].citation.quote = '不在通知里';
    document.year = '2030';
    const text = JSON.stringify(document, null, 2);
    const lintDir = mkdtempSync(join(tmpdir(), 'zhicheng-lint-'));
    writeFileSync(join(lintDir, 'notice.md'), MINIMAL_NOTICE);
    const rules = join(lintDir, 'ruleset.json');
    writeFileSync(rules, text);
    const { code, stdout } = await cli('lint', rules);
    expect(code).toBe(65);
    const lineOf = (fragment: string) => text.slice(0, text.indexOf(fragment)).split('\n').length;
    expect(stdout.split('\n').filter((line) => line && !line.startsWith(' '))).toEqual(['year', 'conditions[0]', 'conditions[1]', `${rules}: 3 个问题 / problem(s)`]);
    expect(stdout).toContain(`  ${rules}:${lineOf('"year"')}:3  year\n    应为数字,实际为字符串\n    expected number, received string\n`);
    expect(stdout).toContain(`${rules}:${lineOf('"不在通知里"')}:`);
    expect(stdout).toContain(`${rules}:${lineOf('"regex"')}:`);
  });

  it('prints the problems as a JSON array with --json', async () => {
    const document = (await import('./support/minimal.js')).minimalRuleSet();
    document.conditions[0].test.fact = 'salary';
    const bad = await cli('lint', file('json-rules.json', JSON.stringify(document)), '--json');
    expect(bad.code).toBe(65);
    expect(JSON.parse(bad.stdout)).toEqual([
      expect.objectContaining({ path: ['conditions', 0, 'test', 'fact'], at: 'conditions[0].test.fact', line: 1, column: expect.any(Number), message: { zh: expect.any(String), en: expect.stringMatching(/^unknown fact "salary"/) } }),
    ]);
    const good = await cli('lint', join(ROOT, 'rules', 'bazhou-2022', 'ruleset.json'), '--json');
    expect([good.code, JSON.parse(good.stdout)]).toEqual([0, []]);
  });

  it('refuses, as problems of the file, duplicate keys, invalid JSON, a file over 5 MB and one not in UTF-8', async () => {
    const { minimalRuleSet } = await import('./support/minimal.js');
    const duplicated = JSON.stringify(minimalRuleSet(), null, 2).replace('"year": 2030', '"year": 2029,\n  "year": 2030');
    const cases = [
      [file('duplicate.json', duplicated), ':14:3  year', 'duplicate key "year" (first at line 13)'],
      [file('comment.json', '{\n  // a comment\n}'), ':2:3  (根对象 / root)', 'comments are not allowed in JSON'],
      [file('huge.json', ' '.repeat(5 * 1024 * 1024 + 1)), ':1:1', 'file too large: more than 5,242,880 bytes (5 MB)'],
      [file('gbk.json', Buffer.from([0x7b, 0x22, 0xd6, 0xd0, 0x22, 0x7d]) as unknown as string), ':1:3', 'not UTF-8: invalid byte 0xD6 at line 1, column 3'],
    ] as const;
    for (const [path, where, message] of cases) {
      const { code, stdout } = await cli('lint', path);
      expect(code, path).toBe(65);
      expect(stdout, path).toContain(`${path}${where}`);
      expect(stdout, path).toContain(message);
      expect(stdout, path).toContain('1 个问题 / problem(s)');
    }
  });

  it('passes the bundled rule sets, checked against their notices', async () => {
    const { code, stdout } = await cli('lint', join(ROOT, 'rules', 'shizuishan-2024', 'ruleset.json'));
    expect(stdout).toContain('没有问题 / no problems');
    expect(code).toBe(0);
  });
});

describe('the built command line (dist/cli.js, as npm installs it)', () => {
  it('runs the README quick-start check', () => {
    const result = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'check', FIXTURE, '--rules', 'shizuishan-2024'], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(4); // needs_review;
    expect(result.stdout).toContain('石嘴山市人力资源和社会保障局关于做好2024年职称评审工作的通知 (shizuishan-2024)');
  });
});

describe('zhicheng batch --input-format (issue 13)', () => {
  const CLI = join(ROOT, 'dist', 'cli.js');
  const profiles = [{ status: { retired: true } }, { status: { retired: false } }];

  it('reads one JSON array from stdin with --input-format json', () => {
    const result = spawnSync(process.execPath, [CLI, 'batch', '-', '--input-format', 'json', '--rules', 'shizuishan-2024', '--format', 'csv'], { input: JSON.stringify(profiles), encoding: 'utf8' });
    expect(result.stderr).toContain('共 2 条');
    expect(result.status).toBe(0);
    expect(result.stdout.trim().split('\n').slice(1).map((row) => row.split(',')[0])).toEqual(['1', '2']);
  });

  it('overrides the file name: a *.json file read as JSON Lines, a *.txt file as an array', async () => {
    const lines = file('lines.json', profiles.map((profile) => JSON.stringify(profile)).join('\n'));
    const array = file('array.txt', JSON.stringify(profiles, null, 2));
    for (const [input, format] of [[lines, 'jsonl'], [array, 'json']] as const) {
      const out = join(dir, `${format}.csv`);
      const { code } = await cli('batch', input, '--input-format', format, '--rules', 'shizuishan-2024', '--format', 'csv', '--out', out);
      const written = readFileSync(out, 'utf8');
      expect(code, input).toBe(0);
      expect(written.trim().split('\n'), input).toHaveLength(3); // the header and two rows, none an error
      expect(written, input).not.toMatch(/not valid JSON/);
    }
  });

  it('refuses another value as a usage error naming the option', async () => {
    const { code, stderr } = await cli('batch', file('x.jsonl', '{}'), '--input-format', 'csv');
    expect(code).toBe(64);
    expect(stderr).toMatch(/^--input-format: jsonl \| json/);
  });
});

describe('output that cannot be written (issue 14)', () => {
  // /dev/full refuses every write with ENOSPC, as a full disk does.
  it.runIf(process.platform === 'linux')('says so with the file and the reason, exit 74, never a stack trace: check --json, lint, list', () => {
    for (const args of [
      ['check', join(ROOT, 'fixtures', 'shizuishan-2024', 'eligible-deputy-senior-engineer.json'), '--rules', 'shizuishan-2024', '--json'],
      ['lint', join(ROOT, 'rules', 'bazhou-2022', 'ruleset.json')],
      ['list'],
    ]) {
      const full = openSync('/dev/full', 'w');
      try {
        const result = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), ...args], { stdio: ['ignore', full, 'pipe'], encoding: 'utf8' });
        expect(result.status, args[0]).toBe(74);
        expect(result.stderr).toBe('写入输出失败 / cannot write output: /dev/full (ENOSPC)\n');
      } finally {
        closeSync(full);
      }
    }
  });
});

describe('a profile file with a byte-order mark (issue 15)', () => {
  it('is read as the same profile: Windows editors write one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhicheng-bom-'));
    const fixture = join(ROOT, 'fixtures', 'shizuishan-2024', 'eligible-deputy-senior-engineer.json');
    const withBom = join(dir, 'profile.json');
    writeFileSync(withBom, `\uFEFF${readFileSync(fixture, 'utf8')}`);
    const plain = await cli('check', fixture, '--rules', 'shizuishan-2024', '--json');
    const bom = await cli('check', withBom, '--rules', 'shizuishan-2024', '--json');
    expect(bom.code).toBe(plain.code);
    expect(bom.stdout).toBe(plain.stdout);
  });
});

describe('zhicheng --version (issue 15)', () => {
  it("prints the package's version and exits 0", async () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const result = await cli('--version');
    expect(result).toMatchObject({ code: 0, stdout: `${version}\n` });
    const built = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), '--version'], { encoding: 'utf8' });
    expect(built.stdout).toBe(`${version}\n`);
  });
});
