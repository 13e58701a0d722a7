import type { ConditionStatus } from '../locales/types.js';
import type { CompiledLeaf } from '../ruleset/compiled.js';
import type { Truth } from './logic.js';

/** No paths: what a decided condition or gate still needs (one shared, frozen list). */
export const NO_PATHS: readonly string[] = Object.freeze([]);

/**
 * Below this many paths a linear scan beats a Set: a report gathers about 14 paths of which 6 are
 * distinct (at most 20 on the benchmark's population), and a Set made, filled and spread for every
 * report cost a fifth of building it.
 */
const SCAN_AT_MOST = 32;
/**
 * The Set of each list grown past SCAN_AT_MOST, made once and kept beside it: a scan per path made a
 * rule set of 20,000 leaves, each missing 200 paths, take 10 s per evaluation (issue 14).
 */
const SEEN = new WeakMap<string[], Set<string>>();

/**
 * Appends each path not already in `out`, keeping first-seen order: linear in the paths offered,
 * whatever their number.
 */
export function addPathsOnce(paths: readonly string[], out: string[]): void {
  let seen = SEEN.get(out);
  if (seen === undefined && out.length + paths.length <= SCAN_AT_MOST) {
    for (let index = 0; index < paths.length; index += 1) {
      const path = paths[index]!;
      if (!out.includes(path)) out.push(path);
    }
    return;
  }
  // Made again if `out` was changed by other means (a list is only ever added to, never reordered).
  if (seen === undefined || seen.size !== out.length) SEEN.set(out, (seen = new Set(out)));
  for (let index = 0; index < paths.length; index += 1) {
    const path = paths[index]!;
    if (!seen.has(path)) {
      seen.add(path);
      out.push(path);
    }
  }
}

/** One condition for one profile: its status, what it still needs, and the comparison that decided it. */
export interface ConditionOutcome {
  readonly status: ConditionStatus;
  /** When `unknown`: the profile paths whose answers would decide it. */
  readonly missing: readonly string[];
  /**
   * When `pass` or `fail` by a test: the comparison that explains it, the first leaf that came out as
   * the whole test did, with the values on its two sides. (Flat, not a nested object: one allocation
   * per condition.)
   */
  readonly shown?: CompiledLeaf;
  readonly actual?: unknown;
  readonly required?: unknown;
}

/**
 * Every outcome is made here, with all five fields in one order, so outcomes share one hidden class and
 * the report builder's reads of them stay monomorphic (they came in five literal shapes before).
 */
export function conditionOutcome(status: ConditionStatus, missing: readonly string[], shown?: CompiledLeaf, actual?: unknown, required?: unknown): ConditionOutcome {
  return { status, missing, shown, actual, required };
}

/** A gate (a pathway's, a note's or the scope's `appliesWhen`) for one profile. */
export interface GateOutcome {
  readonly status: Truth;
  readonly missing: readonly string[];
}

/**
 * What an evaluator computed for one profile, in the rule set's order: every condition, and the gates
 * of every pathway and note (undefined where there is none) and of the scope. Both evaluators produce
 * this; the report is built from it by one function, so they cannot format differently.
 */
export interface EvaluationOutcomes {
  readonly conditions: readonly ConditionOutcome[];
  readonly pathways: readonly (GateOutcome | undefined)[];
  readonly notes: readonly (GateOutcome | undefined)[];
  readonly scope?: GateOutcome;
}
