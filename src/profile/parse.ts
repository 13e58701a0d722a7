import { REPORT_INPUT, ValidationError, fromZodIssues, textIssue, type ValidationIssue } from '../errors.js';
import { dropPrototypes, readPlainData } from './plain.js';
import { FAST_NAMESPACE, fastParser } from './fast-schema.js';
import { withKeySuggestions } from './suggest.js';
import { buildProfileSchemas, MAX_LIST_ENTRIES, profileSchema, type ParsedProfileData } from './schema.js';

declare const parsedBrand: unique symbol;
/** A profile that has been validated and had its dates decoded; evaluating it again skips validation. */
export type ParsedProfile = ParsedProfileData & { readonly [parsedBrand]: true };

const parsedProfiles = new WeakSet<object>();

/** The same definition as `profileSchema`, built as plain functions: the fast answer for a valid profile. */
const fastProfile = fastParser(buildProfileSchemas(FAST_NAMESPACE).profileSchema);

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
  try {
    // Own data properties only, copied: nothing inherited is read, no getter is called; forbidden keys,
    // depth and size checked as guardJson checks a rule set (see plain.ts).
    const plain = readPlainData(input, MAX_LIST_ENTRIES);
    if (!plain.ok) return { success: false, issues: plain.issues };
    const fast = fastProfile(plain.value);
    if (fast !== undefined) return { success: true, profile: markParsed(fast as ParsedProfileData) };
    // Not valid (or not surely valid): zod decides, and says what is wrong, path by path.
    const parsed = profileSchema.safeParse(plain.value, REPORT_INPUT);
    if (!parsed.success) return { success: false, issues: withKeySuggestions(fromZodIssues(parsed.error.issues)) };
    dropPrototypes(parsed.data);
    parsedProfiles.add(parsed.data);
    return { success: true, profile: parsed.data as ParsedProfile };
  } catch (error) {
    // Only an exotic object gets here (a proxy whose traps throw): still an answer, not an exception.
    return { success: false, issues: [unreadable(error)] };
  }
}

/**
 * `parseProfile` for a value `JSON.parse` has just made — plain data by construction: no getters, no
 * prototypes but `Object.prototype`, no cycles — as the batch and the command line read profiles. A
 * valid profile is validated once, by the fast parser, without the defensive copy `parseProfile` makes
 * of a caller's object; anything else goes the whole way (the copy, then zod), so errors are the same.
 * @internal
 */
export function parseProfileJson(document: unknown): ProfileParseResult {
  const fast = fastProfile(document);
  if (fast !== undefined) return { success: true, profile: markParsed(fast as ParsedProfileData) };
  return parseProfile(document);
}

function unreadable(error: unknown): ValidationIssue {
  let reason: string;
  try {
    reason = error instanceof Error ? error.message : String(error);
  } catch {
    reason = '?';
  }
  return textIssue([], `无法读取申报人档案:${reason}`, `the applicant profile cannot be read: ${reason}`);
}

/** Like `parseProfile`, but throws a `ValidationError` for a bad profile. */
export function toParsedProfile(input: unknown): ParsedProfile {
  // Already parsed (every evaluation of a bulk run): no result object to make and take apart.
  if (input !== null && typeof input === 'object' && parsedProfiles.has(input)) return input as ParsedProfile;
  const result = parseProfile(input);
  if (!result.success) throw new ValidationError('profile', result.issues);
  return result.profile;
}

/**
 * Registers data derived from a parsed profile (the same profile with values the library itself filled
 * in, e.g. division codes from place names) as parsed, so it is not validated again.
 * @internal
 */
export function markParsed(data: ParsedProfileData): ParsedProfile {
  parsedProfiles.add(data);
  return data as ParsedProfile;
}
