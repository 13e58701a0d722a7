import { REPORT_INPUT, ValidationError, fromZodIssues, textIssue, type ValidationIssue } from '../errors.js';
import { dropPrototypes, readPlainData } from './plain.js';
import { FAST_NAMESPACE, fastDecoder, fastParser } from './fast-schema.js';
import type { DecodedProfile } from './decoded.js';
import { withKeySuggestions } from './suggest.js';
import { buildProfileSchemas, MAX_LIST_ENTRIES, profileSchema, type ParsedProfileData } from './schema.js';

declare const parsedBrand: unique symbol;
/**
 * A profile that has been validated: plain JSON data of the same shape as written (dates stay
 * `YYYY-MM-DD`), frozen. Evaluating it again skips validation in the build that parsed it; anywhere else
 * (after JSON, structuredClone, postMessage, or in the other build) it is validated again and gives the
 * same report. The brand is for types only: at run time it is data like any other.
 */
export type ParsedProfile = ParsedProfileData & { readonly [parsedBrand]: true };

/**
 * The profiles this build has parsed, each with its decoded form once an evaluation has asked for it
 * (`null` until then). A parsed profile is frozen, so what is remembered of it cannot go stale.
 */
const parsedProfiles = new WeakMap<object, DecodedProfile | null>();

/** The same definition as `profileSchema`, built as plain functions: the fast answer for a valid profile. */
const fastSchema = buildProfileSchemas(FAST_NAMESPACE).profileSchema;
const fastProfile = fastParser(fastSchema);
const decodeProfile = fastDecoder(fastSchema) as (profile: ParsedProfileData) => DecodedProfile;

export type ProfileParseResult =
  | { readonly success: true; readonly profile: ParsedProfile }
  | { readonly success: false; readonly issues: readonly ValidationIssue[] };

/**
 * Validates an applicant profile (any JSON value) against the strict schema. Never throws: a bad
 * profile gives its issues, each with its path and what was expected, in Chinese and English. Parse once
 * and evaluate many times (against several rule sets, on every form change) to pay for it once.
 *
 * The profile given back is a frozen copy of the input, plain JSON data of the same shape: store it,
 * send it, parse it again.
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
    return { success: true, profile: markParsed(parsed.data) };
  } catch (error) {
    // Only an exotic object gets here (a proxy whose traps throw): still an answer, not an exception.
    return { success: false, issues: [unreadable(error)] };
  }
}

export type DecodedParseResult =
  | { readonly success: true; readonly profile: DecodedProfile }
  | { readonly success: false; readonly issues: readonly ValidationIssue[] };

/**
 * For a value `JSON.parse` has just made — plain data by construction: no getters, no prototypes but
 * `Object.prototype`, no cycles — as the batch reads profiles, each evaluated once and seen by no one
 * else: the decoded profile, straight away. A valid profile is validated once, by the fast parser, and
 * its dates decoded in place, without the defensive copy `parseProfile` makes of a caller's object;
 * anything else goes the whole way (the copy, then zod), so errors are the same.
 * @internal
 */
export function parseProfileJson(document: unknown): DecodedParseResult {
  const fast = fastProfile(document, true);
  // Not marked decoded (`asDecoded`): a batch's profile goes to `evaluateDecoded` only, never to an
  // engine, and a weak-set entry per line would be paid by every line.
  if (fast !== undefined) return { success: true, profile: fast as DecodedProfile };
  const parsed = parseProfile(document);
  return parsed.success ? { success: true, profile: decodedProfile(parsed.profile) } : parsed;
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
 * What the evaluator reads for a profile: its decoded form, made the first time and remembered for as
 * long as the parsed profile lives. A profile this build has not parsed (raw JSON, a structured clone, one
 * parsed by the other build) is validated first — a bad one throws a `ValidationError` — and decoded
 * afresh: the caller may change it, so nothing is remembered for it.
 * @internal
 */
export function decodedProfile(input: unknown): DecodedProfile {
  if (input !== null && typeof input === 'object') {
    const known = parsedProfiles.get(input);
    if (known) return known;
  }
  const profile = toParsedProfile(input);
  const decoded = markDecoded(decodeProfile(profile));
  parsedProfiles.set(profile, decoded);
  return decoded;
}

/** Every decoded profile the library has made: told apart from a profile still to be decoded. */
const decodedProfiles = new WeakSet<object>();

/**
 * Remembers a decoded profile as one (made here, or derived from one, e.g. with division codes filled in).
 * @internal
 */
export function markDecoded(decoded: DecodedProfile): DecodedProfile {
  decodedProfiles.add(decoded);
  return decoded;
}

/**
 * A decoded profile as it is, anything else decoded (and validated first where this build has not
 * parsed it): for json-rules-engine facts, which are given whatever the caller of `engine.run` passed
 * as `profile` — a parsed profile — or, from `evaluateWithEngine`, the decoded one.
 * @internal
 */
export function asDecoded(profile: unknown): DecodedProfile {
  return profile !== null && typeof profile === 'object' && decodedProfiles.has(profile) ? (profile as DecodedProfile) : decodedProfile(profile);
}

/**
 * Registers validated data (parsed here, or the same profile with values the library itself filled in,
 * e.g. division codes from place names) as parsed, frozen, so it is not validated again. Its objects
 * must have no prototype.
 * @internal
 */
export function markParsed(data: ParsedProfileData, decoded: DecodedProfile | null = null): ParsedProfile {
  deepFreeze(data);
  parsedProfiles.set(data, decoded);
  return data as ParsedProfile;
}

/** Freezes a parsed profile's objects and arrays: what is remembered of it must not go stale. */
function deepFreeze(value: object): void {
  Object.freeze(value);
  if (Array.isArray(value)) {
    // By index: nothing inherited (a polluted Array.prototype) is visited.
    for (let index = 0; index < value.length; index += 1) freezeItem(value[index]);
    return;
  }
  // The objects have no prototype: for…in sees own keys only.
  for (const key in value) freezeItem((value as Record<string, unknown>)[key]);
}

const freezeItem = (item: unknown) => {
  // Already frozen: a part shared with a profile frozen before (resolvePlaces copies only what it fills).
  if (item !== null && typeof item === 'object' && !Object.isFrozen(item)) deepFreeze(item);
};
