import { labelOf } from '../locales/labels.js';
import { expectReport } from '../arguments.js';
import type { LocalizedText } from '../locales/types.js';
import type { EligibilityReport } from '../report/types.js';
import { evaluate } from '../evaluate.js';
import type { ParsedProfile } from '../profile/parse.js';
import type { ApplicantProfile } from '../profile/schema.js';
import type { RuleSet } from '../ruleset/compiled.js';

export interface Question {
  /** The profile path to ask for (`application.targetLevel`, `titles.1.obtainedOn`, `continuingEducation[year=2022]`). */
  readonly path: string;
  readonly label: LocalizedText;
  /** The undecided conditions (and pathways, or the notice's scope) an answer would help settle. */
  readonly settles: readonly { readonly id: string; readonly title: LocalizedText }[];
}

/**
 * The questions whose answers would decide what a report leaves `unknown`, most decisive first: a field
 * that decides whether the notice applies at all comes first, then the fields that more undecided
 * conditions wait for; of those that settle as much, first the ones for the route nearest to being met
 * (the pathway's `nearest`). Each question lists what it would settle.
 */
export function questionsFor(report: EligibilityReport): Question[] {
  expectReport(report);
  const questions = new Map<string, { settles: Map<string, LocalizedText>; weight: number; order: number; distance: number }>();
  const ask = (path: string, id: string, title: LocalizedText, weight: number, distance = 0) => {
    let question = questions.get(path);
    if (!question) {
      question = { settles: new Map(), weight: 0, order: questions.size, distance };
      questions.set(path, question);
    }
    question.distance = Math.min(question.distance, distance);
    if (!question.settles.has(id)) {
      question.settles.set(id, title);
      question.weight += weight;
    }
  };
  const pathwayOf = new Map(report.pathways.map((pathway) => [pathway.id, pathway]));
  for (const condition of report.conditions) {
    if (condition.status !== 'unknown') continue;
    const pathway = condition.route && pathwayOf.get(condition.route.pathway);
    if (pathway && pathway.status !== 'unknown') continue; // already settled by another route
    // A step of a route: how far its route is from being met, among the pathway's routes (nearest 0).
    const distance = pathway ? Math.max(0, routeDistance(pathway, condition.route!.route)) : 0;
    for (const path of condition.missing) ask(path, condition.id, condition.title, 1, distance);
  }
  // A field that decides whether the notice applies at all settles everything at once.
  for (const path of report.scope?.status === 'unknown' ? report.scope.missing : []) {
    ask(path, 'scope', { zh: '本通知是否适用于申报人', en: 'whether the notice covers the applicant' }, 1000);
  }
  return [...questions.entries()]
    // Between questions that settle as much, the one for the route nearest to being met comes first.
    .sort(([, a], [, b]) => b.weight - a.weight || a.distance - b.distance || a.order - b.order)
    .map(([path, question]) => ({
      path,
      label: labelOf(path),
      settles: [...question.settles.entries()].map(([id, title]) => ({ id, title })),
    }));
}

/** A route's place in its pathway's `nearest` order (reports from before it had one: the routes' own order). */
function routeDistance(pathway: EligibilityReport['pathways'][number], route: string): number {
  const order = Array.isArray(pathway.nearest) ? pathway.nearest : pathway.routes.map((candidate) => candidate.id);
  return order.indexOf(route);
}

/** `questionsFor` the report of a (partial) profile: what a form should ask next. */
export function nextQuestions(ruleSet: RuleSet, profile: ApplicantProfile | ParsedProfile): Question[] {
  return questionsFor(evaluate(ruleSet, profile));
}
