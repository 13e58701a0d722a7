import { better, stricter } from '../engine/logic.js';
import { addPathsOnce, conditionOutcome, NO_PATHS, type ConditionOutcome, type EvaluationOutcomes } from '../engine/outcomes.js';
import { LOCALES } from '../locales/index.js';
import { labelOf } from '../locales/labels.js';
import type { ConditionStatus, Language, Locale, LocalizedText, Outcome } from '../locales/types.js';
import type { CompiledCondition, CompiledLeaf, RuleSet } from '../ruleset/compiled.js';
import type { ConditionReport, EligibilityReport, NoteReport, PathwayReport, ReportValue, RouteReport } from './types.js';
import { describeValue, toReportValue } from './values.js';
import { assertRuleSet } from '../ruleset/loaded.js';
import { fillPlaceholders } from '../text/fill.js';
import type { NeedContext } from '../remedies/leaf-need.js';
import { shortfallOf } from '../remedies/shortfall.js';
import { nearestFirst, routeNeeds, routeRemedy } from '../remedies/routes.js';
import type { Remedy, Shortfall } from '../remedies/types.js';
import type { DecodedProfile } from '../profile/decoded.js';
import { withSharedViews } from '../facts/views.js';

/** The words a report is written in, one locale per language. */
export type Locales = Readonly<Record<Language, Locale>>;

/**
 * What a condition's report shares with every other report of it: computed once per rule set. The
 * condition's own fields are copied here so that every statics object has one shape: compiled
 * conditions have as many shapes as combinations of optional fields, and reading them while building
 * each result was a megamorphic load per field per condition.
 */
interface ConditionStatics {
  readonly condition: CompiledCondition;
  readonly id: string;
  readonly title: LocalizedText;
  readonly interpretation: LocalizedText | undefined;
  readonly route: ConditionReport['route'];
  readonly citation: ConditionReport['citation'];
  readonly reads: readonly string[];
  readonly parameters: Readonly<Record<string, ReportValue>>;
  /** Lazy results that are the same for every profile, made on first use (see `sharedResult`). */
  readonly sharedResults: { notApplicable?: ConditionResult; review?: ConditionResult; outOfScope?: ConditionResult };
}

/** What a rule set's reports share. */
interface RuleSetStatics {
  readonly identity: EligibilityReport['ruleSet'];
  readonly conditions: readonly ConditionStatics[];
  readonly notes: readonly NoteReport[];
  /** For each pathway, for each route, the indexes of its conditions in the rule set. */
  readonly routeIndexes: readonly (readonly (readonly number[])[])[];
  /** For each pathway, for each route, the ids of its conditions (shared by every report). */
  readonly routeConditionIds: readonly (readonly (readonly string[])[])[];
  /** For each condition, whether it is a step of a route (and so counts through its pathway). */
  readonly routeStep: readonly boolean[];
}

const statics = new WeakMap<RuleSet, RuleSetStatics>();

/** A shortfall or remedy not yet measured (distinct from `undefined`/`null`, "nothing to measure"). */
const UNMEASURED = Symbol('unmeasured');

function staticsOf(ruleSet: RuleSet): RuleSetStatics {
  let shared = statics.get(ruleSet);
  if (shared) return shared;
  assertRuleSet(ruleSet);
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
      condition,
      id: condition.id,
      title: condition.title,
      interpretation: condition.interpretation,
      route: condition.route,
      citation: Object.freeze({ clause: condition.citation.clause, quote: condition.citation.quote }),
      reads: Object.freeze([...condition.reads]),
      parameters: Object.freeze(
        Object.fromEntries(condition.parameters.map((name) => [name, toReportValue(ruleSet.parameters.get(name)?.value)])),
      ),
      sharedResults: { notApplicable: undefined, review: undefined, outOfScope: undefined },
    })),
    notes: ruleSet.notes.map((note) => Object.freeze({ id: note.id, text: note.text, citation: Object.freeze({ clause: note.citation.clause, quote: note.citation.quote }) })),
    routeIndexes: ruleSet.pathways.map((pathway) => pathway.routes.map((route) => route.conditions.map((condition) => ruleSet.conditions.indexOf(condition)))),
    routeConditionIds: ruleSet.pathways.map((pathway) => pathway.routes.map((route) => Object.freeze(route.conditions.map((condition) => condition.id)))),
    routeStep: ruleSet.conditions.map((condition) => condition.route !== undefined),
  };
  statics.set(ruleSet, shared);
  return shared;
}

const factLabel = (leaf: CompiledLeaf): LocalizedText => leaf.fact.label?.(leaf.params) ?? leaf.fact.description;

/** What a condition's message says, from its report's own fields and the comparison that decided it. */
function conditionMessage(
  condition: CompiledCondition,
  result: Pick<ConditionReport, 'status' | 'missing' | 'actual' | 'required'>,
  shown: CompiledLeaf | undefined,
  locales: Locales,
  outOfScope: LocalizedText | undefined,
): LocalizedText {
  if (outOfScope) return outOfScope;
  const { status, missing } = result;
  const say = (language: Language): string => {
    const locale = locales[language];
    switch (status) {
      case 'not_applicable':
        return condition.notApplicable?.[language] ?? locale.notApplicable;
      case 'review': {
        const reason = locale.review(condition.review![language]);
        if (!shown) return reason;
        // A value outside an open list: say what it is and what the notice lists, keeping its 等.
        const listed = `${describeValue(result.required, locale)}${locale.openList}`;
        return `${reason}${locale.colon}${locale.comparison(factLabel(shown)[language], describeValue(result.actual, locale), shown.operator.phrase[language], listed)}`;
      }
      case 'unknown':
        return locale.missing(missing.map((path) => labelOf(path)[language]));
      default: {
        if (!shown) return locale.status[status];
        const actual = describeValue(result.actual, locale);
        const required = describeValue(result.required, locale);
        const template = condition.message?.[language];
        return template
          ? fillPlaceholders(template, (name) => (name === 'actual' ? actual : name === 'required' ? required : undefined))
          : locale.comparison(factLabel(shown)[language], actual, shown.operator.phrase[language], required, status === 'pass');
      }
    }
  };
  return { zh: say('zh'), en: say('en') };
}

/** What every condition of one report shares, for writing its message. */
interface MessageContext {
  readonly locales: Locales;
  readonly outOfScope: LocalizedText | undefined;
  /** The profile and day a shortfall is measured with; absent, conditions carry none. */
  readonly needs?: NeedContext | undefined;
}

/** What a report's shortfalls are measured with: the profile evaluated, and the day it is read on. */
export interface ShortfallInput {
  readonly profile: DecodedProfile;
  /** Deadlines and windows are counted from this day; without it, only what the dates themselves decide. */
  readonly asOf?: Date | undefined;
}

/**
 * One condition's report with its message built lazily (`messages: 'lazy'`). The message — two
 * languages, values in words — is what costs most to build and what batch screening rarely reads, so
 * it is built the first time it is read, or when the report is serialised with JSON, and then kept.
 * It is a prototype getter: structuredClone (postMessage) does not see it, which is why lazy messages
 * are an option and plain, eager reports the default.
 *
 * The public fields are `declare`d and assigned once, in one order, so every result has one shape and
 * nothing is written twice (class field definitions would first define each as `undefined`).
 */
class ConditionResult implements ConditionReport {
  declare readonly id: string;
  declare readonly title: LocalizedText;
  declare readonly status: ConditionStatus;
  declare readonly citation: ConditionReport['citation'];
  declare readonly interpretation?: LocalizedText;
  declare readonly actual: ReportValue;
  declare readonly required: ReportValue;
  declare readonly operator: string | null;
  declare readonly reads: readonly string[];
  declare readonly missing: readonly string[];
  declare readonly parameters: Readonly<Record<string, ReportValue>>;
  declare readonly route?: { readonly pathway: string; readonly route: string };
  #message: LocalizedText | undefined;
  readonly #condition: CompiledCondition;
  /**
   * The comparison that decided it, for the message. Not the evaluator's outcome: the message is built
   * from this result's own fields, so a report holds no evaluator object.
   */
  readonly #shown: CompiledLeaf | undefined;
  readonly #context: MessageContext;
  #shortfall: Shortfall | undefined | typeof UNMEASURED;

  constructor(shared: ConditionStatics, outcome: ConditionOutcome, context: MessageContext) {
    const shown = outcome.status === 'pass' || outcome.status === 'fail' || outcome.status === 'review' ? outcome.shown : undefined;
    this.#message = undefined;
    this.#shortfall = undefined;
    this.#condition = shared.condition;
    this.#shown = shown;
    this.#context = context;
    const self = this as Mutable<ConditionResult>;
    self.id = shared.id;
    self.title = shared.title;
    self.status = outcome.status;
    self.citation = shared.citation;
    self.interpretation = shared.interpretation;
    self.actual = shown ? toReportValue(outcome.actual) : null;
    self.required = shown ? toReportValue(outcome.required) : null;
    self.operator = shown ? shown.operator.name : null;
    self.reads = shared.reads;
    self.missing = outcome.missing;
    self.parameters = shared.parameters;
    self.route = shared.route;
    // Only what fails or is still open has a shortfall, measured when first read (as the message is).
    const measurable = context.needs !== undefined && (outcome.status === 'fail' || outcome.status === 'unknown') && !context.outOfScope;
    this.#shortfall = measurable ? UNMEASURED : undefined;
  }

  /**
   * What it still needs, measured from the profile on first read and then kept. Lazy for the same
   * reason as the message: bulk screening reads statuses, and measuring every failed condition of
   * every applicant doubled the cost of a report. Until then (and after) the report's shared context
   * holds the profile, as long as the report lives.
   */
  get shortfall(): Shortfall | undefined {
    if (this.#shortfall !== UNMEASURED) return this.#shortfall;
    const needs = this.#context.needs!;
    const status = this.status as 'fail' | 'unknown';
    this.#shortfall = withSharedViews(() => shortfallOf(this.#condition, status, this.missing, needs));
    return this.#shortfall;
  }

  get message(): LocalizedText {
    const context = this.#context;
    return (this.#message ??= conditionMessage(this.#condition, this, this.#shown, context.locales, context.outOfScope));
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
      ...(this.#shortfall !== undefined && this.shortfall && { shortfall: this.shortfall }),
    };
  }
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * A route of a lazy report: whether its needs can still be met is measured from its steps' shortfalls,
 * so it waits until read, as they do (see `ConditionResult`).
 */
class RouteResult implements RouteReport {
  #remedy: Remedy | null | typeof UNMEASURED = UNMEASURED;
  readonly #indexes: readonly number[];
  readonly #steps: readonly ConditionReport[];
  constructor(
    readonly id: string,
    readonly title: LocalizedText,
    readonly status: ConditionStatus,
    readonly conditions: readonly string[],
    readonly needs: readonly string[],
    indexes: readonly number[],
    steps: readonly ConditionReport[],
  ) {
    this.#indexes = indexes;
    this.#steps = steps;
  }

  get remedy(): Remedy | null {
    if (this.#remedy === UNMEASURED) this.#remedy = routeRemedy(this.#indexes, this.#steps);
    return this.#remedy;
  }

  toJSON(): RouteReport {
    return { id: this.id, title: this.title, status: this.status, conditions: this.conditions, needs: this.needs, remedy: this.remedy };
  }
}

/** A pathway of a lazy report: its routes' order, nearest first, depends on their remedies (above). */
class PathwayResult implements PathwayReport {
  declare readonly id: string;
  declare readonly title: LocalizedText;
  declare readonly status: ConditionStatus;
  declare readonly taken: string | null;
  declare readonly open: readonly string[];
  declare readonly routes: readonly RouteReport[];
  #nearest: readonly string[] | undefined;

  constructor(base: Omit<PathwayReport, 'nearest'>) {
    Object.assign(this, base);
    this.#nearest = undefined;
  }

  get nearest(): readonly string[] {
    return (this.#nearest ??= nearestFirst(this.routes));
  }

  toJSON(): PathwayReport {
    return { id: this.id, title: this.title, status: this.status, taken: this.taken, open: this.open, routes: this.routes.map((route) => (route instanceof RouteResult ? route.toJSON() : route)), nearest: this.nearest };
  }
}

function reportPathways(
  ruleSet: RuleSet,
  outcomes: EvaluationOutcomes,
  conditions: readonly ConditionReport[],
  shared: RuleSetStatics,
  messages: 'eager' | 'lazy',
): PathwayReport[] {
  const pathways = new Array<PathwayReport>(ruleSet.pathways.length);
  const scopeFailed = outcomes.scope?.status === 'fail';
  for (let index = 0; index < pathways.length; index += 1) {
    const pathway = ruleSet.pathways[index]!;
    const routeIndexes = shared.routeIndexes[index]!;
    const routeConditionIds = shared.routeConditionIds[index]!;
    const routes = new Array<PathwayReport['routes'][number]>(pathway.routes.length);
    // Loops rather than map/filter: this runs for every pathway of every report.
    let best: ConditionStatus = 'not_applicable';
    let taken: string | null = null;
    for (let routeIndex = 0; routeIndex < routes.length; routeIndex += 1) {
      const route = pathway.routes[routeIndex]!;
      let status: ConditionStatus = 'not_applicable';
      for (const conditionIndex of routeIndexes[routeIndex]!) status = stricter(status, conditions[conditionIndex]!.status);
      const indexes = routeIndexes[routeIndex]!;
      const needs = routeNeeds(indexes, conditions);
      routes[routeIndex] =
        messages === 'lazy'
          ? new RouteResult(route.id, route.title, status, routeConditionIds[routeIndex]!, needs, indexes, conditions)
          : { id: route.id, title: route.title, status, conditions: routeConditionIds[routeIndex]!, needs, remedy: routeRemedy(indexes, conditions) };
      best = better(best, status);
      if (taken === null && status === 'pass') taken = route.id;
    }
    if (best === 'not_applicable') best = 'fail'; // anyOf: no route applies, so none is open
    const applies = outcomes.pathways[index];
    const status: ConditionStatus = scopeFailed
      ? 'not_applicable'
      : !applies || applies.status === 'pass' ? best : applies.status === 'fail' ? 'not_applicable' : best === 'pass' ? 'pass' : 'unknown';
    const settled = status === 'pass' || status === 'not_applicable';
    let open: readonly string[] = NO_PATHS;
    if (!settled) {
      const undecided: string[] = [];
      for (const route of routes) if (route.status === 'unknown' || route.status === 'review') undecided.push(route.id);
      open = undecided;
    }
    const base = { id: pathway.id, title: pathway.title, status, taken: status === 'not_applicable' ? null : taken, open, routes };
    pathways[index] = messages === 'lazy' ? new PathwayResult(base) : { ...base, nearest: nearestFirst(routes) };
  }
  return pathways;
}

const OUT_OF_SCOPE: ConditionOutcome = Object.freeze(conditionOutcome('not_applicable', NO_PATHS));
const SHARED_REVIEW: ConditionOutcome = Object.freeze(conditionOutcome('review', NO_PATHS));

/** `Object.freeze` keeping the class's type (TypeScript's `Readonly<T>` drops its private fields). */
function frozen<T extends object>(value: T): T {
  Object.freeze(value);
  return value;
}

/**
 * A lazy result that does not depend on the profile: a condition that does not apply (or a whole report
 * out of the notice's scope), or one a person must review. Its status, values, citation and message are
 * the same for every applicant, so bulk screening (lazy messages, our own words) shares one frozen
 * result per condition instead of building it for each report; in Shizuishan's population that is 14
 * of 32 conditions a report. Eager reports stay fresh plain data, each its own.
 */
function sharedResult(shared: ConditionStatics, outcome: ConditionOutcome, outOfScope: LocalizedText | undefined): ConditionResult | undefined {
  // Only the plain outcomes: nothing still missing, no comparison shown (as every evaluator gives them).
  if (outcome.missing.length > 0 || outcome.shown !== undefined) return undefined;
  const cache = shared.sharedResults;
  if (outOfScope) return (cache.outOfScope ??= frozen(new ConditionResult(shared, OUT_OF_SCOPE, { locales: LOCALES, outOfScope })));
  if (outcome.status === 'not_applicable') return (cache.notApplicable ??= frozen(new ConditionResult(shared, OUT_OF_SCOPE, { locales: LOCALES, outOfScope: undefined })));
  if (outcome.status === 'review') return (cache.review ??= frozen(new ConditionResult(shared, SHARED_REVIEW, { locales: LOCALES, outOfScope: undefined })));
  return undefined;
}

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
  measure?: ShortfallInput,
): EligibilityReport {
  // An eager report measures every shortfall now: the facts they read again share their views.
  return measure && messages === 'eager'
    ? withSharedViews(() => assembleReport(ruleSet, outcomes, locales, messages, measure))
    : assembleReport(ruleSet, outcomes, locales, messages, measure);
}

function assembleReport(
  ruleSet: RuleSet,
  outcomes: EvaluationOutcomes,
  locales: Locales,
  messages: 'eager' | 'lazy',
  measure: ShortfallInput | undefined,
): EligibilityReport {
  const shared = staticsOf(ruleSet);
  const scope = outcomes.scope?.status;
  const outOfScope = scope === 'fail' ? ruleSet.scope!.outOfScope : undefined;
  const needs: NeedContext | undefined = measure && { profile: measure.profile, asOf: measure.asOf, locales };
  const context: MessageContext = { locales, outOfScope, needs };
  const count = ruleSet.conditions.length;
  const conditions = new Array<ConditionReport>(count);
  let pass = 0;
  let fail = 0;
  let unknown = 0;
  let review = 0;
  // Paths still needed, first asked first, each once.
  const missing: string[] = [];
  if (scope === 'unknown') addPathsOnce(outcomes.scope!.missing, missing);
  // The outcome from the conditions that count directly; pathways are added below.
  let directFail = false;
  let directUnknown = scope === 'unknown';
  let directReview = false;
  for (let index = 0; index < count; index += 1) {
    const outcome = outOfScope ? OUT_OF_SCOPE : outcomes.conditions[index]!;
    const status = outcome.status;
    const statics = shared.conditions[index]!;
    if (messages === 'lazy') {
      const reusable = locales === LOCALES && (status === 'not_applicable' || status === 'review') ? sharedResult(statics, outcome, outOfScope) : undefined;
      conditions[index] = reusable ?? new ConditionResult(statics, outcome, context);
    } else {
      // By default a report is plain data: every message written out, safe to clone, post or compare.
      conditions[index] = new ConditionResult(statics, outcome, context).toJSON();
    }
    if (status === 'pass') pass += 1;
    else if (status === 'fail') fail += 1;
    else if (status === 'unknown') unknown += 1;
    else if (status === 'review') review += 1;
    if (shared.routeStep[index]) continue;
    if (status === 'fail') directFail = true;
    else if (status === 'unknown') {
      directUnknown = true;
      addPathsOnce(outcome.missing, missing);
    } else if (status === 'review') directReview = true;
  }
  const pathways = reportPathways(ruleSet, outcomes, conditions, shared, messages);
  // Plain loops, not forEach: a closure here would capture the flags and the path list above, and every
  // use of them in the loop over conditions would go through a heap context instead of a register.
  for (let index = 0; index < pathways.length; index += 1) {
    const pathway = pathways[index]!;
    if (pathway.status === 'fail') directFail = true;
    else if (pathway.status === 'review') directReview = true;
    if (pathway.status !== 'unknown') continue;
    directUnknown = true;
    const applies = outcomes.pathways[index];
    if (applies?.status === 'unknown') addPathsOnce(applies.missing, missing);
    const routeIndexes = shared.routeIndexes[index]!;
    for (let routeIndex = 0; routeIndex < pathway.routes.length; routeIndex += 1) {
      if (pathway.routes[routeIndex]!.status !== 'unknown') continue;
      for (const conditionIndex of routeIndexes[routeIndex]!) addPathsOnce(conditions[conditionIndex]!.missing, missing);
    }
  }

  const outcome: Outcome =
    scope === 'fail' ? 'not_applicable' : directFail ? 'ineligible' : directUnknown ? 'incomplete' : directReview ? 'needs_review' : 'eligible';

  return {
    ruleSet: shared.identity,
    outcome,
    message: { zh: locales.zh.outcome[outcome], en: locales.en.outcome[outcome] },
    counts: { pass, fail, unknown, review, not_applicable: count - pass - fail - unknown - review },
    conditions,
    pathways,
    missing,
    scope: outcomes.scope ? { status: outcomes.scope.status, missing: outcomes.scope.missing } : null,
    ...(outOfScope && {
      outOfScope: { reason: outOfScope, citation: { clause: ruleSet.scope!.citation.clause, quote: ruleSet.scope!.citation.quote } },
    }),
    notes: scope === 'fail' ? [] : notesThatApply(shared.notes, outcomes.notes),
  };
}

function notesThatApply(notes: readonly NoteReport[], gates: EvaluationOutcomes['notes']): NoteReport[] {
  const out: NoteReport[] = [];
  // Only to the people a note concerns: its gate passes (a note whose gate is still unknown waits).
  for (let index = 0; index < notes.length; index += 1) {
    const gate = gates[index];
    if (gate === undefined || gate.status === 'pass') out.push(notes[index]!);
  }
  return out;
}
