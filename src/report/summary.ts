import type { CheckAllResult } from '../check-all.js';
import { expectArray, expectLanguage, expectObject } from '../arguments.js';
import { LOCALES } from '../locales/index.js';
import type { Language } from '../locales/types.js';
import { visible } from '../text/control.js';

/** Display width of a string in a terminal: CJK characters take two columns. */
const width = (text: string) => [...text].reduce((sum, char) => sum + (/[\u1100-\uffef]/u.test(char) ? 2 : 1), 0);
const pad = (text: string, columns: number) => text + ' '.repeat(Math.max(0, columns - width(text)));

/**
 * One applicant against every rule set that admits them, side by side: a row per rule set with its
 * outcome, the count of conditions in each status, and the clauses that failed.
 */
export function renderSummary(result: CheckAllResult, language: Language = 'zh'): string {
  expectObject(result, 'result', { zh: 'checkAll 的结果', en: 'the result of checkAll' });
  expectArray(result.results, 'result.results');
  expectLanguage(language);
  const locale = LOCALES[language];
  const zh = language === 'zh';
  const header = zh
    ? ['规则集', '结论', '✓', '✗', '?', '!', '–', '不符合的条款']
    : ['rule set', 'outcome', '✓', '✗', '?', '!', '–', 'failed clauses'];
  const rows = result.results.map(({ ruleSetId, match, report }) => {
    const failed = report.conditions
      .filter((condition) => condition.status === 'fail' && !condition.route)
      .map((condition) => condition.citation.clause);
    const failedPathways = report.pathways.filter((pathway) => pathway.status === 'fail').map((pathway) => pathway.title[language]);
    return [
      ruleSetId + (match === 'location_unknown' ? ' *' : ''),
      locale.outcome[report.outcome],
      String(report.counts.pass),
      String(report.counts.fail),
      String(report.counts.unknown),
      String(report.counts.review),
      String(report.counts.not_applicable),
      [...new Set(failed), ...failedPathways].join(locale.listSeparator) || '—',
    ];
  });
  const columns = header.map((_, index) => Math.max(...[header, ...rows].map((row) => width(row[index]!))));
  const line = (row: string[]) => row.map((cell, index) => pad(cell, columns[index]!)).join('  ').trimEnd();
  const lines = [line(header), ...rows.map(line)];
  if (result.results.some((entry) => entry.match === 'location_unknown')) {
    lines.push(zh ? '* 档案未写明所在地,已按所有规则集核对' : '* the profile does not say where the applicant works, so every rule set was checked');
  }
  for (const skipped of result.skipped) {
    lines.push(zh ? `(未核对 ${skipped.ruleSetId}:所在地不符,${skipped.reason})` : `(not checked: ${skipped.ruleSetId}, location does not match: ${skipped.reason})`);
  }
  if (result.results.length === 0) lines.push(zh ? '没有适用于该申报人所在地的规则集' : 'no rule set covers where this applicant works');
  // One line each: what a rule set or profile put in is shown written out (see renderText).
  return lines.map(visible).join('\n');
}
