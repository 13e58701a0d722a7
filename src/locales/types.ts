/** A text in each language the library speaks. Rule sets write every title and message this way. */
export interface LocalizedText {
  readonly zh: string;
  readonly en: string;
}

export const LANGUAGES = ['zh', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export type ConditionStatus = 'pass' | 'fail' | 'unknown' | 'review' | 'not_applicable';
/** `not_applicable`: the notice does not cover this applicant (its scope), which is not a failure. */
export type Outcome = 'eligible' | 'ineligible' | 'incomplete' | 'needs_review' | 'not_applicable';

/** What one validation problem says, before it is put into words. */
export type ProblemDetail =
  | { kind: 'invalid_type'; expected: string; received: string }
  /** `didYouMean`: for a key that is a near miss of a known one (`titel`), the key meant (`titles`). */
  | { kind: 'unrecognized_keys'; keys: readonly string[]; didYouMean?: readonly { readonly key: string; readonly meant: string }[] }
  /** `didYouMean`: the allowed value nearest to the one given (`engineerin` → `engineering`). */
  | { kind: 'invalid_value'; values: readonly unknown[]; didYouMean?: string }
  | { kind: 'too_small'; minimum: number | bigint; origin: string }
  | { kind: 'too_big'; maximum: number | bigint; origin: string }
  | { kind: 'expected'; expected: string; detail?: string }
  | { kind: 'text'; zh: string; en: string };

/**
 * Everything the library says, in one language. A locale is data: a user can pass their own, or
 * override parts of ours, without touching code.
 */
export interface Locale {
  readonly language: Language;
  readonly status: Record<ConditionStatus, string>;
  readonly outcome: Record<Outcome, string>;
  /** Words for enumerated profile values (series, levels …), by value. */
  readonly values: Readonly<Record<string, string>>;
  readonly yes: string;
  readonly no: string;
  readonly none: string;
  readonly listSeparator: string;
  /** "{what}为 {actual},要求{phrase} {required}" */
  /** `met`: the comparison came out as the notice asks, so the message says so rather than restating a demand. */
  comparison(what: string, actual: string, phrase: string, required: string, met?: boolean): string;
  /** Separates a label from what follows: "结论:" / "Outcome: ". */
  readonly colon: string;
  /** Says what is still needed, given the fields' names in this language. */
  missing(fields: readonly string[]): string;
  review(reason: string): string;
  /** After the items of a list the notice leaves open (等). */
  readonly openList: string;
  notApplicable: string;
  problem(detail: ProblemDetail): string;
  /** "at {path}: …" as an error line names where the problem is. */
  at(path: string, message: string): string;
  /** What a failed or undecided condition still needs (`shortfall` in a report). */
  readonly shortfall: ShortfallWords;
}

/** The words of shortfalls: each function gets values already in words. */
export interface ShortfallWords {
  /** 「近5年公需课」还差 12(现为 78,要求不少于 90) */
  short(what: string, short: string, have: string, phrase: string, need: string): string;
  /** Over an "at most" / "less than" bar by `over`. */
  over(what: string, over: string, have: string, phrase: string, need: string): string;
  /** A date after the cut-off by `days`. */
  late(what: string, days: number, have: string, need: string): string;
  /** A date before the day it must not precede, by `days`. */
  early(what: string, days: number, have: string, need: string): string;
  /** No such date at all (no title at that level), where the notice asks for one by (or from) `need`. */
  noDate(what: string, phrase: string, need: string): string;
  /** An answer that must be otherwise. */
  value(what: string, have: string, phrase: string, need: string): string;
  /** Answers still to give. */
  answer(fields: readonly string[]): string;
  /** `asOf` to a date of the notice: days left, or (negative) days since it passed. */
  daysLeft(date: string, days: number): string;
  /** The day years counted since an entry reach the bar. */
  metOn(date: string): string;
  /** Alternatives, any one of which would do. */
  oneOf(options: readonly string[]): string;
  /** Something for the evaluating body, or with no comparison to measure. */
  judgement: string;
  /** Why a need can or cannot still be met, for the remedies that have a reason to give. */
  readonly why: {
    /** The notice's date has passed (or fixes the count), so this notice cannot be met. */
    readonly cutoffFixed: string;
    /** A window of years already over: the notice does not say whether hours can be made up. */
    readonly windowOver: string;
    /** The notice says nothing on whether or when this can still be done. */
    readonly unstated: string;
  };
  /** Joins the needs of one condition (all of which are needed). */
  readonly separator: string;
  /** The text report's line saying which day deadlines and days left were counted from. */
  asOf(date: string): string;
  /** Heads a pathway's routes in the text report, nearest first. */
  routes(pathway: string): string;
  /** A route already met. */
  readonly routeMet: string;
  /** Before what a route still needs. */
  readonly routeNeeds: string;
}
