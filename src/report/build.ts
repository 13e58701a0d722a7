import { anyOf, allOf, conditionStatus, type LeafOutcome } from '../engine/logic.js';
import type { EvaluationOutcomes } from '../engine/outcomes.js';
import { LOCALES } from '../locales/index.js';
import type { ConditionStatus, Language, Locale, LocalizedText, Outcome } from '../locales/types.js';

/** The words a report is written in, one locale per language. */
export type Locales = Readonly<Record<Language, Locale>>;
import type { CompiledCondition, RuleSet } from '../ruleset/compiled.js';
import type { ConditionReport, EligibilityReport, PathwayReport } from './types.js';
import { describeValue, toReportValue } from './values.js';
import { labelOf } from '../locales/labels.js';

const perLanguage = (say: (language: Language) => string): LocalizedText => ({ zh: say('zh'), en: say('en') });

/** The comparison that explains a status: the first leaf that came out the way the whole test did. */
function decidingLeaf(leaves: readonly LeafOutcome[], status: ConditionStatus): LeafOutcome | undefined {
  return leaves.find((leaf) => leaf.status === status) ?? leaves[0];
}

const factLabel = ({ leaf }: LeafOutcome): LocalizedText => leaf.fact.label?.(leaf.params) ?? leaf.fact.description;

function conditionMessage(
  condition: CompiledCondition,
  status: ConditionStatus,
  missing: readonly string[],
  leaf: LeafOutcome | undefined,
  locales: Locales,
): LocalizedText {
  return perLanguage((language) => {
    const locale = locales[language];
    switch (status) {
      case 'not_applicable':
        return condition.notApplicable?.[language] ?? locale.notApplicable;
      case 'review':
        return locale.review(condition.review![language]);
      case 'unknown':
        return locale.missing(missing.map((path) => labelOf(path)[language]));
      default: {
        if (!leaf) return locale.status[status];
        const actual = describeValue(toReportValue(leaf.actual), locale);
        const required = describeValue(toReportValue(leaf.required), locale);
        const template = condition.message?.[language];
        return template
          ? template.replaceAll('{actual}', actual).replaceAll('{required}', required)
          : locale.comparison(factLabel(leaf)[language], actual, leaf.leaf.operator.phrase[language], required);
      }
    }
  });
}

function reportCondition(ruleSet: RuleSet, condition: CompiledCondition, outcomes: EvaluationOutcomes, locales: Locales): ConditionReport {
  if (outcomes.scope?.status === 'fail') return outOfScope(ruleSet, condition);
  const { applies, test } = outcomes.conditions.get(condition.id) ?? {};
  const { status, missing } = conditionStatus(applies, test);
  const shown = status === 'pass' || status === 'fail' ? decidingLeaf(test?.leaves ?? [], status) : undefined;
  return {
    id: condition.id,
    title: condition.title,
    status,
    citation: { clause: condition.citation.clause, quote: condition.citation.quote },
    ...(condition.interpretation && { interpretation: condition.interpretation }),
    actual: shown ? toReportValue(shown.actual) : null,
    required: shown ? toReportValue(shown.required) : null,
    operator: shown ? shown.leaf.operator.name : null,
    reads: condition.reads,
    missing,
    message: conditionMessage(condition, status, missing, shown, locales),
    parameters: Object.fromEntries(
      condition.parameters.map((name) => [name, toReportValue(ruleSet.parameters.get(name)?.value)]),
    ),
    ...(condition.route && { route: condition.route }),
  };
}

/** A condition of a notice that does not cover the applicant: not applicable, saying why. */
function outOfScope(ruleSet: RuleSet, condition: CompiledCondition): ConditionReport {
  return {
    id: condition.id,
    title: condition.title,
    status: 'not_applicable',
    citation: { clause: condition.citation.clause, quote: condition.citation.quote },
    ...(condition.interpretation && { interpretation: condition.interpretation }),
    actual: null,
    required: null,
    operator: null,
    reads: condition.reads,
    missing: [],
    message: ruleSet.scope!.outOfScope,
    parameters: Object.fromEntries(condition.parameters.map((name) => [name, toReportValue(ruleSet.parameters.get(name)?.value)])),
    ...(condition.route && { route: condition.route }),
  };
}

function reportPathways(ruleSet: RuleSet, outcomes: EvaluationOutcomes, byId: Map<string, ConditionReport>): PathwayReport[] {
  return ruleSet.pathways.map((pathway) => {
    const routes = pathway.routes.map((route) => ({
      id: route.id,
      title: route.title,
      status: allOf(route.conditions.map((condition) => byId.get(condition.id)!.status)),
      conditions: route.conditions.map((condition) => condition.id),
    }));
    const applies = outcomes.pathways.get(pathway.id);
    const best = anyOf(routes.map((route) => route.status));
    const status: ConditionStatus =
      outcomes.scope?.status === 'fail'
        ? 'not_applicable'
        : !applies || applies.status === 'pass' ? best : applies.status === 'fail' ? 'not_applicable' : best === 'pass' ? 'pass' : 'unknown';
    return {
      id: pathway.id,
      title: pathway.title,
      status,
      taken: status === 'not_applicable' ? null : (routes.find((route) => route.status === 'pass')?.id ?? null),
      open: status === 'pass' || status === 'not_applicable' ? [] : routes.filter((route) => route.status === 'unknown' || route.status === 'review').map((route) => route.id),
      routes,
    };
  });
}

function outcomeOf(statuses: readonly ConditionStatus[]): Outcome {
  if (statuses.includes('fail')) return 'ineligible';
  if (statuses.includes('unknown')) return 'incomplete';
  if (statuses.includes('review')) return 'needs_review';
  return 'eligible';
}

/**
 * The report for one profile, from what an evaluator computed. Conditions that are steps of a pathway's
 * routes count through their pathway (a failed normal-tenure step does not matter when the early route
 * is met); every other condition counts directly.
 */
export function buildReport(ruleSet: RuleSet, outcomes: EvaluationOutcomes, locales: Locales = LOCALES): EligibilityReport {
  const conditions = ruleSet.conditions.map((condition) => reportCondition(ruleSet, condition, outcomes, locales));
  const byId = new Map(conditions.map((condition) => [condition.id, condition]));
  const pathways = reportPathways(ruleSet, outcomes, byId);

  const direct = conditions.filter((condition) => !condition.route);
  const scope = outcomes.scope?.status;
  const outcome: Outcome =
    scope === 'fail'
      ? 'not_applicable'
      : outcomeOf([...direct.map((condition) => condition.status), ...pathways.map((pathway) => pathway.status), ...(scope === 'unknown' ? (['unknown'] as const) : [])]);

  const missing = new Set<string>();
  if (scope === 'unknown') outcomes.scope!.missing.forEach((path) => missing.add(path));
  for (const condition of direct) if (condition.status === 'unknown') condition.missing.forEach((path) => missing.add(path));
  for (const pathway of pathways) {
    if (pathway.status !== 'unknown') continue;
    const applies = outcomes.pathways.get(pathway.id);
    if (applies?.status === 'unknown') applies.missing.forEach((path) => missing.add(path));
    for (const route of pathway.routes) {
      if (route.status !== 'unknown') continue;
      for (const id of route.conditions) byId.get(id)!.missing.forEach((path) => missing.add(path));
    }
  }

  const counts: Record<ConditionStatus, number> = { pass: 0, fail: 0, unknown: 0, review: 0, not_applicable: 0 };
  for (const condition of conditions) counts[condition.status] += 1;

  const document = ruleSet.document;
  return {
    ruleSet: {
      id: ruleSet.id,
      title: ruleSet.title,
      authority: document.authority,
      documentNumber: document.documentNumber ?? null,
      issued: toReportValue(document.issued) as string,
      year: document.year,
      cutoffDates: Object.fromEntries(
        [...ruleSet.parameters.values()].filter((parameter) => parameter.type === 'date').map((parameter) => [parameter.name, toReportValue(parameter.value) as string]),
      ),
    },
    outcome,
    message: perLanguage((language) => locales[language].outcome[outcome]),
    counts,
    conditions,
    pathways,
    missing: [...missing],
    scope: outcomes.scope ? { status: outcomes.scope.status, missing: outcomes.scope.missing } : null,
    ...(scope === 'fail' && {
      outOfScope: { reason: ruleSet.scope!.outOfScope, citation: { clause: ruleSet.scope!.citation.clause, quote: ruleSet.scope!.citation.quote } },
    }),
    notes: ruleSet.notes
      .filter((note) => scope !== 'fail' && outcomes.notes.get(note.id)?.status !== 'fail')
      .map((note) => ({ id: note.id, text: note.text, citation: { clause: note.citation.clause, quote: note.citation.quote } })),
  };
}
