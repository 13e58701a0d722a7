import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluate, getRuleSet } from '../src/index.js';
import { ROOT } from './support/repo.js';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

describe('the README', () => {
  it('says what its library example returns', () => {
    const report = evaluate(getRuleSet('shizuishan-2024')!, {
      employment: { region: '宁夏回族自治区', city: '石嘴山市' },
      application: { series: 'engineering', committeeSeries: 'engineering', targetLevel: 'deputy_senior', submittedOn: '2024-06-10' },
      titles: [{ level: 'intermediate', obtainedOn: '2016-07-01' }],
      status: { retired: false, civilService: 'none' },
    });
    expect(report.outcome).toBe('incomplete');
    expect(report.missing).toEqual(expect.arrayContaining(['discipline.sanctions', 'continuingEducation']));
    expect(report.missing.slice(0, 2)).toEqual(['discipline.sanctions', 'discipline.underInvestigation']);
    expect(report.conditions.find((condition) => condition.id === 'tenure-deputy-senior')).toMatchObject({
      status: 'pass',
      citation: { clause: '二、(一)2' },
      actual: '2016-07-01',
      required: '2018-12-31',
      operator: 'dateOnOrBefore',
      message: { zh: '取得中级资格:2016-07-01,要求不晚于 2018-12-31' },
    });
  });

  it('has a quick start of two commands: install and run the demo, and the tests', () => {
    const quickStart = /## Quick start[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    expect(quickStart.trim().split('\n').map((line) => line.split('#')[0]!.trim())).toEqual(['npm ci && npm run demo', 'npm test']);
  });

  it("shows lines the demo really prints", async () => {
    const excerpt = /```text\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    const { cli } = await import('./support/cli.js');
    const { stdout: printed } = await cli('check', join(ROOT, 'fixtures/shizuishan-2024/eligible-deputy-senior-engineer.json'), '--rules', 'shizuishan-2024');
    const lines = excerpt.split('\n').filter((line) => line.trim() && line !== '…');
    for (const line of lines) expect(printed.split('\n')).toContain(line);
  });
});

describe('the README, for someone who installs the package', () => {
  const section = /## Install and use\n([\s\S]*?)\n## /.exec(readme)?.[1] ?? '';

  it('opens with npm install and a five-line example that runs and prints what it says', () => {
    expect(readme.indexOf('## Install and use')).toBeLessThan(readme.indexOf('## Quick start'));
    expect(/```sh\n([\s\S]*?)```/.exec(section)?.[1]?.trim()).toBe('npm install zhicheng-eligibility zod');
    const example = /```js\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
    const code = example.split('\n').filter((line) => line.trim() && !line.startsWith('import '));
    expect(code.length).toBeLessThanOrEqual(5);
    // Run as a user would, against the built package (what `npm install` gives) instead of the name.
    const runnable = example.replace("'zhicheng-eligibility'", JSON.stringify(pathToFileURL(join(ROOT, 'dist', 'index.js')).href));
    const printed = execFileSync(process.execPath, ['--input-type=module', '-e', runnable], { encoding: 'utf8' });
    const [outcome, ...text] = printed.split('\n');
    expect(example).toContain("console.log(report.outcome); // 'incomplete'");
    expect(outcome).toBe('incomplete');
    expect(text.join('\n')).toContain('✓ 二、(一)2 Deputy-senior title: intermediate title held by the cut-off: pass');
  });

  it('links only to what the published package holds, or to its own headings', () => {
    const packed = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' })) as [{ files: { path: string }[] }];
    const files = packed[0].files.map((file) => file.path);
    // GitHub's anchors: lower case, spaces to hyphens, punctuation but hyphens and underscores dropped.
    const anchors = [...readme.matchAll(/^#+ (.+)$/gm)].map(([, heading]) => heading!.toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-'));
    const targets = [...readme.matchAll(/\]\(([^)\s]+)\)/g)].map(([, target]) => target!).filter((target) => !/^[a-z]+:/.test(target));
    expect(targets.length).toBeGreaterThan(5);
    const broken = targets.filter((target) => {
      const [path, anchor] = target.split('#') as [string, string | undefined];
      if (path === '') return !anchors.includes(anchor!);
      const file = path.replace(/^\.\//, '');
      return !files.some((packedFile) => packedFile === file || packedFile.startsWith(file.endsWith('/') ? file : `${file}/`));
    });
    expect(broken).toEqual([]);
  });
});

describe("the README's jurisdiction table", () => {
  it('is the one generated from the rule sets (run `npm run generate` after changing a rule set)', async () => {
    const { readmeWithTable } = await import('../scripts/jurisdictions.mjs');
    expect(readme).toBe(readmeWithTable(readme));
  });
});
