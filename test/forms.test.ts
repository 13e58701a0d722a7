import { FieldApi, FormApi } from '@tanstack/form-core';
import { describe, expect, it } from 'vitest';
import * as zodMini from 'zod/mini';
import {
  evaluate,
  fieldIssues,
  getRuleSet,
  issuesForField,
  nextQuestions,
  profileSchema as miniProfileSchema,
  questionsFor,
  toStandardSchema,
  eligibility,
} from '../src/index.js';
import { profileSchema } from '../src/zod.js';
import type { EligibilityReport } from '../src/report/types.js';
import { fixturesOf } from './support/repo.js';

const shizuishan = getRuleSet('shizuishan-2024')!;
const bazhou = getRuleSet('bazhou-2022')!;
// Late for the deadline the evaluating unit announced: a failure. (Late for the notice's own 原则上 date
// with no announced one is a review, not a failure: see the fixtures.)
const late = { application: { series: 'engineering' as const, committeeSeries: 'engineering' as const, adjustedDeadline: '2024-06-30', submittedOn: '2024-07-10' } };

describe('field-level issues', () => {
  it('put a failed condition on the fields it reads, with its clause', () => {
    const issues = fieldIssues(evaluate(shizuishan, late));
    expect(issues.filter((issue) => issue.path === 'application.submittedOn')).toEqual([
      expect.objectContaining({ conditionId: 'online-application-deadline', status: 'fail', citation: expect.objectContaining({ clause: '二、(二)2' }) }),
    ]);
  });

  it('answer "what is wrong with this field?", including what it still needs', () => {
    const report = evaluate(shizuishan, { application: { targetLevel: 'deputy_senior' }, titles: [{ level: 'intermediate' }] });
    expect(issuesForField(report, 'titles').map((issue) => [issue.conditionId, issue.status, issue.path])).toEqual([
      ['tenure-deputy-senior', 'unknown', 'titles.0.obtainedOn'],
      ['tenure-deputy-senior-early', 'unknown', 'titles.0.obtainedOn'],
    ]);
    expect(issuesForField(report, 'titles.0.obtainedOn')).toHaveLength(2);
    expect(issuesForField(report, 'status.retired').map((issue) => issue.status)).toEqual(['unknown']);
  });

  it('leave out the steps of a route not taken when another route is met', () => {
    const fixture = fixturesOf('shizuishan-2024').find((candidate) => candidate.file.endsWith('eligible-deputy-senior-engineer.json'))!;
    const report = evaluate(shizuishan, fixture.profile as never);
    expect(report.conditions.find((condition) => condition.id === 'rural-revitalization-contribution')!.status).toBe('fail');
    expect(fieldIssues(report)).toEqual([]);
  });
});

describe('what to ask next', () => {
  it('asks first what decides whether the notice applies at all', () => {
    const [first, second] = nextQuestions(bazhou, {});
    expect(first!.path).toBe('application.series');
    for (const question of [first!, second!]) expect(question.settles.map((item) => item.id)).toContain('scope');
  });

  it('then the fields more undecided conditions wait for, each with what it settles and a label', () => {
    const questions = nextQuestions(shizuishan, { application: { targetLevel: 'intermediate' } });
    // Where the applicant works (the notice's territory) is asked first; the rest by how much they settle.
    expect(questions[0]!.settles.map((item) => item.id)).toContain('scope');
    const counts = questions.filter((question) => !question.settles.some((item) => item.id === 'scope')).map((question) => question.settles.length);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const education = questions.find((question) => question.path === 'education')!;
    expect(education.label).toEqual({ zh: '学历学位', en: 'education' });
    expect(education.settles.map((item) => item.id)).toEqual(
      expect.arrayContaining(['ce-intermediate-total', 'ce-intermediate-master-total']),
    );
  });

  it('asks nothing once the outcome is decided without open questions', () => {
    let decided = 0;
    for (const id of ['shizuishan-2024', 'bazhou-2022', 'beijing-2024', 'quzhou-2020']) {
      for (const fixture of fixturesOf(id)) {
        const report = evaluate(getRuleSet(id)!, fixture.profile as never);
        if (!['eligible', 'needs_review', 'not_applicable'].includes(report.outcome)) continue;
        decided += 1;
        expect(questionsFor(report), fixture.file).toEqual([]);
      }
    }
    expect(decided).toBeGreaterThan(10);
  });

  it('asks, of questions that settle as much, first for the route nearest to being met', () => {
    // Two open routes of one pathway, each waiting for one answer; the second route is the nearer one
    // (listed first in `nearest`), so its question comes first although its step comes later.
    const text = (en: string) => ({ zh: en, en });
    const step = (id: string, route: string, path: string) => ({ id, title: text(id), status: 'unknown', missing: [path], route: { pathway: 'p', route } });
    const route = (id: string, needs: string[]) => ({ id, title: text(id), status: 'unknown', conditions: needs, needs, remedy: 'possible' });
    const report = {
      ruleSet: { id: 'r' },
      conditions: [step('far-step', 'far', 'x'), step('near-step', 'near', 'y')],
      pathways: [{ id: 'p', title: text('p'), status: 'unknown', taken: null, open: ['far', 'near'], routes: [route('far', ['far-step']), route('near', ['near-step'])], nearest: ['near', 'far'] }],
      scope: null,
    } as unknown as EligibilityReport;
    expect(questionsFor(report).map((question) => question.path)).toEqual(['y', 'x']);
    // Without an order of nearness the routes' own order stands.
    expect(questionsFor({ ...report, pathways: [{ ...report.pathways[0]!, nearest: ['far', 'near'] }] }).map((question) => question.path)).toEqual(['x', 'y']);
  });

  it('names years of continuing education that are still missing', () => {
    const questions = nextQuestions(shizuishan, { application: { targetLevel: 'senior' }, continuingEducation: [{ year: 2019, publicHours: 20 }] });
    const year = questions.find((question) => question.path === 'continuingEducation[year=2020]')!;
    expect(year.label).toEqual({ zh: '继续教育学时(2020年)', en: 'continuing education (2020)' });
  });
});

describe('Standard Schema', () => {
  const schema = toStandardSchema(shizuishan, { language: 'en' });

  it('is a Standard Schema v1 object', () => {
    expect(schema['~standard']).toMatchObject({ version: 1, vendor: 'zhicheng-eligibility' });
  });

  it('returns the profile when nothing fails, and issues with paths and cited messages when something does', () => {
    expect(schema['~standard'].validate({})).toEqual({ value: {} });
    const result = schema['~standard'].validate(late) as { issues: { message: string; path: unknown[] }[] };
    expect(result.issues).toContainEqual({
      path: ['application', 'submittedOn'],
      message: 'applied online on 2024-07-10; the deadline is 2024-06-30, that day included (二、(二)2 “个人网上报名时间原则上截止到2024年6月30日,各组评单位可根据工作实际进行适度调整”)',
    });
  });

  it('reports an invalid profile as validation issues in the chosen language', () => {
    expect(toStandardSchema(shizuishan)['~standard'].validate({ titles: [{ obtainedOn: '2019-02-30' }] })).toEqual({
      issues: [{ path: ['titles', 0, 'obtainedOn'], message: '应为 YYYY-MM-DD 格式的真实日期' }],
    });
  });

  it('drives a real form library: TanStack Form shows the clause on the field, and clears it', async () => {
    const form = new FormApi({ defaultValues: { application: { series: 'engineering', committeeSeries: 'engineering', adjustedDeadline: '2024-06-30', submittedOn: '2024-06-01' } }, validators: { onChange: schema as never } });
    form.mount();
    const field = new FieldApi({ form, name: 'application.submittedOn' });
    field.mount();
    field.setValue('2024-07-10');
    await Promise.resolve();
    expect(field.state.meta.errors).toEqual([expect.objectContaining({ message: expect.stringContaining('二、(二)2') })]);
    field.setValue('2024-06-10');
    await Promise.resolve();
    expect(field.state.meta.errors).toEqual([]);
  });
});

describe('zod refinement', () => {
  it('plugs into a classic zod schema: profileSchema.superRefine(eligibility(ruleSet))', () => {
    const schema = profileSchema.superRefine(eligibility(shizuishan, { language: 'en' }));
    const result = schema.safeParse(late);
    expect(result.success).toBe(false);
    expect(result.error!.issues).toContainEqual(
      expect.objectContaining({ code: 'custom', path: ['application', 'submittedOn'], params: expect.objectContaining({ condition: 'online-application-deadline', clause: '二、(二)2' }) }),
    );
    expect(schema.safeParse({ application: { submittedOn: '2024-06-30' } }).success).toBe(true);
  });

  it('and into zod/mini: profileSchema.check(z.superRefine(eligibility(ruleSet)))', () => {
    const schema = miniProfileSchema.check(zodMini.superRefine(eligibility(shizuishan)));
    expect(schema.safeParse(late).success).toBe(false);
  });
});

describe('locales', () => {
  it("take a user's own words for the generic parts of messages", () => {
    const report = evaluate(shizuishan, {}, { locales: { en: { missing: (paths) => `please fill in ${paths.length} field(s)`, status: { pass: 'OK', fail: 'NO', unknown: 'TBD', review: 'CHECK', not_applicable: 'N/A' } } } });
    expect(report.conditions.find((condition) => condition.id === 'not-retired')!.message.en).toBe('please fill in 1 field(s)');
    expect(report.conditions.find((condition) => condition.id === 'not-retired')!.message.zh).toBe('缺少信息:离退休');
  });
});

describe('reports as values', () => {
  it('survive structuredClone (postMessage to and from a web worker) and JSON with their messages', () => {
    const report = evaluate(shizuishan, late);
    const cloned = structuredClone(report);
    expect(cloned.conditions.map((condition) => condition.message)).toEqual(report.conditions.map((condition) => condition.message));
    expect(cloned.conditions[0]!.message.zh).toBeTruthy();
    expect(JSON.parse(JSON.stringify(report))).toEqual(cloned);
  });
});

describe('lazy messages', () => {
  it('give the same report, message by message, as eager ones', async () => {
    for (const fixture of fixturesOf('shizuishan-2024')) {
      const lazy = evaluate(shizuishan, fixture.profile as never, { messages: 'lazy' });
      expect(JSON.stringify(lazy)).toBe(JSON.stringify(evaluate(shizuishan, fixture.profile as never)));
      expect(lazy.conditions[0]!.message).toEqual(evaluate(shizuishan, fixture.profile as never).conditions[0]!.message);
    }
  });

  it('share one frozen result per condition where nothing depends on the applicant (not applicable, review)', () => {
    const intermediate = { application: { jurisdiction: 'shizuishan-2024', targetLevel: 'intermediate', series: 'engineering' } } as const;
    const one = evaluate(shizuishan, intermediate, { messages: 'lazy' });
    const two = evaluate(shizuishan, { ...intermediate, status: { retired: true } } as const, { messages: 'lazy' });
    const seniorOnly = (report: typeof one) => report.conditions.find((condition) => condition.id === 'tenure-senior')!;
    expect(seniorOnly(one).status).toBe('not_applicable');
    expect(seniorOnly(one)).toBe(seniorOnly(two));
    expect(Object.isFrozen(seniorOnly(one))).toBe(true);
    const review = one.conditions.find((condition) => condition.status === 'review')!;
    expect(two.conditions.find((condition) => condition.id === review.id)).toBe(review);
    // The shared result says what a fresh one says, and eager reports stay each their own plain data.
    const eager = evaluate(shizuishan, intermediate);
    expect(JSON.parse(JSON.stringify(one))).toEqual(eager);
    expect(seniorOnly(one).message).toEqual(seniorOnly(eager).message);
    expect(seniorOnly(eager)).not.toBe(seniorOnly(evaluate(shizuishan, intermediate)));
    expect(Object.isFrozen(seniorOnly(eager))).toBe(false);
    // Results that depend on the applicant are never shared.
    const retired = (report: typeof one) => report.conditions.find((condition) => condition.id === 'not-retired')!;
    expect(retired(one).status).toBe('unknown');
    expect(retired(one)).not.toBe(retired(evaluate(shizuishan, intermediate, { messages: 'lazy' })));
  });

  it('are not shared when the caller brings their own words', () => {
    const profile = { application: { jurisdiction: 'shizuishan-2024', targetLevel: 'intermediate' } } as const;
    const words = { locales: { en: { notApplicable: 'does not apply to you' } }, messages: 'lazy' as const };
    const ours = evaluate(shizuishan, profile, { messages: 'lazy' }).conditions.find((condition) => condition.id === 'tenure-senior')!;
    const theirs = evaluate(shizuishan, profile, words).conditions.find((condition) => condition.id === 'tenure-senior')!;
    expect(theirs).not.toBe(ours);
    expect(theirs.message.en).toBe('does not apply to you');
    expect(ours.message.en).not.toBe('does not apply to you');
  });
});
