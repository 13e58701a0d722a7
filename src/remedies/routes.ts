import type { ConditionReport, RouteReport } from '../report/types.js';
import { hardest, REMEDY_RANK } from './shortfall.js';
import type { Remedy } from './types.js';

/** A route's conditions not yet met (failed, still open, or for review), in the route's order. */
export function routeNeeds(indexes: readonly number[], conditions: readonly ConditionReport[]): string[] {
  const needs: string[] = [];
  for (const index of indexes) {
    const status = conditions[index]!.status;
    if (status !== 'pass' && status !== 'not_applicable') needs.push(conditions[index]!.id);
  }
  return needs;
}

/**
 * Whether what a route still needs can be done under this notice: the hardest of its steps. A failed
 * step without a measured shortfall (a judgement) is `unstated`; a step still open waits only for an
 * answer; a step for review waits for the evaluating body. `null` once the route is met.
 */
export function routeRemedy(indexes: readonly number[], conditions: readonly ConditionReport[]): Remedy | null {
  const remedies: Remedy[] = [];
  for (const index of indexes) {
    const condition = conditions[index]!;
    const status = condition.status;
    if (status === 'pass' || status === 'not_applicable') continue;
    remedies.push(status === 'fail' ? (condition.shortfall?.remedy ?? 'unstated') : status === 'unknown' ? (condition.shortfall?.remedy ?? 'possible') : 'unstated');
  }
  return remedies.length === 0 ? null : hardest(remedies);
}

const STATUS_RANK: Record<string, number> = { pass: 0, review: 1, unknown: 2, fail: 3, not_applicable: 4 };

/**
 * A pathway's routes, nearest first: a route met, then one waiting only for review, then one still
 * open, then a failed one — of those, the ones whose needs can still be met first, then the fewest
 * needs; otherwise in the notice's order.
 */
export function nearestFirst(routes: readonly Pick<RouteReport, 'id' | 'status' | 'needs' | 'remedy'>[]): string[] {
  return routes
    .map((route, index) => ({ route, index }))
    .sort(
      (a, b) =>
        STATUS_RANK[a.route.status]! - STATUS_RANK[b.route.status]! ||
        REMEDY_RANK[a.route.remedy ?? 'possible'] - REMEDY_RANK[b.route.remedy ?? 'possible'] ||
        a.route.needs.length - b.route.needs.length ||
        a.index - b.index,
    )
    .map(({ route }) => route.id);
}
