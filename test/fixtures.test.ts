import { describe, expect, it } from 'vitest';
import { evaluate, evaluateWithEngine, type ConditionStatus } from '../src/index.js';
import { possibleStatuses } from '../src/ruleset/analysis.js';
import { RULE_SET_DIRS, attempt, fixturesOf, loadWithNotice } from './support/repo.js';

/**
 * Every fixture applicant, run through both evaluators: the outcome, the status of every condition and
 * the pathways must be what the fixture says — and the fixture says it for every condition.
 */
describe.each(RULE_SET_DIRS)('fixtures of %s', (id) => {
  const loaded = attempt(() => ({ ruleSet: loadWithNotice(id), fixtures: fixturesOf(id) }));

  it('loads the rule set and its fixtures', () => {
    if (loaded.value === undefined) throw loaded.error;
    expect(loaded.value.fixtures.length).toBeGreaterThan(0);
  });
  if (!loaded.value) return;
  const { ruleSet, fixtures } = loaded.value;
  const conditionIds = ruleSet.conditions.map((condition) => condition.id);

  describe.each(fixtures.map((fixture) => [fixture.file, fixture] as const))('%s', (_file, fixture) => {
    it('states the expected status of every condition, and only of real ones', () => {
      expect(Object.keys(fixture.expected.conditions).sort()).toEqual([...conditionIds].sort());
    });

    it('is judged as the fixture says (synchronous evaluate)', () => {
      const report = evaluate(ruleSet, fixture.profile as never);
      const statuses = Object.fromEntries(report.conditions.map((condition) => [condition.id, condition.status]));
      expect(statuses).toEqual(fixture.expected.conditions);
      expect(report.outcome).toBe(fixture.expected.outcome);
      for (const [pathwayId, expected] of Object.entries(fixture.expected.pathways ?? {})) {
        const pathway = report.pathways.find((candidate) => candidate.id === pathwayId);
        expect(pathway, `pathway ${pathwayId}`).toBeDefined();
        expect({ status: pathway!.status, taken: pathway!.taken }).toEqual(expected);
      }
      if (fixture.expected.missing) expect([...report.missing].sort()).toEqual([...fixture.expected.missing].sort());
    });

    it('gets the identical report from json-rules-engine, messages included', async () => {
      const engine = await evaluateWithEngine(ruleSet, fixture.profile as never);
      const sync = evaluate(ruleSet, fixture.profile as never);
      expect(engine).toEqual(sync);
      expect(JSON.stringify(engine)).toBe(JSON.stringify(sync));
    });
  });

  /**
   * The coverage rule: across its fixtures, each condition is seen in every status it can take — pass
   * and fail (or review, for a person's judgement); not applicable where it has `appliesWhen`; unknown
   * wherever a fact it reads can be unknown (every field is optional, so nearly always).
   */
  it('exercises every condition in every status it can take', () => {
    const seen = new Map<string, Set<ConditionStatus>>(conditionIds.map((cid) => [cid, new Set()]));
    for (const fixture of fixtures) {
      for (const [cid, status] of Object.entries(fixture.expected.conditions)) seen.get(cid)?.add(status);
    }
    const gaps: string[] = [];
    for (const condition of ruleSet.conditions) {
      for (const status of possibleStatuses(condition)) if (!seen.get(condition.id)!.has(status as ConditionStatus)) gaps.push(`${condition.id}: never ${status}`);
    }
    expect(gaps).toEqual([]);
  });
});
