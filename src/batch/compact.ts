import type { ConditionStatus, Outcome } from '../locales/types.js';
import type { EligibilityReport, ReportValue } from '../report/types.js';

/**
 * The default batch JSON Lines record: only what varies from applicant to applicant. A full report
 * repeats, on every line, the rule set's titles, the notice's quotes, messages and parameters — about
 * 30 KB a line, nearly all of it the same for a million applicants. Those stay one lookup away: the
 * rule set (`getRuleSet(ruleSet)`) has each condition's title and quote by `id`; `--report full` writes
 * whole reports instead.
 *
 * Built field by field from the report (never by serialising the whole report and dropping parts), and
 * without reading a message, so the lazy messages batch evaluates with are never written out.
 */

/**
 * One condition that applies to the applicant and is decided by data (`pass`, `fail` or `unknown`).
 * Fields that would be empty are left out, to keep lines short.
 */
export interface CompactCondition {
  /** The condition's id in the rule set (where its title, quote and message are). */
  readonly id: string;
  readonly status: 'pass' | 'fail' | 'unknown';
  /** The notice's clause, e.g. `二、(一)2`. */
  readonly clause: string;
  /** The applicant's value for the comparison that decided the status (absent when there is none). */
  readonly actual?: ReportValue;
  /** The value the notice requires for that comparison (absent when there is none). */
  readonly required?: ReportValue;
  /** The comparison, e.g. `dateOnOrBefore` (absent when there is none). */
  readonly operator?: string;
  /** When `unknown`: the profile paths whose answers would decide it. */
  readonly missing?: readonly string[];
}

/** A pathway (alternative routes to one requirement): its status, the route taken and routes still open. */
export interface CompactPathway {
  readonly id: string;
  readonly status: ConditionStatus;
  /** The first route that is met, or `null`. */
  readonly taken: string | null;
  /** Routes not yet decided (`unknown`) or waiting for a person (`review`). */
  readonly open: readonly string[];
}

/** A screened applicant, as `zhicheng batch` writes it by default (`--report compact`). */
export interface CompactReportRecord {
  /** The record's line (JSON Lines) or element (JSON array), from 1. */
  readonly position: number;
  /** The profile's `id`, or `null`. */
  readonly id: string | null;
  /** The rule set it was screened against. */
  readonly ruleSet: string;
  readonly outcome: Outcome;
  /** The conditions decided by the applicant's data (`pass`, `fail`, `unknown`), in rule-set order. */
  readonly conditions: readonly CompactCondition[];
  /** Ids of the conditions a person must check (`review`): nothing in them depends on the data. */
  readonly review: readonly string[];
  // The conditions that do not apply to this applicant (`not_applicable`) are left out: every condition
  // of the rule set that is in neither `conditions` nor `review` is one.
  readonly pathways: readonly CompactPathway[];
  /** Every profile path whose answer is still needed to decide the outcome. */
  readonly missing: readonly string[];
  /** Whether the notice covers the applicant, where the rule set says whom it covers (`null` otherwise). */
  readonly scope: 'pass' | 'fail' | 'unknown' | null;
}

/** A record that could not be screened, in either report mode: its position and why, in the run's language. */
export interface BatchErrorRecord {
  readonly position: number;
  /** The profile's `id` when it could be read, or `null`. */
  readonly id: string | null;
  readonly error: string;
}

/** One line of `zhicheng batch` JSON Lines output with `--report compact` (the default). */
export type CompactRecord = CompactReportRecord | BatchErrorRecord;

/** The compact record of a report. */
export function compactRecord(position: number, id: string | null, report: EligibilityReport): CompactReportRecord {
  const conditions: CompactCondition[] = [];
  const review: string[] = [];
  for (const condition of report.conditions) {
    // A condition for review has no values and no missing answers: its id says all. One that does not
    // apply is left out — most of a rule set's conditions, for any one applicant (other levels, other
    // routes), and listing them would be half of a typical line; the rule set lists them all.
    if (condition.status === 'review') {
      review.push(condition.id);
      continue;
    }
    if (condition.status === 'not_applicable') continue;
    const entry: { -readonly [K in keyof CompactCondition]: CompactCondition[K] } = { id: condition.id, status: condition.status, clause: condition.citation.clause };
    if (condition.actual !== null) entry.actual = condition.actual;
    if (condition.required !== null) entry.required = condition.required;
    if (condition.operator !== null) entry.operator = condition.operator;
    if (condition.missing.length > 0) entry.missing = condition.missing;
    conditions.push(entry);
  }
  return {
    position,
    id,
    ruleSet: report.ruleSet.id,
    outcome: report.outcome,
    conditions,
    review,
    pathways: report.pathways.map((pathway) => ({ id: pathway.id, status: pathway.status, taken: pathway.taken, open: pathway.open })),
    missing: report.missing,
    scope: report.scope?.status ?? null,
  };
}
