import { issue, textIssue, type ValidationIssue } from '../errors.js';
import { MAX_DEPTH, MAX_NODES } from '../ruleset/json-guard.js';

/**
 * Reads an applicant profile as plain JSON data, before anything validates it: a copy made of its own
 * data properties only, in objects without a prototype.
 *
 * Why a copy, and why this way: zod reads `input[key]` for each key of the schema, which walks the
 * prototype chain, so an object whose prototype has `titles` (or a polluted `Object.prototype`) would be
 * read as having titles; and it reads through getters, so a getter that throws would escape
 * `parseProfile`. Here every property is read through its descriptor: a getter is refused, never
 * called; nothing inherited is ever seen; the copy cannot change between being checked and being parsed.
 *
 * Refused, each with its path and a message in both languages: accessors, objects that are not plain
 * (a Date, a Map, a class instance — JSON has none), holes in arrays, non-finite numbers, lists longer
 * than `maxEntries`, keys no profile has that are too long to quote, nesting deeper than `MAX_DEPTH`
 * (which also stops a cyclic object), more than `MAX_NODES` values (an object with a million keys). Everything else (wrong types, unknown keys, bad dates) is left to
 * the schema, which says it best.
 */

/** A key longer than this is no field of the profile; the message shows its start only. */
const MAX_KEY_LENGTH = 64;

const isPlainPrototype = (proto: object | null): boolean =>
  proto === null ||
  proto === Object.prototype ||
  // `Object.prototype` of another realm (an iframe, a vm context): the root of its chain, with the usual methods.
  (Object.getPrototypeOf(proto) === null && Object.hasOwn(proto, 'hasOwnProperty') && Object.hasOwn(proto, 'isPrototypeOf'));

type Path = (string | number)[];

export type PlainResult = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly issues: ValidationIssue[] };

export function readPlainData(input: unknown, maxEntries: number): PlainResult {
  const issues: ValidationIssue[] = [];
  // Iterative, so deep nesting cannot overflow the stack; `assign` puts each copied value in its parent.
  const root: { value?: unknown } = Object.create(null);
  const stack: Array<{ value: unknown; path: Path; assign: (copy: unknown) => void }> = [
    { value: input, path: [], assign: (copy) => (root.value = copy) },
  ];
  let nodes = 0;
  while (stack.length > 0) {
    const { value, path, assign } = stack.pop()!;
    if ((nodes += 1) > MAX_NODES) {
      issues.push(textIssue([], `文档过大:超过 ${MAX_NODES} 个值`, `document too large: more than ${MAX_NODES} values`));
      return { ok: false, issues };
    }
    if (typeof value === 'number' && !Number.isFinite(value)) {
      issues.push(textIssue(path, `不是有效的 JSON 数字:${value}`, `not a JSON number: ${value}`));
      continue;
    }
    if (value === null || typeof value !== 'object') {
      // Strings, booleans, numbers (-0, which JSON.parse makes of "-0", as 0, so reports survive JSON
      // unchanged); anything else (a function, a bigint) the schema refuses by type.
      assign(value === 0 ? 0 : value);
      continue;
    }
    if (path.length > MAX_DEPTH) {
      issues.push(textIssue(path.slice(0, MAX_DEPTH), `嵌套过深:超过 ${MAX_DEPTH} 层`, `nested too deeply: more than ${MAX_DEPTH} levels`));
      return { ok: false, issues };
    }
    if (Array.isArray(value)) {
      const length = Object.getOwnPropertyDescriptor(value, 'length')?.value as number;
      if (length > maxEntries) {
        issues.push(issue(path, { kind: 'too_big', maximum: maxEntries, origin: 'array' }));
        continue;
      }
      const copy: unknown[] = new Array(length);
      assign(copy);
      for (let index = length - 1; index >= 0; index -= 1) {
        const descriptor = Object.getOwnPropertyDescriptor(value, index);
        const at = [...path, index];
        if (descriptor === undefined) issues.push(textIssue(at, '数组此处为空位', 'a hole in the array'));
        else if (!('value' in descriptor)) issues.push(accessorIssue(at));
        else stack.push({ value: descriptor.value, path: at, assign: (item) => (copy[index] = item) });
      }
      continue;
    }
    if (value instanceof Date) {
      issues.push(textIssue(path, '应为 YYYY-MM-DD 字符串,实际为 Date 对象', 'expected a "YYYY-MM-DD" string, received a Date object'));
      continue;
    }
    if (!isPlainPrototype(Object.getPrototypeOf(value))) {
      issues.push(textIssue(path, '应为普通 JSON 对象(不读取继承的属性)', 'expected a plain JSON object (inherited properties are never read)'));
      continue;
    }
    const copy: Record<string, unknown> = Object.create(null);
    assign(copy);
    // Keys are pushed last first, so they are read (and their problems listed) in the document's order.
    for (const key of Object.keys(value).reverse()) {
      if (key.length > MAX_KEY_LENGTH) {
        issues.push(issue(path, { kind: 'unrecognized_keys', keys: [`${key.slice(0, 20)}…`] }));
        continue;
      }
      const descriptor = Object.getOwnPropertyDescriptor(value, key);
      if (descriptor === undefined) continue; // a proxy may list a key it does not have
      if (!('value' in descriptor)) issues.push(accessorIssue([...path, key]));
      else stack.push({ value: descriptor.value, path: [...path, key], assign: (item) => (copy[key] = item) });
    }
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: root.value };
}

const accessorIssue = (path: Path) => textIssue(path, '应为数据值(不调用 getter)', 'expected a data value (getters are never called)');

/**
 * Gives the objects of a freshly parsed profile no prototype, in place. The facts read fields directly
 * (`profile.titles`, `entry.year`); on an object without a prototype an absent field is `undefined`
 * even if some other code has polluted `Object.prototype` (`Object.prototype.titles = …`), so nothing
 * inherited can reach an evaluation. Dates keep theirs.
 */
export function dropPrototypes(value: unknown): void {
  if (value === null || typeof value !== 'object' || value instanceof Date) return;
  if (Array.isArray(value)) {
    for (const item of value) dropPrototypes(item);
    return;
  }
  Object.setPrototypeOf(value, null);
  for (const key of Object.keys(value)) dropPrototypes((value as Record<string, unknown>)[key]);
}
