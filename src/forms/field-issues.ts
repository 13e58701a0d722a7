import type { ConditionStatus, Language, LocalizedText } from '../locales/types.js';
import { expectObject, expectReport, expectString } from '../arguments.js';
import { ownOptions } from '../options.js';
import { conditionsThatCount } from '../report/relevance.js';
import type { EligibilityReport } from '../report/types.js';

/** A condition as it concerns one profile field: what a form shows next to that field. */
export interface FieldIssue {
  /** The profile path, dotted (`application.submittedOn`, `titles.0.obtainedOn`); `''` for the whole profile. */
  readonly path: string;
  readonly conditionId: string;
  readonly status: ConditionStatus;
  readonly title: LocalizedText;
  readonly citation: { readonly clause: string; readonly quote: string };
  readonly message: LocalizedText;
}

export interface FieldIssueOptions {
  /** Which statuses make an issue: by default failures only; add `unknown` to flag what is still needed. */
  readonly statuses?: readonly ConditionStatus[];
}

/**
 * Every issue a report raises against profile fields: a failed condition on each field it reads, an
 * unknown one on each field it is missing.
 */
export function fieldIssues(report: EligibilityReport, options: FieldIssueOptions = {}): FieldIssue[] {
  expectReport(report);
  const statuses = ownOptions(options).statuses ?? ['fail'];
  const issues: FieldIssue[] = [];
  for (const condition of conditionsThatCount(report)) {
    if (!statuses.includes(condition.status)) continue;
    const paths = condition.status === 'unknown' ? condition.missing : condition.reads;
    for (const path of paths.length > 0 ? paths : ['']) {
      issues.push({
        path,
        conditionId: condition.id,
        status: condition.status,
        title: condition.title,
        citation: condition.citation,
        message: condition.message,
      });
    }
  }
  return issues;
}

/** An issue's message followed by the clause it comes from, as a form shows it. */
export function citedMessage(issue: FieldIssue, language: Language): string {
  expectObject(issue, 'issue', { zh: 'fieldIssues 给出的问题', en: 'an issue from fieldIssues' });
  expectObject(issue.citation, 'issue.citation');
  expectObject(issue.message, 'issue.message');
  const { clause, quote } = issue.citation;
  return language === 'zh' ? `${issue.message.zh}(${clause}「${quote}」)` : `${issue.message.en} (${clause} “${quote}”)`;
}

/** Whether `path` is `field` or lies under it (`titles.0.obtainedOn` lies under `titles`). */
export const isWithin = (path: string, field: string): boolean =>
  path === field || path.startsWith(`${field}.`) || path.startsWith(`${field}[`);

/**
 * "What is wrong with this field?": the failed and still-unknown conditions that concern `field` or a
 * field under it, with their clauses.
 */
export function issuesForField(report: EligibilityReport, field: string, options: FieldIssueOptions = {}): FieldIssue[] {
  expectReport(report);
  expectString(field, 'field');
  const statuses = ownOptions(options).statuses ?? ['fail', 'unknown'];
  return fieldIssues(report, { statuses }).filter((issue) => isWithin(issue.path, field) || isWithin(field, issue.path) && issue.path !== '');
}
