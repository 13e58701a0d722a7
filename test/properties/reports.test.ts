import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  evaluate,
  evaluateWithEngine,
  parseProfile,
  reportSchema,
  type ConditionStatus,
  type EligibilityReport,
  type ReportSchemaOutput,
  type ReportValue,
} from '../../src/index.js';
import { ROOT } from '../support/repo.js';
import { RULE_SETS, profileArb, runs } from './support.js';
import type { Need } from '../../src/remedies/types.js';

/**
 * Every report the library writes is what its schema and its types say, and the same every time: the
 * same profile gives the same report twice, raw or parsed, eager or lazy, from either evaluator.
 */

/** `T` without `readonly`, all the way down; the recursive `ReportValue` and `Need` are compared as they are. */
type DeepMutable<T> = [ReportValue] extends [T]
  ? T
  : [Need] extends [T]
    ? T
    : T extends readonly (infer Item)[]
    ? DeepMutable<Item>[]
    : T extends object
      ? { -readonly [K in keyof T]: DeepMutable<T[K]> }
      : T;

describe('the report schema', () => {
  it('has exactly the type of EligibilityReport (readonly aside)', () => {
    expectTypeOf<ReportSchemaOutput>().toEqualTypeOf<DeepMutable<EligibilityReport>>();
  });

  it('refuses what is not a report: a misspelt key, a wrong status, a missing field', () => {
    const report = JSON.parse(JSON.stringify(evaluate(RULE_SETS[0]!, {}))) as Record<string, unknown>;
    expect(reportSchema.safeParse(report).success).toBe(true);
    expect(reportSchema.safeParse({ ...report, extra: 1 }).success).toBe(false);
    expect(reportSchema.safeParse({ ...report, outcome: 'maybe' }).success).toBe(false);
    const { counts: _counts, ...withoutCounts } = report;
    expect(reportSchema.safeParse(withoutCounts).success).toBe(false);
    const conditions = report.conditions as Record<string, unknown>[];
    expect(reportSchema.safeParse({ ...report, conditions: [{ ...conditions[0], status: 'passed' }] }).success).toBe(false);
  });
});

const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: false });
const validateJson = ajv.compile(JSON.parse(readFileSync(join(ROOT, 'schema', 'report.schema.json'), 'utf8')) as object);

/**
 * What a report must say of itself, whatever the profile: counts, statuses, values and outcome agree.
 * Returns the problems found (plain checks: thousands of reports are checked, and each `expect` costs).
 */
function inconsistencies(report: EligibilityReport, conditionIds: readonly string[]): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, what: string) => void (ok || problems.push(what));
  check(report.conditions.map((condition) => condition.id).join() === conditionIds.join(), "conditions in the rule set's order");
  const counts: Record<ConditionStatus, number> = { pass: 0, fail: 0, unknown: 0, review: 0, not_applicable: 0 };
  for (const condition of report.conditions) {
    counts[condition.status] += 1;
    // Missing paths belong to `unknown`, and only to it.
    check(condition.missing.length > 0 === (condition.status === 'unknown'), `${condition.id}: missing paths iff unknown`);
    // A comparison is shown for a decided test, and only then — or for a review that a value outside an
    // open list (等) or a qualified bar (原则上) made, which shows the value and what the notice names.
    const decided = condition.status === 'pass' || condition.status === 'fail';
    if (condition.status === 'review') check(condition.operator !== null || (condition.actual === null && condition.required === null), `${condition.id}: a review shows values only with its comparison`);
    else check((condition.operator !== null) === decided, `${condition.id}: an operator iff pass or fail`);
    if (!decided && condition.status !== 'review') check(condition.actual === null && condition.required === null, `${condition.id}: no values unless decided`);
    check(condition.message.zh.length > 0 && condition.message.en.length > 0, `${condition.id}: a message in both languages`);
  }
  check(JSON.stringify(report.counts) === JSON.stringify(counts), 'counts are the statuses counted');
  check(new Set(report.missing).size === report.missing.length, 'missing paths listed once');
  for (const pathway of report.pathways) {
    check((pathway.taken !== null) === (pathway.status === 'pass'), `${pathway.id}: a route taken iff it passes`);
    if (pathway.taken !== null) check(pathway.routes.find((route) => route.id === pathway.taken)?.status === 'pass', `${pathway.id}: the route taken passes`);
  }
  const outOfScope = report.scope?.status === 'fail';
  check((report.outcome === 'not_applicable') === outOfScope, 'not_applicable iff out of scope');
  check((report.outOfScope !== undefined) === outOfScope, 'outOfScope iff out of scope');
  if (outOfScope) check(counts.not_applicable === report.conditions.length, 'out of scope: every condition not applicable');
  // The outcome follows from what counts — conditions outside pathways, and the pathways (their steps
  // count through them): a failure decides it; else anything open; else a review.
  const counting = [
    ...report.conditions.filter((condition) => !condition.route).map((condition) => condition.status),
    ...report.pathways.map((pathway) => pathway.status),
    ...(report.scope?.status === 'unknown' ? (['unknown'] as const) : []),
  ];
  if (!outOfScope) {
    const expected = counting.includes('fail') ? 'ineligible' : counting.includes('unknown') ? 'incomplete' : counting.includes('review') ? 'needs_review' : 'eligible';
    check(report.outcome === expected, `outcome ${report.outcome}, expected ${expected}`);
  }
  // An incomplete report says what to fill in.
  if (report.outcome === 'incomplete') check(report.missing.length > 0, 'incomplete: missing paths listed');
  return problems;
}

describe('every report of every rule set', () => {
  it('validates against reportSchema and schema/report.schema.json, and is consistent', () => {
    const outcomes = new Map<string, Set<string>>(RULE_SETS.map((ruleSet) => [ruleSet.id, new Set()]));
    fc.assert(
      fc.property(profileArb(), (profile) => {
        const parsedProfile = parseProfile(profile);
        if (!parsedProfile.success) throw new Error(JSON.stringify(parsedProfile.issues));
        for (const ruleSet of RULE_SETS) {
          const report = evaluate(ruleSet, parsedProfile.profile);
          outcomes.get(ruleSet.id)!.add(report.outcome);
          const parsed = reportSchema.safeParse(report);
          if (!parsed.success) expect.fail(`${ruleSet.id}: ${JSON.stringify(parsed.error.issues)}`);
          if (!validateJson(JSON.parse(JSON.stringify(report)))) expect.fail(`${ruleSet.id}: ${JSON.stringify(validateJson.errors)}`);
          const problems = inconsistencies(report, ruleSet.conditions.map((condition) => condition.id));
          if (problems.length > 0) expect.fail(`${ruleSet.id}: ${problems.join('; ')}`);
        }
      }),
      runs(200),
    );
    // The population reaches the outcomes that matter, or the property proves little.
    for (const [id, seen] of outcomes) expect([id, seen.has('ineligible'), seen.has('incomplete')]).toEqual([id, true, true]);
  });

  it('is deterministic: twice the same, raw or parsed, eager or lazy, cloned; the input left untouched', () => {
    fc.assert(
      fc.property(profileArb(), (profile) => {
        const before = JSON.stringify(profile);
        deepFreeze(profile); // evaluation must not write to its input
        const parsed = parseProfile(profile);
        if (!parsed.success) throw new Error(JSON.stringify(parsed.issues));
        for (const ruleSet of RULE_SETS) {
          const first = evaluate(ruleSet, profile);
          const expected = JSON.stringify(first);
          same(evaluate(ruleSet, parsed.profile), expected);
          same(evaluate(ruleSet, parsed.profile), expected); // a parsed profile is not changed by use
          same(evaluate(ruleSet, parsed.profile, { messages: 'lazy' }), expected);
          same(structuredClone(first), expected);
          // Plain data: the report survives JSON unchanged (no -0, no undefined, no class instance).
          expect(JSON.parse(expected)).toStrictEqual(structuredClone(first));
        }
        expect(JSON.stringify(profile)).toBe(before);
      }),
      runs(80),
    );
  });

  it('is the same from json-rules-engine', async () => {
    await fc.assert(
      fc.asyncProperty(profileArb(), async (profile) => {
        const parsed = parseProfile(profile);
        if (!parsed.success) throw new Error(JSON.stringify(parsed.issues));
        for (const ruleSet of RULE_SETS) same(await evaluateWithEngine(ruleSet, parsed.profile), JSON.stringify(evaluate(ruleSet, parsed.profile)));
      }),
      runs(40),
    );
  });
});

/** Compares a report with the JSON of the expected one; on a difference, shows both in full. */
function same(report: EligibilityReport, expected: string): void {
  const actual = JSON.stringify(report);
  if (actual !== expected) expect(JSON.parse(actual)).toEqual(JSON.parse(expected));
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const item of Object.values(value)) deepFreeze(item);
    Object.freeze(value);
  }
  return value;
}
