import fc from 'fast-check';
import {
  APPLICATION_ROUTES,
  APPLYING_UNITS,
  AWARD_LEVELS,
  CENTRAL_UNIT_LEVELS,
  CIVIL_SERVICE,
  CREDENTIALS,
  EDUCATION_LEVELS,
  EMPLOYER_KINDS,
  ENGAGEMENTS,
  EXAM_KINDS,
  FREELANCE_FIELDS,
  INTEGRITY_RECORD_KINDS,
  ORIGINS,
  POST_CATEGORIES,
  SANCTION_KINDS,
  SERIES,
  SKILL_LEVELS,
  TITLE_LEVELS,
  TITLE_ROUTES,
  UNIT_LOCATIONS,
  UNIT_TYPES,
  getRuleSet,
  getTemplate,
  instantiate,
  loadRuleSet,
  RULE_SET_IDS,
  TEMPLATE_IDS,
  type ApplicantProfile,
  type RuleSet,
} from '../../src/index.js';
import type { CompiledNode } from '../../src/ruleset/compiled.js';
import { instantiationOf } from '../support/repo.js';

/**
 * What the property suites share: the five bundled rule sets (the template filled for its made-up city,
 * as the fixture tests fill it), a fixed seed, and arbitraries for valid applicant profiles.
 */

/** One seed for every property, so a failure in CI reproduces on any machine. */
export const SEED = 20_240_517;
export const runs = (numRuns: number) => ({ seed: SEED, numRuns });

export const RULE_SETS: readonly RuleSet[] = [
  ...RULE_SET_IDS.map((id) => getRuleSet(id)!),
  ...TEMPLATE_IDS.map((id) => loadRuleSet(instantiate(getTemplate(id)!, instantiationOf(id)))),
];

// ---------------------------------------------------------------------------------------------------
// Dates: clustered where results change — every rule set's date parameters (the day before, the day,
// the day after), leap days and year ends — and otherwise anywhere from 2005 to 2025.

const DAY = 86_400_000;
export const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10);
export const dayTime = (day: string) => Date.parse(`${day}T00:00:00Z`);

const cutoffDays = RULE_SETS.flatMap((ruleSet) =>
  [...ruleSet.parameters.values()].filter((parameter) => parameter.type === 'date').map((parameter) => (parameter.value as Date).getTime()),
);
export const EDGE_DAYS: readonly string[] = [
  ...new Set([
    ...cutoffDays.flatMap((time) => [time - DAY, time, time + DAY].map(isoDay)),
    '2020-02-29', '2024-02-29', '2019-02-28', '2019-03-01', '2023-02-28', '2024-03-01',
    ...[2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024].flatMap((year) => [`${year}-12-31`, `${year + 1}-01-01`]),
  ]),
].sort();

export const dayArb: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...EDGE_DAYS),
  fc.integer({ min: dayTime('2005-01-01') / DAY, max: dayTime('2025-12-31') / DAY }).map((days) => isoDay(days * DAY)),
);

// ---------------------------------------------------------------------------------------------------
// Profiles. Every key optional (a profile being filled in is normal) unless `complete`, which gives a
// profile with every field, used as a donor of valid values for any field.

const CITIES = [
  ['宁夏回族自治区', '石嘴山市'], ['浙江省', '衢州市'], ['北京市', '北京市'], ['新疆维吾尔自治区', '巴音郭楞蒙古自治州'], ['示例省', '示例市'], ['浙江省', '杭州市'],
] as const;
const TEXTS = ['石嘴山市', '衢州市', '北京市', '杭州市', '示例市', '朝阳区', '海淀区', '巴音郭楞蒙古自治州', '注册会计师', ''] as const;

/**
 * Hours of one year, clustered around the notices' yearly shares (18 public and 60 professional of 90 a
 * year, in both Shizuishan's and Quzhou's floors), so hours conditions pass and fail about equally;
 * sometimes with two decimals, which the sums must not lose.
 */
const hoursArb = (typical: number) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: 0, max: typical * 2 }) },
    { weight: 2, arbitrary: fc.constantFrom(0, typical - 1, typical, typical + 1) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: typical * 200 }).map((hundredths) => hundredths / 100) },
    { weight: 1, arbitrary: fc.constantFrom(0.01, 9_999.99, 10_000) },
  );

function record<T extends Record<string, fc.Arbitrary<unknown>>>(model: T, complete: boolean) {
  return complete ? fc.record(model) : fc.record(model, { requiredKeys: [] });
}
const listOf = <T>(item: fc.Arbitrary<T>, complete: boolean, maxLength = 3) => fc.array(item, { minLength: complete ? 1 : 0, maxLength });

export function profileArb({ complete = false }: { complete?: boolean } = {}): fc.Arbitrary<ApplicantProfile> {
  const r = <T extends Record<string, fc.Arbitrary<unknown>>>(model: T) => record(model, complete);
  const bool = fc.boolean();
  const text = fc.constantFrom(...TEXTS);
  const months = fc.oneof(fc.integer({ min: 0, max: 40 }), fc.constantFrom(11, 12, 13));
  const title = r({ series: fc.constantFrom(...SERIES), specialty: text, level: fc.constantFrom(...TITLE_LEVELS), obtainedOn: dayArb, via: fc.constantFrom(...TITLE_ROUTES) });
  const education = r({
    level: fc.constantFrom(...EDUCATION_LEVELS, 'bachelor', 'master', 'master'),
    credential: fc.constantFrom(...CREDENTIALS),
    fullTime: bool,
    obtainedOn: dayArb,
    relatedToSpecialty: bool,
  });
  const ceYear = r({
    year: fc.integer({ min: 2017, max: 2025 }),
    publicHours: hoursArb(18),
    industryPublicHours: hoursArb(10),
    professionalHours: hoursArb(60),
    examHours: hoursArb(15),
  });
  // Often a whole window of years (2019–2023 covers every notice's), so continuing-education
  // conditions are decided, not only unknown.
  const ceYears = fc.oneof(
    { weight: 1, arbitrary: listOf(ceYear, complete, 4) },
    // A whole window: entries with every category, from a first year for some years.
    { weight: 3, arbitrary: fc.tuple(fc.integer({ min: 2017, max: 2020 }), fc.integer({ min: 3, max: 8 }), fc.array(fc.tuple(hoursArb(12), hoursArb(6), hoursArb(60), hoursArb(15)), { minLength: 8, maxLength: 8 })).map(
      ([first, count, hours]) =>
        hours.slice(0, count).map(([publicHours, industryPublicHours, professionalHours, examHours], offset) => ({ year: first + offset, publicHours, industryPublicHours, professionalHours, examHours })),
    ) },
  );
  return r({
    id: fc.constantFrom('a', 'generated'),
    name: text,
    status: r({ retired: bool, civilService: fc.constantFrom(...CIVIL_SERVICE), origin: fc.constantFrom(...ORIGINS), foreignWorkPermit: bool }),
    employment: fc.tuple(fc.constantFrom(...CITIES), r({
      district: text,
      employerKind: fc.constantFrom(...EMPLOYER_KINDS),
      engagement: fc.constantFrom(...ENGAGEMENTS),
      unitType: fc.constantFrom(...UNIT_TYPES),
      unitLocation: fc.constantFrom(...UNIT_LOCATIONS),
      governmentRun: bool,
      postCategory: fc.constantFrom(...POST_CATEGORIES),
      frontLineTeaching: bool,
      currentWorkSeries: fc.constantFrom(...SERIES),
      specialtyWorkStartedOn: dayArb,
      industrialEnterprise: bool,
      keyIndustryEnterprise: bool,
      coreStaff: bool,
      movedFromCivilService: bool,
      selfEvaluatingUnit: bool,
      centralUnit: fc.constantFrom(...CENTRAL_UNIT_LEVELS),
      decoupledAssociation: bool,
      provincialOrMinisterialUnit: bool,
      personnelRelationCity: text,
      archivesCity: text,
      laborRelationCity: text,
      postedOutsideCityMonths: months,
      freelanceField: fc.constantFrom(...FREELANCE_FIELDS),
      freelanceMonthsInCity: months,
      evidence: r({ appointmentDocument: bool, laborContract: bool, socialInsuranceProof: bool, workAgreement: bool }),
    }), fc.boolean(), fc.boolean()).map(([[region, city], rest, withRegion, withCity]) => ({
      ...(complete || withRegion ? { region } : {}),
      ...(complete || withCity ? { city } : {}),
      ...rest,
    })),
    discipline: r({
      sanctions: listOf(r({ kind: fc.constantFrom(...SANCTION_KINDS), from: dayArb, until: dayArb }), complete, 2),
      underInvestigation: bool,
      integrityRecords: listOf(r({ kind: fc.constantFrom(...INTEGRITY_RECORD_KINDS), recordedOn: dayArb }), complete, 2),
    }),
    socialInsurance: r({ region: fc.constantFrom(...CITIES.map(([region]) => region)), city: fc.constantFrom(...CITIES.map(([, city]) => city)), unitDistrict: text, continuousMonths: months, current: bool }),
    education: listOf(education, complete),
    titles: listOf(title, complete),
    skills: listOf(r({ level: fc.constantFrom(...SKILL_LEVELS), obtainedOn: dayArb, relatedToSpecialty: bool }), complete, 2),
    qualifications: listOf(r({ name: text, series: fc.constantFrom(...SERIES), level: fc.constantFrom(...TITLE_LEVELS), obtainedOn: dayArb }), complete, 2),
    examPasses: listOf(r({ kind: fc.constantFrom(...EXAM_KINDS), series: fc.constantFrom(...SERIES), level: fc.constantFrom(...TITLE_LEVELS), passedOn: dayArb }), complete, 2),
    awards: listOf(r({ name: text, level: fc.constantFrom(...AWARD_LEVELS), obtainedOn: dayArb }), complete, 2),
    continuingEducation: ceYears,
    recognitions: r({ ruralRevitalizationContribution: bool, covidFrontlineMedical: bool, preferentialPolicyUsed: bool }),
    application: r({
      jurisdiction: fc.constantFrom(...RULE_SETS.map((ruleSet) => ruleSet.id)),
      series: fc.constantFrom(...SERIES),
      specialty: text,
      targetLevel: fc.constantFrom(...TITLE_LEVELS),
      route: fc.constantFrom(...APPLICATION_ROUTES),
      submittedOn: dayArb,
      adjustedDeadline: dayArb,
      committeeSeries: fc.constantFrom(...SERIES),
      failedLastYear: bool,
      newAchievementsSinceLastYear: bool,
      countyGovernmentRecommendation: bool,
      withinPostStructureRatio: bool,
      applyingUnit: fc.constantFrom(...APPLYING_UNITS),
      postingApproved: bool,
      delegationLetter: bool,
      associationRecommendation: bool,
      seniorExpertRecommendations: fc.integer({ min: 0, max: 4 }),
      qualificationAsTitle: bool,
      withinApprovedQuota: bool,
      rejectedSubmissions: fc.integer({ min: 0, max: 5 }),
      committeeDistrict: text,
      falsificationFound: bool,
      specialProvisionForApplyingUnit: bool,
      unitPublicityWorkingDays: fc.integer({ min: 0, max: 10 }),
    }),
  }) as fc.Arbitrary<ApplicantProfile>;
}

// ---------------------------------------------------------------------------------------------------
// Reading a rule set's compiled conditions: which facts a tree uses, and which profile paths it reads.

export function leavesOf(node: CompiledNode | undefined, out: Extract<CompiledNode, { kind: 'leaf' }>[] = []) {
  if (!node) return out;
  if (node.kind === 'leaf') out.push(node);
  else if (node.kind === 'not') leavesOf(node.child, out);
  else for (const child of node.children) leavesOf(child, out);
  return out;
}

/** Every profile path a tree reads, through its facts on both sides of each comparison. */
export function readsOf(node: CompiledNode | undefined): Set<string> {
  const paths = new Set<string>();
  for (const leaf of leavesOf(node)) {
    for (const path of leaf.fact.reads(leaf.params)) paths.add(path);
    if (leaf.value.kind === 'fact') for (const path of leaf.value.fact.reads(leaf.value.params)) paths.add(path);
  }
  return paths;
}

/** Whether `path` (`titles.0.obtainedOn`) lies within a read path (`titles`), or the other way round. */
export const overlaps = (path: string, read: string) =>
  path === read || path.startsWith(`${read}.`) || read.startsWith(`${path}.`);

/** A deep copy of JSON data: what each side of a comparison starts from. */
export const copy = <T>(value: T): T => structuredClone(value);
