import type { FactValue, UnknownFact } from '../facts/types.js';
import type { OperatorDefinition } from '../operators/index.js';
import type { ConditionStatus } from '../locales/types.js';
import type { CompiledLeaf, CompiledNode } from '../ruleset/compiled.js';

/** The value of a gate (a pathway's, a note's, the scope's `appliesWhen`): Kleene's three-valued logic. */
export type Truth = 'pass' | 'fail' | 'unknown';

/**
 * The value of a condition's test. A fourth value, `review`, comes from an open leaf (a list the notice
 * ends with 等): a value outside the named items is for the evaluating body to judge. Combined with the
 * precedence of `allRank`/`anyRank` below: all(fail, …) = fail, then unknown, then review; any(pass, …)
 * = pass, then unknown, then review; not(review) = review. Only condition tests may hold open leaves
 * (the loader refuses them elsewhere), so gates stay three-valued.
 */
export type TestTruth = Truth | 'review';

export interface LeafOutcome {
  readonly leaf: CompiledLeaf;
  readonly status: TestTruth;
  /** The fact's value (`undefined` while unknown). */
  readonly actual: unknown;
  /** The value compared against (a literal, or another fact's value). */
  readonly required: unknown;
  /** Profile paths whose answers would decide this leaf. */
  readonly missing: readonly string[];
}

export interface NodeOutcome {
  readonly status: TestTruth;
  /** When `unknown`: the paths whose answers could decide it. Empty otherwise. */
  readonly missing: readonly string[];
  /** Every leaf, depth first; all are evaluated, whatever the result. */
  readonly leaves: readonly LeafOutcome[];
}

const unique = (paths: Iterable<string>): string[] => [...new Set(paths)];

/**
 * One leaf's outcome from the two sides of its comparison. `passes` is the operator's verdict, computed
 * by whichever evaluator ran it; it only counts when both sides are known.
 */
export function leafOutcome(leaf: CompiledLeaf, left: FactValue, right: FactValue, passes: boolean): LeafOutcome {
  if (!left.known && right.known) {
    const decided = boundVerdict(leaf.operator, left, right.value);
    if (decided !== undefined) return { leaf, status: decidedStatus(leaf, decided), actual: boundShown(left), required: right.value, missing: [] };
  }
  if (!left.known || !right.known) {
    return {
      leaf,
      status: 'unknown',
      actual: left.known ? left.value : undefined,
      required: right.known ? right.value : undefined,
      missing: unique([...(left.known ? [] : left.missing), ...(right.known ? [] : right.missing)]),
    };
  }
  return { leaf, status: decidedStatus(leaf, passes), actual: left.value, required: right.value, missing: [] };
}

/** A decided comparison's status: a value outside an open list (等) is for review, not a failure. */
export function decidedStatus(leaf: CompiledLeaf, passes: boolean): TestTruth {
  return passes ? 'pass' : leaf.open ? 'review' : 'fail';
}

/**
 * What a partly known value already decides: a fact that is unknown but known to be at least `atLeast`
 * (continuing-education hours with a year not entered) or at most `atMost` (years of work since a date
 * not given) settles a comparison that no value on the open side could change — `≥ 90` once 96 hours
 * are known, `≥ 5` years false once at most 3 are possible. `undefined` when it does not.
 */
export function boundVerdict(operator: OperatorDefinition, left: UnknownFact, right: unknown): boolean | undefined {
  const { monotone } = operator;
  if (monotone === undefined) return undefined;
  if (left.atLeast !== undefined) {
    const verdict = operator.test(left.atLeast, right);
    if (monotone === 'rising' && verdict) return true;
    if (monotone === 'falling' && !verdict) return false;
  }
  if (left.atMost !== undefined) {
    const verdict = operator.test(left.atMost, right);
    if (monotone === 'rising' && !verdict) return false;
    if (monotone === 'falling' && verdict) return true;
  }
  return undefined;
}

/** What a bound-decided comparison shows as the fact's value: the bound that decided it. */
export const boundShown = (left: UnknownFact): number | undefined => left.atLeast ?? left.atMost;


/**
 * Combines leaf outcomes (given depth first) over a compiled tree, exactly: all(unknown, fail) = fail,
 * any(unknown, pass) = pass, not(unknown) = unknown; with review below unknown on both sides (all:
 * fail, unknown, review, pass; any: pass, unknown, review, fail) and not(review) = review. The missing
 * paths of an undecided node are those of its undecided children: answering them is what could decide it.
 */
export function combine(node: CompiledNode, leaves: readonly LeafOutcome[]): NodeOutcome {
  let cursor = 0;
  const visit = (current: CompiledNode): { status: TestTruth; missing: readonly string[] } => {
    if (current.kind === 'leaf') {
      const outcome = leaves[cursor++]!;
      return { status: outcome.status, missing: outcome.missing };
    }
    if (current.kind === 'not') {
      const inner = visit(current.child);
      return { status: inner.status === 'pass' ? 'fail' : inner.status === 'fail' ? 'pass' : inner.status, missing: inner.missing };
    }
    const results = current.children.map(visit); // every child, never short-circuited
    const decisive = current.kind === 'all' ? 'fail' : 'pass';
    if (results.some((result) => result.status === decisive)) return { status: decisive, missing: [] };
    const undecided = results.filter((result) => result.status === 'unknown');
    if (undecided.length > 0) return { status: 'unknown', missing: unique(undecided.flatMap((result) => result.missing)) };
    if (results.some((result) => result.status === 'review')) return { status: 'review', missing: [] };
    return { status: current.kind === 'all' ? 'pass' : 'fail', missing: [] };
  };
  const { status, missing } = visit(node);
  return { status, missing, leaves };
}

/** The leaves of a tree, depth first: the order both evaluators report them in. */
export function leavesOf(node: CompiledNode, out: CompiledLeaf[] = []): CompiledLeaf[] {
  if (node.kind === 'leaf') out.push(node);
  else if (node.kind === 'not') leavesOf(node.child, out);
  else for (const child of node.children) leavesOf(child, out);
  return out;
}

/**
 * A condition's status from its `appliesWhen` and its `test` (or `review`). While it is unknown whether
 * the condition applies, a test that passes settles it anyway; anything else waits for the answer.
 */
export function conditionStatus(
  applies: { readonly status: TestTruth; readonly missing: readonly string[] } | undefined,
  test: { readonly status: TestTruth; readonly missing: readonly string[] } | undefined,
): { status: ConditionStatus; missing: readonly string[] } {
  const own: { status: ConditionStatus; missing: readonly string[] } = test
    ? { status: test.status, missing: test.missing }
    : { status: 'review', missing: [] };
  if (!applies || applies.status === 'pass') return own;
  if (applies.status === 'fail') return { status: 'not_applicable', missing: [] };
  if (own.status === 'pass') return own;
  return { status: 'unknown', missing: unique([...applies.missing, ...own.missing]) };
}

/**
 * Precedence when every part must hold (a route, the whole rule set): a failure outweighs an unknown,
 * which outweighs a review, which outweighs a pass; not applicable counts for nothing. A switch, not a
 * lookup table: a table indexed by status strings is a keyed load with varying keys (megamorphic), and
 * this runs for every route of every report.
 */
function allRank(status: ConditionStatus): number {
  switch (status) {
    case 'fail':
      return 4;
    case 'unknown':
      return 3;
    case 'review':
      return 2;
    case 'pass':
      return 1;
    default:
      return 0;
  }
}

/** When any alternative will do (a pathway's routes): a passing route settles it. */
function anyRank(status: ConditionStatus): number {
  switch (status) {
    case 'pass':
      return 4;
    case 'unknown':
      return 3;
    case 'review':
      return 2;
    case 'fail':
      return 1;
    default:
      return 0;
  }
}

/** Of two statuses that must both hold, the one that decides (`allOf` of two). */
export function stricter(a: ConditionStatus, b: ConditionStatus): ConditionStatus {
  return allRank(b) > allRank(a) ? b : a;
}

/** Of two alternatives, the better (before `anyOf` turns "none applicable" into `fail`). */
export function better(a: ConditionStatus, b: ConditionStatus): ConditionStatus {
  return anyRank(b) > anyRank(a) ? b : a;
}

/** Statuses that must all hold; `not_applicable` ones are left out, and if nothing is left so is the result. */
export function allOf(statuses: Iterable<ConditionStatus>): ConditionStatus {
  let result: ConditionStatus = 'not_applicable';
  for (const status of statuses) result = stricter(result, status);
  return result;
}

/** Alternatives: the best of those that apply; with none applicable, no route is open (`fail`). */
export function anyOf(statuses: Iterable<ConditionStatus>): ConditionStatus {
  let best: ConditionStatus = 'not_applicable';
  for (const status of statuses) best = better(best, status);
  return best === 'not_applicable' ? 'fail' : best;
}

/** The comparison that explains a test's status: the first leaf that came out the way the whole test did. */
export function decidingLeaf(leaves: readonly LeafOutcome[], status: TestTruth): LeafOutcome | undefined {
  return leaves.find((leaf) => leaf.status === status) ?? leaves[0];
}
