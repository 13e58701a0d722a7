/**
 * zhicheng-eligibility: whether an applicant may apply for a professional title (职称) under a notice,
 * condition by condition, each citing the notice verbatim.
 *
 * This entry has everything: the core (also at `zhicheng-eligibility/core`, for browsers), the bundled
 * rule sets and `checkAll`, and the json-rules-engine evaluator.
 */
export * from './core.js';
// Shadows the core's `evaluate`: the same, with place names resolved to division codes first.
export { evaluate } from './evaluate-node.js';
export { resolvePlaces, divisionCodeOf } from './places/resolve.js';
export { evaluateWithEngine } from './evaluate-with-engine.js';
export { createEngine } from './engine/json-rules-engine.js';
export { getRuleSet, getTemplate, RULE_SET_IDS, TEMPLATE_IDS } from './rulesets/index.js';
export { checkAll, type CheckAllResult, type JurisdictionResult, type LocationMatch } from './check-all.js';
export { renderSummary } from './report/summary.js';
export { reportSchema, reportJsonSchema, type ReportSchemaOutput } from './report/schema.js';
// What `zhicheng batch` writes a line of by default (`--report compact`); docs/batch.md describes it.
export type { CompactRecord, CompactReportRecord, CompactCondition, CompactPathway, BatchErrorRecord } from './batch/compact.js';
// For rule-set maintainers (`zhicheng new`, `zhicheng diff`): not in `/core`, whose browser budget has no room for them.
export { extractNotice, captureBody, needsTransform, applyTransform, PINYIN_GLOSS, type NoticeSource, type NoticeTransform, type Simplifier } from './maintain/normalise-notice.js';
export { loadSimplifier } from './maintain/opencc.js';
export { buildSkeleton, type SkeletonOptions } from './maintain/skeleton.js';
export { findCandidates, type Candidate } from './maintain/candidates.js';
export { noticeLines, type NoticeLine } from './ruleset/notice.js';
export { diffRuleSets, isEmptyDiff, type RuleSetDiff, type ParameterChange, type ParameterSide, type EntryChanges, type EntryChange, type CoverageSide } from './maintain/diff.js';
export { renderDiff } from './maintain/diff-text.js';
