import { evaluateParsed } from '../evaluate.js';
import { withDivisionCodes } from '../places/resolve.js';
import { describeIssues } from '../errors.js';
import { parseProfileJson } from '../profile/parse.js';
import { conditionsThatCount } from '../report/relevance.js';
import type { EligibilityReport } from '../report/types.js';
import type { RuleSet } from '../ruleset/compiled.js';
import type { RawRecord } from './records.js';

/** What screening one record gives: a report, or why there is none. */
export type Screened =
  | { readonly position: number; readonly id: string | null; readonly report: EligibilityReport }
  | { readonly position: number; readonly id: string | null; readonly error: string };

/**
 * Screens one record: parses its JSON (a profile, or a fixture with the profile under `profile`),
 * validates it, and evaluates it against `rules` or the rule set its `application.jurisdiction` names.
 * Never throws for bad input: the error says what was wrong.
 */
export function screen(record: RawRecord, ruleSetFor: (id: string) => RuleSet | undefined, rules?: string): Screened {
  if (record.error !== undefined) return { position: record.position, id: null, error: record.error };
  let document: unknown;
  try {
    document = JSON.parse(record.text);
  } catch (error) {
    return { position: record.position, id: null, error: `不是有效的 JSON / not valid JSON: ${(error as Error).message}` };
  }
  const input =
    document !== null && typeof document === 'object' && !Array.isArray(document) && Object.hasOwn(document, 'profile')
      ? (document as { profile: unknown }).profile
      : document;
  const parsed = parseProfileJson(input);
  const id = input !== null && typeof input === 'object' && typeof (input as { id?: unknown }).id === 'string' ? (input as { id: string }).id : null;
  if (!parsed.success) return { position: record.position, id, error: describeIssues(parsed.issues).replace(/\n/g, '; ') };
  const ruleSetId = rules ?? parsed.profile.application?.jurisdiction;
  if (!ruleSetId) return { position: record.position, id, error: '未指定规则集 / no rule set: application.jurisdiction is missing and --rules was not given' };
  const ruleSet = ruleSetFor(ruleSetId);
  if (!ruleSet) return { position: record.position, id, error: `没有规则集 / no rule set named ${ruleSetId}` };
  // Lazy messages: a CSV row never reads them, and JSON Lines writes them through toJSON.
  // Each line is evaluated once: its division codes are filled without the memory `evaluate` keeps for
  // a profile evaluated again and again (a form), which would only cost here.
  return { position: record.position, id, report: evaluateParsed(ruleSet, withDivisionCodes(parsed.profile), { messages: 'lazy' }) };
}

const csvCell = (value: string) => (/[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

export const CSV_HEADER = 'position,id,rule_set,outcome,failed,unknown_fields,error\n';

/** The failed conditions that count toward the outcome, as `clause condition-id`. */
export function failedClauses(report: EligibilityReport): string[] {
  return conditionsThatCount(report)
    .filter((condition) => condition.status === 'fail')
    .map((condition) => `${condition.citation.clause} ${condition.id}`);
}

/** One output line for a screened record. */
export function formatScreened(screened: Screened, format: 'jsonl' | 'csv'): string {
  if (format === 'jsonl') {
    return 'report' in screened
      ? `${JSON.stringify({ position: screened.position, id: screened.id, report: screened.report })}\n`
      : `${JSON.stringify({ position: screened.position, id: screened.id, error: screened.error })}\n`;
  }
  if ('error' in screened) return [screened.position, screened.id ?? '', '', 'invalid', '', '', screened.error].map((cell) => csvCell(String(cell))).join(',') + '\n';
  const { report } = screened;
  return (
    [screened.position, screened.id ?? '', report.ruleSet.id, report.outcome, failedClauses(report).join('; '), report.missing.join('; '), '']
      .map((cell) => csvCell(String(cell)))
      .join(',') + '\n'
  );
}
