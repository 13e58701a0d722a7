import { LOCALES } from '../locales/index.js';
import { expectLanguage, expectReport, wrongArgument } from '../arguments.js';
import type { ConditionStatus, Language, Locale } from '../locales/types.js';
import { parseCalendarDate } from '../dates/calendar-date.js';
import { labelOf } from '../locales/labels.js';
import type { ConditionReport, EligibilityReport, PathwayReport, RouteReport } from './types.js';
import { conditionsThatCount } from './relevance.js';
import { visible } from '../text/control.js';

const MARK: Record<ConditionStatus, string> = { pass: '✓', fail: '✗', unknown: '?', review: '!', not_applicable: '–' };

/**
 * The report as a person reads it in a terminal: one line per condition — status mark, clause, title,
 * the message with actual and required values, and the notice's words. The steps of pathways' routes
 * are grouped under their pathway and route, so that a step of a route not taken reads as that, not as
 * a failure of the applicant's; then the notes, and last the outcome with what it rests on: the failed
 * conditions and those for a person to review, by clause, each failed one with what it still needs,
 * the missing fields by their labels, and, for each pathway not yet met, its routes nearest first with
 * what each still needs.
 *
 * `options.asOf`: the day the report was evaluated as of (`EvaluateOptions.asOf`), said near the top:
 * the days left in its shortfalls are counted from it, and a reader must know from which day.
 */
export function renderText(report: EligibilityReport, language: Language = 'zh', options: RenderTextOptions = {}): string {
  expectReport(report);
  expectLanguage(language);
  const asOf = options.asOf;
  if (asOf !== undefined && (typeof asOf !== 'string' || parseCalendarDate(asOf) === undefined)) {
    throw wrongArgument('options.asOf', asOf, { zh: ' YYYY-MM-DD 格式的真实日期', en: 'a real date written YYYY-MM-DD' });
  }
  const locale = LOCALES[language];
  const zh = language === 'zh';
  // A quote may break a line where the notice does: shown on its line, its whitespace is one space.
  const quote = (text: string) => (zh ? `「${text.replace(/[\t\n]+/g, ' ')}」` : `“${text.replace(/[\t\n]+/g, ' ')}”`);
  const counted = new Set(conditionsThatCount(report));
  const taken = new Set(report.pathways.map((pathway) => `${pathway.id}/${pathway.taken}`));
  const line = (condition: ConditionReport, indent: string) => {
    // A step that does not bear on the outcome (its route not taken, or closed while another is open)
    // is shown with its status, but not marked as a failure of the applicant's. The taken route's
    // steps are what met the pathway: marked as they are.
    const bears = counted.has(condition) || condition.status === 'not_applicable' || (condition.route && taken.has(`${condition.route.pathway}/${condition.route.route}`));
    const mark = bears ? MARK[condition.status] : '·';
    return `${indent}${mark} ${condition.citation.clause} ${condition.title[language]}${locale.colon}${locale.status[condition.status]} — ${condition.message[language]} ${quote(condition.citation.quote)}`;
  };
  const lines: string[] = [];
  const rs = report.ruleSet;
  lines.push(`${rs.title[language]} (${rs.id})`);
  lines.push(
    zh
      ? `${rs.authority}${rs.documentNumber ? ` ${rs.documentNumber}` : ''},${rs.issued} 发布`
      : `${rs.authority}${rs.documentNumber ? ` ${rs.documentNumber}` : ''}, issued ${rs.issued}`,
  );
  if (asOf !== undefined) lines.push(locale.shortfall.asOf(asOf));
  lines.push('');
  const pathwayIds = new Set(report.pathways.map((pathway) => pathway.id));
  for (const condition of report.conditions) {
    if (!condition.route || !pathwayIds.has(condition.route.pathway)) lines.push(line(condition, ''));
  }
  for (const pathway of report.pathways) {
    lines.push('');
    const met = pathway.routes.find((route) => route.id === pathway.taken);
    const open = pathway.routes.filter((route) => pathway.open.includes(route.id)).map((route) => route.title[language]);
    const detail = met
      ? (zh ? `经「${met.title.zh}」满足` : `met by: ${met.title.en}`)
      : open.length > 0
        ? (zh ? `尚可能的路径:${open.join('、')}` : `routes still open: ${open.join(', ')}`)
        : pathway.status === 'fail'
          ? failedRoutes(pathway, report, language)
          : '';
    lines.push(`${MARK[pathway.status]} ${zh ? '路径' : 'Pathway'} ${pathway.title[language]}${locale.colon}${locale.status[pathway.status]}${detail ? ` — ${detail}` : ''}`);
    for (const route of pathway.routes) {
      const steps = report.conditions.filter((condition) => condition.route?.pathway === pathway.id && condition.route.route === route.id);
      if (steps.length === 0) continue;
      lines.push(`  ${zh ? `「${route.title.zh}」` : route.title.en}${locale.colon}${locale.status[route.status]}${routeAside(pathway, route, language)}`);
      for (const step of steps) lines.push(line(step, '    '));
    }
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
  // What the outcome rests on, beside it: a person reading the last lines knows what to fix or ask.
  const reasons = [...counted];
  const listed = (heading: string, status: ConditionReport['status']) => {
    const members = reasons.filter((condition) => condition.status === status);
    if (members.length === 0) return;
    lines.push(`${heading}${locale.colon.trimEnd()}`);
    for (const condition of members) {
      lines.push(`  ${condition.citation.clause} ${condition.title[language]}`);
      // What it still needs, under it. A shortfall's text already says when the notice rules it out or
      // says nothing of a remedy (「按本通知无法补足」「通知未说明能否补足」): not said a second time.
      if (status === 'fail' && condition.shortfall) lines.push(`    ${condition.shortfall.text[language]}`);
    }
  };
  listed(zh ? '不符合的条件' : 'Failed', 'fail');
  listed(zh ? '需人工审核的条件' : 'For a person to review', 'review');
  if (report.missing.length > 0) {
    const labels = [...new Set(report.missing.map((path) => labelOf(path)[language]))];
    lines.push(`${zh ? '待补充信息' : 'Still needed'}${locale.colon}${labels.join(locale.listSeparator)}`);
  }
  for (const pathway of report.pathways) {
    if (pathway.status === 'fail' || pathway.status === 'unknown' || pathway.status === 'review') lines.push(...nearestRoutes(pathway, report, language));
  }
  // Each entry is one line: a control character or line break in it came from a rule set or a profile
  // (a title, a district name) and is shown written out, never sent to the terminal.
  return lines.map(visible).join('\n');
}

export interface RenderTextOptions {
  /** The day the report was evaluated as of (YYYY-MM-DD), as given to `evaluate`; said near the top. */
  readonly asOf?: string;
}

/**
 * A pathway not yet met: its routes nearest first (`PathwayReport.nearest`), a route met said to be
 * met, any other with the conditions it still needs and what each lacks. A route that does not apply
 * to the applicant is no way for them, and is left out.
 */
function nearestRoutes(pathway: PathwayReport, report: EligibilityReport, language: Language): string[] {
  const locale = LOCALES[language];
  const words = locale.shortfall;
  const name = (route: RouteReport) => (language === 'zh' ? `「${route.title.zh}」` : route.title.en);
  const lines = [words.routes(pathway.title[language])];
  const routes = pathway.nearest.flatMap((id) => pathway.routes.filter((route) => route.id === id && route.status !== 'not_applicable'));
  routes.forEach((route, index) => {
    if (route.needs.length === 0) {
      lines.push(`  ${index + 1}. ${name(route)}${locale.colon}${words.routeMet}`);
      return;
    }
    lines.push(`  ${index + 1}. ${name(route)}${locale.colon}${words.routeNeeds}`);
    for (const id of route.needs) {
      const condition = report.conditions.find((each) => each.id === id);
      if (condition) lines.push(`    ${condition.citation.clause} ${condition.title[language]}${locale.colon}${stillNeeds(condition, locale)}`);
    }
  });
  return lines;
}

/**
 * What one condition of a route still needs: its shortfall, which says itself whether it can be made
 * up; else (a step for review, one without a test) its message, and for a failed one the notice's
 * silence on a remedy, which nothing else says.
 */
function stillNeeds(condition: ConditionReport, locale: Locale): string {
  const language = locale.language;
  if (condition.shortfall) return condition.shortfall.text[language];
  const message = condition.message[language];
  return condition.status === 'fail' ? `${message}${locale.shortfall.separator}${locale.shortfall.why.unstated}` : message;
}

/** What a route's heading adds: whether it was taken, and whether its failure bears on the outcome. */
function routeAside(pathway: PathwayReport, route: RouteReport, language: Language): string {
  const zh = language === 'zh';
  if (route.status === 'not_applicable') return '';
  if (pathway.taken === route.id) return zh ? '(采用此路径)' : ' (route taken)';
  if (pathway.taken !== null) return zh ? '(未采用此路径,不影响结论)' : ' (route not taken; does not affect the outcome)';
  if (route.status === 'fail' && pathway.status !== 'fail' && pathway.status !== 'not_applicable') {
    return zh ? '(此路径不通;尚有其他路径待定,不影响结论)' : ' (route closed; other routes are still open, so it does not affect the outcome)';
  }
  return '';
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
