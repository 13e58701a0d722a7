import type { NodeOutcome } from './logic.js';

/**
 * What an evaluator computed for one profile: the outcome of every condition's `appliesWhen` and
 * `test`, and of every pathway's and note's `appliesWhen`. Both evaluators produce this; the report is
 * built from it by one function, so they cannot format differently.
 */
export interface EvaluationOutcomes {
  readonly conditions: ReadonlyMap<string, { readonly applies?: NodeOutcome; readonly test?: NodeOutcome }>;
  readonly pathways: ReadonlyMap<string, NodeOutcome | undefined>;
  readonly notes: ReadonlyMap<string, NodeOutcome | undefined>;
  /** Whether the notice covers the applicant at all (absent when the rule set has no scope test). */
  readonly scope?: NodeOutcome;
}
