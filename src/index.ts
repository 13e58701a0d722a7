/**
 * zhicheng-eligibility: whether an applicant may apply for a professional title (职称) under a notice,
 * condition by condition, each citing the notice verbatim.
 */
export { evaluate, evaluateWithEngine } from './evaluate.js';
export { parseProfile, toParsedProfile, type ParsedProfile, type ProfileParseResult } from './profile/parse.js';
export { profileSchema, type ApplicantProfile, type ParsedProfileData } from './profile/schema.js';
export * from './profile/enums.js';
export { PROFILE_FIELDS, type ProfileField } from './profile/paths.js';
export { loadRuleSet, lintRuleSet, type LoadOptions } from './ruleset/load.js';
export { ruleSetSchema, type RuleSetInput, type RuleSetDocument } from './ruleset/schema.js';
export { parseNotice, checkCitations, foldWhitespace, clausesRequiringCoverage } from './ruleset/notice.js';
export type { RuleSet, CompiledCondition, CompiledPathway } from './ruleset/compiled.js';
export { getRuleSet, getTemplate, RULE_SET_IDS, TEMPLATE_IDS } from './rulesets/index.js';
export { instantiate, templateBlanks, type Instantiation } from './ruleset/instantiate.js';
export { checkAll, type CheckAllResult, type JurisdictionResult, type LocationMatch } from './check-all.js';
export { createEngine } from './engine/json-rules-engine.js';
export { FACTS, type FactDefinition, type FactValue } from './facts/index.js';
export { OPERATORS, type OperatorDefinition } from './operators/index.js';
export { renderText } from './report/text.js';
export { renderSummary } from './report/summary.js';
export type * from './report/types.js';
export { ValidationError, describeIssues, type ValidationIssue } from './errors.js';
export { LOCALES, en, zhCN, type Locale, type Language, type LocalizedText } from './locales/index.js';
export type { ConditionStatus, Outcome } from './locales/types.js';
