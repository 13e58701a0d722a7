import { textIssue, type ValidationIssue } from '../errors.js';

/** What the format lets a parameter bound: numbers by range, dates by the notice's year, texts by being there. */
export interface ParameterBounds {
  readonly type: string;
  readonly min?: number | undefined;
  readonly max?: number | undefined;
  readonly withinYear?: boolean | undefined;
}

type Path = (string | number)[];

/**
 * The problems of a parameter's value against its bounds: a pass rate of 150 %, −3 working days,
 * month 13, a deadline years before the notice, an empty province. A template's blanks carry bounds
 * so that filling them wrongly is an error, not a rule that silently never fails. `value` is the
 * decoded value (a date parameter's is a UTC-midnight date).
 */
export function boundIssues(bounds: ParameterBounds, value: unknown, year: number, path: Path): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (typeof value === 'number') {
    if (bounds.min !== undefined && value < bounds.min) issues.push(textIssue(path, `应不小于 ${bounds.min}`, `expected at least ${bounds.min}`));
    if (bounds.max !== undefined && value > bounds.max) issues.push(textIssue(path, `应不大于 ${bounds.max}`, `expected at most ${bounds.max}`));
  }
  if (typeof value === 'string' && value.trim() === '') issues.push(textIssue(path, '不能为空', 'expected a non-empty text'));
  if (bounds.withinYear && value instanceof Date && value.getUTCFullYear() !== year) {
    issues.push(textIssue(path, `应为通知年度 ${year} 年内的日期`, `expected a date in the notice's year, ${year}`));
  }
  return issues;
}
