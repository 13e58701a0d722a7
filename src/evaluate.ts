import { walkRuleSet } from './engine/sync-walker.js';
import { expectObject } from './arguments.js';
import { ownOptions } from './options.js';
import { toParsedProfile, type ParsedProfile } from './profile/parse.js';
import type { ApplicantProfile } from './profile/schema.js';
import { buildReport } from './report/build.js';
import type { EligibilityReport } from './report/types.js';
import type { RuleSet } from './ruleset/compiled.js';
import { LOCALES } from './locales/index.js';
import type { Language, Locale } from './locales/types.js';
import type { ParsedProfileData } from './profile/schema.js';

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
}

/** Our locales with a user's overrides laid over them. */
export function mergeLocales(overrides: EvaluateOptions['locales']): Readonly<Record<Language, Locale>> {
  if (!overrides) return LOCALES;
  return {
    zh: { ...LOCALES.zh, ...overrides.zh, values: { ...LOCALES.zh.values, ...overrides.zh?.values } },
    en: { ...LOCALES.en, ...overrides.en, values: { ...LOCALES.en.values, ...overrides.en?.values } },
  };
}

/** The report for profile data that has already been validated and decoded (by our schema, mini or classic). */
export function evaluateParsed(ruleSet: RuleSet, data: ParsedProfileData, options: EvaluateOptions = {}): EligibilityReport {
  expectObject(data, 'data', { zh: '已校验的申报人档案', en: 'a validated applicant profile' });
  const own = ownOptions(options);
  return buildReport(ruleSet, walkRuleSet(ruleSet, data), mergeLocales(own.locales), own.messages);
}

/**
 * Evaluates a profile against a rule set, synchronously: every condition with its status, citation,
 * actual and required values and messages; the pathways; the missing fields; the outcome.
 *
 * The profile may be raw JSON (it is validated; a bad one throws a `ValidationError` naming each path)
 * or the result of `parseProfile`, which is not validated again.
 */
export function evaluate(ruleSet: RuleSet, profile: ApplicantProfile | ParsedProfile, options: EvaluateOptions = {}): EligibilityReport {
  return evaluateParsed(ruleSet, toParsedProfile(profile), options);
}
