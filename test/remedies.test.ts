import { describe, expect, it } from 'vitest';
import { evaluate } from '../src/index.js';
import { RULE_SET_DIRS, attempt, fixturesOf, loadWithNotice } from './support/repo.js';
import { applyShortfall, conditionReport, issuedOf, type SkipReason } from './support/remedies.js';

/**
 * The test: over every fixture of every rule set, a failed condition whose shortfall can be
 * applied to the profile by hand (a field set, hours added, a date moved; a `oneOf` by its nearest
 * option) really passes once it is applied — or, where the shortfall also asks for the evaluating
 * body's judgement (an open list, a leaf for review), is at least no longer `fail`: it waits for that
 * judgement (`review`). Read on the day each rule set was issued.
 *
 * Needs that cannot be applied mechanically are counted by kind: an `answer` (nothing to set it to), a
 * count of years since a certificate (`amount:yearsSinceEntry`: only time adds them), an answer or date
 * of a derived fact (a place, a title's date, a record in force: `value:<fact>`, `date:<fact>`). No
 * need may be `unmatched`: each states a comparison of its own condition.
 */

/** Applied remedies each rule set has at least, from its fixtures (the numbers as of this test's writing). */
const AT_LEAST_APPLIED: Readonly<Record<string, number>> = {
  'bazhou-2022': 5,
  'beijing-2024': 18,
  'quzhou-2020': 63,
  'shizuishan-2024': 54,
  'template-2021': 18,
};

/** What may keep a need from being applied by hand; anything else is a finding. */
const MAY_SKIP = /^(answer|amount:yearsSinceEntry|value:(placeWithin|samePlace|listHas|yearsSinceEntry|titleObtainedOn|hasEducation|sanctionActiveOnApplication|integrityRecordActiveOnApplication|answered)|date:titleObtainedOn)$/;

describe.each(RULE_SET_DIRS)('remedies applied to the fixtures of %s', (id) => {
  const loaded = attempt(() => ({ ruleSet: loadWithNotice(id), fixtures: fixturesOf(id) }));
  it('loads', () => {
    if (loaded.value === undefined) throw loaded.error;
  });
  if (!loaded.value) return;
  const { ruleSet, fixtures } = loaded.value;
  const asOf = issuedOf(ruleSet);

  const cases: { name: string; run: () => void }[] = [];
  const skipped = new Map<SkipReason, number>();
  let failed = 0;
  const withoutShortfall: string[] = [];
  for (const fixture of fixtures) {
    const report = evaluate(ruleSet, fixture.profile as never, { asOf });
    for (const [index, condition] of report.conditions.entries()) {
      if (condition.status !== 'fail') continue;
      failed += 1;
      if (!condition.shortfall) {
        withoutShortfall.push(`${fixture.file} › ${condition.id}`);
        continue;
      }
      const compiled = ruleSet.conditions[index]!;
      const applied = applyShortfall(compiled, condition.shortfall, fixture.profile);
      if (applied.kind === 'skipped') {
        skipped.set(applied.reason, (skipped.get(applied.reason) ?? 0) + 1);
        continue;
      }
      cases.push({
        name: `${fixture.file.split('/').pop()} › ${condition.id} (${applied.needs.map((need) => need.kind).join(', ')}${applied.judgement ? ', judgement' : ''})`,
        run: () => {
          const after = conditionReport(ruleSet, applied.profile, condition.id, asOf);
          if (applied.judgement) {
            // The judgement is the evaluating body's: everything measurable done, the condition waits for it.
            expect(after.status).toBe('review');
          } else {
            expect(after.status, JSON.stringify(after.shortfall?.needs)).toBe('pass');
            expect(after.shortfall).toBeUndefined();
          }
        },
      });
    }
  }

  it(`has failed conditions in its fixtures, and at least ${AT_LEAST_APPLIED[id]} whose remedy can be applied`, () => {
    expect(failed).toBeGreaterThan(0);
    expect(cases.length).toBeGreaterThanOrEqual(AT_LEAST_APPLIED[id] ?? 1);
  });

  it('states a shortfall for every failed condition', () => {
    expect(withoutShortfall).toEqual([]);
  });

  it('skips only needs that cannot be applied by hand (never one no leaf states)', () => {
    const unexpected = [...skipped.keys()].filter((reason) => !MAY_SKIP.test(reason));
    expect(unexpected).toEqual([]);
  });

  it('lists each pathway\'s routes nearest first, each with the conditions it still needs', () => {
    const rank: Record<string, number> = { pass: 0, review: 1, unknown: 2, fail: 3, not_applicable: 4 };
    let pathways = 0;
    for (const fixture of fixtures) {
      const report = evaluate(ruleSet, fixture.profile as never, { asOf });
      const statusOf = new Map(report.conditions.map((condition) => [condition.id, condition.status]));
      for (const pathway of report.pathways) {
        pathways += 1;
        expect([...pathway.nearest].sort()).toEqual(pathway.routes.map((route) => route.id).sort());
        const ordered = pathway.nearest.map((routeId) => pathway.routes.find((route) => route.id === routeId)!);
        // Never a route of a worse status before a better one.
        for (let index = 1; index < ordered.length; index += 1) expect(rank[ordered[index - 1]!.status]!).toBeLessThanOrEqual(rank[ordered[index]!.status]!);
        if (pathway.taken) expect(ordered[0]!.status).toBe('pass');
        for (const route of pathway.routes) {
          const unmet = route.conditions.filter((conditionId) => !['pass', 'not_applicable'].includes(statusOf.get(conditionId)!));
          expect(route.needs).toEqual(unmet);
          expect(route.remedy === null).toBe(unmet.length === 0);
        }
      }
    }
    expect(pathways > 0).toBe(ruleSet.pathways.length > 0);
  });

  if (cases.length > 0) it.each(cases.map((entry) => [entry.name, entry] as const))('%s: passes once applied', (_name, entry) => entry.run());
});
