import type { ConditionStatus, LocalizedText, Outcome } from '../locales/types.js';
import type { Remedy, Shortfall } from '../remedies/types.js';

/** A JSON value as a report carries it: dates as `YYYY-MM-DD`. */
export type ReportValue = string | number | boolean | null | readonly ReportValue[];

export interface ConditionReport {
  readonly id: string;
  readonly title: LocalizedText;
  readonly status: ConditionStatus;
  /** The clause of the notice, and its words verbatim. */
  readonly citation: { readonly clause: string; readonly quote: string };
  /** How an ambiguous clause was read. */
  readonly interpretation?: LocalizedText;
  /** The value the profile has, for the comparison that decided the status (`null` when there is none). */
  readonly actual: ReportValue;
  /** The value required by the notice for that comparison. */
  readonly required: ReportValue;
  /** The operator of that comparison, e.g. `greaterThanInclusive`. */
  readonly operator: string | null;
  /** Profile paths this condition reads (where a form shows its message). */
  readonly reads: readonly string[];
  /** When `unknown`: the profile paths whose answers would decide it. */
  readonly missing: readonly string[];
  readonly message: LocalizedText;
  /** The rule set's parameters this condition uses, with their values. */
  readonly parameters: Readonly<Record<string, ReportValue>>;
  /** Set when the condition is one step of a pathway's route. */
  readonly route?: { readonly pathway: string; readonly route: string };
  /**
   * When it fails or is still open: what it still needs, measured from the comparisons that decided
   * it (hours short, days late, the answer missing), and whether that can still be done under this
   * notice. Absent for a condition only a person can judge.
   */
  readonly shortfall?: Shortfall;
}

export interface RouteReport {
  readonly id: string;
  readonly title: LocalizedText;
  readonly status: ConditionStatus;
  readonly conditions: readonly string[];
  /** Its conditions not yet met (failed, still open, or for review), in the route's order; empty once met. */
  readonly needs: readonly string[];
  /**
   * Whether what it still needs can be done under this notice (the hardest of its conditions'
   * shortfalls: a failed step that cannot be met closes the route); `null` once met.
   */
  readonly remedy: Remedy | null;
}

export interface PathwayReport {
  readonly id: string;
  readonly title: LocalizedText;
  readonly status: ConditionStatus;
  /** The first route that is met, or `null`. */
  readonly taken: string | null;
  /** Routes not yet decided (`unknown`) or waiting for a person (`review`). */
  readonly open: readonly string[];
  readonly routes: readonly RouteReport[];
  /** The routes' ids, nearest first: met, then for review, then open, then failed (those that can still be met first, fewer needs first). */
  readonly nearest: readonly string[];
}

export interface NoteReport {
  readonly id: string;
  readonly text: LocalizedText;
  readonly citation: { readonly clause: string; readonly quote: string };
}

export interface EligibilityReport {
  readonly ruleSet: {
    readonly id: string;
    readonly title: LocalizedText;
    readonly authority: string;
    readonly documentNumber: string | null;
    readonly issued: string;
    readonly year: number;
    /** The rule set's date parameters: the cut-off dates it counts to. */
    readonly cutoffDates: Readonly<Record<string, string>>;
  };
  readonly outcome: Outcome;
  readonly message: LocalizedText;
  readonly counts: Readonly<Record<ConditionStatus, number>>;
  readonly conditions: readonly ConditionReport[];
  readonly pathways: readonly PathwayReport[];
  /** Every profile path whose answer is still needed to decide the outcome. */
  readonly missing: readonly string[];
  readonly notes: readonly NoteReport[];
  /** Whether the notice covers the applicant, where the rule set says whom it covers (`null` otherwise). */
  readonly scope: { readonly status: 'pass' | 'fail' | 'unknown'; readonly missing: readonly string[] } | null;
  /** When the notice does not cover the applicant: why, and the clause that says whom it covers. */
  readonly outOfScope?: { readonly reason: LocalizedText; readonly citation: { readonly clause: string; readonly quote: string } };
}
