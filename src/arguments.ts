import { textIssue, ValidationError } from './errors.js';

/**
 * Guards for the arguments of public functions: a wrong kind of value (null, a string where a report
 * belongs, a rule set where a profile belongs) is refused with a `ValidationError` that names the
 * argument and says what was expected and what came, in Chinese and English — never a `TypeError` from
 * somewhere inside. Profiles and rule sets have their own, fuller checks (`parseProfile`,
 * `assertRuleSet`); these are for the other arguments.
 */

/** What a value is, in words, for "expected …, received …". */
function kindOf(value: unknown): { zh: string; en: string } {
  if (value === null) return { zh: 'null', en: 'null' };
  if (value === undefined) return { zh: '未给出(undefined)', en: 'undefined' };
  if (Array.isArray(value)) return { zh: '数组', en: 'an array' };
  switch (typeof value) {
    case 'string':
      return { zh: '字符串', en: 'a string' };
    case 'number':
    case 'bigint':
      return { zh: '数字', en: 'a number' };
    case 'boolean':
      return { zh: '布尔值', en: 'a boolean' };
    case 'function':
      return { zh: '函数', en: 'a function' };
    case 'symbol':
      return { zh: 'Symbol', en: 'a symbol' };
    default:
      return { zh: '对象', en: 'an object' };
  }
}

/** Refuses `value` as the argument `name`, which should have been what `expected` says. */
export function wrongArgument(name: string, value: unknown, expected: { zh: string; en: string }): ValidationError {
  const kind = kindOf(value);
  return new ValidationError('argument', [textIssue([name], `${name} 应为${expected.zh},实际为${kind.zh}`, `${name}: expected ${expected.en}, received ${kind.en}`)]);
}

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

export function expectString(value: unknown, name: string): asserts value is string {
  if (typeof value !== 'string') throw wrongArgument(name, value, { zh: '字符串', en: 'a string' });
}

export function expectObject(value: unknown, name: string, expected = { zh: '对象', en: 'an object' }): asserts value is Record<string, unknown> {
  if (!isObject(value)) throw wrongArgument(name, value, expected);
}

export function expectArray(value: unknown, name: string, expected = { zh: '数组', en: 'an array' }): asserts value is unknown[] {
  if (!Array.isArray(value)) throw wrongArgument(name, value, expected);
}

/** A report from `evaluate` (or `evaluateWithEngine`): checked by the parts every reader of one uses. */
export function expectReport(value: unknown, name = 'report'): void {
  const expected = { zh: 'evaluate 给出的报告', en: 'a report from evaluate' };
  if (!isObject(value) || !Array.isArray(value.conditions) || !Array.isArray(value.pathways) || !isObject(value.ruleSet)) {
    throw wrongArgument(name, value, expected);
  }
}

/** `zh` or `en`: the languages reports are written in. */
export function expectLanguage(value: unknown, name = 'language'): void {
  if (value !== 'zh' && value !== 'en') throw wrongArgument(name, value, { zh: '"zh" 或 "en"', en: '"zh" or "en"' });
}
