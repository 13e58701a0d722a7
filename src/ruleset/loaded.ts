import { textIssue, ValidationError } from '../errors.js';
import type { RuleSet } from './compiled.js';

/**
 * Which objects are rule sets this library compiled. Evaluating rule-set JSON directly (a common slip:
 * `evaluate(JSON.parse(file), profile)`) would otherwise fail deep inside with a TypeError; a WeakSet
 * cannot be forged by a look-alike object or a proxy, as a marker property could.
 */
const loaded = new WeakSet<object>();

/** @internal Called by the loader for every rule set it returns. */
export function markLoaded(ruleSet: RuleSet): RuleSet {
  loaded.add(ruleSet);
  return ruleSet;
}

/** Whether `value` is a rule set returned by `loadRuleSet`, `loadRuleSetText` or `getRuleSet`. */
export function isRuleSet(value: unknown): value is RuleSet {
  return typeof value === 'object' && value !== null && loaded.has(value);
}

/** Throws a `ValidationError` (in both languages) unless `value` is a loaded rule set. */
export function assertRuleSet(value: unknown): asserts value is RuleSet {
  if (isRuleSet(value)) return;
  throw new ValidationError('ruleSet', [
    textIssue(
      [],
      '应为已加载的规则集(loadRuleSet、loadRuleSetText 或 getRuleSet 的结果),而不是规则集 JSON 或其他值',
      'expected a loaded rule set (from loadRuleSet, loadRuleSetText or getRuleSet), not rule-set JSON or another value',
    ),
  ]);
}
