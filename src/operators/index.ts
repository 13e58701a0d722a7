import { isDayAfter as isAfter, isDayBefore as isBefore, sameValue } from '../dates/compare.js';
import * as z from 'zod/mini';
import { decodedCalendarDate } from '../dates/codec.js';
import type { LocalizedText } from '../locales/types.js';

/**
 * The closed set of operators a rule set may name. Each is a pure function of the fact's value and the
 * condition's value, returning true or false; an unknown fact never reaches an operator (the walkers
 * turn it into `unknown` first). A value of the wrong type (a `null` "none", a string where a number is
 * expected) makes the comparison false, never an exception.
 *
 * The names are json-rules-engine's where it has one; the implementations are ours, so that both
 * evaluators compare exactly alike (json-rules-engine's numeric operators parse strings, ours do not).
 */
export interface OperatorDefinition {
  readonly name: string;
  /** The condition's `value`: checked, and its dates decoded, when the rule set is loaded. */
  readonly value: z.ZodMiniType;
  /** How a message says it: "不少于 360" / "at least 360". */
  readonly phrase: LocalizedText;
  test(factValue: unknown, value: unknown): boolean;
  /**
   * For the numeric comparisons: which way a larger fact value moves the answer (`rising`: once true,
   * true for every larger value; `falling`: once false, false for every larger value). Lets a sum known
   * only from below (see `UnknownFact.atLeast`) decide a comparison.
   */
  readonly monotone?: 'rising' | 'falling';
}

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isDate = (value: unknown): value is Date => value instanceof Date && !Number.isNaN(value.getTime());


const numeric = (name: string, phrase: LocalizedText, monotone: 'rising' | 'falling', compare: (a: number, b: number) => boolean): OperatorDefinition => ({
  name,
  value: z.number(),
  phrase,
  monotone,
  test: (a, b) => isNumber(a) && isNumber(b) && compare(a, b),
});

const dated = (name: string, phrase: LocalizedText, compare: (a: Date, b: Date) => boolean): OperatorDefinition => ({
  name,
  value: decodedCalendarDate,
  phrase,
  test: (a, b) => isDate(a) && isDate(b) && compare(a, b),
});

const list: OperatorDefinition[] = [
  { name: 'equal', value: scalar, phrase: { zh: '应为', en: 'must be' }, test: sameValue },
  { name: 'notEqual', value: scalar, phrase: { zh: '不得为', en: 'must not be' }, test: (a, b) => a !== undefined && !sameValue(a, b) },
  {
    name: 'in',
    value: z.array(scalar).check(z.minLength(1)),
    phrase: { zh: '应为下列之一', en: 'must be one of' },
    test: (a, b) => Array.isArray(b) && b.some((item) => sameValue(a, item)),
  },
  {
    name: 'notIn',
    value: z.array(scalar).check(z.minLength(1)),
    phrase: { zh: '不得为下列之一', en: 'must not be one of' },
    test: (a, b) => a !== undefined && Array.isArray(b) && !b.some((item) => sameValue(a, item)),
  },
  numeric('lessThan', { zh: '少于', en: 'less than' }, 'falling', (a, b) => a < b),
  numeric('lessThanInclusive', { zh: '不多于', en: 'at most' }, 'falling', (a, b) => a <= b),
  numeric('greaterThan', { zh: '多于', en: 'more than' }, 'rising', (a, b) => a > b),
  numeric('greaterThanInclusive', { zh: '不少于', en: 'at least' }, 'rising', (a, b) => a >= b),
  dated('dateBefore', { zh: '早于', en: 'before' }, (a, b) => isBefore(a, b)),
  dated('dateOnOrBefore', { zh: '不晚于', en: 'on or before' }, (a, b) => !isAfter(a, b)),
  dated('dateAfter', { zh: '晚于', en: 'after' }, (a, b) => isAfter(a, b)),
  dated('dateOnOrAfter', { zh: '不早于', en: 'on or after' }, (a, b) => !isBefore(a, b)),
];

export const OPERATORS: ReadonlyMap<string, OperatorDefinition> = new Map(list.map((op) => [op.name, op]));
