import { REPORT_INPUT, ValidationError, fromZodIssues, type ValidationIssue } from '../errors.js';
import { guardJson } from '../ruleset/json-guard.js';
import { profileSchema, type ParsedProfileData } from './schema.js';

declare const parsedBrand: unique symbol;
/** A profile that has been validated and had its dates decoded; evaluating it again skips validation. */
export type ParsedProfile = ParsedProfileData & { readonly [parsedBrand]: true };

const parsedProfiles = new WeakSet<object>();

export type ProfileParseResult =
  | { readonly success: true; readonly profile: ParsedProfile }
  | { readonly success: false; readonly issues: readonly ValidationIssue[] };

/**
 * Validates an applicant profile (any JSON value) against the strict schema. Never throws: a bad
 * profile gives its issues, each with its path and what was expected, in Chinese and English. Parse once
 * and evaluate many times (against several rule sets, on every form change) to pay for it once.
 */
export function parseProfile(input: unknown): ProfileParseResult {
  if (input !== null && typeof input === 'object' && parsedProfiles.has(input)) {
    return { success: true, profile: input as ParsedProfile };
  }
  const guarded = guardJson(input);
  if (guarded.length > 0) return { success: false, issues: guarded };
  const parsed = profileSchema.safeParse(input, REPORT_INPUT);
  if (!parsed.success) return { success: false, issues: fromZodIssues(parsed.error.issues) };
  parsedProfiles.add(parsed.data);
  return { success: true, profile: parsed.data as ParsedProfile };
}

/** Like `parseProfile`, but throws a `ValidationError` for a bad profile. */
export function toParsedProfile(input: unknown): ParsedProfile {
  const result = parseProfile(input);
  if (!result.success) throw new ValidationError('profile', result.issues);
  return result.profile;
}
