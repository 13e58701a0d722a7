import { runWithEngine } from './engine/json-rules-engine.js';
import { ownOptions } from './options.js';
import { asOfDay, evaluateDecoded, mergeLocales, type EvaluateOptions } from './evaluate.js';
import { decodedProfile, type ParsedProfile } from './profile/parse.js';
import { withResolvedPlaces } from './places/resolve.js';
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
  const parsed = withResolvedPlaces(decodedProfile(profile));
  // json-rules-engine reads these keys on its own condition objects, which inherit from Object.prototype:
  // one that another script put there would be read on every condition (an inherited `all` makes every
  // leaf a group). Then the synchronous walker, which reads own keys only and gives the same report (the
  // engine-agreement tests), decides instead.
  if (ENGINE_KEYS.some((key) => key in Object.prototype)) return evaluateDecoded(ruleSet, parsed, options);
  const own = ownOptions(options);
  const asOf = asOfDay(own.asOf);
  return buildReport(ruleSet, await runWithEngine(ruleSet, parsed), mergeLocales(own.locales), own.messages, { profile: parsed, asOf });
}

const ENGINE_KEYS = ['all', 'any', 'not', 'condition', 'fact', 'params', 'path', 'operator', 'priority', 'factResult', 'valueResult', 'result'];
