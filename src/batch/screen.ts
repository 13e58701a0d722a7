import { evaluateDecoded } from '../evaluate.js';
import type { Language, LocalizedText } from '../locales/types.js';
import { fillDivisionCodes } from '../places/resolve.js';
import { parseProfileJson } from '../profile/parse.js';
import { conditionsThatCount } from '../report/relevance.js';
import type { ConditionReport, EligibilityReport } from '../report/types.js';
import type { RuleSet } from '../ruleset/compiled.js';
import { compactRecord } from './compact.js';
import { csvRows, type CsvRow } from './csv.js';
import * as say from './messages.js';
import type { RawRecord } from './records.js';

export { CSV_HEADER } from './csv.js';

/** What screening one record gives: a report, or why there is none (in both languages, until written). */
export type Screened =
  | { readonly position: number; readonly id: string | null; readonly report: EligibilityReport }
  | { readonly position: number; readonly id: string | null; readonly error: LocalizedText };

/** How a batch writes its records: JSON Lines or CSV, in which language, compact or full reports. */
export interface OutputOptions {
  readonly format: 'jsonl' | 'csv';
  /** The language of error texts and of the CSV's condition titles; `zh` by default. */
  readonly lang?: Language;
  /** JSON Lines only: the compact record (the default) or the whole report. */
  readonly report?: 'compact' | 'full';
}

const isObject = (value: unknown): value is object => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Screens one record: parses its JSON (a profile, or a fixture with the profile under `profile`),
 * validates it, and evaluates it against `rules` or the rule set its `application.jurisdiction` names,
 * as of `asOf` (YYYY-MM-DD) when given: the day its shortfalls count days left from.
 * Never throws for bad input: the error says what was wrong, and where.
 */
export function screen(record: RawRecord, ruleSetFor: (id: string) => RuleSet | undefined, rules?: string, asOf?: string): Screened {
  if (record.error !== undefined) return { position: record.position, id: null, error: record.error };
  let document: unknown;
  try {
    document = JSON.parse(record.text);
  } catch {
    // V8's message is English only: the strict scanner says where, in both languages.
    return { position: record.position, id: null, error: say.notJson(record.text) };
  }
  const fixture = isObject(document) && Object.hasOwn(document, 'profile');
  const input = fixture ? (document as { profile: unknown }).profile : document;
  // Said before the schema does: "expected object" at the root does not tell a clerk that the line
  // holds a bare 42 or a list instead of one applicant.
  if (!isObject(input)) return { position: record.position, id: null, error: say.notAnObject(input, fixture ? 'profile' : '') };
  const id = typeof (input as { id?: unknown }).id === 'string' ? (input as { id: string }).id : null;
  const parsed = parseProfileJson(input);
  if (!parsed.success) return { position: record.position, id, error: say.invalidProfile(parsed.issues) };
  const ruleSetId = rules ?? parsed.profile.application?.jurisdiction;
  if (!ruleSetId) return { position: record.position, id, error: say.NO_RULE_SET };
  const ruleSet = ruleSetFor(ruleSetId);
  if (!ruleSet) return { position: record.position, id, error: say.unknownRuleSet(ruleSetId) };
  // Lazy messages: neither a CSV row nor a compact record reads them, and a full report writes them through toJSON.
  // The profile is this line's own, parsed from its text and evaluated once: its division codes are
  // written into it, without the copies and the memory `evaluate` keeps for a profile a user holds.
  return { position: record.position, id, report: evaluateDecoded(ruleSet, fillDivisionCodes(parsed.profile), { messages: 'lazy', ...(asOf !== undefined && { asOf }) }) };
}

/** The failed conditions that count toward the outcome. */
export function failedConditions(report: EligibilityReport): ConditionReport[] {
  return conditionsThatCount(report).filter((condition) => condition.status === 'fail');
}

/** A condition as a person finds it in the notice: its clause, then its title (`二、(一)2 任职年限`). */
export const conditionLabel = (condition: ConditionReport, lang: Language): string => `${condition.citation.clause} ${condition.title[lang]}`;

function csvRow(screened: Screened, lang: Language): CsvRow {
  if ('error' in screened) return [screened.position, screened.id ?? '', '', 'invalid', '', '', screened.error[lang]];
  const { report } = screened;
  return [screened.position, screened.id ?? '', report.ruleSet.id, report.outcome, failedConditions(report).map((condition) => conditionLabel(condition, lang)).join('; '), report.missing.join('; '), ''];
}

function jsonLine(screened: Screened, options: OutputOptions): string {
  if ('error' in screened) return `${JSON.stringify({ position: screened.position, id: screened.id, error: screened.error[options.lang ?? 'zh'] })}\n`;
  if (options.report === 'full') return `${JSON.stringify({ position: screened.position, id: screened.id, report: screened.report })}\n`;
  return `${JSON.stringify(compactRecord(screened.position, screened.id, screened.report))}\n`;
}

/** One output line for a screened record. */
export function formatScreened(screened: Screened, options: OutputOptions): string {
  return options.format === 'csv' ? csvRows([csvRow(screened, options.lang ?? 'zh')]) : jsonLine(screened, options);
}

/** The output lines of many screened records: CSV in one call, which costs less per row than a call each. */
export function formatScreenedAll(screened: readonly Screened[], options: OutputOptions): string {
  if (options.format === 'csv') return csvRows(screened.map((one) => csvRow(one, options.lang ?? 'zh')));
  let output = '';
  for (const one of screened) output += jsonLine(one, options);
  return output;
}
