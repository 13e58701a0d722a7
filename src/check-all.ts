import { walkRuleSet } from './engine/sync-walker.js';
import { expectArray } from './arguments.js';
import { decodedProfile, type ParsedProfile } from './profile/parse.js';
import type { DecodedProfile } from './profile/decoded.js';
import { withResolvedPlaces } from './places/resolve.js';
import type { ApplicantProfile } from './profile/schema.js';
import { buildReport } from './report/build.js';
import { asOfDay, type EvaluateOptions } from './evaluate.js';
import { ownOptions } from './options.js';
import type { EligibilityReport } from './report/types.js';
import type { RuleSet } from './ruleset/compiled.js';
import { RULE_SET_IDS, getRuleSet } from './rulesets/index.js';
import { assertRuleSet } from './ruleset/loaded.js';

/** How a rule set's jurisdiction was matched to the applicant's location. */
export type LocationMatch = 'city' | 'region' | 'location_unknown';

export interface JurisdictionResult {
  readonly ruleSetId: string;
  readonly match: LocationMatch;
  readonly report: EligibilityReport;
}

export interface CheckAllResult {
  /** The rule sets whose jurisdiction admits the applicant, each with its report. */
  readonly results: readonly JurisdictionResult[];
  /** The others, and why. */
  readonly skipped: readonly { readonly ruleSetId: string; readonly reason: string }[];
}

/** Place names compare without their administrative suffix: 石嘴山市 = 石嘴山. */
const placeName = (name: string) => name.trim().replace(/(市|地区|自治州|盟)$/u, '');
const samePlace = (a: string, names: readonly string[]) => names.some((name) => placeName(name) === placeName(a));

function locate(ruleSet: RuleSet, profile: DecodedProfile): LocationMatch | { skip: string } {
  const { region, city, aliases = [] } = ruleSet.document.jurisdiction;
  const profileCity = profile.employment?.city ?? profile.socialInsurance?.city;
  const profileRegion = profile.employment?.region ?? profile.socialInsurance?.region;
  if (profileRegion !== undefined && !samePlace(profileRegion, [region])) {
    return { skip: `region ${profileRegion} ≠ ${region}` };
  }
  if (city === undefined) return profileRegion !== undefined ? 'region' : 'location_unknown';
  if (profileCity === undefined) return 'location_unknown';
  return samePlace(profileCity, [city, ...aliases]) ? 'city' : { skip: `city ${profileCity} ≠ ${city}` };
}

/**
 * Evaluates one applicant against every bundled rule set (or those given) whose jurisdiction admits
 * them by the profile's region and city (`employment`, else `socialInsurance`). A profile that does not
 * say where it is is checked against all of them. The profile is validated once.
 */
export function checkAll(
  profile: ApplicantProfile | ParsedProfile,
  ruleSets: readonly RuleSet[] = RULE_SET_IDS.map((id) => getRuleSet(id)!),
  options: Pick<EvaluateOptions, 'asOf'> = {},
): CheckAllResult {
  const asOf = asOfDay(ownOptions(options).asOf);
  // Every rule set is checked before any is read, so a slip (rule-set JSON instead of a loaded rule
  // set) is a clear error rather than a TypeError halfway through.
  expectArray(ruleSets, 'ruleSets', { zh: '已加载规则集的数组', en: 'an array of loaded rule sets' });
  for (const ruleSet of ruleSets) assertRuleSet(ruleSet);
  const parsed = withResolvedPlaces(decodedProfile(profile));
  const results: JurisdictionResult[] = [];
  const skipped: { ruleSetId: string; reason: string }[] = [];
  for (const ruleSet of ruleSets) {
    const match = locate(ruleSet, parsed);
    if (typeof match === 'object') skipped.push({ ruleSetId: ruleSet.id, reason: match.skip });
    else results.push({ ruleSetId: ruleSet.id, match, report: buildReport(ruleSet, walkRuleSet(ruleSet, parsed), undefined, undefined, { profile: parsed, asOf }) });
  }
  return { results, skipped };
}
