import { evaluateDecoded, type EvaluateOptions } from './evaluate.js';
import { withResolvedPlaces } from './places/resolve.js';
import { decodedProfile, type ParsedProfile } from './profile/parse.js';
import type { ApplicantProfile } from './profile/schema.js';
import type { EligibilityReport } from './report/types.js';
import type { RuleSet } from './ruleset/compiled.js';

/**
 * `evaluate` as the main (Node) entry offers it: the same as the core's, but place names the profile
 * gives without a division code are first turned into codes (`resolvePlaces`), so a notice's territory
 * is decided by the division hierarchy. The browser entry (`/core`) takes codes as forms emit them and
 * carries no dataset.
 */
export function evaluate(ruleSet: RuleSet, profile: ApplicantProfile | ParsedProfile, options: EvaluateOptions = {}): EligibilityReport {
  return evaluateDecoded(ruleSet, withResolvedPlaces(decodedProfile(profile)), options);
}
