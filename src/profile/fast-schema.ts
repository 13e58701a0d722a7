import type { ZodNamespace } from './schema.js';

/**
 * A second builder for the one profile definition (`buildProfileSchemas`): where zod builds schemas that
 * explain every problem, this builds plain functions that only answer "valid" or "not valid" — no issue
 * objects, no payloads, no paths, no copy. Validating a profile this way costs a fraction of zod's (see
 * `npm run bench:batch`), which matters when a batch screens a year's applicants; when the answer is
 * "not valid", zod runs and gives the issues, so every error a user sees is still zod's.
 *
 * Because both are built from the same calls to the same definition — the same shape keys, enumerations,
 * bounds, refinements and date codec — they cannot drift in what they check;
 * `test/properties/fast-profile.test.ts` proves they agree (accept the same inputs, give equal values) on
 * generated and mutated profiles. Anything this builder is not sure of it refuses, and zod decides: a key
 * holding `undefined`, an inherited key.
 *
 * A valid value is decoded in place, and only once it is known to be valid, so a refused one is left as
 * it came for zod to read: validation notes what decoding has to do (a date string to become a date, a
 * -0 to become 0, every object to lose its prototype), and `decodeInPlace` does it afterwards.
 *
 * Each builder returns a node with the `.check(...)` of zod's functional API; only the calls the
 * definition makes are supported (`ZodNamespace`).
 */

/** "Not valid". */
const INVALID = false;
/** Valid, and to be kept as it is. */
const KEEP = true;
/** Valid, and to be replaced, after the whole value is known to be valid, by what this returns. */
type Replace = () => unknown;
type Verdict = typeof INVALID | typeof KEEP | Replace;

/** What decoding a valid value has to do: objects to lose their prototype, and slots to replace. */
interface Decoding {
  readonly objects: object[];
  /** Flat triples: container, key, replacement. */
  readonly slots: unknown[];
}

type Validate = (value: unknown, decoding: Decoding) => Verdict;

interface FastNode {
  readonly validate: Validate;
  /** Optional in an object: an absent key is fine. */
  readonly optional?: true;
  check(...checks: FastCheck[]): FastNode;
}

/** A check as zod's functional API passes it: a predicate on the already-typed value. */
interface FastCheck {
  readonly test: (value: never) => boolean;
}

function node(validate: Validate, optional?: true): FastNode {
  return {
    validate,
    ...(optional && { optional }),
    check(...checks: FastCheck[]) {
      const tests = checks.map((check) => check.test as (value: unknown) => boolean);
      return node((value, decoding) => {
        const verdict = validate(value, decoding);
        if (verdict === INVALID) return INVALID;
        for (const test of tests) if (!test(value)) return INVALID;
        return verdict;
      }, optional);
    },
  };
}

/** An object as JSON makes one (or as `readPlainData` copies one); a Date, a Map or an array is not. */
const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
};

const ZERO: Replace = () => 0;
/** zod's number refuses NaN and ±Infinity; -0 is read as 0 (as `readPlainData` reads it), so reports survive JSON. */
const finite = (value: unknown): Verdict =>
  typeof value !== 'number' || !Number.isFinite(value) ? INVALID : value === 0 && Object.is(value, -0) ? ZERO : KEEP;

const fastNamespace = {
  string: () => node((value) => typeof value === 'string'),
  boolean: () => node((value) => typeof value === 'boolean'),
  number: () => node(finite),
  // zod's int is a safe integer.
  int: () => node((value) => (Number.isSafeInteger(value) ? finite(value) : INVALID)),
  enum: (values: readonly string[]) => {
    const allowed = new Set<unknown>(values);
    return node((value) => allowed.has(value));
  },
  gte: (minimum: number): FastCheck => ({ test: (value: number) => value >= minimum }),
  lte: (maximum: number): FastCheck => ({ test: (value: number) => value <= maximum }),
  maxLength: (maximum: number): FastCheck => ({ test: (value: { length: number }) => value.length <= maximum }),
  refine: (predicate: (value: never) => unknown): FastCheck => ({ test: (value: never) => Boolean(predicate(value)) }),
  custom: (predicate: (value: unknown) => unknown) => node((value) => Boolean(predicate(value))),
  codec: (input: FastNode, _output: FastNode, transform: { decode: (value: never) => unknown }) =>
    node((value, decoding) => (input.validate(value, decoding) === INVALID ? INVALID : () => transform.decode(value as never))),
  optional: (inner: FastNode) => node(inner.validate, true),
  array: (item: FastNode) =>
    node((value, decoding) => {
      if (!Array.isArray(value)) return INVALID;
      for (let index = 0; index < value.length; index += 1) {
        const verdict = item.validate(value[index], decoding);
        if (verdict === INVALID) return INVALID;
        if (verdict !== KEEP) decoding.slots.push(value, index, verdict);
      }
      return KEEP;
    }),
  strictObject: (shape: Record<string, FastNode>) => {
    // A lookup table without a prototype: a key such as `constructor` or `__proto__` finds nothing.
    const fields: Record<string, FastNode> = Object.setPrototypeOf({ ...shape }, null);
    const required = Object.keys(shape).filter((key) => !shape[key]!.optional);
    return node((value, decoding) => {
      if (!isPlainObject(value)) return INVALID;
      // for…in sees own keys only here: `fastParser` has made sure nothing inherited is enumerable.
      for (const key in value) {
        const field = fields[key];
        const raw = value[key];
        // A key no profile has (zod: unrecognized), or `undefined` (never from JSON: zod's to judge).
        if (field === undefined || raw === undefined) return INVALID;
        const verdict = field.validate(raw, decoding);
        if (verdict === INVALID) return INVALID;
        if (verdict !== KEEP) decoding.slots.push(value, key, verdict);
      }
      for (const key of required) if (!Object.hasOwn(value, key)) return INVALID;
      decoding.objects.push(value);
      return KEEP;
    });
  },
};

/** The fast builder, typed as the zod namespace the definition is written against. */
export const FAST_NAMESPACE = fastNamespace as unknown as ZodNamespace;

/**
 * The parser of a schema built with `FAST_NAMESPACE`: the value decoded in place — dates as dates, -0
 * as 0, every object without a prototype, as zod's output after `dropPrototypes` — or `undefined` when
 * it is not valid (or not surely so), in which case the value is left exactly as it was.
 *
 * The value must be data the caller owns and nobody else changes: a tree `JSON.parse` has just made, or
 * `readPlainData`'s copy.
 */
export function fastParser(schema: unknown): (value: unknown) => unknown {
  const { validate } = schema as FastNode;
  return (value) => {
    // An enumerable property someone added to Object.prototype would show in every for…in: zod decides.
    for (const _ in {}) return undefined;
    const decoding: Decoding = { objects: [], slots: [] };
    if (validate(value, decoding) !== KEEP) return undefined;
    const { slots, objects } = decoding;
    for (let index = 0; index < slots.length; index += 3) {
      (slots[index] as Record<string | number, unknown>)[slots[index + 1] as string | number] = (slots[index + 2] as Replace)();
    }
    for (const object of objects) Object.setPrototypeOf(object, null);
    return value;
  };
}
