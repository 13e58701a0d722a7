import { textIssue, type ValidationIssue } from '../errors.js';

/** Keys that could reach an object's prototype if any code ever assigned them. Refused anywhere. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
export const MAX_DEPTH = 64;
export const MAX_NODES = 200_000;

/**
 * Checks a parsed JSON document before anything else reads it: no forbidden key anywhere, nesting at
 * most `MAX_DEPTH`, at most `MAX_NODES` values. Iterative, so 10,000 levels of nesting cannot overflow
 * the stack, and it stops at the first size violation, so a huge array costs little.
 */
export function guardJson(root: unknown): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const stack: Array<{ value: unknown; path: (string | number)[] }> = [{ value: root, path: [] }];
  let nodes = 0;
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    nodes += 1;
    if (nodes > MAX_NODES) {
      issues.push(textIssue([], `文档过大:超过 ${MAX_NODES} 个值`, `document too large: more than ${MAX_NODES} values`));
      return issues;
    }
    if (path.length > MAX_DEPTH) {
      issues.push(textIssue(path.slice(0, MAX_DEPTH), `嵌套过深:超过 ${MAX_DEPTH} 层`, `nested too deeply: more than ${MAX_DEPTH} levels`));
      return issues;
    }
    if (value === null || typeof value !== 'object') continue;
    if (Array.isArray(value)) {
      for (let index = value.length - 1; index >= 0; index -= 1) stack.push({ value: value[index], path: [...path, index] });
      continue;
    }
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) {
        issues.push(textIssue([...path, key], `不允许的键名 "${key}"`, `forbidden key "${key}"`));
        continue;
      }
      stack.push({ value: (value as Record<string, unknown>)[key], path: [...path, key] });
    }
  }
  return issues;
}
