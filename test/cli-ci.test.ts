import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/run.js';
import { COMMANDS } from '../src/cli/options.js';
import { cli } from './support/cli.js';
import { minimalRuleSet } from './support/minimal.js';
import { ROOT } from './support/repo.js';

// Issue 15, point 6: a command line for CI and for people.
const CLI = join(ROOT, 'dist', 'cli.js');
const FIXTURE = join(ROOT, 'fixtures', 'shizuishan-2024', 'eligible-deputy-senior-engineer.json');
const dir = mkdtempSync(join(tmpdir(), 'zhicheng-cli-ci-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const json = (name: string, value: unknown) => file(name, JSON.stringify(value));

/** The CLI in this process, with `text` as its standard input. */
async function withStdin(text: string | Buffer, ...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (chunk) => void (stdout += chunk), stderr: (chunk) => void (stderr += chunk), stdin: Readable.from([Buffer.from(text)]) });
  return { code, stdout, stderr };
}

describe('exit codes of zhicheng check', () => {
  const ruleSet = json('minimal.json', minimalRuleSet());

  it('tells each outcome apart: 0 eligible, 1 ineligible, 2 incomplete, 3 not covered, 4 needs review', async () => {
    const eligible = json('eligible.json', { status: { retired: false }, application: { targetLevel: 'intermediate' }, titles: [{ level: 'assistant', obtainedOn: '2020-01-01' }] });
    expect((await cli('check', eligible, '--rules', ruleSet)).code).toBe(0);
    expect((await cli('check', json('retired.json', { status: { retired: true } }), '--rules', ruleSet)).code).toBe(1);
    expect((await cli('check', json('empty.json', {}), '--rules', ruleSet)).code).toBe(2);
    // Bazhou's notice is for senior titles only.
    const outside = await cli('check', json('intermediate.json', { application: { targetLevel: 'intermediate' } }), '--rules', 'bazhou-2022', '--json');
    expect(JSON.parse(outside.stdout).outcome).toBe('not_applicable');
    expect(outside.code).toBe(3);
    // The bundled notices always leave something to a person: a fully qualified applicant gets 4, not 2.
    const reviewed = await cli('check', FIXTURE, '--rules', 'shizuishan-2024', '--json');
    expect(JSON.parse(reviewed.stdout).outcome).toBe('needs_review');
    expect(reviewed.code).toBe(4);
    expect((await cli('check', json('empty2.json', {}), '--rules', 'shizuishan-2024')).code).toBe(2);
  });

  it('with --all, the best outcome under any rule set decides', async () => {
    expect((await cli('check', FIXTURE, '--all')).code).toBe(4);
    const incomplete = json('all-incomplete.json', { employment: { region: '宁夏回族自治区', city: '石嘴山市' } });
    expect((await cli('check', incomplete, '--all')).code).toBe(2);
    const retired = json('all-retired.json', { employment: { region: '宁夏回族自治区', city: '石嘴山市' }, status: { retired: true } });
    expect((await cli('check', retired, '--all')).code).toBe(1);
  });

  it('64 usage, 65 invalid input, 66 an unreadable file: each named, in both languages', async () => {
    const usage = await cli('check', FIXTURE, '--rules', 'shizuishan-2024', '--lang', 'fr');
    expect(usage.code).toBe(64);
    const invalid = await cli('check', json('invalid.json', { status: { retired: 'no' } }), '--rules', 'shizuishan-2024');
    expect(invalid.code).toBe(65);
    expect(invalid.stderr).toContain('申报人档案无效 / invalid applicant profile');
    expect(invalid.stderr).toContain('status.retired');
    const missing = await cli('check', join(dir, 'nope.json'), '--rules', 'shizuishan-2024');
    expect(missing).toMatchObject({ code: 66, stderr: expect.stringContaining(`无法读取文件 / cannot read file: ${join(dir, 'nope.json')} (ENOENT)`) });
  });

  it('the README documents every code the CLI uses', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const section = /## Command line([\s\S]*?)\n## /.exec(readme)![1]!;
    for (const code of [0, 1, 2, 3, 4, 64, 65, 66, 70, 73, 74, 130, 143]) expect(section, String(code)).toMatch(new RegExp(`\\| \\*\\*${code}\\*\\* \\|`));
  });
});

describe('options, checked per command', () => {
  it('refuses an option of another command, naming it, the command, and what the command takes (64)', async () => {
    const { code, stderr } = await cli('check', FIXTURE, '--out', 'report.txt');
    expect(code).toBe(64);
    expect(stderr).toContain('check 不接受选项 --out(它属于 batch);可用的选项:--rules --all --lang --json --as-of --help --version');
    expect(stderr).toContain('check does not take --out (that is an option of batch); it takes: --rules --all --lang --json --as-of --help --version');
  });

  it('suggests the option nearest to a misspelt one', async () => {
    const { code, stderr } = await cli('check', FIXTURE, '--rule', 'shizuishan-2024');
    expect(code).toBe(64);
    expect(stderr).toContain('check 没有选项 --rule(是否指 --rules?)');
    expect(stderr).toContain('check has no option --rule (did you mean --rules?)');
    expect((await cli('batch', '-', '--worker', '2')).stderr).toContain('did you mean --workers?');
    expect((await cli('check', FIXTURE, '--colour')).stderr).toMatch(/check has no option --colour; it takes/);
  });

  it('each command accepts its own options and refuses every other', async () => {
    const all = [...new Set(Object.values(COMMANDS).flat())];
    const args: Record<string, string[]> = { check: [FIXTURE, '--rules', 'shizuishan-2024'], lint: [join(ROOT, 'rules', 'bazhou-2022', 'ruleset.json')], batch: [file('one.jsonl', '{}\n')], list: [], new: ['anytown-2025'], diff: ['shizuishan-2024', 'shizuishan-2024'] };
    for (const [command, own] of Object.entries(COMMANDS)) {
      for (const option of all.filter((name) => !(own as readonly string[]).includes(name))) {
        const { code, stderr } = await cli(command, ...args[command]!, `--${option}`, 'x');
        expect(code, `${command} --${option}`).toBe(64);
        expect(stderr, `${command} --${option}`).toContain(`${command} does not take --${option}`);
      }
    }
  });

  it('refuses an option that is missing its value, and a value of the wrong kind, with the usage (64)', async () => {
    const missing = await cli('batch', '-', '--rules');
    expect(missing.code).toBe(64);
    expect(missing.stderr).toMatch(/^batch: 选项缺少取值,或开关选项带了取值 \/ Option '--rules <value>' argument missing/);
    expect((await cli('check', FIXTURE, '--json=yes')).code).toBe(64);
  });

  it('checks new and diff like the others, from one table of options', async () => {
    const other = await cli('diff', 'shizuishan-2024', 'shizuishan-2024', '--out', 'x');
    expect(other.code).toBe(64);
    expect(other.stderr).toContain('diff does not take --out (that is an option of batch)');
    expect((await cli('new', 'anytown-2025', '--forse')).stderr).toContain('did you mean --force?');
    // The command word may stand anywhere, as for the other commands.
    const late = await cli('--json', 'diff', 'shizuishan-2024', 'shizuishan-2024');
    expect(late.code).toBe(0);
    expect(JSON.parse(late.stdout)).toMatchObject({ parameters: { added: [], removed: [], changed: [] } });
    expect((await cli('diff', 'shizuishan-2024', '--lang', 'fr', 'shizuishan-2024')).code).toBe(64);
  });

  it('suggests the nearest command and value', async () => {
    expect((await cli('chek', FIXTURE)).stderr).toContain('未知命令 / unknown command: chek\n是否指 / did you mean: check');
    expect((await cli('batch', '-', '--format', 'cvs')).stderr).toContain('--format: jsonl | csv(是否指 / did you mean: csv?)');
  });
});

describe('check - reads the profile from standard input', () => {
  const profile = readFileSync(FIXTURE, 'utf8');

  it('gives the same report as the file, with or without a byte-order mark', async () => {
    const fromFile = await cli('check', FIXTURE, '--rules', 'shizuishan-2024', '--json');
    for (const text of [profile, `\uFEFF${profile}`]) {
      const fromStdin = await withStdin(text, 'check', '-', '--rules', 'shizuishan-2024', '--json');
      expect(fromStdin).toEqual(fromFile);
    }
  });

  it('names standard input in the same errors as a file: invalid JSON, an invalid profile, bytes that are not UTF-8 (65)', async () => {
    const broken = await withStdin('{"status": ', 'check', '-', '--rules', 'shizuishan-2024');
    expect(broken.code).toBe(65);
    expect(broken.stderr).toMatch(/^-\(标准输入 \/ standard input\): 不是有效的 JSON \/ not valid JSON\n1:12 /);
    const invalid = await withStdin('{"status": {"retired": "no"}}', 'check', '-', '--rules', 'shizuishan-2024');
    expect(invalid.code).toBe(65);
    expect(invalid.stderr).toContain('-(标准输入 / standard input): 申报人档案无效 / invalid applicant profile\nstatus.retired');
    const gbk = await withStdin(Buffer.from([0x7b, 0x22, 0xd6, 0xd0, 0x22, 0x7d]), 'check', '-', '--rules', 'shizuishan-2024');
    expect(gbk.code).toBe(65);
    expect(gbk.stderr).toContain('not UTF-8: invalid byte 0xD6 at line 1, column 3');
  });

  it('works in the built CLI, from a pipe', () => {
    const result = spawnSync(process.execPath, [CLI, 'check', '-', '--rules', 'shizuishan-2024'], { input: `\uFEFF${profile}`, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(4);
    expect(result.stdout).toContain('结论:需人工审核 (needs_review)');
  });
});

describe('list --json', () => {
  it('prints every bundled rule set as JSON: id, titles, jurisdiction, year, authority, issue date', async () => {
    const { code, stdout } = await cli('list', '--json');
    expect(code).toBe(0);
    const listed = JSON.parse(stdout) as { id: string; title: { zh: string; en: string }; jurisdiction: { region: string }; year: number }[];
    const text = (await cli('list')).stdout.trim().split('\n').map((line) => line.split('\t')[0]);
    expect(listed.map((entry) => entry.id)).toEqual(text);
    expect(listed.find((entry) => entry.id === 'shizuishan-2024')).toEqual({
      id: 'shizuishan-2024',
      title: { zh: '石嘴山市人力资源和社会保障局关于做好2024年职称评审工作的通知', en: expect.any(String) },
      jurisdiction: { region: '宁夏回族自治区', city: '石嘴山市' },
      year: 2024,
      authority: '石嘴山市人力资源和社会保障局',
      issued: '2024-05-17',
    });
  });
});

describe('batch --rules <file.json>', () => {
  const rules = join(dir, 'local');
  mkdirSync(rules);
  // A local copy of a bundled rule set, its id kept, with a cut-off moved: the file must win.
  const document = JSON.parse(readFileSync(join(ROOT, 'rules', 'shizuishan-2024', 'ruleset.json'), 'utf8'));
  writeFileSync(join(rules, 'ruleset.json'), JSON.stringify(document));
  writeFileSync(join(rules, 'notice.md'), readFileSync(join(ROOT, 'rules', 'shizuishan-2024', 'notice.md')));
  const profiles = file('batch.jsonl', `${readFileSync(FIXTURE, 'utf8').replace(/\s*\n\s*/g, ' ')}\n{"status":{"retired":true}}\n`);

  it('takes a rule-set file as check does, on one thread and on several', async () => {
    // The built CLI: batch writes to the process's standard output, not through the test's buffers.
    const here = spawnSync(process.execPath, [CLI, 'batch', profiles, '--rules', join(rules, 'ruleset.json'), '--format', 'csv'], { encoding: 'utf8' });
    expect(here.status).toBe(0);
    expect(here.stdout.split('\n').slice(1, 3).map((row) => row.split(',').slice(2, 4).join(','))).toEqual(['shizuishan-2024,needs_review', 'shizuishan-2024,ineligible']);
    const threads = spawnSync(process.execPath, [CLI, 'batch', profiles, '--rules', join(rules, 'ruleset.json'), '--format', 'csv', '--workers', '2'], { encoding: 'utf8' });
    expect(threads.status).toBe(0);
    expect(threads.stdout).toBe(here.stdout);
  });

  it('uses the file, not the bundled rule set of the same id', async () => {
    const changed = structuredClone(document);
    changed.title.zh = '本地修改的规则集';
    const local = join(dir, 'changed.json');
    writeFileSync(local, JSON.stringify(changed));
    const out = join(dir, 'changed-out.jsonl');
    const { code } = await cli('batch', profiles, '--rules', local, '--report', 'full', '--out', out);
    expect(code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8').split('\n')[0]!).report.ruleSet.title.zh).toBe('本地修改的规则集');
  });

  it('refuses an invalid rule-set file once, before screening (65), and an unknown id with the nearest ids (64)', async () => {
    const bad = json('bad-rules.json', { id: 'x' });
    const invalid = await cli('batch', profiles, '--rules', bad);
    expect(invalid.code).toBe(65);
    expect(invalid.stdout).toBe('');
    expect(invalid.stderr).toContain(`${bad}\n规则集无效 / invalid rule set`);
    const unknown = await cli('batch', profiles, '--rules', 'shizuishan-2023');
    expect(unknown.code).toBe(64);
    expect(unknown.stderr).toContain('是否指 / did you mean: shizuishan-2024');
  });
});

describe('did you mean, in the library', () => {
  it('a misspelt key and an enumerated value, in both languages', async () => {
    const profile = json('typos.json', { titel: [], application: { series: 'engineerin' }, titles: [{ level: 'intermediate', obtainedon: '2019-01-01' }] });
    const { code, stderr } = await cli('check', profile, '--rules', 'shizuishan-2024');
    expect(code).toBe(65);
    expect(stderr).toContain('不认识的字段:titel(是否指 titles?)');
    expect(stderr).toContain('unrecognized key: titel (did you mean titles?)');
    expect(stderr).toContain('titles[0]:不认识的字段:obtainedon(是否指 obtainedOn?)');
    expect(stderr).toContain('application.series:是否指 engineering(工程)?应为下列之一');
    expect(stderr).toContain('at application.series: did you mean engineering? expected one of');
  });

  it('no suggestion for a key that is nothing like a known one', async () => {
    const { stderr } = await cli('check', json('salary.json', { salary: 1 }), '--rules', 'shizuishan-2024');
    expect(stderr).toContain('unrecognized key: salary\n');
  });
});

describe('nearest', () => {
  it('counts a swap of neighbours as one edit, ignores case, and compares no name longer than 64 characters', async () => {
    const { editDistance, nearest } = await import('../src/text/nearest.js');
    expect(editDistance('titel', 'title')).toBe(1);
    expect(nearest('titel', ['title', 'titles', 'status'])).toEqual(['title', 'titles']);
    expect(nearest('Senior', ['senior', 'clerk'])).toEqual(['senior']);
    expect(nearest('zx', ['zh', 'en'])).toEqual(['zh']);
    expect(nearest('ab', ['zh', 'en'])).toEqual([]);
    expect(nearest('x'.repeat(65), ['x'.repeat(65)])).toEqual([]);
  });
});
