/**
 * The Shizuishan 2024 notice (石嘴山市人力资源和社会保障局关于做好2024年职称评审工作的通知) coded by hand:
 * the 32 conditions of `rules/shizuishan-2024/ruleset.json` and its `tenure` pathway as plain ifs and
 * loops, with the notice's numbers and dates written in. It is the benchmark's "practical limit": what a
 * competent engineer would write for this one notice, computing exactly the statuses the library gives
 * (three-valued, with `unknown` wherever a fact is unknown), but no paths, values or messages.
 *
 * Dates of a parsed profile are UTC midnights, so they are compared by `getTime()`.
 */
import type { ParsedProfileData } from '../src/profile/schema.js';

export type Status = 'pass' | 'fail' | 'unknown' | 'review' | 'not_applicable';

export interface HandwrittenResult {
  statuses: Record<string, Status>;
  tenure: Status;
  outcome: 'eligible' | 'ineligible' | 'incomplete' | 'needs_review';
}

/** A test's or a gate's value: Kleene's three-valued logic. */
type Truth = 'pass' | 'fail' | 'unknown';

// ---- The notice's numbers -------------------------------------------------------------------------

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
/** 二、(二)2: 个人网上报名时间原则上截止到2024年6月30日. */
const ONLINE_APPLICATION_DEADLINE = Date.UTC(2024, 5, 30);
/** 三、(三): 诚信档案记录期限为3年. */
const INTEGRITY_RECORD_YEARS = 3;

/** 二、(一)3: continuing-education windows and floors. */
const CE_FIRST_YEAR_SENIOR = 2019; // 副高级及以上: 2019–2023
const CE_FIRST_YEAR_INTERMEDIATE = 2020; // 中级: 2020–2023
const CE_LAST_YEAR = 2023;
const CE_SENIOR_TOTAL = 450;
const CE_SENIOR_PUBLIC = 90;
const CE_SENIOR_PROFESSIONAL = 300;
const CE_INTERMEDIATE_TOTAL = 360;
const CE_INTERMEDIATE_PUBLIC = 72;
const CE_INTERMEDIATE_PROFESSIONAL = 240;
/** Master's diploma: the 4-year floors prorated by years in post (360/72/240 over 4 years). */
const CE_MASTER_TOTAL_PER_YEAR = 90;
const CE_MASTER_PUBLIC_PER_YEAR = 18;
const CE_MASTER_PROFESSIONAL_PER_YEAR = 60;

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

/** A condition's status from whether it applies and its test: a passing test settles an undecided gate. */
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

/** Hours ≥ floor, unknown when the hours are. */
function atLeast(known: boolean, hours: number, floor: number): Truth {
  if (!known) return 'unknown';
  return Math.round(hours * 100) / 100 >= floor ? 'pass' : 'fail';
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

// ---- The notice -------------------------------------------------------------------------------------

export function evaluateShizuishanByHand(profile: ParsedProfileData): HandwrittenResult {
  const status = profile.status;
  const employment = profile.employment;
  const discipline = profile.discipline;
  const application = profile.application;
  const target = application?.targetLevel;
  const submittedOn = application?.submittedOn;

  // 二、(一)1
  const notRetired = isFalse(status?.retired);
  const civilService = status?.civilService;
  const notCivilServant: Truth = civilService === undefined ? 'unknown' : civilService === 'none' ? 'pass' : 'fail';

  // 处分期内 (first and last day included), on the day of the online application.
  let noSanction: Truth;
  const sanctions = discipline?.sanctions;
  if (sanctions === undefined) noSanction = 'unknown';
  else if (sanctions.length === 0) noSanction = 'pass';
  else if (submittedOn === undefined) noSanction = 'unknown';
  else {
    const day = submittedOn.getTime();
    let missing = false;
    noSanction = 'pass';
    for (let i = 0; i < sanctions.length; i++) {
      const sanction = sanctions[i]!;
      const from = sanction.from;
      const until = sanction.until;
      if (from === undefined || until === undefined) {
        missing = true;
        continue;
      }
      if (day >= from.getTime() && day <= until.getTime()) {
        noSanction = 'fail';
        break;
      }
    }
    if (noSanction === 'pass' && missing) noSanction = 'unknown';
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

  // 二、(一)2 normal tenure, and 一、(二) one year early.
  const tenureSenior = gated(targetSenior, tenureTest(deputySeniorKnown, earliestDeputySenior, TENURE_CUTOFF_SENIOR_LEVELS));
  const tenureDeputySenior = gated(targetDeputySenior, tenureTest(intermediateKnown, earliestIntermediate, TENURE_CUTOFF_SENIOR_LEVELS));
  const tenureIntermediate = gated(targetIntermediate, tenureTest(juniorKnown, earliestJunior, TENURE_CUTOFF_INTERMEDIATE));
  const ruralContribution = isTrue(profile.recognitions?.ruralRevitalizationContribution);
  const countyRecommendation = isTrue(application?.countyGovernmentRecommendation);
  const tenureSeniorEarly = gated(targetSenior, tenureTest(deputySeniorKnown, earliestDeputySenior, TENURE_CUTOFF_SENIOR_LEVELS_EARLY));
  const tenureDeputySeniorEarly = gated(targetDeputySenior, tenureTest(intermediateKnown, earliestIntermediate, TENURE_CUTOFF_SENIOR_LEVELS_EARLY));
  const tenureIntermediateEarly = gated(targetIntermediate, tenureTest(juniorKnown, earliestJunior, TENURE_CUTOFF_INTERMEDIATE_EARLY));

  // 一、(五) 破格: only when declared.
  const exceptionalReview: Status = application?.route === 'exceptional' ? 'review' : 'not_applicable';

  // 二、(一)3 continuing education. First: a master's diploma (学历) obtained by 2023-12-31?
  let master: Truth = 'unknown'; // 'pass': holds one; 'fail': surely not
  let needIntermediate = false;
  let needMaster = false;
  const needSenior = targetDeputyOrSenior !== 'fail';
  if (targetIntermediate !== 'fail') {
    const education = profile.education;
    if (education !== undefined) {
      let missing = false;
      master = 'fail';
      for (let i = 0; i < education.length; i++) {
        const entry = education[i]!;
        const level = entry.level;
        if (level !== undefined && level !== 'master') continue;
        const credential = entry.credential;
        if (credential !== undefined && credential !== 'diploma') continue;
        const obtainedOn = entry.obtainedOn;
        if (obtainedOn !== undefined && obtainedOn.getTime() > CALCULATION_CUTOFF) continue;
        if (level !== undefined && credential !== undefined && obtainedOn !== undefined) {
          master = 'pass';
          break;
        }
        missing = true;
      }
      if (master === 'fail' && missing) master = 'unknown';
    }
    needIntermediate = master !== 'pass';
    needMaster = master !== 'fail';
  }
  const appliesIntermediate = and(targetIntermediate, master === 'pass' ? 'fail' : master === 'fail' ? 'pass' : 'unknown');
  const appliesMaster = and(targetIntermediate, master);

  // For a master's diploma, years in post count from the year of the first 初级 title (2020–2023).
  const masterWindowKnown = juniorKnown;
  let masterFirstYear = CE_FIRST_YEAR_INTERMEDIATE;
  if (earliestJuniorDate !== undefined) {
    const year = earliestJuniorDate.getUTCFullYear();
    masterFirstYear = year < CE_FIRST_YEAR_INTERMEDIATE ? CE_FIRST_YEAR_INTERMEDIATE : year > CE_LAST_YEAR ? CE_LAST_YEAR : year;
  }

  // Hours by window (2019–2023, 2020–2023, the master's years in post). A window year with no entry,
  // or any entry with no year, leaves the hours unknown; several entries for one year add up.
  let seniorTotal = 0;
  let seniorPublic = 0;
  let seniorProfessional = 0;
  let intermediateTotal = 0;
  let intermediatePublic = 0;
  let intermediateProfessional = 0;
  let masterTotal = 0;
  let masterPublic = 0;
  let masterProfessional = 0;
  let seniorKnown = false;
  let intermediateHoursKnown = false;
  let masterHoursKnown = false;
  const ce = profile.continuingEducation;
  if (ce !== undefined && (needSenior || needIntermediate || needMaster)) {
    // One pass in list order (the order the library adds in, which can matter for fractional hours).
    let yearMissing = false;
    let seen = 0; // bit (year - 2019)
    for (let i = 0; i < ce.length; i++) {
      const entry = ce[i]!;
      const year = entry.year;
      if (year === undefined) {
        yearMissing = true;
        break;
      }
      if (year < CE_FIRST_YEAR_SENIOR || year > CE_LAST_YEAR) continue;
      seen |= 1 << (year - CE_FIRST_YEAR_SENIOR);
      const publicHours = entry.publicHours ?? 0;
      const industryPublicHours = entry.industryPublicHours ?? 0;
      const professionalHours = entry.professionalHours ?? 0;
      const examHours = entry.examHours ?? 0;
      seniorTotal += publicHours;
      seniorTotal += industryPublicHours;
      seniorTotal += professionalHours;
      seniorTotal += examHours;
      seniorPublic += publicHours;
      seniorPublic += industryPublicHours;
      seniorProfessional += professionalHours;
      if (year >= CE_FIRST_YEAR_INTERMEDIATE) {
        intermediateTotal += publicHours;
        intermediateTotal += industryPublicHours;
        intermediateTotal += professionalHours;
        intermediateTotal += examHours;
        intermediatePublic += publicHours;
        intermediatePublic += industryPublicHours;
        intermediateProfessional += professionalHours;
      }
      if (year >= masterFirstYear) {
        masterTotal += publicHours;
        masterTotal += industryPublicHours;
        masterTotal += professionalHours;
        masterTotal += examHours;
        masterPublic += publicHours;
        masterPublic += industryPublicHours;
        masterProfessional += professionalHours;
      }
    }
    if (!yearMissing) {
      seniorKnown = seen === 0b11111; // 2019–2023
      intermediateHoursKnown = (seen & 0b11110) === 0b11110; // 2020–2023
      const masterBits = (0b11111 >> (masterFirstYear - CE_FIRST_YEAR_SENIOR)) << (masterFirstYear - CE_FIRST_YEAR_SENIOR);
      masterHoursKnown = (seen & masterBits) === masterBits;
    }
  }
  masterHoursKnown = masterHoursKnown && masterWindowKnown;
  const masterYears = CE_LAST_YEAR - masterFirstYear + 1;

  const ceIntermediateTotal = gated(appliesIntermediate, atLeast(intermediateHoursKnown, intermediateTotal, CE_INTERMEDIATE_TOTAL));
  const ceIntermediatePublic = gated(appliesIntermediate, atLeast(intermediateHoursKnown, intermediatePublic, CE_INTERMEDIATE_PUBLIC));
  const ceIntermediateProfessional = gated(appliesIntermediate, atLeast(intermediateHoursKnown, intermediateProfessional, CE_INTERMEDIATE_PROFESSIONAL));
  const ceMasterTotal = gated(appliesMaster, atLeast(masterHoursKnown, masterTotal, CE_MASTER_TOTAL_PER_YEAR * masterYears));
  const ceMasterPublic = gated(appliesMaster, atLeast(masterHoursKnown, masterPublic, CE_MASTER_PUBLIC_PER_YEAR * masterYears));
  const ceMasterProfessional = gated(appliesMaster, atLeast(masterHoursKnown, masterProfessional, CE_MASTER_PROFESSIONAL_PER_YEAR * masterYears));
  const ceSeniorTotal = gated(targetDeputyOrSenior, atLeast(seniorKnown, seniorTotal, CE_SENIOR_TOTAL));
  const ceSeniorPublic = gated(targetDeputyOrSenior, atLeast(seniorKnown, seniorPublic, CE_SENIOR_PUBLIC));
  const ceSeniorProfessional = gated(targetDeputyOrSenior, atLeast(seniorKnown, seniorProfessional, CE_SENIOR_PROFESSIONAL));

  // 二、(二)2 deadline (day included; the unit's adjusted deadline if any). Teachers and health: separate.
  const series = application?.series;
  const deadlineApplies: Truth =
    series === undefined ? 'unknown' : series === 'primary_secondary_teachers' || series === 'health' ? 'fail' : 'pass';
  let onlineDeadline: Status;
  if (deadlineApplies === 'fail') onlineDeadline = 'not_applicable';
  else if (submittedOn === undefined) onlineDeadline = 'unknown';
  else {
    const deadline = application!.adjustedDeadline;
    const onTime = submittedOn.getTime() <= (deadline === undefined ? ONLINE_APPLICATION_DEADLINE : deadline.getTime());
    onlineDeadline = onTime ? 'pass' : deadlineApplies === 'pass' ? 'fail' : 'unknown';
  }

  // 二、(二)4
  let committeeScope: Truth = 'unknown';
  if (series !== undefined) {
    const committeeSeries = application!.committeeSeries;
    if (committeeSeries !== undefined) committeeScope = series === committeeSeries ? 'pass' : 'fail';
  }
  const failedLastYear = application?.failedLastYear;
  const noRepeat = failedLastYear === false ? 'pass' : or(isFalse(failedLastYear), isTrue(application?.newAchievementsSinceLastYear));
  const employerKind = employment?.employerKind;
  const publicInstitution: Truth = employerKind === undefined ? 'unknown' : employerKind === 'public_institution' ? 'pass' : 'fail';
  const withinRatio = publicInstitution === 'fail' ? 'not_applicable' : gated(publicInstitution, isTrue(application?.withinPostStructureRatio));

  // 三、(三) evidence of employment: flexibly introduced only when the profile says so.
  const flexible = (employment?.engagement ?? 'employee') === 'flexible_introduction';
  const evidence = employment?.evidence;
  let evidencePublic: Status = 'not_applicable';
  let evidenceEnterprise: Status = 'not_applicable';
  let evidenceFlexible: Status = 'not_applicable';
  if (flexible) evidenceFlexible = isTrue(evidence?.workAgreement);
  else {
    const enterpriseOrOrganization: Truth =
      employerKind === undefined ? 'unknown' : employerKind === 'enterprise' || employerKind === 'social_organization' ? 'pass' : 'fail';
    if (publicInstitution !== 'fail' || enterpriseOrOrganization !== 'fail') {
      const laborContract = isTrue(evidence?.laborContract);
      if (publicInstitution !== 'fail') evidencePublic = gated(publicInstitution, or(isTrue(evidence?.appointmentDocument), laborContract));
      if (enterpriseOrOrganization !== 'fail') evidenceEnterprise = gated(enterpriseOrOrganization, or(isTrue(evidence?.socialInsuranceProof), laborContract));
    }
  }

  // 三、(三) integrity file: barred from the day recorded until the day before the third anniversary.
  let integrity: Truth;
  const records = discipline?.integrityRecords;
  if (records === undefined) integrity = 'unknown';
  else if (records.length === 0) integrity = 'pass';
  else if (submittedOn === undefined) integrity = 'unknown';
  else {
    const day = submittedOn.getTime();
    let missing = false;
    integrity = 'pass';
    for (let i = 0; i < records.length; i++) {
      const recordedOn = records[i]!.recordedOn;
      if (recordedOn === undefined) {
        missing = true;
        continue;
      }
      if (day >= recordedOn.getTime() && day < addYearsUtc(recordedOn, INTEGRITY_RECORD_YEARS)) {
        integrity = 'fail';
        break;
      }
    }
    if (integrity === 'pass' && missing) integrity = 'unknown';
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
    'integrity-record': integrity,
  };

  // The outcome: every condition outside the pathway's routes, and the pathway. 'law-and-ethics' and
  // 'series-standards' are always for review, so at best the outcome is 'needs_review'.
  const fail =
    notRetired === 'fail' ||
    notCivilServant === 'fail' ||
    noSanction === 'fail' ||
    notUnderInvestigation === 'fail' ||
    ceIntermediateTotal === 'fail' ||
    ceIntermediatePublic === 'fail' ||
    ceIntermediateProfessional === 'fail' ||
    ceMasterTotal === 'fail' ||
    ceMasterPublic === 'fail' ||
    ceMasterProfessional === 'fail' ||
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
