import type * as z from 'zod/mini';
import type { DecodedProfile } from '../profile/decoded.js';
import type { LocalizedText } from '../locales/types.js';

/**
 * What a fact knows about a profile: a value (which may be `null`, "known to be absent", e.g. no
 * title at that level), or that it cannot tell yet, with the profile paths whose answers it needs.
 * A fact reports `unknown` only when its value really depends on the missing data.
 */
export type FactValue = { readonly known: true; readonly value: unknown } | UnknownFact;
/** A fact that cannot tell yet, and the profile paths whose answers it needs. */
export type UnknownFact = {
  readonly known: false;
  readonly missing: readonly string[];
  /**
   * For a sum over entries some of which are missing: what the known entries already add up to. The
   * value is at least this, so a comparison no larger value could change is decided (see `boundVerdict`).
   */
  readonly atLeast?: number;
  /** The other way round: a count that the missing answers can only make smaller (years of work since a date not given). */
  readonly atMost?: number;
};

const KNOWN_TRUE: FactValue = Object.freeze({ known: true, value: true });
const KNOWN_FALSE: FactValue = Object.freeze({ known: true, value: false });
const KNOWN_NULL: FactValue = Object.freeze({ known: true, value: null });

/** A known value; the common ones are shared, so evaluating allocates less. */
export const known = (value: unknown): FactValue =>
  value === true ? KNOWN_TRUE : value === false ? KNOWN_FALSE : value === null ? KNOWN_NULL : { known: true, value };
export const unknownFor = (...missing: string[]): UnknownFact => ({ known: false, missing });
/** Unknown, but at least `atLeast`: a sum whose missing entries can only add to it. */
export const unknownAtLeast = (atLeast: number, missing: readonly string[]): UnknownFact => ({ known: false, missing, atLeast });
/** Unknown, but at most `atMost`. */
export const unknownAtMost = (atMost: number, missing: readonly string[]): UnknownFact => ({ known: false, missing, atMost });

/**
 * A named fact: a small pure function of a parsed profile and its parameters. Rule sets name facts and
 * pass them parameters; they never hold code. `params` is checked (and its dates decoded) when a rule set
 * is loaded, so `compute` can trust it.
 */
export interface FactDefinition<Params = any> {
  readonly name: string;
  readonly description: LocalizedText;
  /** What the value is, in a message ("申报级别", "取得中级及以上职称日期"); `description` if absent. */
  label?(params: Params): LocalizedText;
  readonly params: z.ZodMiniType<Params>;
  /** The profile paths this fact reads with these parameters (for forms: where a message belongs). */
  reads(params: Params): readonly string[];
  compute(profile: DecodedProfile, params: Params): FactValue;
  /**
   * Whether this fact can answer `unknown` with these parameters (default: it can). A field read with a
   * default never can; knowing this lets tests ask only for the statuses a condition can really take.
   */
  mayBeUnknown?(params: Params): boolean;
  /**
   * For a count of full years since a day: the first day the count reaches `years` (`null` when there
   * is no such day, `undefined` when the profile cannot tell). A shortfall says when a bar of years is
   * met with it, from the fact itself rather than a second reading of the rule.
   */
  reachesOn?(profile: DecodedProfile, params: Params, years: number): Date | null | undefined;
  /**
   * The day whose state the value describes, when the notice fixes one (education obtained by a
   * calculation cut-off): once that day is past, no later step changes the value under this notice.
   */
  decidedOn?(params: Params): Date | undefined;
  /**
   * The smallest step the value moves by, where it is not whole (hours are recorded to hundredths):
   * a strict bar (多于) is met that far past it. Whole values, the default, step by one.
   */
  readonly step?: number;
}

export function defineFact<Params>(definition: FactDefinition<Params>): FactDefinition<Params> {
  return definition;
}
