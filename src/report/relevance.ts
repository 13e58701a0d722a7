import type { ConditionReport, EligibilityReport } from './types.js';

/**
 * The conditions that bear on a report's outcome: the direct ones, and the steps of routes of pathways
 * that are not settled. A failed step of a route not taken, when another route is met (or the pathway
 * does not apply), concerns no field and no decision.
 */
export function conditionsThatCount(report: EligibilityReport): ConditionReport[] {
  const settled = new Set(
    report.pathways.filter((pathway) => pathway.status === 'pass' || pathway.status === 'not_applicable').map((pathway) => pathway.id),
  );
  return report.conditions.filter((condition) => !condition.route || !settled.has(condition.route.pathway));
}
