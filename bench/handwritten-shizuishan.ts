/**
 * The Shizuishan 2024 notice (石嘴山市人力资源和社会保障局关于做好2024年职称评审工作的通知) coded by hand:
 * the notice's territory, the 33 conditions of `rules/shizuishan-2024/ruleset.json` and its `tenure`
 * pathway as plain ifs and loops, with the notice's numbers and dates written in. It is the benchmark's
 * "practical limit": what a competent engineer would write for this one notice, computing exactly the
 * statuses the library gives (four-valued: `unknown` wherever a fact is unknown, `review` where the
 * notice leaves a would-be failure to the evaluating body), but no paths, values or messages.
 *
 * It reads a profile decoded as the library's evaluator reads it (dates as UTC midnights, so they are
 * compared by `getTime()`), made once per profile before timing, as the library makes its own.
 */
import { divisionCodeOf } from '../src/places/resolve.js';
import type { DecodedProfile } from '../src/profile/decoded.js';

export type Status = 'pass' | 'fail' | 'unknown' | 'review' | 'not_applicable';

export interface HandwrittenResult {
  statuses: Record<string, Status>;
  tenure: Status;
  outcome: 'eligible' | 'ineligible' | 'incomplete' | 'needs_review' | 'not_applicable';
}

/** A gate's or a plain comparison's value: Kleene's three-valued logic. */
type Truth = 'pass' | 'fail' | 'unknown';

// ---- The notice's numbers -------------------------------------------------------------------------

/** 前言 / 二、(二)4 属地管理: the notice's territory, 石嘴山市 (GB/T 2260 640200), in 宁夏. */
const TERRITORY_CODE = '640200';
const TERRITORY_PREFIX = '6402'; // a prefecture: its first four digits
const TERRITORY_PROVINCE_PREFIX = '64';
const TERRITORY_NAMES: readonly string[] = ['石嘴山市', '石嘴山'];
const TERRITORY_PROVINCE_NAMES: readonly string[] = ['宁夏回族自治区', '宁夏'];

/** 二、(一)2: 正高级、副高级 须在2018年12月31日前(含当日)取得副高级、中级资格. */
const TENURE_CUTOFF_SENIOR_LEVELS = Date.UTC(2018, 11, 31);
/** 二、(一)2: 中级 须在2019年12月31日前(含当日)取得初级资格. */
const TENURE_CUTOFF_INTERMEDIATE = Date.UTC(2019, 11, 31);
/**
 * 一、(二) 可提前一年申报: the title day taken one year earlier (subYears, 29 Feb → 28 Feb) must still be on
 * or before the cut-off. As every cut-off is a 31 December, that is exactly the title day on or before
 * the cut-off one year later (a year-shifted day stays in its year, 29 February included).
 */
const TENURE_CUTOFF_SENIOR_LEVELS_EARLY = Date.UTC(2019, 11, 31);
const TENURE_CUTOFF_INTERMEDIATE_EARLY = Date.UTC(2020, 11, 31);
/** 二、(一)2: 学历证书 … 计算时间截至到2023年12月31日. */
const CALCULATION_CUTOFF = Date.UTC(2023, 11, 31);
/** 二、(二)2: 个人网上报名时间原则上截止到2024年6月30日 (原则上: later is for review, unless a unit announced its own date). */
const ONLINE_APPLICATION_DEADLINE = Date.UTC(2024, 5, 30);
/** 三、(三): 诚信档案记录期限为3年 (to the third anniversary, that day included). */
const INTEGRITY_RECORD_YEARS = 3;
/** The days an application under the notice can be made on: from its issue to the end of the November meetings. */
const APPLICATION_PERIOD_FROM = Date.UTC(2024, 4, 17);
const APPLICATION_PERIOD_UNTIL = Date.UTC(2024, 10, 30);

/** 二、(一)3: continuing-education windows and floors. */
const CE_FIRST_YEAR_SENIOR = 2019; // 副高级及以上: 2019–2023
const CE_FIRST_YEAR_INTERMEDIATE = 2020; // 中级: 2020–2023
const CE_LAST_YEAR = 2023;
const CE_YEARS = CE_LAST_YEAR - CE_FIRST_YEAR_SENIOR + 1;
const CE_INTERMEDIATE_YEARS = CE_LAST_YEAR - CE_FIRST_YEAR_INTERMEDIATE + 1;
const CE_SENIOR_TOTAL = 450;
const CE_SENIOR_PUBLIC = 90;
const CE_SENIOR_PROFESSIONAL = 300;
const CE_INTERMEDIATE_TOTAL = 360;
const CE_INTERMEDIATE_PUBLIC = 72;
const CE_INTERMEDIATE_PROFESSIONAL = 240;

/** Title levels, lowest first: 员级, 助理级 (together 初级), 中级, 副高级, 正高级. */
const RANK_INTERMEDIATE = 2;
const RANK_DEPUTY_SENIOR = 3;
const TITLE_RANK: Readonly<Record<string, number>> = { clerk: 0, assistant: 1, intermediate: 2, deputy_senior: 3, senior: 4 };

// ---- Small helpers ----------------------------------------------------------------------------------

/** `field == true` */
function isTrue(value: boolean | undefined): Truth {
  return value === undefined ? 'unknown' : value ? 'pass' : 'fail';
}

/** `field == false` */
function isFalse(value: boolean | undefined): Truth {
  return value === undefined ? 'unknown' : value ? 'fail' : 'pass';
}

/**
 * A condition's status from whether it applies and its test: while the gate is undecided, a passing
 * test settles it anyway and anything else (a failure, a review) waits for the answer.
 */
function gated(applies: Truth, test: Status): Status {
  if (applies === 'pass') return test;
  if (applies === 'fail') return 'not_applicable';
  return test === 'pass' ? 'pass' : 'unknown';
}

/** Kleene "and" of two. */
function and(a: Truth, b: Truth): Truth {
  if (a === 'fail' || b === 'fail') return 'fail';
  if (a === 'unknown' || b === 'unknown') return 'unknown';
  return 'pass';
}

/** Kleene "or" of two. */
function or(a: Truth, b: Truth): Truth {
  if (a === 'pass' || b === 'pass') return 'pass';
  if (a === 'unknown' || b === 'unknown') return 'unknown';
  return 'fail';
}

/** `earliest title ≥ level` on or before `cutoff`: unknown while a title that could count lacks data. */
function tenureTest(titlesKnown: boolean, earliest: number, cutoff: number): Truth {
  if (!titlesKnown) return 'unknown';
  return earliest <= cutoff ? 'pass' : 'fail'; // no such title (Infinity): fail
}

/**
 * Hours ≥ floor. `state`: 0 no list, 1 some window year (or some entry's year) missing, 2 every year
 * there. Missing years can only add hours, so the known ones already meeting the floor pass; short of
 * it, a complete window fails (`short`: 'fail', or 'review' for a floor the notice leaves to the
 * committee) and an incomplete one is unknown.
 */
function hoursAtLeast(state: number, hours: number, floor: number, short: Status): Status {
  if (state === 0) return 'unknown';
  if (hours >= floor) return 'pass';
  return state === 2 ? short : 'unknown';
}

/** Hours are recorded to at most two decimals: the sum is rounded so floating-point noise fails no floor. */
function roundHours(hours: number): number {
  return Math.round(hours * 100) / 100;
}

/** A UTC midnight for a calendar day; years 0–99 are not read as 1900–1999. */
function utcDay(year: number, month: number, day: number): number {
  if (year >= 100) return Date.UTC(year, month, day);
  const date = new Date(0);
  date.setUTCFullYear(year, month, day);
  return date.getTime();
}

/** The day `years` years after `date`, 29 February becoming 28 February in a common year. */
function addYearsUtc(date: Date, years: number): number {
  const year = date.getUTCFullYear() + years;
  const month = date.getUTCMonth();
  let day = date.getUTCDate();
  if (month === 1 && day === 29 && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0))) day = 28;
  return utcDay(year, month, day);
}

/**
 * Whether a period (first and last day included; NaN for an end not given) is in force on the day of
 * the online application, or — without that day — on whichever day of the notice's application period
 * it was: 1 yes, 0 no, -1 cannot tell. Either end alone can say no (it ended before, or starts after).
 */
function periodInForce(day: number | undefined, from: number, until: number): number {
  if (day !== undefined) {
    if (day < from || day > until) return 0; // NaN compares false: a missing end decides nothing
    return from === from && until === until ? 1 : -1;
  }
  if (until < APPLICATION_PERIOD_FROM || from > APPLICATION_PERIOD_UNTIL) return 0;
  return from <= APPLICATION_PERIOD_FROM && until >= APPLICATION_PERIOD_UNTIL ? 1 : -1;
}

/** A place name without spaces against a list of names: equal, or one the other plus a suffix (宁夏 / 宁夏回族自治区). */
function nameMatches(name: string, names: readonly string[]): boolean {
  const written = name.replace(/\s+/gu, '');
  if (written.length === 0) return false;
  for (let i = 0; i < names.length; i++) {
    const candidate = names[i]!;
    if (written === candidate || (written.length >= 2 && candidate.startsWith(written)) || written.startsWith(candidate)) return true;
  }
  return false;
}

/** How many leading digits of a division code name the division: 2 a province, 4 a prefecture, 6 a county. */
function significantDigits(code: string): number {
  if (code.endsWith('0000')) return 2;
  if (code.endsWith('00')) return 4;
  return 6;
}

/** Allof over a route's steps: fail > unknown > review > pass; `not_applicable` steps are left out. */
function allOfRank(status: Status): number {
  switch (status) {
    case 'fail':
      return 4;
    case 'unknown':
      return 3;
    case 'review':
      return 2;
    case 'pass':
      return 1;
    default:
      return 0;
  }
}
const ALL_OF: readonly Status[] = ['not_applicable', 'pass', 'review', 'unknown', 'fail'];

function allOf3(a: Status, b: Status, c: Status): Status {
  return ALL_OF[Math.max(allOfRank(a), allOfRank(b), allOfRank(c))]!;
}

function allOf5(a: Status, b: Status, c: Status, d: Status, e: Status): Status {
  return ALL_OF[Math.max(allOfRank(a), allOfRank(b), allOfRank(c), allOfRank(d), allOfRank(e))]!;
}

/** Anyof over routes: pass > unknown > review > fail; with no route applicable, none is open (fail). */
function anyOfRank(status: Status): number {
  switch (status) {
    case 'pass':
      return 4;
    case 'unknown':
      return 3;
    case 'review':
      return 2;
    case 'fail':
      return 1;
    default:
      return 0;
  }
}
const ANY_OF: readonly Status[] = ['fail', 'fail', 'review', 'unknown', 'pass'];

const CONDITION_IDS = [
  'law-and-ethics',
  'series-standards',
  'not-retired',
  'not-civil-servant',
  'no-sanction-in-force',
  'not-under-investigation',
  'tenure-senior',
  'tenure-deputy-senior',
  'tenure-intermediate',
  'rural-revitalization-contribution',
  'county-government-recommendation',
  'tenure-senior-early',
  'tenure-deputy-senior-early',
  'tenure-intermediate-early',
  'exceptional-review',
  'ce-intermediate-total',
  'ce-intermediate-public',
  'ce-intermediate-professional',
  'ce-intermediate-master-total',
  'ce-intermediate-master-public',
  'ce-intermediate-master-professional',
  'ce-senior-total',
  'ce-senior-public',
  'ce-senior-professional',
  'online-application-deadline',
  'committee-scope',
  'no-repeat-without-new-achievements',
  'within-post-structure-ratio',
  'evidence-public-institution',
  'evidence-enterprise-or-organization',
  'evidence-flexible-introduction',
  'evidence-flexible-employment',
  'integrity-record',
] as const;

// ---- The notice -------------------------------------------------------------------------------------

/**
 * 属地管理: whether the employer (for flexible workers and freelancers, the place of work) is in 石嘴山市.
 * A division code decides by its digits; without one, the city's name says inside, a region in another
 * province says outside, and anything else (a county-level name of 宁夏) cannot tell.
 *
 * The benchmark's library side is the main entry's `evaluate`, which first turns place names given
 * without a code into a code from its division dataset (`resolvePlaces`). A hand-written function for
 * the same answers needs the same dataset, so the name → code step is the library's `divisionCodeOf`
 * (what `resolvePlaces` calls); everything after it is written here.
 */
function employerInTerritory(employment: NonNullable<DecodedProfile['employment']>): Truth {
  const region = employment.region;
  const city = employment.city;
  const code = employment.divisionCode ?? divisionCodeOf({ region, city, district: employment.district });
  if (code !== undefined) {
    const digits = significantDigits(code);
    if (digits >= 4 && code.slice(0, 4) === TERRITORY_PREFIX) return 'pass';
    // A code for the province alone (640000) does not say which city: the names may.
    if (!(digits === 2 && code.slice(0, 2) === TERRITORY_PROVINCE_PREFIX)) return 'fail';
  }
  if (city !== undefined && nameMatches(city, TERRITORY_NAMES)) return 'pass';
  if (region !== undefined && region.trim() !== '' && !nameMatches(region, TERRITORY_PROVINCE_NAMES)) return 'fail';
  return 'unknown';
}

export function evaluateShizuishanByHand(profile: DecodedProfile): HandwrittenResult {
  const employment = profile.employment;
  const engagementGiven = employment?.engagement;

  // Scope: the employer in 石嘴山市, or talent introduced flexibly under a work agreement with one.
  let scope: Truth;
  if (engagementGiven === 'flexible_introduction') scope = 'pass';
  else {
    const inTerritory: Truth = employment === undefined ? 'unknown' : employerInTerritory(employment);
    scope = or(inTerritory, engagementGiven === undefined ? 'unknown' : 'fail');
  }
  if (scope === 'fail') {
    const statuses: Record<string, Status> = {};
    for (let i = 0; i < CONDITION_IDS.length; i++) statuses[CONDITION_IDS[i]!] = 'not_applicable';
    return { statuses, tenure: 'not_applicable', outcome: 'not_applicable' };
  }

  const status = profile.status;
  const discipline = profile.discipline;
  const application = profile.application;
  const target = application?.targetLevel;
  const submittedOn = application?.submittedOn;
  const day = submittedOn?.getTime();

  // 二、(一)1
  const notRetired = isFalse(status?.retired);
  const civilService = status?.civilService;
  const notCivilServant: Truth = civilService === undefined ? 'unknown' : civilService === 'none' ? 'pass' : 'fail';

  // 处分期内 (first and last day included), on the day of the online application or over the whole
  // application period when that day is not given.
  let noSanction: Truth;
  const sanctions = discipline?.sanctions;
  if (sanctions === undefined) noSanction = 'unknown';
  else {
    noSanction = 'pass';
    for (let i = 0; i < sanctions.length; i++) {
      const sanction = sanctions[i]!;
      const inForce = periodInForce(day, sanction.from?.getTime() ?? NaN, sanction.until?.getTime() ?? NaN);
      if (inForce === 1) {
        noSanction = 'fail';
        break;
      }
      if (inForce === -1) noSanction = 'unknown';
    }
  }

  const notUnderInvestigation = isFalse(discipline?.underInvestigation);

  // Target level, as each gate reads it.
  const targetSenior: Truth = target === undefined ? 'unknown' : target === 'senior' ? 'pass' : 'fail';
  const targetDeputySenior: Truth = target === undefined ? 'unknown' : target === 'deputy_senior' ? 'pass' : 'fail';
  const targetIntermediate: Truth = target === undefined ? 'unknown' : target === 'intermediate' ? 'pass' : 'fail';
  const targetDeputyOrSenior: Truth = target === undefined ? 'unknown' : target === 'deputy_senior' || target === 'senior' ? 'pass' : 'fail';

  // Titles: the earliest day a title at 初级 / 中级 / 副高级 or higher was obtained. A title without a
  // level could be any of them; one without a date could be the earliest of its level and below.
  const needTitles = target !== 'clerk' && target !== 'assistant'; // else no tenure or master's condition applies
  const titles = needTitles ? profile.titles : undefined;
  let levelMissing = false;
  let dateMissingJunior = false;
  let dateMissingIntermediate = false;
  let dateMissingDeputySenior = false;
  let earliestJunior = Infinity;
  let earliestJuniorDate: Date | undefined;
  let earliestIntermediate = Infinity;
  let earliestDeputySenior = Infinity;
  if (titles !== undefined) {
    for (let i = 0; i < titles.length; i++) {
      const title = titles[i]!;
      const level = title.level;
      if (level === undefined) {
        levelMissing = true;
        continue;
      }
      const rank = TITLE_RANK[level]!;
      const obtainedOn = title.obtainedOn;
      if (obtainedOn === undefined) {
        dateMissingJunior = true;
        if (rank >= RANK_INTERMEDIATE) dateMissingIntermediate = true;
        if (rank >= RANK_DEPUTY_SENIOR) dateMissingDeputySenior = true;
        continue;
      }
      const time = obtainedOn.getTime();
      if (time < earliestJunior) {
        earliestJunior = time;
        earliestJuniorDate = obtainedOn;
      }
      if (rank >= RANK_INTERMEDIATE && time < earliestIntermediate) earliestIntermediate = time;
      if (rank >= RANK_DEPUTY_SENIOR && time < earliestDeputySenior) earliestDeputySenior = time;
    }
  }
  const titlesListed = titles !== undefined && !levelMissing;
  const juniorKnown = titlesListed && !dateMissingJunior;
  const intermediateKnown = titlesListed && !dateMissingIntermediate;
  const deputySeniorKnown = titlesListed && !dateMissingDeputySenior;

  // Education (学历, by 2023-12-31): a master's diploma (for the continuing-education conditions), and a
  // master's or doctoral one (for the intermediate tenure). 'pass' holds one, 'fail' surely not.
  let master: Truth = 'unknown';
  let graduate: Truth = 'unknown';
  if (targetIntermediate !== 'fail') {
    const education = profile.education;
    if (education !== undefined) {
      let masterMissing = false;
      let graduateMissing = false;
      master = 'fail';
      graduate = 'fail';
      for (let i = 0; i < education.length; i++) {
        const entry = education[i]!;
        const credential = entry.credential;
        if (credential !== undefined && credential !== 'diploma') continue;
        const obtainedOn = entry.obtainedOn;
        if (obtainedOn !== undefined && obtainedOn.getTime() > CALCULATION_CUTOFF) continue;
        const level = entry.level;
        const complete = credential !== undefined && obtainedOn !== undefined;
        if (level === undefined) {
          masterMissing = true;
          graduateMissing = true;
          continue;
        }
        if (level === 'master') {
          if (complete) master = 'pass';
          else masterMissing = true;
        }
        if (level === 'master' || level === 'doctorate') {
          if (complete) graduate = 'pass';
          else graduateMissing = true;
        }
      }
      if (master === 'fail' && masterMissing) master = 'unknown';
      if (graduate === 'fail' && graduateMissing) graduate = 'unknown';
    }
  }

  // 二、(一)2 normal tenure. For 中级, a master's or doctoral graduate whose junior title came later is
  // for the committee (review), not a failure.
  const tenureSenior = gated(targetSenior, tenureTest(deputySeniorKnown, earliestDeputySenior, TENURE_CUTOFF_SENIOR_LEVELS));
  const tenureDeputySenior = gated(targetDeputySenior, tenureTest(intermediateKnown, earliestIntermediate, TENURE_CUTOFF_SENIOR_LEVELS));
  const juniorInTime = tenureTest(juniorKnown, earliestJunior, TENURE_CUTOFF_INTERMEDIATE);
  const tenureIntermediate = gated(
    targetIntermediate,
    juniorInTime !== 'fail' ? juniorInTime : graduate === 'pass' ? 'review' : graduate,
  );
  // 一、(二) one year early: the contribution is the applicant's to show (blank counts as not held).
  const ruralContribution: Truth = profile.recognitions?.ruralRevitalizationContribution === true ? 'pass' : 'fail';
  const countyRecommendation = isTrue(application?.countyGovernmentRecommendation);
  const tenureSeniorEarly = gated(targetSenior, tenureTest(deputySeniorKnown, earliestDeputySenior, TENURE_CUTOFF_SENIOR_LEVELS_EARLY));
  const tenureDeputySeniorEarly = gated(targetDeputySenior, tenureTest(intermediateKnown, earliestIntermediate, TENURE_CUTOFF_SENIOR_LEVELS_EARLY));
  const tenureIntermediateEarly = gated(targetIntermediate, tenureTest(juniorKnown, earliestJunior, TENURE_CUTOFF_INTERMEDIATE_EARLY));

  // 一、(五) 破格: only when declared.
  const exceptionalReview: Status = application?.route === 'exceptional' ? 'review' : 'not_applicable';

  // 二、(一)3 continuing education: the ordinary floors without a master's diploma, the prorated ones with.
  const needSenior = targetDeputyOrSenior !== 'fail';
  const needIntermediate = targetIntermediate !== 'fail' && master !== 'pass';
  const needMaster = targetIntermediate !== 'fail' && master !== 'fail';
  const appliesIntermediate = and(targetIntermediate, master === 'pass' ? 'fail' : master === 'fail' ? 'pass' : 'unknown');
  const appliesMaster = and(targetIntermediate, master);

  // For a master's diploma, years in post count from the year of the first 初级 title (2020–2023; the
  // whole window without one), and the 4-year floors are prorated by them.
  let masterFirstYear = CE_FIRST_YEAR_INTERMEDIATE;
  if (earliestJuniorDate !== undefined) {
    const year = earliestJuniorDate.getUTCFullYear();
    masterFirstYear = year < CE_FIRST_YEAR_INTERMEDIATE ? CE_FIRST_YEAR_INTERMEDIATE : year > CE_LAST_YEAR ? CE_LAST_YEAR : year;
  }
  const masterYears = CE_LAST_YEAR - masterFirstYear + 1;

  // Hours by year and category (several entries for one year add up, in list order), then each window
  // summed year by year. A window year with no entry, or any entry with no year, leaves a window's hours
  // unknown but at least what the known years add up to.
  let ceSeniorTotal: Status = 'not_applicable';
  let ceSeniorPublic: Status = 'not_applicable';
  let ceSeniorProfessional: Status = 'not_applicable';
  let ceIntermediateTotal: Status = 'not_applicable';
  let ceIntermediatePublic: Status = 'not_applicable';
  let ceIntermediateProfessional: Status = 'not_applicable';
  let ceMasterTotal: Status = 'not_applicable';
  let ceMasterPublic: Status = 'not_applicable';
  let ceMasterProfessional: Status = 'not_applicable';
  if (needSenior || needIntermediate || needMaster) {
    const ce = profile.continuingEducation;
    let seniorState = 0; // 0 no list, 1 incomplete, 2 complete
    let intermediateState = 0;
    let masterState = 0;
    let seniorTotal = 0;
    let seniorPublic = 0;
    let seniorProfessional = 0;
    let intermediateTotal = 0;
    let intermediatePublic = 0;
    let intermediateProfessional = 0;
    let masterTotal = 0;
    let masterPublic = 0;
    let masterProfessional = 0;
    if (ce !== undefined) {
      const publicHours = [0, 0, 0, 0, 0];
      const industryPublicHours = [0, 0, 0, 0, 0];
      const professionalHours = [0, 0, 0, 0, 0];
      const examHours = [0, 0, 0, 0, 0];
      let yearMissing = false;
      let seen = 0; // bit (year - 2019)
      for (let i = 0; i < ce.length; i++) {
        const entry = ce[i]!;
        const year = entry.year;
        if (year === undefined) {
          yearMissing = true;
          continue;
        }
        if (year < CE_FIRST_YEAR_SENIOR || year > CE_LAST_YEAR) continue;
        const at = year - CE_FIRST_YEAR_SENIOR;
        seen |= 1 << at;
        publicHours[at] = publicHours[at]! + (entry.publicHours ?? 0);
        industryPublicHours[at] = industryPublicHours[at]! + (entry.industryPublicHours ?? 0);
        professionalHours[at] = professionalHours[at]! + (entry.professionalHours ?? 0);
        examHours[at] = examHours[at]! + (entry.examHours ?? 0);
      }
      const masterStart = masterFirstYear - CE_FIRST_YEAR_SENIOR;
      const intermediateStart = CE_FIRST_YEAR_INTERMEDIATE - CE_FIRST_YEAR_SENIOR;
      for (let at = 0; at < CE_YEARS; at++) {
        if ((seen & (1 << at)) === 0) continue;
        const pub = publicHours[at]!;
        const industry = industryPublicHours[at]!;
        const professional = professionalHours[at]!;
        const exam = examHours[at]!;
        seniorTotal += pub;
        seniorTotal += industry;
        seniorTotal += professional;
        seniorTotal += exam;
        seniorPublic += pub;
        seniorPublic += industry;
        seniorProfessional += professional;
        if (at >= intermediateStart) {
          intermediateTotal += pub;
          intermediateTotal += industry;
          intermediateTotal += professional;
          intermediateTotal += exam;
          intermediatePublic += pub;
          intermediatePublic += industry;
          intermediateProfessional += professional;
        }
        if (at >= masterStart) {
          masterTotal += pub;
          masterTotal += industry;
          masterTotal += professional;
          masterTotal += exam;
          masterPublic += pub;
          masterPublic += industry;
          masterProfessional += professional;
        }
      }
      const complete = (first: number) => {
        const bits = (0b11111 >> first) << first;
        return !yearMissing && (seen & bits) === bits ? 2 : 1;
      };
      seniorState = complete(0);
      intermediateState = complete(intermediateStart);
      masterState = complete(masterStart);
    }
    if (needSenior) {
      ceSeniorTotal = gated(targetDeputyOrSenior, hoursAtLeast(seniorState, roundHours(seniorTotal), CE_SENIOR_TOTAL, 'fail'));
      ceSeniorPublic = gated(targetDeputyOrSenior, hoursAtLeast(seniorState, roundHours(seniorPublic), CE_SENIOR_PUBLIC, 'fail'));
      ceSeniorProfessional = gated(targetDeputyOrSenior, hoursAtLeast(seniorState, roundHours(seniorProfessional), CE_SENIOR_PROFESSIONAL, 'fail'));
    }
    if (needIntermediate) {
      ceIntermediateTotal = gated(appliesIntermediate, hoursAtLeast(intermediateState, roundHours(intermediateTotal), CE_INTERMEDIATE_TOTAL, 'fail'));
      ceIntermediatePublic = gated(appliesIntermediate, hoursAtLeast(intermediateState, roundHours(intermediatePublic), CE_INTERMEDIATE_PUBLIC, 'fail'));
      ceIntermediateProfessional = gated(
        appliesIntermediate,
        hoursAtLeast(intermediateState, roundHours(intermediateProfessional), CE_INTERMEDIATE_PROFESSIONAL, 'fail'),
      );
    }
    if (needMaster) {
      // Without the first junior title's year, neither the hours nor the floor is known. Short of the
      // prorated floor is for the committee (the notice gives no method), not a failure.
      const state = juniorKnown ? masterState : 0;
      ceMasterTotal = gated(appliesMaster, hoursAtLeast(state, roundHours(masterTotal), (CE_INTERMEDIATE_TOTAL * masterYears) / CE_INTERMEDIATE_YEARS, 'review'));
      ceMasterPublic = gated(appliesMaster, hoursAtLeast(state, roundHours(masterPublic), (CE_INTERMEDIATE_PUBLIC * masterYears) / CE_INTERMEDIATE_YEARS, 'review'));
      ceMasterProfessional = gated(
        appliesMaster,
        hoursAtLeast(state, roundHours(masterProfessional), (CE_INTERMEDIATE_PROFESSIONAL * masterYears) / CE_INTERMEDIATE_YEARS, 'review'),
      );
    }
  }

  // 二、(二)2 deadline, that day included. A date the evaluating unit announced decides strictly (teachers
  // and health included); without one, 30 June "in principle": later is for the unit to confirm, and for
  // teachers and health (dates announced separately) it cannot be told.
  const series = application?.series;
  const adjustedDeadline = application?.adjustedDeadline;
  let onlineDeadline: Status;
  if (adjustedDeadline !== undefined) onlineDeadline = day === undefined ? 'unknown' : day <= adjustedDeadline.getTime() ? 'pass' : 'fail';
  else if (series === undefined || series === 'primary_secondary_teachers' || series === 'health' || day === undefined) onlineDeadline = 'unknown';
  else onlineDeadline = day <= ONLINE_APPLICATION_DEADLINE ? 'pass' : 'review';

  // 二、(二)4
  let committeeScope: Truth = 'unknown';
  if (series !== undefined) {
    const committeeSeries = application!.committeeSeries;
    if (committeeSeries !== undefined) committeeScope = series === committeeSeries ? 'pass' : 'fail';
  }
  const failedLastYear = application?.failedLastYear;
  const noRepeat = failedLastYear === false ? 'pass' : or(isFalse(failedLastYear), isTrue(application?.newAchievementsSinceLastYear));

  // Unless the profile says otherwise, the applicant is the employer's own staff.
  const engagement = engagementGiven ?? 'employee';
  const employerKind = employment?.employerKind;
  const publicInstitution: Truth = employerKind === undefined ? 'unknown' : employerKind === 'public_institution' ? 'pass' : 'fail';

  // 二、(二)4 / 三、(一): within the post-structure ratio; outside it, teachers fail and other series (up
  // to 120%) are for review.
  let withinRatio: Status = 'not_applicable';
  if (publicInstitution !== 'fail' && engagement !== 'freelancer' && engagement !== 'flexible_employment') {
    const within = application?.withinPostStructureRatio;
    const test: Status =
      within === undefined
        ? 'unknown'
        : within
          ? 'pass'
          : series === undefined
            ? 'unknown'
            : series === 'primary_secondary_teachers' || series === 'higher_education_teachers'
              ? 'fail'
              : 'review';
    withinRatio = gated(publicInstitution, test);
  }

  // 三、(三) evidence of employment, by how the applicant works for the employer.
  const evidence = employment?.evidence;
  let evidencePublic: Status = 'not_applicable';
  let evidenceEnterprise: Status = 'not_applicable';
  let evidenceFlexible: Status = 'not_applicable';
  let evidenceFlexibleEmployment: Status = 'not_applicable';
  if (engagement === 'flexible_introduction') evidenceFlexible = isTrue(evidence?.workAgreement);
  else if (engagement === 'freelancer' || engagement === 'flexible_employment') evidenceFlexibleEmployment = 'review';
  else {
    const enterpriseOrOrganization: Truth =
      employerKind === undefined ? 'unknown' : employerKind === 'enterprise' || employerKind === 'social_organization' ? 'pass' : 'fail';
    if (publicInstitution !== 'fail' || enterpriseOrOrganization !== 'fail') {
      const laborContract = isTrue(evidence?.laborContract);
      if (publicInstitution !== 'fail') evidencePublic = gated(publicInstitution, or(isTrue(evidence?.appointmentDocument), laborContract));
      if (enterpriseOrOrganization !== 'fail') evidenceEnterprise = gated(enterpriseOrOrganization, or(isTrue(evidence?.socialInsuranceProof), laborContract));
    }
  }

  // 三、(三) integrity file: barred from the day recorded to the third anniversary (included).
  let integrity: Truth;
  const records = discipline?.integrityRecords;
  if (records === undefined) integrity = 'unknown';
  else {
    integrity = 'pass';
    for (let i = 0; i < records.length; i++) {
      const recordedOn = records[i]!.recordedOn;
      const inForce = recordedOn === undefined ? -1 : periodInForce(day, recordedOn.getTime(), addYearsUtc(recordedOn, INTEGRITY_RECORD_YEARS));
      if (inForce === 1) {
        integrity = 'fail';
        break;
      }
      if (inForce === -1) integrity = 'unknown';
    }
  }

  // The tenure pathway: normal, one year early, or exceptional, for 中级 and above.
  const normalRoute = allOf3(tenureSenior, tenureDeputySenior, tenureIntermediate);
  const earlyRoute = allOf5(ruralContribution, countyRecommendation, tenureSeniorEarly, tenureDeputySeniorEarly, tenureIntermediateEarly);
  const exceptionalRoute = exceptionalReview === 'review' ? 'review' : 'not_applicable';
  const best = ANY_OF[Math.max(anyOfRank(normalRoute), anyOfRank(earlyRoute), anyOfRank(exceptionalRoute))]!;
  const tenure: Status =
    target === undefined
      ? best === 'pass'
        ? 'pass'
        : 'unknown'
      : target === 'intermediate' || target === 'deputy_senior' || target === 'senior'
        ? best
        : 'not_applicable';

  const statuses: Record<string, Status> = {
    'law-and-ethics': 'review',
    'series-standards': 'review',
    'not-retired': notRetired,
    'not-civil-servant': notCivilServant,
    'no-sanction-in-force': noSanction,
    'not-under-investigation': notUnderInvestigation,
    'tenure-senior': tenureSenior,
    'tenure-deputy-senior': tenureDeputySenior,
    'tenure-intermediate': tenureIntermediate,
    'rural-revitalization-contribution': ruralContribution,
    'county-government-recommendation': countyRecommendation,
    'tenure-senior-early': tenureSeniorEarly,
    'tenure-deputy-senior-early': tenureDeputySeniorEarly,
    'tenure-intermediate-early': tenureIntermediateEarly,
    'exceptional-review': exceptionalReview,
    'ce-intermediate-total': ceIntermediateTotal,
    'ce-intermediate-public': ceIntermediatePublic,
    'ce-intermediate-professional': ceIntermediateProfessional,
    'ce-intermediate-master-total': ceMasterTotal,
    'ce-intermediate-master-public': ceMasterPublic,
    'ce-intermediate-master-professional': ceMasterProfessional,
    'ce-senior-total': ceSeniorTotal,
    'ce-senior-public': ceSeniorPublic,
    'ce-senior-professional': ceSeniorProfessional,
    'online-application-deadline': onlineDeadline,
    'committee-scope': committeeScope,
    'no-repeat-without-new-achievements': noRepeat,
    'within-post-structure-ratio': withinRatio,
    'evidence-public-institution': evidencePublic,
    'evidence-enterprise-or-organization': evidenceEnterprise,
    'evidence-flexible-introduction': evidenceFlexible,
    'evidence-flexible-employment': evidenceFlexibleEmployment,
    'integrity-record': integrity,
  };

  // The outcome: every condition outside the pathway's routes, and the pathway; a scope not yet decided
  // leaves it incomplete. 'law-and-ethics' and 'series-standards' are always for review, so at best the
  // outcome is 'needs_review'.
  const fail =
    notRetired === 'fail' ||
    notCivilServant === 'fail' ||
    noSanction === 'fail' ||
    notUnderInvestigation === 'fail' ||
    ceIntermediateTotal === 'fail' ||
    ceIntermediatePublic === 'fail' ||
    ceIntermediateProfessional === 'fail' ||
    ceSeniorTotal === 'fail' ||
    ceSeniorPublic === 'fail' ||
    ceSeniorProfessional === 'fail' ||
    onlineDeadline === 'fail' ||
    committeeScope === 'fail' ||
    noRepeat === 'fail' ||
    withinRatio === 'fail' ||
    evidencePublic === 'fail' ||
    evidenceEnterprise === 'fail' ||
    evidenceFlexible === 'fail' ||
    integrity === 'fail' ||
    tenure === 'fail';
  if (fail) return { statuses, tenure, outcome: 'ineligible' };
  const unknown =
    scope === 'unknown' ||
    notRetired === 'unknown' ||
    notCivilServant === 'unknown' ||
    noSanction === 'unknown' ||
    notUnderInvestigation === 'unknown' ||
    ceIntermediateTotal === 'unknown' ||
    ceIntermediatePublic === 'unknown' ||
    ceIntermediateProfessional === 'unknown' ||
    ceMasterTotal === 'unknown' ||
    ceMasterPublic === 'unknown' ||
    ceMasterProfessional === 'unknown' ||
    ceSeniorTotal === 'unknown' ||
    ceSeniorPublic === 'unknown' ||
    ceSeniorProfessional === 'unknown' ||
    onlineDeadline === 'unknown' ||
    committeeScope === 'unknown' ||
    noRepeat === 'unknown' ||
    withinRatio === 'unknown' ||
    evidencePublic === 'unknown' ||
    evidenceEnterprise === 'unknown' ||
    evidenceFlexible === 'unknown' ||
    integrity === 'unknown' ||
    tenure === 'unknown';
  return { statuses, tenure, outcome: unknown ? 'incomplete' : 'needs_review' };
}
