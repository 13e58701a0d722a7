import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/run.js';
import { foldWhitespace } from '../src/index.js';
import { ROOT, noticeText } from './support/repo.js';

const FIXTURE = join(ROOT, 'fixtures', 'shizuishan-2024', 'eligible-deputy-senior-engineer.json');
const dir = mkdtempSync(join(tmpdir(), 'zhicheng-cli-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text) });
  return { code, stdout, stderr };
}

describe('zhicheng check', () => {
  it('prints one line per condition, each with its mark, clause, message and the verbatim quote', async () => {
    const { code, stdout } = await cli('check', FIXTURE, '--rules', 'shizuishan-2024');
    expect(code).toBe(2); // needs review: ethics and series standards are for a person
    const lines = stdout.split('\n').filter((line) => /^[✓✗?!–] /.test(line) && !/^. 路径 /.test(line));
    expect(lines).toHaveLength(32);
    const notice = foldWhitespace(noticeText('shizuishan-2024'));
    for (const line of lines) {
      expect(line).toMatch(/^[✓✗?!–] [一二三]、\([一二三四五]\)\d? /);
      const quote = /「(.+)」$/.exec(line)?.[1];
      expect(quote && notice.includes(foldWhitespace(quote)), line).toBe(true);
    }
    expect(stdout).toContain('结论:需人工审核 (needs_review)');
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
    expect(stderr).toContain(`不是有效的 JSON / not valid JSON: ${bad}`);
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
    expect(result.status).toBe(2);
    expect(result.stdout).toContain('石嘴山市人力资源和社会保障局关于做好2024年职称评审工作的通知 (shizuishan-2024)');
  });
});
