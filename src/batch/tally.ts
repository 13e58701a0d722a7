import type { LocalizedText } from '../locales/types.js';
import type { Screened } from './screen.js';
import { failedConditions } from './screen.js';

/** A condition counted in the summary: how often it failed, and how a person finds it in the notice. */
export interface FailedCount {
  count: number;
  ruleSet: string;
  clause: string;
  title: LocalizedText;
}

/** What a batch run counts: outcomes, the conditions most often failed, and the first errors. */
export interface Tally {
  records: number;
  outcomes: Record<string, number>;
  /** By `<rule set> <condition id>`; the title travels with the count so the summary needs no rule set. */
  failed: Record<string, FailedCount>;
  /** In both languages, as screened: the summary writes the run's language. */
  errors: { position: number; error: LocalizedText }[];
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
  const { report } = screened;
  tally.outcomes[report.outcome] = (tally.outcomes[report.outcome] ?? 0) + 1;
  for (const condition of failedConditions(report)) {
    const key = `${report.ruleSet.id} ${condition.id}`;
    const counted = tally.failed[key];
    if (counted) counted.count += 1;
    else tally.failed[key] = { count: 1, ruleSet: report.ruleSet.id, clause: condition.citation.clause, title: condition.title };
  }
}

export function merge(into: Tally, other: Tally): void {
  into.records += other.records;
  into.errorCount += other.errorCount;
  for (const [key, value] of Object.entries(other.outcomes)) into.outcomes[key] = (into.outcomes[key] ?? 0) + value;
  for (const [key, value] of Object.entries(other.failed)) {
    const counted = into.failed[key];
    if (counted) counted.count += value.count;
    else into.failed[key] = { ...value };
  }
  for (const error of other.errors) if (into.errors.length < MAX_ERRORS_KEPT) into.errors.push(error);
}
