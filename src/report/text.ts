import { LOCALES } from '../locales/index.js';
import { expectLanguage, expectReport } from '../arguments.js';
import type { ConditionStatus, Language } from '../locales/types.js';
import { labelOf } from '../locales/labels.js';
import type { EligibilityReport, PathwayReport } from './types.js';
import { visible } from '../text/control.js';

const MARK: Record<ConditionStatus, string> = { pass: '✓', fail: '✗', unknown: '?', review: '!', not_applicable: '–' };

/**
 * The report as a person reads it in a terminal: one line per condition — status mark, clause, title,
 * the message with actual and required values, and the notice's words — then the pathways, what is
 * missing, the notes and the outcome.
 */
export function renderText(report: EligibilityReport, language: Language = 'zh'): string {
  expectReport(report);
  expectLanguage(language);
  const locale = LOCALES[language];
  const zh = language === 'zh';
  // A quote may break a line where the notice does: shown on its line, its whitespace is one space.
  const quote = (text: string) => (zh ? `「${text.replace(/[\t\n]+/g, ' ')}」` : `“${text.replace(/[\t\n]+/g, ' ')}”`);
  const lines: string[] = [];
  const rs = report.ruleSet;
  lines.push(`${rs.title[language]} (${rs.id})`);
  lines.push(
    zh
      ? `${rs.authority}${rs.documentNumber ? ` ${rs.documentNumber}` : ''},${rs.issued} 发布`
      : `${rs.authority}${rs.documentNumber ? ` ${rs.documentNumber}` : ''}, issued ${rs.issued}`,
  );
  lines.push('');
  const routeTitle = new Map(report.pathways.flatMap((pathway) => pathway.routes.map((route) => [`${pathway.id}/${route.id}`, route.title[language]] as const)));
  // A step of a route other than the one that met its pathway does not affect the outcome: say so.
  const notTaken = (route: { pathway: string; route: string }) => {
    const pathway = report.pathways.find((candidate) => candidate.id === route.pathway);
    return pathway?.taken !== null && pathway?.taken !== undefined && pathway.taken !== route.route;
  };
  for (const condition of report.conditions) {
    const route = condition.route ? ` [${routeTitle.get(`${condition.route.pathway}/${condition.route.route}`)}]` : '';
    const aside = condition.route && notTaken(condition.route) && condition.status !== 'not_applicable'
      ? (zh ? '(未采用此路径,不影响结论)' : ' (route not taken; does not affect the outcome)')
      : '';
    // A step of a route not taken is shown, but not marked as a failure of the applicant's.
    const mark = aside ? '·' : MARK[condition.status];
    lines.push(
      `${mark} ${condition.citation.clause} ${condition.title[language]}${route}${locale.colon}${locale.status[condition.status]}${aside} — ${condition.message[language]} ${quote(condition.citation.quote)}`,
    );
  }
  if (report.pathways.length > 0) {
    lines.push('');
    for (const pathway of report.pathways) {
      const taken = pathway.routes.find((route) => route.id === pathway.taken);
      const open = pathway.routes.filter((route) => pathway.open.includes(route.id)).map((route) => route.title[language]);
      const detail = taken
        ? (zh ? `经「${taken.title.zh}」满足` : `met by: ${taken.title.en}`)
        : open.length > 0
          ? (zh ? `尚可能的路径:${open.join('、')}` : `routes still open: ${open.join(', ')}`)
          : pathway.status === 'fail'
            ? failedRoutes(pathway, report, language)
            : '';
      lines.push(`${MARK[pathway.status]} ${zh ? '路径' : 'Pathway'} ${pathway.title[language]}${locale.colon}${locale.status[pathway.status]}${detail ? ` — ${detail}` : ''}`);
    }
  }
  if (report.missing.length > 0) {
    lines.push('');
    const labels = [...new Set(report.missing.map((path) => labelOf(path)[language]))];
    lines.push(`${zh ? '待补充信息' : 'Still needed'}${locale.colon}${labels.join(locale.listSeparator)}`);
  }
  if (report.notes.length > 0) {
    lines.push('');
    for (const note of report.notes) lines.push(`ℹ ${note.citation.clause} ${note.text[language]} ${quote(note.citation.quote)}`);
  }
  if (report.outOfScope) {
    lines.push('');
    lines.push(`ℹ ${report.outOfScope.citation.clause} ${report.outOfScope.reason[language]} ${quote(report.outOfScope.citation.quote)}`);
  }
  lines.push('');
  lines.push(`${zh ? '结论' : 'Outcome'}${locale.colon}${report.message[language]} (${report.outcome})`);
  // Each entry is one line: a control character or line break in it came from a rule set or a profile
  // (a title, a district name) and is shown written out, never sent to the terminal.
  return lines.map(visible).join('\n');
}

/** Why a pathway failed: each route that applies, and the clauses of its steps that failed. */
function failedRoutes(pathway: PathwayReport, report: EligibilityReport, language: Language): string {
  const zh = language === 'zh';
  const reasons = pathway.routes
    .filter((route) => route.status === 'fail')
    .map((route) => {
      const failed = report.conditions
        .filter((condition) => route.conditions.includes(condition.id) && condition.status === 'fail')
        .map((condition) => `${condition.citation.clause} ${condition.title[language]}`);
      return zh ? `「${route.title.zh}」不符合:${failed.join('、')}` : `${route.title.en} fails: ${failed.join('; ')}`;
    });
  return reasons.join(zh ? ';' : '. ');
}
