import { runWithEngine } from './engine/json-rules-engine.js';
import { walkRuleSet } from './engine/sync-walker.js';
import { toParsedProfile, type ParsedProfile } from './profile/parse.js';
import type { ApplicantProfile } from './profile/schema.js';
import { buildReport } from './report/build.js';
import type { EligibilityReport } from './report/types.js';
import type { RuleSet } from './ruleset/compiled.js';

/**
 * Evaluates a profile against a rule set, synchronously: every condition with its status, citation,
 * actual and required values and messages; the pathways; the missing fields; the outcome.
 *
 * The profile may be raw JSON (it is validated; a bad one throws a `ValidationError` naming each path)
 * or the result of `parseProfile`, which is not validated again.
 */
export function evaluate(ruleSet: RuleSet, profile: ApplicantProfile | ParsedProfile): EligibilityReport {
  return buildReport(ruleSet, walkRuleSet(ruleSet, toParsedProfile(profile)));
}

/**
 * The same report, computed by json-rules-engine running the rule set's conditions. It is the reference
 * the synchronous `evaluate` is tested against; use it where json-rules-engine is already your engine.
 */
export async function evaluateWithEngine(
  ruleSet: RuleSet,
  profile: ApplicantProfile | ParsedProfile,
): Promise<EligibilityReport> {
  return buildReport(ruleSet, await runWithEngine(ruleSet, toParsedProfile(profile)));
}
