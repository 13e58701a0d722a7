import { issue, textIssue, type ValidationIssue } from '../errors.js';
import type { RuleSetDocument } from './schema.js';

/**
 * What `zhicheng new` wrote as a guess — a candidate parameter, a coverage row, a top-level part — stays
 * an error until a person has confirmed it (deleted its `unconfirmed` mark) or removed it: a number the
 * tool found is not yet a number the notice sets, nor a clause read. Lint lists them all; loading refuses.
 */
export function unconfirmedIssues(document: RuleSetDocument, noConditions = document.conditions.length === 0): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const key of document.unconfirmed ?? []) {
    issues.push(textIssue(['unconfirmed'], `${key} 尚未确认:核对后将它从 unconfirmed 中删去`, `${key} is unconfirmed: check it, then delete it from unconfirmed`));
  }
  for (const [name, parameter] of Object.entries(document.parameters)) {
    if (parameter.unconfirmed) {
      issues.push(textIssue(['parameters', name, 'unconfirmed'], `候选参数 ${name}(「${parameter.citation.quote}」)尚未确认:确认或删除`, `candidate parameter ${name} ("${parameter.citation.quote}") is unconfirmed: confirm or remove it`));
    }
  }
  document.coverage.forEach((row, index) => {
    if (row.unconfirmed) {
      issues.push(textIssue(['coverage', index, 'unconfirmed'], `条款 ${row.clause} 的覆盖行尚未确认:确认或删除(写明条件、程序性或说明性)`, `the coverage row of clause ${row.clause} is unconfirmed: confirm or remove it (say condition, procedural or informational)`));
    }
  });
  // A skeleton has no conditions yet; its unconfirmed items say what is left. Anything else needs one.
  if (noConditions && issues.length === 0) {
    // Worded as the schema worded it when it checked this itself.
    issues.push(issue(['conditions'], { kind: 'too_small', minimum: 1, origin: 'array' }));
  }
  return issues;
}
