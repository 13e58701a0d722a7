import { ValidationError, type ValidationIssue } from '../errors.js';
import { expectString } from '../arguments.js';
import type { RuleSet } from './compiled.js';
import { lineColumns, scanJsonText, type ScannedText } from './json-text.js';
import type { LoadOptions } from './load.js';
import { prepareAll } from './lint.js';

/**
 * Rule sets as text, the way a maintainer or another system hands them over: `JSON.parse` would keep
 * the last of two equal keys without a word and say little about where a syntax error is, so the text
 * is scanned strictly first (`scanJsonText`), and every issue gets the line and column of its path.
 */

/**
 * Gives each issue the line and column of its path in the text (of the nearest enclosing value the
 * text has, for a missing key), and orders them by position: top to bottom, as a maintainer fixes them.
 */
function locate(text: string, scanned: ScannedText, issues: readonly ValidationIssue[]): ValidationIssue[] {
  const offsetOf = (problem: ValidationIssue) => {
    if (problem.line !== undefined) return undefined;
    // An unknown key is reported on its object; its line is the key's own.
    return scanned.locate(problem.detail.kind === 'unrecognized_keys' ? [...problem.path, problem.detail.keys[0]!] : problem.path);
  };
  const offsets = issues.map(offsetOf);
  const positions = lineColumns(text, offsets.filter((offset): offset is number => offset !== undefined));
  const located = issues.map((problem, index) => {
    const offset = offsets[index];
    return offset === undefined ? problem : { ...problem, ...positions.get(offset)! };
  });
  // Stable: issues at the same place keep the order the checks found them in.
  return located.sort((a, b) => a.line! - b.line! || a.column! - b.column!);
}

function check(text: string, options: LoadOptions): { ruleSet?: RuleSet; issues: ValidationIssue[] } {
  const scanned = scanJsonText(text);
  if (scanned.fatal) return { issues: scanned.issues };
  const prepared = prepareAll(JSON.parse(text), options);
  const issues = [...scanned.issues, ...prepared.issues];
  return issues.length === 0 ? prepared : { issues: locate(text, scanned, issues) };
}

/**
 * Every problem of a rule set given as JSON text, in the order they appear in the text, each with its
 * JSON path, line and column: syntax errors (one: what follows cannot be read), duplicate keys, and all
 * that `lintRuleSet` finds. Never throws.
 */
export function lintRuleSetText(text: string, options: LoadOptions = {}): ValidationIssue[] {
  expectString(text, 'text');
  return check(text, options).issues;
}

/**
 * `loadRuleSet` for a rule set given as JSON text: refuses duplicate keys and anything but strict JSON,
 * and its `ValidationError` gives each problem's line and column as well as its JSON path.
 */
export function loadRuleSetText(text: string, options: LoadOptions = {}): RuleSet {
  expectString(text, 'text');
  const { ruleSet, issues } = check(text, options);
  if (!ruleSet) throw new ValidationError('ruleSet', issues);
  return ruleSet;
}
