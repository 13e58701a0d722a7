/**
 * `zhicheng-eligibility/core`: everything a web form needs, and nothing it does not — the synchronous
 * evaluator, the schemas, messages, Standard Schema and form helpers. No json-rules-engine, no Node
 * built-ins, no bundled rule sets: load the one a page needs from its JSON,
 *
 *     import { evaluate, loadRuleSet } from 'zhicheng-eligibility/core';
 *     import shizuishan from 'zhicheng-eligibility/rules/shizuishan-2024/ruleset.json';
 *     const ruleSet = loadRuleSet(shizuishan);
 */
export { evaluate, evaluateParsed, type EvaluateOptions } from './evaluate.js';
export { parseProfile, toParsedProfile, type ParsedProfile, type ProfileParseResult } from './profile/parse.js';
export { profileSchema, calendarDate, buildProfileSchemas, type ApplicantProfile, type ParsedProfileData } from './profile/schema.js';
export * from './profile/enums.js';
export { PROFILE_FIELDS, type ProfileField } from './profile/paths.js';
export { loadRuleSet, type LoadOptions } from './ruleset/load.js';
export { isRuleSet } from './ruleset/loaded.js';
export { lintRuleSet } from './ruleset/lint.js';
export { loadRuleSetText, lintRuleSetText } from './ruleset/text.js';
export { JSON_LIMITS } from './ruleset/json-guard.js';
export { ruleSetSchema, type RuleSetInput, type RuleSetDocument } from './ruleset/schema.js';
export { parseNotice, foldWhitespace, clausesRequiringCoverage } from './ruleset/notice.js';
export { checkCitations } from './ruleset/check-citations.js';
export { instantiate, templateBlanks, type Instantiation } from './ruleset/instantiate.js';
export type { RuleSet, CompiledCondition, CompiledPathway } from './ruleset/compiled.js';
export { FACTS, type FactDefinition, type FactValue } from './facts/index.js';
export { OPERATORS, type OperatorDefinition } from './operators/index.js';
export { renderText, type RenderTextOptions } from './report/text.js';
export { conditionsThatCount } from './report/relevance.js';
export type * from './report/types.js';
export type { Need, Remedy, Shortfall } from './remedies/types.js';
export { fieldIssues, issuesForField, citedMessage, type FieldIssue, type FieldIssueOptions } from './forms/field-issues.js';
export { nextQuestions, questionsFor, type Question } from './forms/next-questions.js';
export { toStandardSchema, pathSegments, type StandardSchemaV1, type EligibilitySchemaOptions } from './forms/standard-schema.js';
export { eligibility } from './forms/eligibility.js';
export { profileJsonSchema, ruleSetJsonSchema } from './json-schemas.js';
export { ValidationError, describeIssues, type ValidationIssue } from './errors.js';
export { LOCALES, en, zhCN, type Locale, type Language, type LocalizedText } from './locales/index.js';
export { FIELD_LABELS, VALUE_LABELS } from './locales/labels.js';
export { labelOf } from './locales/label-of.js';
export type { ConditionStatus, Outcome } from './locales/types.js';
