import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffRuleSets, getTemplate, instantiate, isEmptyDiff, renderDiff, templateBlanks, type RuleSetDiff } from '../src/index.js';
import { cli } from './support/cli.js';
import { RULE_SET_DIRS, instantiationOf, rulesetJson } from './support/repo.js';

const template = () => structuredClone(getTemplate('template-2021')!);
const filled = () => instantiate(template(), instantiationOf('template-2021'));

const nothingIn = (diff: RuleSetDiff, ...except: string[]) => {
  const sections: Record<string, number> = {
    metadata: diff.metadata.length,
    parameters: diff.parameters.added.length + diff.parameters.removed.length + diff.parameters.changed.length,
    conditions: diff.conditions.added.length + diff.conditions.removed.length + diff.conditions.changed.length,
    pathways: diff.pathways.added.length + diff.pathways.removed.length + diff.pathways.changed.length,
    notes: diff.notes.added.length + diff.notes.removed.length + diff.notes.changed.length,
    coverage: diff.coverage.covered.length + diff.coverage.dropped.length + diff.coverage.changed.length,
  };
  for (const [section, count] of Object.entries(sections)) if (!except.includes(section)) expect(count, section).toBe(0);
};

describe('diffRuleSets', () => {
  it('lists exactly the blanks between a template and its instantiation, and the identity the instantiation gives', () => {
    const diff = diffRuleSets(template(), filled());
    expect(diff.parameters.changed.map((change) => change.name).sort()).toEqual(templateBlanks(template()).sort());
    for (const change of diff.parameters.changed) {
      expect(change.changes).toEqual(['value']);
      expect(change.from.value).toBeUndefined();
      expect(change.to.value).toEqual(instantiationOf('template-2021').values[change.name]);
    }
    expect(diff.parameters.changed.find((change) => change.name === 'unitPublicityWorkingDays')?.usedBy).toContain('unit-publicity');
    // What `instantiate` sets besides the values: the new rule set's identity, and no longer a template.
    const given = instantiationOf('template-2021') as unknown as Record<string, unknown>;
    const identity = ['authority', 'id', 'issued', 'jurisdiction', 'title'].filter((field) => JSON.stringify(given[field]) !== JSON.stringify((template() as Record<string, unknown>)[field]));
    expect(diff.metadata.map((entry) => entry.field).sort()).toEqual([...identity, 'template'].sort());
    nothingIn(diff, 'parameters', 'metadata');
  });

  it('is empty between a rule set and itself', () => {
    for (const id of RULE_SET_DIRS) {
      const diff = diffRuleSets(rulesetJson(id), structuredClone(rulesetJson(id)));
      expect(isEmptyDiff(diff), id).toBe(true);
      expect(renderDiff(diff, 'en')).toBe('the two rule sets are the same (only $schema is not compared)\n');
    }
  });

  it('classifies one change each of a value, an operator, a message and a coverage row', () => {
    const before = filled();
    const after = structuredClone(before);
    (after.parameters.unitPublicityWorkingDays as { value: number }).value = 7;
    const publicity = after.conditions.find((condition) => condition.id === 'unit-publicity')!;
    (publicity.test as { operator: string }).operator = 'greaterThan';
    const messaged = after.conditions.find((condition) => condition.message && condition.id !== 'unit-publicity')!;
    messaged.message = { ...messaged.message!, en: `${messaged.message!.en} (reworded)` };
    const row = after.coverage.findIndex((entry) => entry.clause === '二、(七)');
    after.coverage.splice(row, 1);

    const diff = diffRuleSets(before, after);
    expect(diff.parameters.changed).toEqual([expect.objectContaining({ name: 'unitPublicityWorkingDays', changes: ['value'], from: expect.objectContaining({ value: 5 }), to: expect.objectContaining({ value: 7 }) })]);
    expect(diff.conditions.changed).toEqual(
      expect.arrayContaining([
        { id: 'unit-publicity', changes: ['logic'], fields: ['test'] },
        { id: messaged.id, changes: ['text'], fields: ['message'] },
      ]),
    );
    expect(diff.conditions.changed).toHaveLength(2);
    expect(diff.coverage.dropped).toEqual([{ clause: '二、(七)', kind: 'informational' }]);
    nothingIn(diff, 'parameters', 'conditions', 'coverage');

    const text = renderDiff(diff, 'zh');
    expect(text).toContain('~ unitPublicityWorkingDays (取值): 5 → 7  用于 unit-publicity');
    expect(text).toContain('~ unit-publicity (逻辑: test)');
    expect(text).toContain(`~ ${messaged.id} (文字: message)`);
    expect(text).toContain('- 二、(七) (informational) 不再列入');
  });

  it('sees no change in a condition whose keys are only reordered', () => {
    const before = filled();
    const after = structuredClone(before);
    const condition = after.conditions[0]!;
    after.conditions[0] = Object.fromEntries(Object.entries(condition).reverse()) as typeof condition;
    expect(isEmptyDiff(diffRuleSets(before, after))).toBe(true);
  });

  it('refuses what is not a rule set, naming which of the two and where', () => {
    expect(() => diffRuleSets(filled(), { id: 'x' })).toThrow(/at b\.title|b\.title/);
  });
});

describe('zhicheng diff', () => {
  it('compares bundled ids and files, as text or JSON; exit 0 when the same, 1 when not', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'zhicheng-diff-')), 'anytown-2021.json');
    writeFileSync(file, JSON.stringify(filled()));
    const json = await cli('diff', 'template-2021', file, '--json');
    expect(json.code).toBe(1);
    expect((JSON.parse(json.stdout) as RuleSetDiff).parameters.changed.map((change) => change.name).sort()).toEqual(templateBlanks(template()).sort());
    const text = await cli('diff', 'template-2021', file, '--lang', 'en');
    expect(text.stdout).toContain('~ seniorPassRateMax (value): (blank) → ');
    expect(await cli('diff', 'shizuishan-2024', 'shizuishan-2024')).toMatchObject({ code: 0, stdout: '两个规则集相同(未比较的只有 $schema)\n' });
  });

  it('says what is wrong with its arguments, naming them', async () => {
    expect(await cli('diff', 'shizuishan-2024')).toMatchObject({ code: 64, stderr: expect.stringContaining('expects two rule sets') });
    expect(await cli('diff', 'shizuishan-2024', 'nowhere-2020')).toMatchObject({ code: 64, stderr: expect.stringContaining('nowhere-2020') });
    expect(await cli('diff', 'a', 'b', '--lang', 'fr')).toMatchObject({ code: 64, stderr: expect.stringContaining('--lang') });
    const file = join(mkdtempSync(join(tmpdir(), 'zhicheng-diff-')), 'broken.json');
    writeFileSync(file, '{"id": ');
    expect(await cli('diff', 'shizuishan-2024', file)).toMatchObject({ code: 65, stderr: expect.stringContaining(file) });
  });
});
