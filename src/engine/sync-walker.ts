import { known, type FactValue } from '../facts/types.js';
import type { ParsedProfileData } from '../profile/schema.js';
import type { CompiledLeaf, CompiledNode, RuleSet } from '../ruleset/compiled.js';
import { combine, leafOutcome, leavesOf, type LeafOutcome, type NodeOutcome } from './logic.js';
import type { EvaluationOutcomes } from './outcomes.js';

/**
 * The synchronous evaluator: walks the compiled trees directly, computing each fact once per profile.
 * It is what forms and batch screening call; a test proves it reports exactly what json-rules-engine does.
 */
export function walkRuleSet(ruleSet: RuleSet, profile: ParsedProfileData): EvaluationOutcomes {
  const facts = new Map<string, FactValue>();
  const factValue = (key: string, compute: () => FactValue): FactValue => {
    let value = facts.get(key);
    if (value === undefined) {
      value = compute();
      facts.set(key, value);
    }
    return value;
  };
  const evaluateLeaf = (leaf: CompiledLeaf): LeafOutcome => {
    const left = factValue(leaf.key, () => leaf.fact.compute(profile, leaf.params));
    const { value } = leaf;
    const right =
      value.kind === 'literal' ? known(value.value) : factValue(value.key, () => value.fact.compute(profile, value.params));
    const passes = left.known && right.known && leaf.operator.test(left.value, right.value);
    return leafOutcome(leaf, left, right, passes);
  };
  const evaluate = (node: CompiledNode | undefined): NodeOutcome | undefined =>
    node && combine(node, leavesOf(node).map(evaluateLeaf));

  return {
    conditions: new Map(
      ruleSet.conditions.map((condition) => [
        condition.id,
        { applies: evaluate(condition.appliesWhen), test: evaluate(condition.test) },
      ]),
    ),
    pathways: new Map(ruleSet.pathways.map((pathway) => [pathway.id, evaluate(pathway.appliesWhen)])),
    notes: new Map(ruleSet.notes.map((note) => [note.id, evaluate(note.appliesWhen)])),
    ...(ruleSet.scope && { scope: evaluate(ruleSet.scope.appliesWhen)! }),
  };
}
