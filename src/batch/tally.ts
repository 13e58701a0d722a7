import type { Screened } from './screen.js';
import { failedClauses } from './screen.js';

/** What a batch run counts: outcomes, the clauses most often failed, and the first errors. */
export interface Tally {
  records: number;
  outcomes: Record<string, number>;
  failed: Record<string, number>;
  errors: { position: number; error: string }[];
  errorCount: number;
}

export const MAX_ERRORS_KEPT = 20;

export const emptyTally = (): Tally => ({ records: 0, outcomes: {}, failed: {}, errors: [], errorCount: 0 });

export function count(tally: Tally, screened: Screened): void {
  tally.records += 1;
  if ('error' in screened) {
    tally.outcomes.invalid = (tally.outcomes.invalid ?? 0) + 1;
    tally.errorCount += 1;
    if (tally.errors.length < MAX_ERRORS_KEPT) tally.errors.push({ position: screened.position, error: screened.error });
    return;
  }
  tally.outcomes[screened.report.outcome] = (tally.outcomes[screened.report.outcome] ?? 0) + 1;
  for (const clause of failedClauses(screened.report)) tally.failed[`${screened.report.ruleSet.id} ${clause}`] = (tally.failed[`${screened.report.ruleSet.id} ${clause}`] ?? 0) + 1;
}

export function merge(into: Tally, other: Tally): void {
  into.records += other.records;
  into.errorCount += other.errorCount;
  for (const [key, value] of Object.entries(other.outcomes)) into.outcomes[key] = (into.outcomes[key] ?? 0) + value;
  for (const [key, value] of Object.entries(other.failed)) into.failed[key] = (into.failed[key] ?? 0) + value;
  for (const error of other.errors) if (into.errors.length < MAX_ERRORS_KEPT) into.errors.push(error);
}
