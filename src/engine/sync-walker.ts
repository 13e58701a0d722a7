import { known, type FactValue } from '../facts/types.js';
import type { ParsedProfileData } from '../profile/schema.js';
import type { CompiledCondition, CompiledLeaf, CompiledNode, RuleSet } from '../ruleset/compiled.js';
import { conditionStatus } from './logic.js';
import type { ConditionOutcome, EvaluationOutcomes, GateOutcome } from './outcomes.js';

/**
 * The synchronous evaluator. Each rule set is compiled once (on first use) into closures: every
 * distinct fact-with-parameters gets a slot, computed at most once per profile; every leaf writes its
 * result into a typed array; `all`/`any`/`not` combine child results with no tree walk and no maps.
 * Which paths are missing, and which comparison explains a result, are worked out only when a report
 * needs them. A test proves it reports exactly what json-rules-engine does.
 */

const FAIL = 0;
const PASS = 1;
const UNKNOWN = 2;
type Code = typeof FAIL | typeof PASS | typeof UNKNOWN;

interface Context {
  readonly profile: ParsedProfileData;
  readonly slots: (FactValue | undefined)[];
  readonly leaves: Uint8Array;
}

/** A compiled tree: evaluates to a code, and knows its leaves (depth first) for explanations. */
interface Plan {
  readonly run: (context: Context) => Code;
  readonly node: CompiledNode;
  /** Index of each of the tree's leaves in the context's leaf array, depth first. */
  readonly leafIndexes: readonly number[];
  readonly leafNodes: readonly CompiledLeaf[];
}

interface LeafPlan {
  readonly leftSlot: number;
  readonly rightSlot: number; // -1 for a literal
}

interface RuleSetPlan {
  readonly slotCount: number;
  readonly leafCount: number;
  readonly leafPlans: Map<CompiledLeaf, { index: number } & LeafPlan>;
  readonly conditions: readonly { readonly condition: CompiledCondition; readonly applies?: Plan; readonly test?: Plan }[];
  readonly pathways: readonly (Plan | undefined)[];
  readonly notes: readonly (Plan | undefined)[];
  readonly scope?: Plan;
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
  const leafPlans = new Map<CompiledLeaf, { index: number } & LeafPlan>();
  let leafCount = 0;

  const fact = (context: Context, slot: number, leaf: { fact: CompiledLeaf['fact']; params: unknown }): FactValue => {
    let value = context.slots[slot];
    if (value === undefined) {
      value = leaf.fact.compute(context.profile, leaf.params);
      context.slots[slot] = value;
    }
    return value;
  };

  const compileNode = (node: CompiledNode, indexes: number[], nodes: CompiledLeaf[]): ((context: Context) => Code) => {
    if (node.kind === 'leaf') {
      const index = leafCount++;
      const leftSlot = slotFor(node.key);
      const value = node.value;
      const rightSlot = value.kind === 'fact' ? slotFor(value.key) : -1;
      leafPlans.set(node, { index, leftSlot, rightSlot });
      indexes.push(index);
      nodes.push(node);
      const test = node.operator.test;
      if (value.kind === 'literal') {
        const literal = value.value;
        return (context) => {
          const left = fact(context, leftSlot, node);
          const code: Code = !left.known ? UNKNOWN : test(left.value, literal) ? PASS : FAIL;
          context.leaves[index] = code;
          return code;
        };
      }
      return (context) => {
        const left = fact(context, leftSlot, node);
        const right = fact(context, rightSlot, value);
        const code: Code = !left.known || !right.known ? UNKNOWN : test(left.value, right.value) ? PASS : FAIL;
        context.leaves[index] = code;
        return code;
      };
    }
    if (node.kind === 'not') {
      const child = compileNode(node.child, indexes, nodes);
      return (context) => {
        const code = child(context);
        return code === UNKNOWN ? UNKNOWN : code === PASS ? FAIL : PASS;
      };
    }
    const children = node.children.map((child) => compileNode(child, indexes, nodes));
    const decisive: Code = node.kind === 'all' ? FAIL : PASS;
    const otherwise: Code = node.kind === 'all' ? PASS : FAIL;
    return (context) => {
      let sawUnknown = false;
      let decided = false;
      for (const child of children) {
        const code = child(context); // every child, never short-circuited
        if (code === decisive) decided = true;
        else if (code === UNKNOWN) sawUnknown = true;
      }
      return decided ? decisive : sawUnknown ? UNKNOWN : otherwise;
    };
  };

  const plan = (node: CompiledNode | undefined): Plan | undefined => {
    if (!node) return undefined;
    const leafIndexes: number[] = [];
    const leafNodes: CompiledLeaf[] = [];
    const run = compileNode(node, leafIndexes, leafNodes);
    return { run, node, leafIndexes, leafNodes };
  };

  const conditions = ruleSet.conditions.map((condition) => ({
    condition,
    ...(condition.appliesWhen && { applies: plan(condition.appliesWhen)! }),
    ...(condition.test && { test: plan(condition.test)! }),
  }));
  const pathways = ruleSet.pathways.map((pathway) => plan(pathway.appliesWhen));
  const notes = ruleSet.notes.map((note) => plan(note.appliesWhen));
  const scope = plan(ruleSet.scope?.appliesWhen);
  return { slotCount: slotOf.size, leafCount, leafPlans, conditions, pathways, notes, ...(scope && { scope }) };
}

const plans = new WeakMap<RuleSet, RuleSetPlan>();
function planOf(ruleSet: RuleSet): RuleSetPlan {
  let plan = plans.get(ruleSet);
  if (!plan) {
    plan = compilePlan(ruleSet);
    plans.set(ruleSet, plan);
  }
  return plan;
}

/** A tree's code from the leaf codes already recorded (no fact is computed again). */
function codeOf(node: CompiledNode, context: Context, plan: RuleSetPlan): Code {
  if (node.kind === 'leaf') return context.leaves[plan.leafPlans.get(node)!.index] as Code;
  if (node.kind === 'not') {
    const code = codeOf(node.child, context, plan);
    return code === UNKNOWN ? UNKNOWN : code === PASS ? FAIL : PASS;
  }
  const decisive: Code = node.kind === 'all' ? FAIL : PASS;
  let sawUnknown = false;
  for (const child of node.children) {
    const code = codeOf(child, context, plan);
    if (code === decisive) return decisive;
    if (code === UNKNOWN) sawUnknown = true;
  }
  return sawUnknown ? UNKNOWN : node.kind === 'all' ? PASS : FAIL;
}

/**
 * The paths that could decide an undecided tree: those of its undecided children, exactly as
 * `combine` gives them. Only called for trees that came out unknown.
 */
function collectMissing(node: CompiledNode, context: Context, plan: RuleSetPlan, out: string[]): void {
  if (node.kind === 'leaf') {
    const { leftSlot, rightSlot } = plan.leafPlans.get(node)!;
    for (const slot of rightSlot < 0 ? [leftSlot] : [leftSlot, rightSlot]) {
      const value = context.slots[slot]!;
      if (!value.known) for (const path of value.missing) if (!out.includes(path)) out.push(path);
    }
    return;
  }
  if (node.kind === 'not') return collectMissing(node.child, context, plan, out);
  for (const child of node.children) if (codeOf(child, context, plan) === UNKNOWN) collectMissing(child, context, plan, out);
}

const NO_PATHS: readonly string[] = Object.freeze([]);
const GATE_PASS: GateOutcome = Object.freeze({ status: 'pass', missing: NO_PATHS });
const GATE_FAIL: GateOutcome = Object.freeze({ status: 'fail', missing: NO_PATHS });

function gate(plan: Plan | undefined, context: Context, rulePlan: RuleSetPlan): GateOutcome | undefined {
  if (!plan) return undefined;
  const code = plan.run(context);
  if (code !== UNKNOWN) return code === PASS ? GATE_PASS : GATE_FAIL;
  const missing: string[] = [];
  collectMissing(plan.node, context, rulePlan, missing);
  return { status: 'unknown', missing };
}

export function walkRuleSet(ruleSet: RuleSet, profile: ParsedProfileData): EvaluationOutcomes {
  const plan = planOf(ruleSet);
  const context: Context = { profile, slots: new Array(plan.slotCount), leaves: new Uint8Array(plan.leafCount) };

  const conditions = plan.conditions.map(({ applies, test }): ConditionOutcome => {
    const appliesGate = gate(applies, context, plan);
    const testGate = gate(test, context, plan);
    const { status, missing } = conditionStatus(appliesGate, testGate);
    if ((status !== 'pass' && status !== 'fail') || !test) return { status, missing };
    // The comparison to show: the first leaf that came out the way the test did.
    const code = status === 'pass' ? PASS : FAIL;
    let position = test.leafIndexes.findIndex((index) => context.leaves[index] === code);
    if (position < 0) position = 0;
    const leaf = test.leafNodes[position]!;
    const { leftSlot, rightSlot } = plan.leafPlans.get(leaf)!;
    const left = context.slots[leftSlot]!;
    const right = rightSlot < 0 ? known((leaf.value as { value: unknown }).value) : context.slots[rightSlot]!;
    return {
      status,
      missing,
      shown: { leaf, actual: left.known ? left.value : undefined, required: right.known ? right.value : undefined },
    };
  });

  return {
    conditions,
    pathways: plan.pathways.map((pathway) => gate(pathway, context, plan)),
    notes: plan.notes.map((note) => gate(note, context, plan)),
    ...(plan.scope && { scope: gate(plan.scope, context, plan)! }),
  };
}
