import type { ValidationIssue } from '../errors.js';
import { ownOptions } from '../options.js';
import type { RuleSet } from './compiled.js';
import { compile, prepare, type LoadOptions } from './load.js';
import { checkCitations } from './notice.js';
import { salvage, toOriginalPaths } from './salvage.js';

/**
 * Like `prepare`, but a document that does not match the schema still gets the semantic and citation
 * checks on every part that is valid on its own (see `salvage`), so one pass shows a maintainer schema
 * errors, unknown facts and wrong quotes together.
 * @internal
 */
export function prepareAll(json: unknown, given: LoadOptions): { ruleSet?: RuleSet; issues: ValidationIssue[] } {
  const options = ownOptions(given);
  const prepared = prepare(json, { ...options, prevalidated: false });
  if (prepared.stage !== 'schema') return prepared;
  const partial = salvage(json);
  if (!partial) return prepared;
  const { document, context, indexes } = partial;
  const semantic = [
    ...compile(document, context).issues,
    ...(options.notice === undefined ? [] : checkCitations(document, options.notice, { coverageComplete: context.coverageComplete })),
  ];
  return { issues: [...prepared.issues, ...toOriginalPaths(semantic, indexes)] };
}

/**
 * Every problem of a rule-set document at once, each with its JSON path, in Chinese and English:
 * schema problems, and the semantic and citation problems of every part that is valid on its own.
 * Never throws. A document that is not safe to read (forbidden keys, too deep, too large) gets only
 * those problems.
 */
export function lintRuleSet(json: unknown, options: LoadOptions = {}): ValidationIssue[] {
  return prepareAll(json, options).issues;
}
