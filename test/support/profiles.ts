import { decodedProfile } from '../../src/profile/parse.js';
import type { DecodedProfile } from '../../src/profile/decoded.js';
import { parseProfile } from '../../src/index.js';

/**
 * Parses a profile for fact tests, decoded as the evaluator reads it (dates as dates); fails the test
 * loudly if the profile itself is invalid.
 */
export function parsed(profile: unknown): DecodedProfile {
  const result = parseProfile(profile);
  if (!result.success) throw new Error(JSON.stringify(result.issues, null, 2));
  return decodedProfile(result.profile);
}
