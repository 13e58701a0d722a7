import { Engine, type Almanac, type RuleResult, type TopLevelCondition } from 'json-rules-engine';
import { withoutPrototype as ownObject } from '../ruleset/own-copy.js';
import { FACTS } from '../facts/index.js';
import { known, type FactValue } from '../facts/types.js';
import { OPERATORS } from '../operators/index.js';
import type { DecodedProfile } from '../profile/decoded.js';
import { asDecoded } from '../profile/parse.js';
import type { CompiledLeaf, CompiledNode, RuleSet } from '../ruleset/compiled.js';
import { combine, conditionStatus, decidingLeaf, leafOutcome, leavesOf, type LeafOutcome, type NodeOutcome, type Truth } from './logic.js';
import { conditionOutcome, type ConditionOutcome, type EvaluationOutcomes } from './outcomes.js';
import { assertRuleSet } from '../ruleset/loaded.js';

/**
 * The rule set as json-rules-engine runs it: one engine rule per condition tree (each condition's
 * `appliesWhen` and `test`, each pathway's and note's `appliesWhen`), in the rule set's own JSON, over
 * our facts and operators registered by name. The engine is the reference evaluator; the synchronous
 * walker must agree with it.
 *
 * Our results from a two-valued engine: our facts return `{known, value | missing}`, our operators
 * answer `false` when a side is unknown, and the report reads each leaf's recorded
 * `factResult`/`valueResult` to tell "false" from "unknown" (and a bound that decides anyway), and the
 * leaf's `open` flag to make a false of an open list `review` (leafOutcome in logic.ts). No condition has a priority, so the engine
 * evaluates every leaf of every rule (it only skips within `all`/`any` across priority groups).
 */

type FactResult = FactValue;
const isFactResult = (value: unknown): value is FactResult =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && 'known' in value;

/**
 * A memo from JSON text to the decoded value, so each distinct parameter set is decoded once. Keyed by
 * text, not by identity: the engine hands facts fresh copies of their `params` on every run (measured:
 * an identity memo missed every time and made the engine 40% slower).
 */
function decoder<T>(decode: (json: unknown) => T): (json: unknown) => T {
  const cache = new Map<string, T>();
  return (json) => {
    const key = JSON.stringify(json) ?? 'undefined';
    let value = cache.get(key);
    if (value === undefined) {
      value = decode(json);
      cache.set(key, value);
    }
    return value;
  };
}

/** Builds a json-rules-engine `Engine` holding the rule set: what a user who already runs one gets. */
export function createEngine(ruleSet: RuleSet): Engine {
  assertRuleSet(ruleSet);
  const engine = new Engine([], { allowUndefinedFacts: false });
  for (const fact of FACTS.values()) {
    const decodeParams = decoder((json) => fact.params.parse(json ?? {}));
    engine.addFact(fact.name, async (params: Record<string, unknown>, almanac: Almanac) => {
      // A parsed profile (dates as strings) is read decoded, as `evaluate` reads it: remembered, so each
      // fact call of a run finds it in one lookup; an unknown one is validated, and a bad one refused.
      const profile = asDecoded(await almanac.factValue('profile'));
      return fact.compute(profile, decodeParams(params));
    });
  }
  for (const operator of OPERATORS.values()) {
    const decodeValue = decoder((json) => operator.value.parse(json));
    engine.addOperator(operator.name, (left: unknown, right: unknown) => {
      if (!isFactResult(left) || !left.known) return false;
      if (isFactResult(right)) return right.known && operator.test(left.value, right.value);
      return operator.test(left.value, decodeValue(right));
    });
  }
  const addRule = (name: string, node: CompiledNode | undefined) => {
    if (!node) return;
    const conditions = toEngineJson(node);
    engine.addRule({
      name,
      conditions: ('all' in conditions || 'any' in conditions || 'not' in conditions ? conditions : ownObject({ all: [conditions] })) as TopLevelCondition,
      event: { type: name },
    });
  };
  for (const condition of ruleSet.conditions) {
    addRule(ruleName('applies', condition.id), condition.appliesWhen);
    addRule(ruleName('test', condition.id), condition.test);
  }
  for (const pathway of ruleSet.pathways) addRule(ruleName('pathway', pathway.id), pathway.appliesWhen);
  for (const note of ruleSet.notes) addRule(ruleName('note', note.id), note.appliesWhen);
  addRule(ruleName('scope', ruleSet.id), ruleSet.scope?.appliesWhen);
  return engine;
}

const ruleName = (part: 'applies' | 'test' | 'pathway' | 'note' | 'scope', id: string) => `${part}:${id}`;

/**
 * The engine's condition JSON, in objects without a prototype: json-rules-engine tells a group from a
 * leaf by reading `all`, `any` and `not`, and an `all` another script put on Object.prototype would
 * otherwise be read on every leaf.
 */
function toEngineJson(node: CompiledNode): Record<string, unknown> {
  if (node.kind === 'leaf') return ownObject({ ...node.json });
  if (node.kind === 'not') return ownObject({ not: toEngineJson(node.child) });
  return ownObject({ [node.kind]: node.children.map(toEngineJson) });
}


interface EngineCondition {
  all?: EngineCondition[];
  any?: EngineCondition[];
  not?: EngineCondition;
  factResult?: unknown;
  valueResult?: unknown;
  result?: boolean;
}

/** The evaluated engine leaves, depth first, matched to the compiled leaves they came from. */
function engineLeaves(node: EngineCondition, out: EngineCondition[] = []): EngineCondition[] {
  if (node.all) node.all.forEach((child) => engineLeaves(child, out));
  else if (node.any) node.any.forEach((child) => engineLeaves(child, out));
  else if (node.not) engineLeaves(node.not, out);
  else out.push(node);
  return out;
}

function outcomeOf(node: CompiledNode | undefined, result: RuleResult | undefined): NodeOutcome | undefined {
  if (!node) return undefined;
  if (!result) throw new Error('json-rules-engine returned no result for a rule it was given');
  const compiled = leavesOf(node);
  const evaluated = engineLeaves(result.conditions as unknown as EngineCondition);
  if (evaluated.length !== compiled.length) throw new Error('json-rules-engine result does not match the rule tree');
  const leaves = compiled.map((leaf: CompiledLeaf, index): LeafOutcome => {
    const engineLeaf = evaluated[index]!;
    if (!isFactResult(engineLeaf.factResult)) throw new Error(`json-rules-engine did not evaluate fact ${leaf.fact.name}`);
    const right = leaf.value.kind === 'literal' ? known(leaf.value.value) : (engineLeaf.valueResult as FactResult);
    return leafOutcome(leaf, engineLeaf.factResult, right, engineLeaf.result === true);
  });
  return combine(node, leaves);
}

const engines = new WeakMap<RuleSet, Engine>();

/** Evaluates with json-rules-engine (asynchronous, as the engine is). */
export async function runWithEngine(ruleSet: RuleSet, profile: DecodedProfile): Promise<EvaluationOutcomes> {
  let engine = engines.get(ruleSet);
  if (!engine) {
    engine = createEngine(ruleSet);
    engines.set(ruleSet, engine);
  }
  const { results, failureResults } = await engine.run({ profile });
  const byName = new Map([...results, ...failureResults].map((result) => [result.name as string, result]));
  const get = (name: string) => byName.get(name);
  // Gates hold no open leaves (the loader refuses them there), so they never come out `review`.
  const gate = (outcome: NodeOutcome | undefined) => outcome && { status: outcome.status as Truth, missing: outcome.missing };
  return {
    conditions: ruleSet.conditions.map((condition): ConditionOutcome => {
      const test = outcomeOf(condition.test, get(ruleName('test', condition.id)));
      const { status, missing } = conditionStatus(outcomeOf(condition.appliesWhen, get(ruleName('applies', condition.id))), test);
      if ((status !== 'pass' && status !== 'fail' && status !== 'review') || !test) return conditionOutcome(status, missing);
      const shown = decidingLeaf(test.leaves, status)!;
      return conditionOutcome(status, missing, shown.leaf, shown.actual, shown.required);
    }),
    pathways: ruleSet.pathways.map((pathway) => gate(outcomeOf(pathway.appliesWhen, get(ruleName('pathway', pathway.id))))),
    notes: ruleSet.notes.map((note) => gate(outcomeOf(note.appliesWhen, get(ruleName('note', note.id))))),
    ...(ruleSet.scope && { scope: gate(outcomeOf(ruleSet.scope.appliesWhen, get(ruleName('scope', ruleSet.id))))! }),
  };
}
