import { describe, expect, expectTypeOf, it } from 'vitest';
import { MINIMAL_NOTICE, minimalRuleSet } from './support/minimal.js';
import { evaluate, getRuleSet, loadRuleSet, ValidationError, type ConditionReport, type Need, type Remedy, type Shortfall } from '../src/index.js';

/**
 * The shapes of shortfalls, one case each, from the numbers of the notices (bazhou-2022: 退回3次的 not
 * accepted again; beijing-2024: online application 2024-07-02 to 2024-07-23). test/remedies.test.ts
 * applies the stated remedies to every fixture.
 */
const bazhou = getRuleSet('bazhou-2022')!;
const beijing = getRuleSet('beijing-2024')!;
const condition = (report: ReturnType<typeof evaluate>, id: string) => report.conditions.find((item) => item.id === id)!;

describe('a shortfall', () => {
  it('past a strict bar counts one step beyond it: returned 3 times where fewer than 3 are allowed is 1 over', () => {
    const report = evaluate(bazhou, { application: { series: 'health', rejectedSubmissions: 3 } });
    const shortfall = condition(report, 'rejected-submissions-limit').shortfall!;
    expect(shortfall.needs).toMatchObject([{ kind: 'amount', operator: 'lessThan', have: 3, need: 3, short: 1 }]);
    expect(shortfall.text.zh).toContain('超出 1');
  });

  it('of a date after a fixed cut-off gives the days late, and cannot be met under the notice', () => {
    const report = evaluate(beijing, { application: { submittedOn: '2024-07-26' } }, { asOf: '2024-08-01' });
    const [need] = condition(report, 'online-application-window').shortfall!.needs;
    expect(need).toMatchObject({ kind: 'date', have: '2024-07-26', need: '2024-07-23', days: 3, daysLeft: -9, remedy: 'impossible' });
  });

  it('of a date planned after the cut-off can still be met while the cut-off is ahead of asOf', () => {
    const report = evaluate(beijing, { application: { submittedOn: '2024-07-26' } }, { asOf: '2024-07-20' });
    const [need] = condition(report, 'online-application-window').shortfall!.needs;
    expect(need).toMatchObject({ kind: 'date', days: 3, daysLeft: 3, remedy: 'possible' });
    expect(need!.text.en).toContain('3 day(s) left until 2024-07-23');
  });

  it('of an open date says how long until the window closes, counted from asOf, and only with asOf', () => {
    const withAsOf = condition(evaluate(beijing, {}, { asOf: '2024-07-20' }), 'online-application-window');
    expect(withAsOf.status).toBe('unknown');
    // The window opened on 2024-07-02 (18 days before); what matters is that it closes in 3 days.
    expect(withAsOf.shortfall!.needs[0]).toMatchObject({ kind: 'answer', deadline: { date: '2024-07-23', daysLeft: 3 } });
    expect(withAsOf.shortfall!.text.zh).toContain('距 2024-07-23 还有 3 天');
    const closed = condition(evaluate(beijing, {}, { asOf: '2024-08-01' }), 'online-application-window');
    expect(closed.shortfall!.needs[0]).toMatchObject({ deadline: { date: '2024-07-23', daysLeft: -9 } });
    const without = condition(evaluate(beijing, {}), 'online-application-window');
    expect(without.shortfall!.needs[0]).not.toHaveProperty('deadline');
  });

  it('is the same in an eager report and a lazy one, read or serialised', () => {
    const profile = { application: { series: 'health' as const, rejectedSubmissions: 4, submittedOn: '2022-12-01' } };
    const eager = evaluate(bazhou, profile, { asOf: '2022-12-05' });
    const lazy = evaluate(bazhou, profile, { asOf: '2022-12-05', messages: 'lazy' });
    expect(JSON.parse(JSON.stringify(lazy))).toEqual(eager);
    expect(condition(lazy, 'application-window').shortfall).toEqual(condition(eager, 'application-window').shortfall);
  });

  it('is absent where a condition passes, does not apply, or is only for a person to judge', () => {
    const report = evaluate(bazhou, { application: { series: 'health', rejectedSubmissions: 0 } });
    for (const item of report.conditions) if (item.status !== 'fail' && item.status !== 'unknown') expect(item, item.id).not.toHaveProperty('shortfall');
  });
});

describe('the asOf option', () => {
  it.each([['2024-02-30'], ['2024/07/20'], [20240720], [null]])('refuses %j, naming options.asOf in both languages', (asOf) => {
    const attempt = () => evaluate(beijing, {}, { asOf: asOf as never });
    expect(attempt).toThrow(ValidationError);
    expect(attempt).toThrow(/options\.asOf 应为 YYYY-MM-DD 格式的真实日期/);
    expect(attempt).toThrow(/options\.asOf: expected a real date written YYYY-MM-DD/);
  });
});

describe('docs/shortfalls.md', () => {
  it('prints what it says its example prints, run against the built package', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { pathToFileURL } = await import('node:url');
    const { execFileSync } = await import('node:child_process');
    const { ROOT } = await import('./support/repo.js');
    const page = readFileSync(join(ROOT, 'docs', 'shortfalls.md'), 'utf8');
    const example = /```js\n([\s\S]*?)```/.exec(page)?.[1] ?? '';
    const printed = /prints\n\n```text\n([\s\S]*?)```/.exec(page)?.[1] ?? '';
    expect(example).toContain("asOf: '2024-06-20'");
    const runnable = example.replace("'zhicheng-eligibility'", JSON.stringify(pathToFileURL(join(ROOT, 'dist', 'index.js')).href));
    expect(execFileSync(process.execPath, ['--input-type=module', '-e', runnable], { encoding: 'utf8' })).toBe(printed);
  });
});

describe('a choice in a shortfall', () => {
  it('says per option whether the notice is silent, never "cannot be met" and "does not say" of one option', () => {
    const shizuishan = getRuleSet('shizuishan-2024')!;
    const report = evaluate(shizuishan, {
      application: { targetLevel: 'intermediate' },
      titles: [{ level: 'clerk', obtainedOn: '2020-01-01' }],
      education: [{ level: 'bachelor', credential: 'diploma', obtainedOn: '2015-07-01' }],
    }, { asOf: '2024-06-20' });
    const tenure = condition(report, 'tenure-intermediate');
    expect(tenure.status).toBe('fail');
    const [choice] = tenure.shortfall!.needs;
    expect(choice!.kind).toBe('oneOf');
    expect(tenure.shortfall!.text.zh).toContain('晚于 2019-12-31 共 1 天');
    expect(tenure.shortfall!.text.zh).not.toMatch(/无法补足;通知未说明能否补足/);
    expect(tenure.shortfall!.text.en).not.toMatch(/cannot be met under this notice; the notice does not say/);
  });
});

describe('an answer the notice fixes as of a day', () => {
  // 石嘴山 二、(一)2: a master's diploma counts if held 「截至到2023年12月31日」.
  const shizuishan = getRuleSet('shizuishan-2024')!;
  const profile = {
    application: { targetLevel: 'intermediate' as const },
    titles: [{ level: 'clerk' as const, obtainedOn: '2020-03-01' }],
    education: [{ level: 'bachelor' as const, credential: 'diploma' as const, obtainedOn: '2016-07-01' }],
  };
  const diplomaNeed = (asOf?: string) => {
    const shortfall = condition(evaluate(shizuishan, profile, asOf === undefined ? {} : { asOf }), 'tenure-intermediate').shortfall!;
    const choice = shortfall.needs.find((need) => need.kind === 'oneOf');
    const options = choice?.kind === 'oneOf' ? choice.options.flat() : [];
    return { shortfall, need: options.find((need) => need.kind === 'value' && need.reads.includes('education'))! };
  };

  it('can still be met while that day is ahead', () => {
    expect(diplomaNeed('2023-06-01').need.remedy).toBe('possible');
  });

  it('cannot, once it has passed, and says so', () => {
    const { shortfall, need } = diplomaNeed('2024-05-17');
    expect(need.remedy).toBe('impossible');
    expect(need.text.zh).toContain('按本通知无法补足');
    expect(shortfall.remedy).toBe('impossible');
  });

  it('is unstated without asOf: the report does not know which side of the day it is read on', () => {
    expect(diplomaNeed().need.remedy).toBe('unstated');
  });
});

describe('the types', () => {
  it('are exported with the report that carries them', () => {
    expectTypeOf<ConditionReport['shortfall']>().toEqualTypeOf<Shortfall | undefined>();
    expectTypeOf<Shortfall['needs'][number]>().toEqualTypeOf<Need>();
    expectTypeOf<Need['remedy']>().toEqualTypeOf<Remedy>();
  });
});

describe('a shortfall through not', () => {
  // A small rule set of our own: none of the bundled ones fails on a `not` over a group alone.
  const notOf = (child: unknown) => {
    const document = minimalRuleSet();
    document.conditions[0].test = { not: child };
    delete document.conditions[0].appliesWhen;
    return loadRuleSet(document, { notice: MINIMAL_NOTICE });
  };
  const retired = { fact: 'field', params: { path: 'status.retired' }, operator: 'equal', value: true };
  const civilServant = { fact: 'field', params: { path: 'status.civilService' }, operator: 'equal', value: 'civil_servant' };

  it('over a comparison the profile meets, needs the opposite comparison', () => {
    const report = evaluate(notOf(retired), { status: { retired: true } });
    expect(report.conditions[0]!.shortfall!.needs).toMatchObject([{ kind: 'value', operator: 'notEqual', have: true, need: true }]);
  });

  it('over a group still open, in a condition that fails, needs its answers too', () => {
    const document = minimalRuleSet();
    const senior = { fact: 'field', params: { path: 'application.targetLevel' }, operator: 'equal', value: 'senior' };
    document.conditions[0].test = { all: [senior, { not: { any: [retired, civilServant] } }] };
    delete document.conditions[0].appliesWhen;
    const report = evaluate(loadRuleSet(document, { notice: MINIMAL_NOTICE }), { application: { targetLevel: 'intermediate' }, status: { retired: false } });
    expect(report.conditions[0]!.status).toBe('fail');
    expect(report.conditions[0]!.shortfall!.needs).toMatchObject([
      { kind: 'value', have: 'intermediate', need: 'senior' },
      { kind: 'answer', paths: ['status.civilService'] },
    ]);
  });

  it('over a group the profile meets, is for a person to state', () => {
    const report = evaluate(notOf({ any: [retired, civilServant] }), { status: { retired: true, civilService: 'none' } });
    expect(report.conditions[0]!.status).toBe('fail');
    expect(report.conditions[0]!.shortfall!.needs).toMatchObject([{ kind: 'judgement' }]);
  });
});
