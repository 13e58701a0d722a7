import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadRuleSet, type RuleSet } from '../src/index.js';
import type { Need } from '../src/remedies/types.js';
import { leavesOf } from '../src/engine/logic.js';
import { runs } from './properties/support.js';
import { fixturesOf, loadWithNotice } from './support/repo.js';
import { MINIMAL_NOTICE, minimalRuleSet } from './support/minimal.js';
import { applyShortfall, conditionReport, issuedOf } from './support/remedies.js';

/**
 * Tightness of numeric shortfalls: on profiles built at random around a condition's bar, adding exactly
 * `short` makes the condition pass, and one step less — 0.01 for hours (recorded to two decimals), 1 for
 * whole numbers — leaves it failing, short by exactly that step. And the remedy of a window of years:
 * `possible` while the `asOf` year is in it, `unstated` once it is over.
 */

const round = (value: number) => Math.round(value * 100) / 100;
const ruleSets = new Map<string, RuleSet>();
const ruleSetOf = (id: string): RuleSet => ruleSets.get(id) ?? ruleSets.set(id, loadWithNotice(id)).get(id)!;
const fixture = (id: string, file: string) => {
  const found = fixturesOf(id).find((candidate) => candidate.file.endsWith(`/${file}.json`));
  if (!found) throw new Error(`no fixture ${file}`);
  return found.profile as Record<string, unknown>;
};

/** The amount need a shortfall states first (through a `oneOf`, its nearest option's first). */
function firstAmount(needs: readonly Need[]): Extract<Need, { kind: 'amount' }> | undefined {
  const first = needs[0];
  if (first?.kind === 'oneOf') return firstAmount(first.options[0]!);
  return first?.kind === 'amount' ? first : undefined;
}

/**
 * The property itself for one profile: `fc.pre` keeps only profiles the condition fails with one amount
 * need; the shortfall applied exactly passes; applied one step short fails, short by that step.
 */
function checkTight(id: string, conditionId: string, profile: unknown, step: number, asOf = issuedOf(ruleSetOf(id))): void {
  const ruleSet = ruleSetOf(id);
  const before = conditionReport(ruleSet, profile, conditionId, asOf);
  fc.pre(before.status === 'fail');
  const need = firstAmount(before.shortfall!.needs);
  expect(need, JSON.stringify(before.shortfall?.needs)).toBeDefined();
  const rising = need!.operator.startsWith('greater');
  expect(need!.short).toBe(round((rising ? need!.need - need!.have : need!.have - need!.need) + (need!.operator === 'lessThan' || need!.operator === 'greaterThan' ? step : 0)));
  expect(need!.short).toBeGreaterThan(0);
  const compiled = ruleSet.conditions.find((condition) => condition.id === conditionId)!;

  const exact = applyShortfall(compiled, before.shortfall!, profile);
  if (exact.kind !== 'applied') throw new Error(`not applied: ${exact.reason}`);
  expect(conditionReport(ruleSet, exact.profile, conditionId, asOf).status).toBe('pass');

  const less = applyShortfall(compiled, before.shortfall!, profile, (candidate) => (candidate === need ? round(need!.short - step) : undefined));
  if (less.kind !== 'applied') throw new Error(`not applied: ${less.reason}`);
  const after = conditionReport(ruleSet, less.profile, conditionId, asOf);
  expect(after.status).toBe('fail');
  expect(firstAmount(after.shortfall!.needs)?.short).toBe(step);
}

const withPath = (profile: Record<string, unknown>, group: string, key: string, value: unknown) => ({
  ...profile,
  [group]: { ...(profile[group] as object), [key]: value },
});

describe('whole-number shortfalls are tight (one less still fails)', () => {
  it('Beijing unit-publicity: 不少于5个工作日', () => {
    const base = fixture('beijing-2024', 'foreign-graduate-engineer-late-wrong-committee');
    fc.assert(fc.property(fc.integer({ min: 0, max: 4 }), (days) => checkTight('beijing-2024', 'unit-publicity', withPath(base, 'application', 'unitPublicityWorkingDays', days), 1)), runs(30));
  });

  it('Beijing freelancer-months-in-beijing: 近1年在北京地区…工作', () => {
    const base = fixture('beijing-2024', 'freelance-tea-master-skilled-economics-refused');
    fc.assert(fc.property(fc.integer({ min: 0, max: 11 }), (months) => checkTight('beijing-2024', 'freelancer-months-in-beijing', withPath(base, 'employment', 'freelanceMonthsInCity', months), 1)), runs(30));
  });

  it('Beijing exceptional-expert-recommendations: 2名及以上…同行专家', () => {
    const base = fixture('beijing-2024', 'flexible-lecturer-exceptional-intermediate');
    fc.assert(fc.property(fc.integer({ min: 0, max: 1 }), (experts) => checkTight('beijing-2024', 'exceptional-expert-recommendations', withPath(base, 'application', 'seniorExpertRecommendations', experts), 1)), runs(10));
  });

  it('Quzhou social-insurance-in-city: 连续缴纳社会保险一年以上 (months)', () => {
    const base = fixture('quzhou-2020', 'second-reading-longyou-insurance-11-months');
    fc.assert(fc.property(fc.integer({ min: 0, max: 11 }), (months) => checkTight('quzhou-2020', 'social-insurance-in-city', withPath(base, 'socialInsurance', 'continuousMonths', months), 1)), runs(30));
  });

  it('Quzhou posted-outside-duration: 派驻市外连续工作一年以上', () => {
    const base = fixture('quzhou-2020', 'logistics-intermediate-many-problems');
    fc.assert(fc.property(fc.integer({ min: 0, max: 11 }), (months) => checkTight('quzhou-2020', 'posted-outside-duration', withPath(base, 'employment', 'postedOutsideCityMonths', months), 1)), runs(30));
  });

  it('Bazhou rejected-submissions-limit: 3次提交后…被退回的,本年度不再受理 (how far over)', () => {
    const base = fixture('bazhou-2022', 'village-clinic-doctor-returned-three-times-falsified');
    fc.assert(fc.property(fc.integer({ min: 3, max: 40 }), (returns) => checkTight('bazhou-2022', 'rejected-submissions-limit', withPath(base, 'application', 'rejectedSubmissions', returns), 1)), runs(30));
  });

  it('Template unit-publicity (filled: 5 working days)', () => {
    const base = fixture('template-2021', '11-series-mismatch-short-publicity-falsification');
    fc.assert(fc.property(fc.integer({ min: 0, max: 4 }), (days) => checkTight('template-2021', 'unit-publicity', withPath(base, 'application', 'unitPublicityWorkingDays', days), 1)), runs(20));
  });
});

/** Continuing-education conditions with a fixture whose applicant they apply to. */
const CE_CASES: readonly { id: string; file: string; conditions: readonly string[] }[] = [
  { id: 'shizuishan-2024', file: 'retired-engineer-rehired-senior', conditions: ['ce-senior-total', 'ce-senior-public', 'ce-senior-professional'] },
  { id: 'shizuishan-2024', file: 'repeat-applicant-integrity-record', conditions: ['ce-intermediate-total', 'ce-intermediate-public', 'ce-intermediate-professional'] },
  { id: 'quzhou-2020', file: 'logistics-intermediate-many-problems', conditions: ['ce-two-year-total', 'ce-two-year-professional', 'ce-two-year-public'] },
  { id: 'quzhou-2020', file: 'graduate-initial-short-hours-insurance-lapsed', conditions: ['ce-initial-total', 'ce-initial-professional', 'ce-initial-public'] },
];

/** The leaf's window, categories and bar, from the compiled condition. */
function ceLeaf(id: string, conditionId: string) {
  const condition = ruleSetOf(id).conditions.find((candidate) => candidate.id === conditionId)!;
  const [leaf] = leavesOf(condition.test!).filter((candidate) => candidate.fact.name === 'continuingEducationHours');
  const params = leaf!.params as { from: number; to: number; categories: readonly string[] };
  const bar = leaf!.value.kind === 'literal' ? (leaf!.value.value as number) : Number.NaN;
  return { from: params.from, to: params.to, categories: params.categories, bar };
}

/** A year's entry per year of the window, each category up to `max` hours, in hundredths. */
const hoursOver = (from: number, to: number, max: number) =>
  fc.tuple(
    ...Array.from({ length: to - from + 1 }, (_, offset) =>
      fc.record({
        public: fc.integer({ min: 0, max: Math.round(max * 100) }),
        industryPublic: fc.integer({ min: 0, max: Math.round(max * 100) }),
        professional: fc.integer({ min: 0, max: Math.round(max * 100) }),
        exam: fc.integer({ min: 0, max: Math.round(max * 100) }),
      }).map((cents) => ({
        year: from + offset,
        publicHours: cents.public / 100,
        industryPublicHours: cents.industryPublic / 100,
        professionalHours: cents.professional / 100,
        examHours: cents.exam / 100,
      })),
    ),
  );

describe('continuing-education shortfalls are tight to the hundredth of an hour', () => {
  for (const { id, file, conditions } of CE_CASES) {
    for (const conditionId of conditions) {
      it(`${id} ${conditionId}`, () => {
        const { from, to, categories, bar } = ceLeaf(id, conditionId);
        expect(bar).toBeGreaterThan(0);
        // Around the bar: the counted categories add up to half the bar on average, up to the whole bar.
        const max = bar / (to - from + 1) / categories.length;
        const base = fixture(id, file);
        fc.assert(fc.property(hoursOver(from, to, max), (entries) => checkTight(id, conditionId, { ...base, continuingEducation: entries }, 0.01)), runs(60));
      });
    }
  }

  it('reaches a shortfall of exactly 0.01 hours (the smallest one)', () => {
    // Shizuishan, intermediate: 公需课不少于72学时 over 2020—2023; 71.99 recorded.
    const base = fixture('shizuishan-2024', 'repeat-applicant-integrity-record');
    const entries = [2020, 2021, 2022, 2023].map((year) => ({ year, publicHours: year === 2023 ? 17.99 : 18, industryPublicHours: 0, professionalHours: 60, examHours: 0 }));
    const report = conditionReport(ruleSetOf('shizuishan-2024'), { ...base, continuingEducation: entries }, 'ce-intermediate-public', '2024-05-17');
    expect(firstAmount(report.shortfall!.needs)).toMatchObject({ have: 71.99, need: 72, short: 0.01 });
    checkTight('shizuishan-2024', 'ce-intermediate-public', { ...base, continuingEducation: entries }, 0.01);
  });
});

describe('the remedy of a window of years follows the asOf year', () => {
  const windows = [
    { id: 'shizuishan-2024', file: 'retired-engineer-rehired-senior', conditionId: 'ce-senior-total' },
    { id: 'shizuishan-2024', file: 'repeat-applicant-integrity-record', conditionId: 'ce-intermediate-professional' },
    { id: 'quzhou-2020', file: 'logistics-intermediate-many-problems', conditionId: 'ce-two-year-public' },
    { id: 'quzhou-2020', file: 'graduate-initial-short-hours-insurance-lapsed', conditionId: 'ce-initial-total' },
  ];
  for (const { id, file, conditionId } of windows) {
    it(`${id} ${conditionId}: possible while the asOf year is in the window, unstated once it is over`, () => {
      const { to } = ceLeaf(id, conditionId);
      const base = fixture(id, file);
      const day = fc.integer({ min: Date.UTC(2015, 0, 1), max: Date.UTC(2030, 11, 31) }).map((time) => new Date(time).toISOString().slice(0, 10));
      fc.assert(
        fc.property(day, (asOf) => {
          const report = conditionReport(ruleSetOf(id), base, conditionId, asOf);
          expect(report.status).toBe('fail');
          const need = firstAmount(report.shortfall!.needs)!;
          const expected = Number(asOf.slice(0, 4)) > to ? 'unstated' : 'possible';
          expect(need.window?.to).toBe(to);
          expect(need.remedy).toBe(expected);
          expect(report.shortfall!.remedy).toBe(expected);
        }),
        runs(80),
      );
      // The two sides of the year's end, always.
      expect(firstAmount(conditionReport(ruleSetOf(id), base, conditionId, `${to}-12-31`).shortfall!.needs)!.remedy).toBe('possible');
      expect(firstAmount(conditionReport(ruleSetOf(id), base, conditionId, `${to + 1}-01-01`).shortfall!.needs)!.remedy).toBe('unstated');
    });
  }
});

describe('a strict bar of hours (多于) is met a hundredth of an hour past it', () => {
  // No bundled notice says 多于 of hours; a small rule set that does: 「2030年继续教育多于90学时」.
  const notice = `${MINIMAL_NOTICE}\n(二)2030年继续教育多于90学时。\n`;
  const document = minimalRuleSet();
  document.source.lastLine = '(二)2030年继续教育多于90学时。';
  document.conditions.push({
    id: 'ce-over-90',
    title: { zh: '继续教育多于90学时', en: 'More than 90 hours' },
    citation: { clause: '二、(二)', quote: '2030年继续教育多于90学时' },
    test: { fact: 'continuingEducationHours', params: { from: 2030, to: 2030, categories: ['public', 'professional'] }, operator: 'greaterThan', value: 90 },
  });
  document.coverage.push({ clause: '二、(二)', kind: 'condition', conditions: ['ce-over-90'] });
  const ruleSet = loadRuleSet(document, { notice });
  ruleSets.set('strict-hours', ruleSet);

  it('is short by exactly 0.01 at 90 whole hours, and tight around the bar', () => {
    const at90 = conditionReport(ruleSet, { continuingEducation: [{ year: 2030, publicHours: 30, professionalHours: 60 }] }, 'ce-over-90', '2030-05-01');
    expect(firstAmount(at90.shortfall!.needs)).toMatchObject({ have: 90, need: 90, short: 0.01, remedy: 'possible' });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9000 }), fc.integer({ min: 0, max: 9000 }), (publicCents, professionalCents) => {
        fc.pre(publicCents + professionalCents <= 9000);
        checkTight('strict-hours', 'ce-over-90', { continuingEducation: [{ year: 2030, publicHours: publicCents / 100, professionalHours: professionalCents / 100 }] }, 0.01, '2030-05-01');
      }),
      runs(100),
    );
  });
});
