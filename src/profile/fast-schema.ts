import { parseCalendarDate } from '../dates/calendar-date.js';
import { CALENDAR_DATE, type ZodNamespace } from './schema.js';

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
 * A valid value is normalised in place, and only once it is known to be valid, so a refused one is left
 * as it came for zod to read: validation notes what has to change (a -0 to become 0, every object to lose
 * its prototype, and — for the batch, whose profiles nobody else sees — a date string to become a date),
 * and `fastParser` does it afterwards.
 *
 * The same nodes also decode a valid profile into a copy (`fastDecoder`): what the evaluator reads, made
 * from a parsed profile, which stays JSON (see `decoded.ts`). A string checked as a calendar date
 * (`expected: 'calendar_date'`) is the one thing decoded.
 *
 * Each builder returns a node with the `.check(...)` of zod's functional API; only the calls the
 * definition makes are supported (`ZodNamespace`).
 */

/** "Not valid". */
const INVALID = 0;
/** Valid, and to be kept as it is. */
const KEEP = 1;
/** Valid: a -0, to become 0. */
const ZERO = 2;
/** Valid: a calendar date, to become a date where dates are decoded in place. */
const DATE = 3;
type Verdict = typeof INVALID | typeof KEEP | typeof ZERO | typeof DATE;

/** What normalising a valid value has to do: objects to lose their prototype, and slots to replace. */
interface Normalising {
  readonly objects: object[];
  /** Flat pairs: container, key — of a -0. */
  readonly zeros: unknown[];
  /** Flat pairs: container, key — of a calendar date. */
  readonly dates: unknown[];
}

type Validate = (value: unknown, normalising: Normalising) => Verdict;
/** A valid value's decoded copy (absent on a node whose values are kept as they are). */
type Decode = (value: never) => unknown;

interface FastNode {
  readonly validate: Validate;
  readonly decode?: Decode;
  /** Optional in an object: an absent key is fine. */
  readonly optional?: true;
  check(...checks: FastCheck[]): FastNode;
}

/** A check as zod's functional API passes it: a predicate on the already-typed value. */
interface FastCheck {
  readonly test: (value: never) => boolean;
  /** This check makes a string a calendar date. */
  readonly date?: true;
}

function node(validate: Validate, extra: { decode?: Decode | undefined; optional?: true } = {}): FastNode {
  return {
    validate,
    ...(extra.decode && { decode: extra.decode }),
    ...(extra.optional && { optional: extra.optional }),
    check(...checks: FastCheck[]) {
      const tests = checks.map((check) => check.test as (value: unknown) => boolean);
      const date = checks.some((check) => check.date);
      return node(
        (value, normalising) => {
          const verdict = validate(value, normalising);
          if (verdict === INVALID) return INVALID;
          for (const test of tests) if (!test(value)) return INVALID;
          return date ? DATE : verdict;
        },
        { ...extra, ...(date && { decode: decodeDate }) },
      );
    },
  };
}

/** A date the checks have passed: it exists. */
const decodeDate = (text: string) => parseCalendarDate(text);

/** An object as JSON makes one (or as `readPlainData` copies one); a Date, a Map or an array is not. */
const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
};

/** zod's number refuses NaN and ±Infinity; -0 is read as 0 (as `readPlainData` reads it), so reports survive JSON. */
const finite = (value: unknown): Verdict =>
  typeof value !== 'number' || !Number.isFinite(value) ? INVALID : value === 0 && Object.is(value, -0) ? ZERO : KEEP;

const toVerdict = (valid: boolean): Verdict => (valid ? KEEP : INVALID);

/** Where a verdict asks for a replacement, the slot is noted. */
function note(normalising: Normalising, verdict: Verdict, container: unknown, key: string | number): void {
  if (verdict === ZERO) normalising.zeros.push(container, key);
  else if (verdict === DATE) normalising.dates.push(container, key);
}

const fastNamespace = {
  string: () => node((value) => toVerdict(typeof value === 'string')),
  boolean: () => node((value) => toVerdict(typeof value === 'boolean')),
  number: () => node(finite),
  // zod's int is a safe integer.
  int: () => node((value) => (Number.isSafeInteger(value) ? finite(value) : INVALID)),
  enum: (values: readonly string[]) => {
    const allowed = new Set<unknown>(values);
    return node((value) => toVerdict(allowed.has(value)));
  },
  gte: (minimum: number): FastCheck => ({ test: (value: number) => value >= minimum }),
  lte: (maximum: number): FastCheck => ({ test: (value: number) => value <= maximum }),
  maxLength: (maximum: number): FastCheck => ({ test: (value: { length: number }) => value.length <= maximum }),
  refine: (predicate: (value: never) => unknown, options?: { params?: { expected?: string } }): FastCheck => ({
    test: (value: never) => Boolean(predicate(value)),
    ...(options?.params?.expected === CALENDAR_DATE && { date: true as const }),
  }),
  optional: (inner: FastNode) => node(inner.validate, { decode: inner.decode, optional: true }),
  array: (item: FastNode) => {
    const decodeItem = item.decode as ((value: unknown) => unknown) | undefined;
    return node(
      (value, normalising) => {
        if (!Array.isArray(value)) return INVALID;
        for (let index = 0; index < value.length; index += 1) {
          const verdict = item.validate(value[index], normalising);
          if (verdict === INVALID) return INVALID;
          if (verdict !== KEEP) note(normalising, verdict, value, index);
        }
        return KEEP;
      },
      // A copy even when nothing in it is decoded: the decoded profile shares nothing with the parsed one.
      { decode: (value: unknown[]) => (decodeItem ? value.map(decodeItem) : value.slice()) },
    );
  },
  strictObject: (shape: Record<string, FastNode>) => {
    // A lookup table without a prototype: a key such as `constructor` or `__proto__` finds nothing.
    const fields: Record<string, FastNode> = Object.setPrototypeOf({ ...shape }, null);
    const required = Object.keys(shape).filter((key) => !shape[key]!.optional);
    return node(
      (value, normalising) => {
        if (!isPlainObject(value)) return INVALID;
        // for…in sees own keys only here: `fastParser` has made sure nothing inherited is enumerable.
        for (const key in value) {
          const field = fields[key];
          const raw = value[key];
          // A key no profile has (zod: unrecognized), or `undefined` (never from JSON: zod's to judge).
          if (field === undefined || raw === undefined) return INVALID;
          const verdict = field.validate(raw, normalising);
          if (verdict === INVALID) return INVALID;
          if (verdict !== KEEP) note(normalising, verdict, value, key);
        }
        for (const key of required) if (!Object.hasOwn(value, key)) return INVALID;
        normalising.objects.push(value);
        return KEEP;
      },
      {
        // Only ever given a parsed profile's objects, which have no prototype: for…in sees own keys only.
        // A literal given no prototype once filled, as `readPlainData` makes its copies (fast to read).
        decode: (value: Record<string, unknown>) => {
          const copy: Record<string, unknown> = {};
          for (const key in value) {
            const raw = value[key];
            const decode = fields[key]?.decode as ((value: unknown) => unknown) | undefined;
            copy[key] = raw !== undefined && decode ? decode(raw) : raw;
          }
          return Object.setPrototypeOf(copy, null);
        },
      },
    );
  },
};

/** The fast builder, typed as the zod namespace the definition is written against. */
export const FAST_NAMESPACE = fastNamespace as unknown as ZodNamespace;

/**
 * The parser of a schema built with `FAST_NAMESPACE`: the value normalised in place — -0 as 0, every
 * object without a prototype, as zod's output after `dropPrototypes`, and with `decodeDates` each date
 * string as a date — or `undefined` when it is not valid (or not surely so), in which case the value is
 * left exactly as it was.
 *
 * The value must be data the caller owns and nobody else changes: a tree `JSON.parse` has just made, or
 * `readPlainData`'s copy.
 */
export function fastParser(schema: unknown): (value: unknown, decodeDates?: boolean) => unknown {
  const { validate } = schema as FastNode;
  return (value, decodeDates = false) => {
    // An enumerable property someone added to Object.prototype would show in every for…in: zod decides.
    for (const _ in {}) return undefined;
    const normalising: Normalising = { objects: [], zeros: [], dates: [] };
    if (validate(value, normalising) !== KEEP) return undefined;
    const { zeros, dates, objects } = normalising;
    for (let index = 0; index < zeros.length; index += 2) (zeros[index] as Record<string | number, unknown>)[zeros[index + 1] as string | number] = 0;
    if (decodeDates) {
      for (let index = 0; index < dates.length; index += 2) {
        const container = dates[index] as Record<string | number, unknown>;
        const key = dates[index + 1] as string | number;
        container[key] = parseCalendarDate(container[key] as string);
      }
    }
    for (const object of objects) Object.setPrototypeOf(object, null);
    return value;
  };
}

/**
 * The decoder of a schema built with `FAST_NAMESPACE`: a copy of a valid value (a parsed profile) with
 * its calendar dates as dates, in objects without a prototype. The value is not changed.
 */
export function fastDecoder(schema: unknown): (value: unknown) => unknown {
  return (schema as FastNode).decode as (value: unknown) => unknown;
}
