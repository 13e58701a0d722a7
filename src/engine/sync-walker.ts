import { field } from '../facts/field.js';
import { known, unknownFor, type FactDefinition, type FactValue, type UnknownFact } from '../facts/types.js';
import { boundShown, boundVerdict } from './logic.js';
import { endSharing, shareViews } from '../facts/views.js';
import { clearFieldValues, FieldLayout, fieldValue, fieldValues, type FieldValues } from './field-table.js';
import type { ConditionStatus } from '../locales/types.js';
import type { DecodedProfile } from '../profile/decoded.js';
import type { CompiledLeaf, CompiledNode, RuleSet } from '../ruleset/compiled.js';
import { addPathsOnce, conditionOutcome, NO_PATHS, type ConditionOutcome, type EvaluationOutcomes, type GateOutcome } from './outcomes.js';
import { assertRuleSet } from '../ruleset/loaded.js';

/**
 * The synchronous evaluator. Each rule set is compiled once (on first use) into closures: every
 * distinct fact-with-parameters gets a slot, computed at most once per profile; every node of every
 * tree writes its result (pass, fail, unknown, or review for an open leaf) into one typed array, so explaining a result (which paths are
 * missing, which comparison decided it) reads those codes back instead of evaluating again or looking
 * anything up in a map. Nothing is allocated for a condition beyond its outcome. A test proves it
 * reports exactly what json-rules-engine does.
 */

const FAIL = 0;
const PASS = 1;
const UNKNOWN = 2;
/** A value an open leaf (a list ending in 等, a 原则上 bar) does not accept: only a condition's test can come out so (see logic.ts). */
const REVIEW = 3;
type Code = typeof FAIL | typeof PASS | typeof UNKNOWN | typeof REVIEW;

interface Context {
  profile: DecodedProfile;
  /** Each fact's value for this profile, once computed. */
  readonly slots: (FactValue | undefined)[];
  /** The profile fields that `field` facts read, a section at a time. */
  readonly fields: FieldValues;
  /** The result of every node of every tree, by node index (each written before it is read). */
  readonly codes: Uint8Array;
}

/** What explaining a node needs: where its result is, and (for a leaf) where its facts are. */
type NodeInfo =
  | { readonly kind: 'leaf'; readonly index: number; readonly leaf: CompiledLeaf; readonly leftSlot: number; readonly rightSlot: number }
  | { readonly kind: 'not'; readonly index: number; readonly child: NodeInfo }
  | { readonly kind: 'all' | 'any'; readonly index: number; readonly children: readonly NodeInfo[] };

type LeafInfo = Extract<NodeInfo, { kind: 'leaf' }>;

/** A compiled tree: evaluates to a code; its root and leaves (depth first) are kept to explain it. */
interface Plan {
  readonly run: (context: Context) => Code;
  readonly root: NodeInfo;
  readonly leaves: readonly LeafInfo[];
}

type ConditionRunner = (context: Context) => ConditionOutcome;

interface RuleSetPlan {
  /**
   * The scratch space of an evaluation, reused by the next: evaluating is synchronous and never
   * re-entered (facts are pure functions of the profile), and what a walk returns holds no reference to
   * it, so one per rule set saves allocating it for every profile.
   */
  readonly context: Context;
  readonly conditions: readonly ConditionRunner[];
  readonly pathways: readonly (Plan | undefined)[];
  readonly notes: readonly (Plan | undefined)[];
  readonly scope?: Plan;
}

const NO_PROFILE: DecodedProfile = Object.freeze({});
const GATE_PASS: GateOutcome = Object.freeze({ status: 'pass', missing: NO_PATHS });
const GATE_FAIL: GateOutcome = Object.freeze({ status: 'fail', missing: NO_PATHS });
const NOT_APPLICABLE: ConditionOutcome = Object.freeze(conditionOutcome('not_applicable', NO_PATHS));
const REVIEW_OUTCOME: ConditionOutcome = Object.freeze(conditionOutcome('review', NO_PATHS));

/** How a slot's fact is computed for the profile in hand (prepared once per distinct fact and parameters). */
type SlotCompute = (context: Context) => FactValue;

/** A fact's value for this profile: computed on first use, then read from its slot. */
function factIn(context: Context, slot: number, compute: SlotCompute): FactValue {
  let value = context.slots[slot];
  if (value === undefined) {
    value = compute(context);
    context.slots[slot] = value;
  }
  return value;
}

/**
 * How to compute one fact. Most leaves of a notice read one field (`application.targetLevel`), so a
 * `field` fact is read from the evaluation's field table (see field-table.ts), which reads each section
 * of the profile once, instead of through `field.compute`. The result is exactly `field.compute`'s: a
 * test compares every rule set's reports with json-rules-engine's, which calls `compute`.
 */
function slotCompute(fact: FactDefinition, params: unknown, layout: FieldLayout): SlotCompute {
  if (fact !== field) {
    const compute = fact.compute; // taken out once: fact definitions have several shapes
    return (context) => compute(context.profile, params);
  }
  const { path, default: fallback } = params as { path: string; default: unknown };
  const slot = layout.slotOf(path);
  // Made once here, not per profile: what an absent field means.
  const absent = fallback !== undefined ? known(fallback) : unknownFor(path);
  return (context) => {
    const value = fieldValue(context.fields, context.profile, slot);
    return value !== undefined ? known(value) : absent;
  };
}

/**
 * The paths that could decide an undecided node: those of its undecided children, exactly as `combine`
 * gives them (first seen first, no repeats). Only called for nodes that came out unknown.
 */
function collectMissing(node: NodeInfo, context: Context, out: string[]): void {
  if (node.kind === 'leaf') {
    addMissing(context.slots[node.leftSlot]!, out);
    if (node.rightSlot >= 0) addMissing(context.slots[node.rightSlot]!, out);
    return;
  }
  if (node.kind === 'not') return collectMissing(node.child, context, out);
  for (const child of node.children) if (context.codes[child.index] === UNKNOWN) collectMissing(child, context, out);
}

function addMissing(value: FactValue, out: string[]): void {
  if (!value.known) addPathsOnce(value.missing, out);
}

function missingOf(plan: Plan, context: Context): string[] {
  const out: string[] = [];
  collectMissing(plan.root, context, out);
  return out;
}

function compilePlan(ruleSet: RuleSet): RuleSetPlan {
  const slotOf = new Map<string, number>();
  const slotFor = (key: string) => {
    let slot = slotOf.get(key);
    if (slot === undefined) {
      slot = slotOf.size;
      slotOf.set(key, slot);
    }
    return slot;
  };
  const layout = new FieldLayout();
  let nodeCount = 0;

  const compileLeaf = (node: CompiledLeaf, leaves: LeafInfo[]): { run: Plan['run']; info: NodeInfo } => {
    const index = nodeCount++;
    const leftSlot = slotFor(node.key);
    const { value } = node;
    const compute = slotCompute(node.fact, node.params, layout);
    const { operator, open } = node;
    const test = operator.test;
    const failed: Code = open ? REVIEW : FAIL;
    /** A left side that is unknown: still decided when what is known of it bounds it enough (`boundVerdict`). */
    const unknownLeft = (left: UnknownFact, right: unknown): Code => {
      const verdict = boundVerdict(operator, left, right);
      return verdict === undefined ? UNKNOWN : verdict ? PASS : failed;
    };
    const info: LeafInfo = { kind: 'leaf', index, leaf: node, leftSlot, rightSlot: value.kind === 'fact' ? slotFor(value.key) : -1 };
    leaves.push(info);
    if (value.kind === 'literal') {
      const literal = value.value;
      return {
        info,
        run: (context) => {
          const left = factIn(context, leftSlot, compute);
          const code: Code = !left.known ? unknownLeft(left, literal) : test(left.value, literal) ? PASS : failed;
          context.codes[index] = code;
          return code;
        },
      };
    }
    const rightSlot = info.rightSlot;
    const rightCompute = slotCompute(value.fact, value.params, layout);
    return {
      info,
      run: (context) => {
        const left = factIn(context, leftSlot, compute);
        const right = factIn(context, rightSlot, rightCompute);
        const code: Code = !right.known ? UNKNOWN : !left.known ? unknownLeft(left, right.value) : test(left.value, right.value) ? PASS : failed;
        context.codes[index] = code;
        return code;
      },
    };
  };

  const compileNode = (node: CompiledNode, leaves: LeafInfo[]): { run: Plan['run']; info: NodeInfo } => {
    if (node.kind === 'leaf') return compileLeaf(node, leaves);
    const index = nodeCount++;
    if (node.kind === 'not') {
      const child = compileNode(node.child, leaves);
      const runChild = child.run;
      return {
        info: { kind: 'not', index, child: child.info },
        run: (context) => {
          const inner = runChild(context);
          const code: Code = inner === PASS ? FAIL : inner === FAIL ? PASS : inner;
          context.codes[index] = code;
          return code;
        },
      };
    }
    const children = node.children.map((child) => compileNode(child, leaves));
    const runs = children.map((child) => child.run);
    const decisive: Code = node.kind === 'all' ? FAIL : PASS;
    const otherwise: Code = node.kind === 'all' ? PASS : FAIL;
    return {
      info: { kind: node.kind, index, children: children.map((child) => child.info) },
      run: (context) => {
        let sawUnknown = false;
        let sawReview = false;
        let decided = false;
        for (let position = 0; position < runs.length; position += 1) {
          const code = runs[position]!(context); // every child, never short-circuited
          if (code === decisive) decided = true;
          else if (code === UNKNOWN) sawUnknown = true;
          else if (code === REVIEW) sawReview = true;
        }
        const code: Code = decided ? decisive : sawUnknown ? UNKNOWN : sawReview ? REVIEW : otherwise;
        context.codes[index] = code;
        return code;
      },
    };
  };

  const plan = (node: CompiledNode | undefined): Plan | undefined => {
    if (!node) return undefined;
    const leaves: LeafInfo[] = [];
    const { run, info } = compileNode(node, leaves);
    return { run, root: info, leaves };
  };

  const conditions = ruleSet.conditions.map((condition) => conditionRunner(plan(condition.appliesWhen), plan(condition.test)));
  const pathways = ruleSet.pathways.map((pathway) => plan(pathway.appliesWhen));
  const notes = ruleSet.notes.map((note) => plan(note.appliesWhen));
  const scope = plan(ruleSet.scope?.appliesWhen);
  const context: Context = {
    profile: NO_PROFILE,
    slots: new Array<FactValue | undefined>(slotOf.size).fill(undefined),
    fields: fieldValues(layout),
    codes: new Uint8Array(nodeCount),
  };
  return { context, conditions, pathways, notes, ...(scope && { scope }) };
}

/**
 * One condition's outcome from its `appliesWhen` and its `test` (or `review`), as `conditionStatus`
 * defines it: while it is unknown whether the condition applies, a test that passes settles it anyway;
 * anything else waits for the answer. A condition that surely does not apply is not tested at all.
 */
function conditionRunner(applies: Plan | undefined, test: Plan | undefined): ConditionRunner {
  const statusOf = (code: Code): ConditionStatus => (code === PASS ? 'pass' : code === FAIL ? 'fail' : code === REVIEW ? 'review' : 'unknown');
  return (context) => {
    const appliesCode = applies ? applies.run(context) : PASS;
    if (appliesCode === FAIL) return NOT_APPLICABLE;
    if (!test) return appliesCode === PASS ? REVIEW_OUTCOME : conditionOutcome('unknown', missingOf(applies!, context));
    const testCode = test.run(context);
    if (testCode === UNKNOWN || (appliesCode === UNKNOWN && testCode !== PASS)) {
      const missing = appliesCode === UNKNOWN ? missingOf(applies!, context) : [];
      if (testCode === UNKNOWN) collectMissing(test.root, context, missing);
      return conditionOutcome('unknown', missing);
    }
    return shownOutcome(test, context, testCode, statusOf(testCode));
  };
}

/** A decided test's outcome with the comparison to show: the first leaf that came out as the test did. */
function shownOutcome(test: Plan, context: Context, code: Code, status: ConditionStatus): ConditionOutcome {
  const leaves = test.leaves;
  let shown = leaves[0];
  for (let position = 0; position < leaves.length; position += 1) {
    if (context.codes[leaves[position]!.index] === code) {
      shown = leaves[position];
      break;
    }
  }
  if (!shown) return conditionOutcome(status, NO_PATHS); // a test with no comparison (`all: []`)
  const left = context.slots[shown.leftSlot]!;
  const leaf = shown.leaf;
  let required: unknown;
  if (leaf.value.kind === 'literal') required = leaf.value.value;
  else {
    const right = context.slots[shown.rightSlot]!;
    required = right.known ? right.value : undefined;
  }
  // A value decided by its bound shows the bound, as `leafOutcome` does.
  return conditionOutcome(status, NO_PATHS, leaf, left.known ? left.value : boundShown(left), required);
}

const plans = new WeakMap<RuleSet, RuleSetPlan>();
function planOf(ruleSet: RuleSet): RuleSetPlan {
  let plan = plans.get(ruleSet);
  if (!plan) {
    assertRuleSet(ruleSet); // checked once per rule set, not per evaluation
    plan = compilePlan(ruleSet);
    plans.set(ruleSet, plan);
  }
  return plan;
}

function gate(plan: Plan | undefined, context: Context): GateOutcome | undefined {
  if (!plan) return undefined;
  const code = plan.run(context);
  if (code !== UNKNOWN) return code === PASS ? GATE_PASS : GATE_FAIL;
  return { status: 'unknown', missing: missingOf(plan, context) };
}

function gates(plans: readonly (Plan | undefined)[], context: Context): (GateOutcome | undefined)[] {
  const out = new Array<GateOutcome | undefined>(plans.length);
  for (let index = 0; index < plans.length; index += 1) out[index] = gate(plans[index], context);
  return out;
}

export function walkRuleSet(ruleSet: RuleSet, profile: DecodedProfile): EvaluationOutcomes {
  const plan = planOf(ruleSet);
  const context = plan.context;
  context.profile = profile;
  shareViews(); // facts share what they derive from this profile (views.ts) until the walk ends
  try {
    const scope = plan.scope && gate(plan.scope, context);
    const runners = plan.conditions;
    const conditions = new Array<ConditionOutcome>(runners.length);
    // Out of the notice's scope, every condition is reported not applicable: nothing to test.
    if (scope?.status === 'fail') conditions.fill(NOT_APPLICABLE);
    else for (let index = 0; index < runners.length; index += 1) conditions[index] = runners[index]!(context);
    return {
      conditions,
      pathways: gates(plan.pathways, context),
      notes: gates(plan.notes, context),
      ...(scope && { scope }),
    };
  } finally {
    // Cleared after, not before: the scratch space keeps no applicant's data alive between evaluations,
    // and the next evaluation finds it clean even if this one threw.
    context.profile = NO_PROFILE;
    endSharing();
    context.slots.fill(undefined);
    clearFieldValues(context.fields);
  }
}
