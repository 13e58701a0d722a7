import type { ConditionReport, EligibilityReport } from './types.js';
import { expectReport } from '../arguments.js';

/**
 * The conditions that bear on a report's outcome: the direct ones, and the steps of routes of pathways
 * that are not settled. A step of a route not taken, when another route is met (or the pathway does not
 * apply), concerns no field and no decision; nor does a failed step while another route is still open
 * (unknown or for review): that route is closed, and the pathway waits on the others. Only when every
 * route has failed is each route's failure a reason.
 */
export function conditionsThatCount(report: EligibilityReport): ConditionReport[] {
  expectReport(report);
  const statusOf = new Map(report.pathways.map((pathway) => [pathway.id, pathway.status]));
  return report.conditions.filter((condition) => {
    if (!condition.route) return true;
    const pathway = statusOf.get(condition.route.pathway);
    if (pathway === 'pass' || pathway === 'not_applicable') return false;
    return pathway === 'fail' || condition.status !== 'fail';
  });
}
