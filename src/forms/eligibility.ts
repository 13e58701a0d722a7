import { evaluateParsed } from '../evaluate.js';
import { ownOptions } from '../options.js';
import type { ParsedProfileData } from '../profile/schema.js';
import type { RuleSet } from '../ruleset/compiled.js';
import { citedMessage, fieldIssues } from './field-issues.js';
import { pathSegments, type EligibilitySchemaOptions } from './standard-schema.js';
import { assertRuleSet } from '../ruleset/loaded.js';

/** The part of zod's refinement context the check uses (classic `superRefine` and mini `z.superRefine` both give it). */
interface RefinementContext {
  addIssue(issue: { code: 'custom'; message: string; path: (string | number)[]; params?: Record<string, unknown> }): void;
}

/**
 * A zod refinement that checks a parsed profile against a rule set and adds an issue on each field for
 * each condition it fails:
 *
 *     import { profileSchema, eligibility } from 'zhicheng-eligibility/zod';
 *     const schema = profileSchema.superRefine(eligibility(ruleSet, { language: 'en' }));
 *
 * With `zod/mini`: `profileSchema.check(z.superRefine(eligibility(ruleSet)))`.
 */
export function eligibility(ruleSet: RuleSet, options: EligibilitySchemaOptions = {}) {
  assertRuleSet(ruleSet); // when the schema is built, not on the first keystroke
  const language = ownOptions(options).language ?? 'zh';
  return (profile: ParsedProfileData, context: RefinementContext): void => {
    const report = evaluateParsed(ruleSet, profile, options);
    for (const issue of fieldIssues(report, options)) {
      context.addIssue({
        code: 'custom',
        message: citedMessage(issue, language),
        path: pathSegments(issue.path),
        params: { condition: issue.conditionId, clause: issue.citation.clause, status: issue.status },
      });
    }
  };
}
