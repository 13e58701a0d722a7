import { walkRuleSet } from './engine/sync-walker.js';
import { ownOptions } from './options.js';
import { decodedProfile, type ParsedProfile } from './profile/parse.js';
import type { DecodedProfile } from './profile/decoded.js';
import type { ApplicantProfile } from './profile/schema.js';
import { buildReport } from './report/build.js';
import type { EligibilityReport } from './report/types.js';
import type { RuleSet } from './ruleset/compiled.js';
import { LOCALES } from './locales/index.js';
import { parseCalendarDate } from './dates/calendar-date.js';
import { wrongArgument } from './arguments.js';
import type { Language, Locale } from './locales/types.js';

export interface EvaluateOptions {
  /**
   * Your own words for the generic parts of messages (status names, "缺少信息", value labels …), per
   * language; a partial locale overrides ours key by key. The rule set's own texts stay as written.
   */
  readonly locales?: Partial<Record<Language, Partial<Locale>>>;
  /**
   * `eager` (the default): every condition's message is written into the report, which is plain data.
   * `lazy`: each message is built when first read (or when the report is serialised with JSON) — for
   * bulk screening that reads only statuses; such reports lose their messages through structuredClone.
   */
  readonly messages?: 'eager' | 'lazy';
  /**
   * The day the report is read on, `YYYY-MM-DD`: shortfalls count deadlines from it (days left, or a
   * cut-off already past, which no remedy under this notice can meet). Without it a report says only
   * what the dates themselves decide, and stays the same whatever day it is made.
   */
  readonly asOf?: string;
}

/** The `asOf` option as a day, refused with the option's name when it is not one. */
function asOfDay(asOf: unknown): Date | undefined {
  if (asOf === undefined) return undefined;
  const day = typeof asOf === 'string' ? parseCalendarDate(asOf) : undefined;
  if (day === undefined) throw wrongArgument('options.asOf', asOf, { zh: ' YYYY-MM-DD 格式的真实日期', en: 'a real date written YYYY-MM-DD' });
  return day;
}

/** Our locales with a user's overrides laid over them. */
export { asOfDay };
export function mergeLocales(overrides: EvaluateOptions['locales']): Readonly<Record<Language, Locale>> {
  if (!overrides) return LOCALES;
  return {
    zh: { ...LOCALES.zh, ...overrides.zh, values: { ...LOCALES.zh.values, ...overrides.zh?.values } },
    en: { ...LOCALES.en, ...overrides.en, values: { ...LOCALES.en.values, ...overrides.en?.values } },
  };
}

/**
 * The report for profile data validated by one of our schemas (mini or classic, as the `/zod` entry's
 * `eligibility` refinement receives it): plain JSON data like any profile, so it is read as `evaluate`
 * reads one — validated again unless this build parsed it, which costs little beside a form's own parse.
 */
export function evaluateParsed(ruleSet: RuleSet, data: ApplicantProfile | ParsedProfile, options: EvaluateOptions = {}): EligibilityReport {
  return evaluateDecoded(ruleSet, decodedProfile(data), options);
}

/**
 * The report for a decoded profile (`parse.ts`): what every evaluation comes to, once the profile's
 * dates are dates.
 * @internal
 */
export function evaluateDecoded(ruleSet: RuleSet, decoded: DecodedProfile, options: EvaluateOptions = {}): EligibilityReport {
  const own = ownOptions(options);
  const asOf = asOfDay(own.asOf);
  return buildReport(ruleSet, walkRuleSet(ruleSet, decoded), mergeLocales(own.locales), own.messages, { profile: decoded, asOf });
}

/**
 * Evaluates a profile against a rule set, synchronously: every condition with its status, citation,
 * actual and required values and messages; the pathways; the missing fields; the outcome.
 *
 * The profile may be raw JSON (it is validated; a bad one throws a `ValidationError` naming each path)
 * or the result of `parseProfile`, which this build does not validate again. A parsed profile that has
 * travelled (through JSON, structuredClone, or from the other build) is raw JSON again: validated, and
 * the same report.
 */
export function evaluate(ruleSet: RuleSet, profile: ApplicantProfile | ParsedProfile, options: EvaluateOptions = {}): EligibilityReport {
  return evaluateDecoded(ruleSet, decodedProfile(profile), options);
}
