import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './support/cli.js';
import { ROOT } from './support/repo.js';

const page = readFileSync(join(ROOT, 'docs', 'new-notice.md'), 'utf8');
const example = (path: string) => readFileSync(join(ROOT, 'examples', 'new-notice', path), 'utf8');

/** The page's commands, each with the lines shown under it (the ```text block that follows it). */
const steps = [...page.matchAll(/```sh\n(npx zhicheng [^\n]*)\n```\s*```text\n([\s\S]*?)```/g)].map((match) => ({
  argv: match[1]!.split(' ').slice(2),
  shown: match[2]!.split('\n').filter((line) => line.trim() !== ''),
}));

describe('docs/new-notice.md', () => {
  it('shows every command with its output', () => {
    expect(steps.map((step) => step.argv[0])).toEqual(['new', 'lint', 'lint', 'check', 'diff']);
    expect(page.match(/```sh\n/g)).toHaveLength(steps.length);
  });

  it('prints what the page shows, step by step (the draft written to a temporary folder)', async () => {
    const draft = `${mkdtempSync(join(tmpdir(), 'zhicheng-walkthrough-'))}/`;
    for (const { argv, shown } of steps) {
      const { code, stdout, stderr } = await cli(...argv.map((arg) => arg.replace(/^draft\//, draft)));
      expect(stderr, argv.join(' ')).toBe('');
      expect(code, argv.join(' ')).toBe({ new: 0, lint: argv[1]!.startsWith('draft/') ? 65 : 0, check: 0, diff: 1 }[argv[0]!]);
      const printed = stdout.replaceAll(draft, 'draft/').split('\n');
      for (const line of shown) expect(printed, argv.join(' ')).toContain(line);
    }
    // The story holds: the confirmed rule set keeps the notice the draft wrote, and the parameter and
    // the condition the page shows are the draft's candidate and the example's condition.
    expect(readFileSync(join(draft, 'shili-2025', 'notice.md'), 'utf8')).toBe(example('shili-2025/notice.md'));
    const skeleton = JSON.parse(readFileSync(join(draft, 'shili-2025', 'ruleset.json'), 'utf8'));
    const [candidate, condition] = [...page.matchAll(/```json\n([\s\S]*?)```/g)].map((match) => JSON.parse(`{${match[1]}}`));
    expect(candidate).toEqual({ date20211231: skeleton.parameters.date20211231 });
    const confirmed = JSON.parse(example('shili-2025/ruleset.json'));
    expect(confirmed.parameters.tenureCutoffIntermediate.citation).toEqual(skeleton.parameters.date20211231.citation);
    const { interpretation: _shownElsewhere, ...written } = confirmed.conditions[0];
    expect(condition.conditions).toEqual([written]);
  });

  it('keeps the next year as the page says: the 2025 rule set with the new cut-off', () => {
    expect(example('shili-2026/notice.md')).toContain('申报中级职称的人员须在2022年12月31日前取得初级职称');
  });
});
