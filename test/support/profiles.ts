import { parseProfile, type ParsedProfileData } from '../../src/index.js';

/** Parses a profile for fact tests; fails the test loudly if the profile itself is invalid. */
export function parsed(profile: unknown): ParsedProfileData {
  const result = parseProfile(profile);
  if (!result.success) throw new Error(JSON.stringify(result.issues, null, 2));
  return result.profile;
}
