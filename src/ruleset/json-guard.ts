import { textIssue, type ValidationIssue } from '../errors.js';

/**
 * Bounds on any JSON document the library reads (rule sets, profiles, template values). Real rule sets
 * are far inside them: the largest bundled one has ~1,600 values, 12 levels and 73 KB, its longest
 * string ~700 characters.
 */
export const JSON_LIMITS = {
  /** Keys and indexes from the root to the deepest value. */
  maxDepth: 64,
  /** Values of every kind (objects, arrays, strings, numbers …), the root included. */
  maxValues: 200_000,
  /** Characters in any one string or key. */
  maxStringLength: 10_000,
  /** Characters of a JSON text (`lintRuleSetText`); the CLI applies the same number to a file's bytes. */
  maxTextLength: 5 * 1024 * 1024,
} as const;

export const MAX_DEPTH = JSON_LIMITS.maxDepth;
export const MAX_NODES = JSON_LIMITS.maxValues;

/** Keys that could reach an object's prototype if any code ever assigned them. Refused anywhere. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

type Key = string | number;

/**
 * A container waiting to be read. Paths are kept as parent links and written out only for an issue, so
 * checking a value costs no copy of its path.
 */
interface Frame {
  readonly value: object;
  readonly parent: Frame | undefined;
  readonly key: Key;
  readonly depth: number;
}

function pathOf(frame: Frame | undefined, ...tail: Key[]): Key[] {
  const path: Key[] = [];
  for (let at = frame; at?.parent; at = at.parent) path.push(at.key);
  return path.reverse().concat(tail);
}

const isPlainObject = (value: object): boolean => {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
};

/** What a problem says, in Chinese and English. */
type Words = readonly [zh: string, en: string];

// Short on purpose: this module is in every browser bundle. The JSON text scanner says the same.
export const LIMIT_WORDS = {
  forbiddenKey: (key: string): Words => [`不允许的键名 "${key}"(__proto__、constructor、prototype 不可作键名)`, `forbidden key "${key}": no key may be __proto__, constructor or prototype`],
  tooDeep: (): Words => [`嵌套过深:超过 ${MAX_DEPTH} 层`, `nested too deeply: more than ${MAX_DEPTH} levels`],
  tooMany: (): Words => [`文档过大:超过 ${MAX_NODES} 个值`, `document too large: more than ${MAX_NODES} values`],
  tooLong: (): Words => [`字符串过长:超过 ${JSON_LIMITS.maxStringLength} 个字符`, `string too long: more than ${JSON_LIMITS.maxStringLength} characters`],
};

/** Why a value is not one JSON can hold (`undefined`, a function, `NaN`, a `Date` …), if it is not. */
function notJson(value: unknown): Words | undefined {
  const type = typeof value;
  if (type === 'string' || type === 'boolean' || (type === 'number' && Number.isFinite(value))) return undefined;
  if (type === 'object' && (value === null || Array.isArray(value) || isPlainObject(value as object))) return undefined;
  const kind = type === 'number' ? String(value) : type === 'object' ? 'object with a prototype' : type;
  return [`应为 JSON 值,实际为 ${kind}`, `expected a JSON value, received ${kind}`];
}

/**
 * Checks a document before anything else reads it: only JSON values, no forbidden key anywhere, nesting
 * at most `maxDepth`, at most `maxValues` values, no string longer than `maxStringLength`.
 *
 * Bounded whatever the input: iterative (10,000 levels cannot overflow the stack), a container's size is
 * checked before any of its entries is read (a 50-million-element array costs as much as an empty one),
 * and it stops at the first size violation. Other problems are all collected. A cycle (possible only in
 * an object built in code) is reported as nesting too deep.
 */
export function guardJson(root: unknown): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const rootProblem = notJson(root);
  if (rootProblem) return [textIssue([], ...rootProblem)];
  if (typeof root === 'string' && root.length > JSON_LIMITS.maxStringLength) return [textIssue([], ...LIMIT_WORDS.tooLong())];
  if (root === null || typeof root !== 'object') return issues;

  let values = 1;
  const stack: Frame[] = [{ value: root, parent: undefined, key: '', depth: 0 }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    const container = frame.value as Record<string, unknown>;
    const keys: readonly Key[] | undefined = Array.isArray(container) ? undefined : Object.keys(container);
    const size = keys ? keys.length : (container as unknown as unknown[]).length;
    values += size;
    if (values > MAX_NODES) {
      issues.push(textIssue(pathOf(frame), ...LIMIT_WORDS.tooMany()));
      return issues;
    }
    // Its entries would be deeper than allowed: reported once, at the deepest allowed path, not read.
    if (frame.depth >= MAX_DEPTH && size > 0) {
      issues.push(textIssue(pathOf(frame), ...LIMIT_WORDS.tooDeep()));
      continue;
    }
    const children: Frame[] = [];
    for (let index = 0; index < size; index += 1) {
      const key = keys ? keys[index]! : index;
      if (typeof key === 'string') {
        if (FORBIDDEN_KEYS.has(key)) {
          issues.push(textIssue(pathOf(frame, key), ...LIMIT_WORDS.forbiddenKey(key)));
          continue;
        }
        if (key.length > JSON_LIMITS.maxStringLength) {
          issues.push(textIssue(pathOf(frame, key), ...LIMIT_WORDS.tooLong()));
          continue;
        }
      }
      const child = container[key];
      const problem = notJson(child);
      if (problem) {
        issues.push(textIssue(pathOf(frame, key), ...problem));
      } else if (typeof child === 'string' && child.length > JSON_LIMITS.maxStringLength) {
        issues.push(textIssue(pathOf(frame, key), ...LIMIT_WORDS.tooLong()));
      } else if (child !== null && typeof child === 'object') {
        children.push({ value: child, parent: frame, key, depth: frame.depth + 1 });
      }
    }
    // Pushed in reverse, so that issues come out in document order.
    for (let index = children.length - 1; index >= 0; index -= 1) stack.push(children[index]!);
  }
  return issues;
}
