import { runWithEngine } from './engine/json-rules-engine.js';
import { mergeLocales, type EvaluateOptions } from './evaluate.js';
import { toParsedProfile, type ParsedProfile } from './profile/parse.js';
import { resolvePlaces } from './places/resolve.js';
import type { ApplicantProfile } from './profile/schema.js';
import { buildReport } from './report/build.js';
import type { EligibilityReport } from './report/types.js';
import type { RuleSet } from './ruleset/compiled.js';

/**
 * The same report, computed by json-rules-engine running the rule set's conditions. It is the reference
 * the synchronous `evaluate` is tested against; use it where json-rules-engine is already your engine.
 * Place names are resolved to division codes first, as the main entry's `evaluate` does.
 */
export async function evaluateWithEngine(
  ruleSet: RuleSet,
  profile: ApplicantProfile | ParsedProfile,
  options: EvaluateOptions = {},
): Promise<EligibilityReport> {
  return buildReport(ruleSet, await runWithEngine(ruleSet, resolvePlaces(toParsedProfile(profile))), mergeLocales(options.locales), options.messages);
}
