import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { leafOutcome, type LeafOutcome } from '../engine/logic.js';
import { known, type FactValue } from '../facts/types.js';
import { labelOf } from '../locales/labels.js';
import { OPERATORS } from '../operators/index.js';
import type { Language, LocalizedText } from '../locales/types.js';
import type { DecodedProfile } from '../profile/decoded.js';
import { describeValue, toReportValue } from '../report/values.js';
import type { CompiledLeaf } from '../ruleset/compiled.js';
import type { Locales } from '../report/build.js';
import type { Need, Remedy } from './types.js';

/** What a shortfall is measured in: the profile, the words, and the day it is read on (if given). */
export interface NeedContext {
  readonly profile: DecodedProfile;
  readonly locales: Locales;
  /** The day the applicant reads the report: deadlines are counted from it. */
  readonly asOf: Date | undefined;
}

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isDate = (value: unknown): value is Date => value instanceof Date && !Number.isNaN(value.getTime());
const LATER_IS_WORSE = new Set(['dateOnOrBefore', 'dateBefore']);
const RISING = new Set(['greaterThanInclusive', 'greaterThan']);
const STRICT = new Set(['greaterThan', 'lessThan']);

/** Both sides of a leaf for this profile, and how the comparison came out (as the evaluators decide it). */
export function leafOutcomeFor(leaf: CompiledLeaf, profile: DecodedProfile): LeafOutcome {
  const left = leaf.fact.compute(profile, leaf.params);
  const right: FactValue = leaf.value.kind === 'literal' ? known(leaf.value.value) : leaf.value.fact.compute(profile, leaf.value.params);
  const passes = left.known && right.known && leaf.operator.test(left.value, right.value);
  return leafOutcome(leaf, left, right, passes);
}

const both = (say: (language: Language) => string): LocalizedText => ({ zh: say('zh'), en: say('en') });
const labelOfLeaf = (leaf: CompiledLeaf): LocalizedText => leaf.fact.label?.(leaf.params) ?? leaf.fact.description;
const round = (value: number): number => Math.round(value * 100) / 100;

/**
 * What one comparison still needs, from its own outcome: `null` when it passes. The values are the
 * ones the verdict was decided on (the fact's value and the notice's), never recomputed another way.
 */
export function leafNeed(outcome: LeafOutcome, context: NeedContext): Need | null {
  const { leaf, status } = outcome;
  const { locales, asOf } = context;
  if (status === 'pass') return null;
  if (status === 'review') return { kind: 'judgement', remedy: 'unstated', text: both((language) => locales[language].shortfall.judgement) };
  if (status === 'unknown') {
    // What a date comparison counts to, from the `asOf` day: the answer is still to come. Only a date
    // the answer must not be after is a deadline; one it must not be before (a window's first day) is not.
    const required = outcome.required;
    const deadline = asOf && isDate(required) && LATER_IS_WORSE.has(leaf.operator.name)
      ? { date: toReportValue(required) as string, daysLeft: differenceInCalendarDays(required, asOf) }
      : undefined;
    return answerNeed(outcome.missing, deadline, context);
  }
  const what = labelOfLeaf(leaf);
  const reads = leaf.fact.reads(leaf.params);
  const operator = leaf.operator.name;
  const { actual, required } = outcome;
  if (leaf.operator.monotone !== undefined && isNumber(actual) && isNumber(required)) {
    return amountNeed(leaf, what, reads, actual, required, context);
  }
  // Years since an entry the profile does not have (no such qualification): none counted yet, and no day
  // the count reaches the bar (`metOn: null`) — still a count, so a notice's fixed day still decides.
  if (leaf.operator.monotone !== undefined && actual === null && isNumber(required) && leaf.fact.reachesOn && RISING.has(operator)) {
    return amountNeed(leaf, what, reads, 0, required, context);
  }
  if (isDate(required) && (isDate(actual) || actual === null) && operator.startsWith('date')) {
    return dateNeed(leaf, what, reads, actual, required, context);
  }
  return valueNeed(leaf, operator, leaf.operator.phrase, actual, required, context);
}

/** An answer the notice requires to be otherwise: nothing to count, and the notice silent on remedies. */
function valueNeed(leaf: CompiledLeaf, operator: string, phrase: LocalizedText, actual: unknown, required: unknown, context: NeedContext): Need {
  const { locales } = context;
  const what = labelOfLeaf(leaf);
  const have = toReportValue(actual);
  const need = toReportValue(required);
  const remedy = decidedRemedy(leaf, context);
  return {
    kind: 'value',
    what,
    reads: leaf.fact.reads(leaf.params),
    operator,
    have,
    need,
    remedy,
    text: both((language) => {
      const locale = locales[language];
      const said = locale.shortfall.value(what[language], describeValue(have, locale), phrase[language], describeValue(need, locale));
      return remedy === 'impossible' ? `${said}${locale.shortfall.separator}${locale.shortfall.why.cutoffFixed}` : said;
    }),
  };
}

/**
 * An answer the notice fixes as of a day (education obtained by its cut-off): past on `asOf`, it can no
 * longer change under this notice; still ahead, it can. Otherwise the notice is silent.
 */
function decidedRemedy(leaf: CompiledLeaf, context: NeedContext): Remedy {
  const day = leaf.fact.decidedOn?.(leaf.params);
  if (day === undefined || context.asOf === undefined) return 'unstated';
  return differenceInCalendarDays(day, context.asOf) < 0 ? 'impossible' : 'possible';
}

/** The comparison each operator is the opposite of, for a `not` the profile does not meet. */
const OPPOSITE: Readonly<Record<string, string>> = {
  equal: 'notEqual', notEqual: 'equal', in: 'notIn', notIn: 'in',
  lessThan: 'greaterThanInclusive', greaterThanInclusive: 'lessThan', lessThanInclusive: 'greaterThan', greaterThan: 'lessThanInclusive',
  dateBefore: 'dateOnOrAfter', dateOnOrAfter: 'dateBefore', dateAfter: 'dateOnOrBefore', dateOnOrBefore: 'dateAfter',
};

/**
 * A comparison the profile meets where the notice asks, through `not`, that it should not: stated as
 * the opposite comparison (「人事关系所在地在衢州市 现为 是,要求不得为 是」).
 */
export function negatedNeed(outcome: LeafOutcome, context: NeedContext): Need {
  const opposite = OPERATORS.get(OPPOSITE[outcome.leaf.operator.name]!)!;
  return valueNeed(outcome.leaf, opposite.name, opposite.phrase, outcome.actual, outcome.required, context);
}

function amountNeed(leaf: CompiledLeaf, what: LocalizedText, reads: readonly string[], have: number, need: number, context: NeedContext): Need {
  const { locales, asOf } = context;
  const rising = RISING.has(leaf.operator.name);
  // A strict bar (多于, 少于) is met one step past it: one for whole numbers, else the 0.01 reports keep.
  // A fact says its own step (hours: hundredths, however whole they happen to be: 90.01 is 多于90学时).
  const whole = leaf.fact.step === undefined && Number.isInteger(have) && Number.isInteger(need);
  const step = STRICT.has(leaf.operator.name) ? (leaf.fact.step ?? (whole ? 1 : 0.01)) : 0;
  const short = round((rising ? need - have : have - need) + step);
  const params = leaf.params as { from?: unknown; to?: unknown };
  // A window of calendar years (continuing education): over once the year after its last has begun.
  const window = isNumber(params.from) && isNumber(params.to) ? { from: params.from, to: params.to } : undefined;
  // Years counted since an entry: the day they reach the bar.
  const reaches = rising && leaf.fact.reachesOn ? leaf.fact.reachesOn(context.profile, leaf.params, need) : undefined;
  const metOn = reaches === undefined ? undefined : reaches === null ? null : (toReportValue(reaches) as string);
  let remedy: Remedy = 'unstated';
  // Only a reason of its own: the notice's general silence is said once, for the whole condition.
  let why: 'cutoffFixed' | 'windowOver' | undefined;
  if (window && asOf) {
    const over = asOf.getUTCFullYear() > window.to;
    remedy = over ? 'unstated' : 'possible';
    why = over ? 'windowOver' : undefined;
  } else if (leaf.fact.decidedOn?.(leaf.params) !== undefined) {
    // Counted to a day the notice fixes, from a day already recorded: the count on that day cannot grow.
    remedy = 'impossible';
    why = 'cutoffFixed';
  }
  return {
    kind: 'amount',
    what,
    reads,
    operator: leaf.operator.name,
    have,
    need,
    short,
    ...(window && { window }),
    ...(metOn !== undefined && { metOn }),
    remedy,
    text: both((language) => {
      const locale = locales[language];
      const words = locale.shortfall;
      const say = rising ? words.short : words.over;
      const parts = [say(what[language], String(short), String(round(have)), leaf.operator.phrase[language], String(round(need)))];
      if (metOn) parts.push(words.metOn(metOn));
      if (why) parts.push(words.why[why]);
      return parts.join(words.separator);
    }),
  };
}

function dateNeed(leaf: CompiledLeaf, what: LocalizedText, reads: readonly string[], have: Date | null, need: Date, context: NeedContext): Need {
  const { locales, asOf } = context;
  const laterIsWorse = LATER_IS_WORSE.has(leaf.operator.name);
  const days = have === null ? null : Math.abs(differenceInCalendarDays(have, need));
  const daysLeft = asOf ? differenceInCalendarDays(need, asOf) : undefined;
  // A date after a cut-off: the event happened (or is planned) too late. It can still be put right only
  // while the cut-off has not passed on the `asOf` day; a recorded date without `asOf` is taken as
  // what happened, which no later step of this notice can move. A date too early, or a date that does
  // not exist yet: the notice does not say whether it can be done again or later.
  let remedy: Remedy;
  if (laterIsWorse) remedy = daysLeft === undefined ? (have === null ? 'unstated' : 'impossible') : daysLeft >= 0 ? 'possible' : 'impossible';
  else remedy = 'unstated';
  const haveText = have === null ? null : (toReportValue(have) as string);
  const needText = toReportValue(need) as string;
  return {
    kind: 'date',
    what,
    reads,
    operator: leaf.operator.name,
    have: haveText,
    need: needText,
    days,
    ...(daysLeft !== undefined && { daysLeft }),
    remedy,
    text: both((language) => {
      const locale = locales[language];
      const words = locale.shortfall;
      const parts = [
        haveText === null
          ? words.noDate(what[language], leaf.operator.phrase[language], needText)
          : laterIsWorse
            ? words.late(what[language], days!, haveText, needText)
            : words.early(what[language], days!, haveText, needText),
      ];
      // Days still left are worth saying; a date already past is said by "cannot be met" below.
      if (daysLeft !== undefined && daysLeft >= 0) parts.push(words.daysLeft(needText, daysLeft));
      if (remedy === 'impossible') parts.push(words.why.cutoffFixed);
      return parts.join(words.separator);
    }),
  };
}

/** Answers still to give; with the date one of them is compared with, and how long until it from `asOf`. */
export function answerNeed(paths: readonly string[], deadline: { date: string; daysLeft: number } | undefined, context: NeedContext): Need {
  const { locales } = context;
  return {
    kind: 'answer',
    paths,
    ...(deadline && { deadline }),
    remedy: 'possible',
    text: both((language) => {
      const words = locales[language].shortfall;
      const asked = words.answer(paths.map((path) => labelOf(path)[language]));
      // A date still ahead is worth saying; one already past stays in the data (a title date not yet
      // given is not late because the cut-off has passed).
      return deadline && deadline.daysLeft >= 0 ? `${asked}${locales[language].colon}${words.daysLeft(deadline.date, deadline.daysLeft)}` : asked;
    }),
  };
}
