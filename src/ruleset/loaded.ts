import { textIssue, ValidationError } from '../errors.js';
import type { RuleSet } from './compiled.js';

/**
 * Which objects are rule sets this library compiled. Evaluating rule-set JSON directly (a common slip:
 * `evaluate(JSON.parse(file), profile)`) would otherwise fail deep inside with a TypeError.
 *
 * A non-enumerable property under a registered symbol, not a module-local WeakSet: the ESM and CommonJS
 * builds are two copies of this module, and one process may load both (an application importing the
 * package while a dependency requires it); a rule set loaded through one must be accepted by the other.
 * `Symbol.for` shares the key across copies without putting anything on the global object. It is a
 * check against slips, not a security boundary: whoever can hand us an object can already call any code.
 */
const LOADED = Symbol.for('zhicheng-eligibility.loaded-rule-set');

/** @internal Called by the loader for every rule set it returns. */
export function markLoaded(ruleSet: RuleSet): RuleSet {
  Object.defineProperty(ruleSet, LOADED, { value: true }); // not enumerable: spread copies are not rule sets
  return ruleSet;
}

/** Whether `value` is a rule set returned by `loadRuleSet`, `loadRuleSetText` or `getRuleSet`. */
export function isRuleSet(value: unknown): value is RuleSet {
  if (typeof value !== 'object' || value === null) return false;
  try {
    return (value as { [LOADED]?: unknown })[LOADED] === true;
  } catch {
    return false; // a proxy whose trap throws is no rule set
  }
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
