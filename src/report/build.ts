import { allOf, anyOf } from '../engine/logic.js';
import type { ConditionOutcome, EvaluationOutcomes, ShownComparison } from '../engine/outcomes.js';
import { LOCALES } from '../locales/index.js';
import { labelOf } from '../locales/labels.js';
import type { ConditionStatus, Language, Locale, LocalizedText, Outcome } from '../locales/types.js';
import type { CompiledCondition, RuleSet } from '../ruleset/compiled.js';
import type { ConditionReport, EligibilityReport, NoteReport, PathwayReport, ReportValue } from './types.js';
import { describeValue, toReportValue } from './values.js';

/** The words a report is written in, one locale per language. */
export type Locales = Readonly<Record<Language, Locale>>;

const NO_PATHS: readonly string[] = Object.freeze([]);

/** What a condition's report shares with every other report of it: computed once per rule set. */
interface ConditionStatics {
  readonly citation: ConditionReport['citation'];
  readonly reads: readonly string[];
  readonly parameters: Readonly<Record<string, ReportValue>>;
}

/** What a rule set's reports share. */
interface RuleSetStatics {
  readonly identity: EligibilityReport['ruleSet'];
  readonly conditions: readonly ConditionStatics[];
  readonly notes: readonly NoteReport[];
  /** For each pathway, for each route, the indexes of its conditions in the rule set. */
  readonly routeIndexes: readonly (readonly (readonly number[])[])[];
}

const statics = new WeakMap<RuleSet, RuleSetStatics>();

function staticsOf(ruleSet: RuleSet): RuleSetStatics {
  let shared = statics.get(ruleSet);
  if (shared) return shared;
  const document = ruleSet.document;
  shared = {
    identity: Object.freeze({
      id: ruleSet.id,
      title: ruleSet.title,
      authority: document.authority,
      documentNumber: document.documentNumber ?? null,
      issued: toReportValue(document.issued) as string,
      year: document.year,
      cutoffDates: Object.freeze(
        Object.fromEntries(
          [...ruleSet.parameters.values()].filter((parameter) => parameter.type === 'date').map((parameter) => [parameter.name, toReportValue(parameter.value) as string]),
        ),
      ),
    }),
    conditions: ruleSet.conditions.map((condition) => ({
      citation: Object.freeze({ clause: condition.citation.clause, quote: condition.citation.quote }),
      reads: Object.freeze([...condition.reads]),
      parameters: Object.freeze(
        Object.fromEntries(condition.parameters.map((name) => [name, toReportValue(ruleSet.parameters.get(name)?.value)])),
      ),
    })),
    notes: ruleSet.notes.map((note) => Object.freeze({ id: note.id, text: note.text, citation: Object.freeze({ clause: note.citation.clause, quote: note.citation.quote }) })),
    routeIndexes: ruleSet.pathways.map((pathway) => pathway.routes.map((route) => route.conditions.map((condition) => ruleSet.conditions.indexOf(condition)))),
  };
  statics.set(ruleSet, shared);
  return shared;
}

const factLabel = (shown: ShownComparison): LocalizedText => shown.leaf.fact.label?.(shown.leaf.params) ?? shown.leaf.fact.description;

function conditionMessage(
  condition: CompiledCondition,
  status: ConditionStatus,
  missing: readonly string[],
  shown: ShownComparison | undefined,
  locales: Locales,
  outOfScope: LocalizedText | undefined,
): LocalizedText {
  if (outOfScope) return outOfScope;
  const say = (language: Language): string => {
    const locale = locales[language];
    switch (status) {
      case 'not_applicable':
        return condition.notApplicable?.[language] ?? locale.notApplicable;
      case 'review':
        return locale.review(condition.review![language]);
      case 'unknown':
        return locale.missing(missing.map((path) => labelOf(path)[language]));
      default: {
        if (!shown) return locale.status[status];
        const actual = describeValue(toReportValue(shown.actual), locale);
        const required = describeValue(toReportValue(shown.required), locale);
        const template = condition.message?.[language];
        return template
          ? template.replaceAll('{actual}', actual).replaceAll('{required}', required)
          : locale.comparison(factLabel(shown)[language], actual, shown.leaf.operator.phrase[language], required);
      }
    }
  };
  return { zh: say('zh'), en: say('en') };
}

/**
 * One condition's report with its message built lazily (`messages: 'lazy'`). The message — two
 * languages, values in words — is what costs most to build and what batch screening rarely reads, so
 * it is built the first time it is read, or when the report is serialised with JSON, and then kept.
 * It is a prototype getter: structuredClone (postMessage) does not see it, which is why lazy messages
 * are an option and plain, eager reports the default.
 */
class ConditionResult implements ConditionReport {
  readonly id: string;
  readonly title: LocalizedText;
  readonly status: ConditionStatus;
  readonly citation: ConditionReport['citation'];
  readonly interpretation?: LocalizedText;
  readonly actual: ReportValue;
  readonly required: ReportValue;
  readonly operator: string | null;
  readonly reads: readonly string[];
  readonly missing: readonly string[];
  readonly parameters: Readonly<Record<string, ReportValue>>;
  readonly route?: { readonly pathway: string; readonly route: string };
  #message: LocalizedText | undefined;
  readonly #condition: CompiledCondition;
  readonly #shown: ShownComparison | undefined;
  readonly #locales: Locales;
  readonly #outOfScope: LocalizedText | undefined;

  constructor(
    condition: CompiledCondition,
    shared: ConditionStatics,
    outcome: ConditionOutcome,
    locales: Locales,
    outOfScope: LocalizedText | undefined,
  ) {
    this.id = condition.id;
    this.title = condition.title;
    this.status = outcome.status;
    this.citation = shared.citation;
    this.interpretation = condition.interpretation;
    const shown = outcome.status === 'pass' || outcome.status === 'fail' ? outcome.shown : undefined;
    this.actual = shown ? toReportValue(shown.actual) : null;
    this.required = shown ? toReportValue(shown.required) : null;
    this.operator = shown ? shown.leaf.operator.name : null;
    this.reads = shared.reads;
    this.missing = outcome.missing;
    this.parameters = shared.parameters;
    this.route = condition.route;
    this.#condition = condition;
    this.#shown = shown;
    this.#locales = locales;
    this.#outOfScope = outOfScope;
  }

  get message(): LocalizedText {
    return (this.#message ??= conditionMessage(this.#condition, this.status, this.missing, this.#shown, this.#locales, this.#outOfScope));
  }

  toJSON(): ConditionReport {
    return {
      id: this.id,
      title: this.title,
      status: this.status,
      citation: this.citation,
      ...(this.interpretation && { interpretation: this.interpretation }),
      actual: this.actual,
      required: this.required,
      operator: this.operator,
      reads: this.reads,
      missing: this.missing,
      message: this.message,
      parameters: this.parameters,
      ...(this.route && { route: this.route }),
    };
  }
}

function reportPathways(
  ruleSet: RuleSet,
  outcomes: EvaluationOutcomes,
  conditions: readonly ConditionReport[],
  routeIndexes: RuleSetStatics['routeIndexes'],
): PathwayReport[] {
  return ruleSet.pathways.map((pathway, index) => {
    const routes = pathway.routes.map((route, routeIndex) => ({
      id: route.id,
      title: route.title,
      status: allOf(routeIndexes[index]![routeIndex]!.map((conditionIndex) => conditions[conditionIndex]!.status)),
      conditions: routeIndexes[index]![routeIndex]!.map((conditionIndex) => conditions[conditionIndex]!.id),
    }));
    const applies = outcomes.pathways[index];
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

const OUT_OF_SCOPE: ConditionOutcome = Object.freeze({ status: 'not_applicable', missing: NO_PATHS });

/**
 * The report for one profile, from what an evaluator computed. Conditions that are steps of a pathway's
 * routes count through their pathway (a failed normal-tenure step does not matter when the early route
 * is met); every other condition counts directly.
 */
export function buildReport(
  ruleSet: RuleSet,
  outcomes: EvaluationOutcomes,
  locales: Locales = LOCALES,
  messages: 'eager' | 'lazy' = 'eager',
): EligibilityReport {
  const shared = staticsOf(ruleSet);
  const scope = outcomes.scope?.status;
  const outOfScope = scope === 'fail' ? ruleSet.scope!.outOfScope : undefined;
  const conditions = ruleSet.conditions.map((condition, index) => {
    const result = new ConditionResult(condition, shared.conditions[index]!, outOfScope ? OUT_OF_SCOPE : outcomes.conditions[index]!, locales, outOfScope);
    // By default a report is plain data: every message written out, safe to clone, post or compare.
    return messages === 'lazy' ? result : result.toJSON();
  });
  const pathways = reportPathways(ruleSet, outcomes, conditions, shared.routeIndexes);

  const directStatuses: ConditionStatus[] = [];
  const counts: Record<ConditionStatus, number> = { pass: 0, fail: 0, unknown: 0, review: 0, not_applicable: 0 };
  const missing = new Set<string>();
  if (scope === 'unknown') for (const path of outcomes.scope!.missing) missing.add(path);
  for (const condition of conditions) {
    counts[condition.status] += 1;
    if (condition.route) continue;
    directStatuses.push(condition.status);
    if (condition.status === 'unknown') for (const path of condition.missing) missing.add(path);
  }
  pathways.forEach((pathway, index) => {
    if (pathway.status !== 'unknown') return;
    const applies = outcomes.pathways[index];
    if (applies?.status === 'unknown') for (const path of applies.missing) missing.add(path);
    pathway.routes.forEach((route, routeIndex) => {
      if (route.status !== 'unknown') return;
      for (const conditionIndex of shared.routeIndexes[index]![routeIndex]!) for (const path of conditions[conditionIndex]!.missing) missing.add(path);
    });
  });

  const outcome: Outcome =
    scope === 'fail'
      ? 'not_applicable'
      : outcomeOf([...directStatuses, ...pathways.map((pathway) => pathway.status), ...(scope === 'unknown' ? (['unknown'] as const) : [])]);

  return {
    ruleSet: shared.identity,
    outcome,
    message: { zh: locales.zh.outcome[outcome], en: locales.en.outcome[outcome] },
    counts,
    conditions,
    pathways,
    missing: [...missing],
    scope: outcomes.scope ? { status: outcomes.scope.status, missing: outcomes.scope.missing } : null,
    ...(outOfScope && {
      outOfScope: { reason: outOfScope, citation: { clause: ruleSet.scope!.citation.clause, quote: ruleSet.scope!.citation.quote } },
    }),
    notes: scope === 'fail' ? [] : shared.notes.filter((_, index) => outcomes.notes[index]?.status !== 'fail'),
  };
}
