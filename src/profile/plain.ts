import { issue, textIssue, type ValidationIssue } from '../errors.js';
import { FORBIDDEN_KEYS, LIMIT_WORDS, MAX_DEPTH, MAX_NODES } from '../ruleset/json-guard.js';

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
 * It does for a profile what `guardJson` does for a rule set (no `__proto__`, `constructor` or `prototype`
 * key, at most `MAX_DEPTH` levels and `MAX_NODES` values, in the same words), in the same single pass.
 * Refused, each with its path and a message in both languages: accessors, objects that are not plain
 * (a Date, a Map, a class instance — JSON has none), holes in arrays, non-finite numbers, lists longer
 * than `maxEntries`, keys no profile has that are too long to quote, nesting deeper than `MAX_DEPTH`
 * (which also stops a cyclic object), more than `MAX_NODES` values (an object with a million keys).
 * Everything else (wrong types, unknown keys, bad dates) is left to the schema, which says it best.
 */

/** The most keys one object of a profile may have: its largest, `employment`, has about forty fields. */
export const MAX_OBJECT_KEYS = 256;

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
  /** Where `read` is: one array, pushed and popped; copied only into an issue. */
  const path: Path = [];
  let nodes = 0;
  /** Set by a problem that ends the reading (too deep, too large): nothing after it is worth reading. */
  let stopped = false;
  const problem = (zh: string, en: string, at: Path = path) => void issues.push(textIssue([...at], zh, en));

  // Recursive, and safe: it never goes deeper than MAX_DEPTH.
  const read = (value: unknown): unknown => {
    if ((nodes += 1) > MAX_NODES) {
      stopped = true;
      return problem(...LIMIT_WORDS.tooMany(), []);
    }
    if (value === null || typeof value !== 'object') {
      if (typeof value !== 'number') return value; // strings, booleans; a function or a bigint the schema refuses by type
      if (!Number.isFinite(value)) return problem(`不是有效的 JSON 数字:${value}`, `not a JSON number: ${value}`);
      return value === 0 ? 0 : value; // -0 (JSON.parse makes it of "-0") as 0, so reports survive JSON unchanged
    }
    if (path.length > MAX_DEPTH) {
      stopped = true;
      return problem(...LIMIT_WORDS.tooDeep(), path.slice(0, MAX_DEPTH));
    }
    if (Array.isArray(value)) {
      const length = Object.getOwnPropertyDescriptor(value, 'length')!.value as number;
      if (length > maxEntries) return void issues.push(issue([...path], { kind: 'too_big', maximum: maxEntries, origin: 'array' }));
      const copy: unknown[] = new Array(length);
      for (let index = 0; index < length && !stopped; index += 1) {
        path.push(index);
        const descriptor = Object.getOwnPropertyDescriptor(value, index);
        if (descriptor === undefined) problem('数组此处为空位', 'a hole in the array');
        else if (!('value' in descriptor)) accessor();
        else copy[index] = read(descriptor.value);
        path.pop();
      }
      return copy;
    }
    if (value instanceof Date) return problem('应为 YYYY-MM-DD 字符串,实际为 Date 对象', 'expected a "YYYY-MM-DD" string, received a Date object');
    if (!isPlainPrototype(Object.getPrototypeOf(value))) {
      return problem('应为普通 JSON 对象(不读取继承的属性)', 'expected a plain JSON object (inherited properties are never read)');
    }
    const keys = Object.keys(value);
    // Refused on the count, before any key is read: an object built in code has no text limit, and a
    // million keys read one by one took seconds (issue 14). No object of a profile has a tenth of this.
    if (keys.length > MAX_OBJECT_KEYS) {
      problem(`对象的键过多:${keys.length} 个,超过 ${MAX_OBJECT_KEYS} 个`, `too many keys in one object: ${keys.length}, more than ${MAX_OBJECT_KEYS}`);
      return undefined;
    }
    // A literal, given no prototype once filled: `Object.create(null)` makes a dictionary-mode object,
    // slow for every read an evaluation makes. Keys that could touch a prototype are refused below.
    const copy: Record<string, unknown> = {};
    for (const key of keys) {
      if (stopped) break;
      if (key.length > MAX_KEY_LENGTH) {
        issues.push(issue([...path], { kind: 'unrecognized_keys', keys: [`${key.slice(0, 20)}…`] }));
        continue;
      }
      const descriptor = Object.getOwnPropertyDescriptor(value, key);
      if (descriptor === undefined) continue; // a proxy may list a key it does not have
      path.push(key);
      if (FORBIDDEN_KEYS.has(key)) problem(`不允许的键名 "${key}"`, `forbidden key "${key}"`);
      else if (!('value' in descriptor)) accessor();
      else copy[key] = read(descriptor.value);
      path.pop();
    }
    return Object.setPrototypeOf(copy, null) as Record<string, unknown>;
  };
  const accessor = () => problem('应为数据值(不调用 getter)', 'expected a data value (getters are never called)');

  const value = read(input);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value };
}


/**
 * Gives the objects of a freshly parsed profile no prototype, in place. The facts read fields directly
 * (`profile.titles`, `entry.year`); on an object without a prototype an absent field is `undefined`
 * even if some other code has polluted `Object.prototype` (`Object.prototype.titles = …`), so nothing
 * inherited can reach an evaluation. Dates keep theirs.
 */
export function dropPrototypes(value: object): void {
  if (Array.isArray(value)) {
    for (const item of value) if (item !== null && typeof item === 'object' && !(item instanceof Date)) dropPrototypes(item);
    return;
  }
  Object.setPrototypeOf(value, null);
  // With no prototype left, for…in sees own keys only (and allocates no array of them).
  for (const key in value) {
    const item = (value as Record<string, unknown>)[key];
    if (item !== null && typeof item === 'object' && !(item instanceof Date)) dropPrototypes(item);
  }
}
