import {
  APPLICATION_ROUTES,
  APPLYING_UNITS,
  AWARD_LEVELS,
  CENTRAL_UNIT_LEVELS,
  EMPLOYER_KINDS,
  ENGAGEMENTS,
  FREELANCE_FIELDS,
  ORIGINS,
  POST_CATEGORIES,
  SERIES,
  SKILL_LEVELS,
  TITLE_LEVELS,
  UNIT_LOCATIONS,
  UNIT_TYPES,
  type ApplicantProfile,
} from '../../src/index.js';

/** mulberry32: a small seeded generator, so a failing generated profile can be reproduced by its seed. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Random applicant profiles, partial and complete, with values clustered around the notices' cut-offs
 * and floors so that every branch (pass, fail, unknown, not applicable) is hit often. Every profile is
 * valid against the schema.
 */
export function generateProfiles(count: number, seed = 1): ApplicantProfile[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const maybe = <T>(make: () => T, probability = 0.8): T | undefined => (next() < probability ? make() : undefined);
  const bool = () => next() < 0.5;
  const date = (from: number, to: number) => {
    const year = from + Math.floor(next() * (to - from + 1));
    const month = 1 + Math.floor(next() * 12);
    const day = 1 + Math.floor(next() * 28);
    return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  };
  const compact = <T extends object>(value: T): T =>
    Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as T;

  const cities = [['宁夏回族自治区', '石嘴山市'], ['浙江省', '衢州市'], ['北京市', '北京市'], ['新疆维吾尔自治区', '巴音郭楞蒙古自治州'], ['示例省', '示例市']] as const;
  /** Division codes inside each city (a district, a county-level city), and one elsewhere, for the territory facts. */
  const codesIn: Record<string, readonly string[]> = {
    石嘴山市: ['640200', '640202', '640221'],
    衢州市: ['330800', '330881', '330802'],
    北京市: ['110000', '110105', '110108'],
    巴音郭楞蒙古自治州: ['652800', '652826', '652801'],
    示例市: [],
  };
  const codeFor = (city: string) => (next() < 0.85 && codesIn[city]!.length > 0 ? pick(codesIn[city]!) : pick(['131082', '330100', '650000', '640100']));
  const int = (max: number) => Math.floor(next() * (max + 1));

  return Array.from({ length: count }, (_, index) => {
    const series = pick(SERIES);
    const [region, city] = pick(cities);
    return compact({
      id: `generated-${seed}-${index}`,
      status: maybe(() =>
        compact({
          retired: maybe(() => next() < 0.1),
          civilService: maybe(() => pick(['none', 'none', 'none', 'civil_servant', 'managed_as_civil_servant'] as const)),
          origin: maybe(() => pick(ORIGINS), 0.3),
          foreignWorkPermit: maybe(bool, 0.2),
        }),
      ),
      employment: maybe(() =>
        compact({
          region: maybe(() => region, 0.7),
          city: maybe(() => city, 0.7),
          divisionCode: maybe(() => codeFor(city), 0.3),
          personnelRelationDivisionCode: maybe(() => codeFor(city), 0.15),
          employerKind: maybe(() => pick(EMPLOYER_KINDS)),
          engagement: maybe(() => pick(ENGAGEMENTS), 0.5),
          unitType: maybe(() => pick(UNIT_TYPES), 0.5),
          unitLocation: maybe(() => pick(UNIT_LOCATIONS), 0.5),
          governmentRun: maybe(bool, 0.4),
          postCategory: maybe(() => pick(POST_CATEGORIES), 0.4),
          frontLineTeaching: maybe(bool, 0.4),
          currentWorkSeries: maybe(() => (next() < 0.8 ? series : pick(SERIES)), 0.5),
          specialtyWorkStartedOn: maybe(() => date(2005, 2023), 0.4),
          industrialEnterprise: maybe(bool, 0.4),
          keyIndustryEnterprise: maybe(bool, 0.3),
          coreStaff: maybe(bool, 0.4),
          movedFromCivilService: maybe(() => next() < 0.2, 0.4),
          selfEvaluatingUnit: maybe(() => next() < 0.1, 0.4),
          centralUnit: maybe(() => pick(CENTRAL_UNIT_LEVELS), 0.3),
          decoupledAssociation: maybe(() => next() < 0.1, 0.3),
          provincialOrMinisterialUnit: maybe(() => next() < 0.2, 0.4),
          personnelRelationCity: maybe(() => (next() < 0.8 ? city : '杭州市'), 0.5),
          archivesCity: maybe(() => (next() < 0.8 ? city : '杭州市'), 0.5),
          laborRelationCity: maybe(() => (next() < 0.8 ? city : '杭州市'), 0.5),
          postedOutsideCityMonths: maybe(() => int(30), 0.3),
          freelanceField: maybe(() => pick(FREELANCE_FIELDS), 0.2),
          freelanceMonthsInCity: maybe(() => int(24), 0.2),
          evidence: maybe(() =>
            compact({
              appointmentDocument: maybe(bool),
              laborContract: maybe(bool),
              socialInsuranceProof: maybe(bool),
              workAgreement: maybe(bool),
            }),
          ),
        }),
      ),
      discipline: maybe(() =>
        compact({
          // Sometimes with one end missing: either end alone can decide a period.
          sanctions: maybe(() => (next() < 0.8 ? [] : [compact({ kind: pick(['party', 'administrative'] as const), from: maybe(() => date(2021, 2024), 0.85), until: maybe(() => date(2023, 2025), 0.85) })])),
          underInvestigation: maybe(() => next() < 0.1),
          integrityRecords: maybe(() => (next() < 0.8 ? [] : [compact({ kind: 'fraud' as const, recordedOn: date(2019, 2024), serious: maybe(bool, 0.6) })])),
        }),
      ),
      socialInsurance: maybe(() =>
        compact({
          region: maybe(() => region, 0.6),
          city: maybe(() => (next() < 0.85 ? city : '杭州市')),
          unitDistrict: maybe(() => pick(['朝阳区', '海淀区', '东城区']), 0.4),
          divisionCode: maybe(() => codeFor(city), 0.3),
          continuousMonths: maybe(() => int(36)),
          current: maybe(() => next() < 0.85),
        }),
      ),
      skills: maybe(() => (next() < 0.6 ? [] : [compact({ level: maybe(() => pick(SKILL_LEVELS), 0.95), obtainedOn: maybe(() => date(2012, 2024), 0.95) })]), 0.5),
      qualifications: maybe(() => (next() < 0.7 ? [] : [{ name: '注册会计师', series: 'accounting' as const, level: 'intermediate' as const, obtainedOn: date(2012, 2023) }]), 0.4),
      examPasses: maybe(() => (next() < 0.5 ? [] : [compact({ kind: maybe(() => pick(['national_professional_qualification', 'senior_title_exam'] as const), 0.95), series: maybe(() => series, 0.9), level: maybe(() => pick(['intermediate', 'deputy_senior'] as const), 0.95), passedOn: maybe(() => date(2018, 2024)) })]), 0.5),
      awards: maybe(() => (next() < 0.6 ? [] : [compact({ level: maybe(() => pick(AWARD_LEVELS), 0.95), obtainedOn: maybe(() => date(2019, 2022)) })]), 0.5),
      education: maybe(() => [
        compact({
          level: pick(['associate', 'bachelor', 'second_bachelor', 'master', 'master', 'doctorate'] as const),
          credential: maybe(() => pick(['diploma', 'degree'] as const)),
          fullTime: maybe(bool, 0.6),
          obtainedOn: maybe(() => date(2005, 2024)),
          relatedToSpecialty: maybe(bool, 0.6),
        }),
      ]),
      titles: maybe(() =>
        Array.from({ length: Math.floor(next() * 3) }, () => compact({ level: maybe(() => pick(TITLE_LEVELS), 0.95), obtainedOn: maybe(() => date(2010, 2023), 0.95) })),
      ),
      continuingEducation: maybe(() =>
        Array.from({ length: 5 }, (_, offset) => ({
          year: 2019 + offset,
          publicHours: Math.floor(next() * 40),
          professionalHours: Math.floor(next() * 120),
          examHours: maybe(() => Math.floor(next() * 30), 0.3),
        })).filter(() => next() < 0.95).map(compact),
      ),
      recognitions: maybe(
        () => compact({ ruralRevitalizationContribution: maybe(bool, 0.6), covidFrontlineMedical: maybe(bool, 0.5), preferentialPolicyUsed: maybe(() => next() < 0.2, 0.5) }),
        0.5,
      ),
      application: maybe(() =>
        compact({
          series: maybe(() => series),
          committeeSeries: maybe(() => (next() < 0.9 ? series : pick(SERIES))),
          targetLevel: maybe(() => pick(TITLE_LEVELS)),
          route: maybe(() => pick(APPLICATION_ROUTES), 0.4),
          submittedOn: maybe(() => (next() < 0.15 ? date(2020, 2023) : date(2024, 2024))),
          adjustedDeadline: maybe(() => date(2024, 2024), 0.1),
          failedLastYear: maybe(() => next() < 0.2),
          newAchievementsSinceLastYear: maybe(bool),
          countyGovernmentRecommendation: maybe(bool, 0.5),
          withinPostStructureRatio: maybe(() => next() < 0.9),
          applyingUnit: maybe(() => pick(APPLYING_UNITS), 0.5),
          postingApproved: maybe(bool, 0.3),
          delegationLetter: maybe(bool, 0.4),
          associationRecommendation: maybe(bool, 0.3),
          seniorExpertRecommendations: maybe(() => int(3), 0.3),
          qualificationAsTitle: maybe(() => next() < 0.2, 0.3),
          withinApprovedQuota: maybe(() => next() < 0.85, 0.5),
          rejectedSubmissions: maybe(() => int(4), 0.5),
          committeeDistrict: maybe(() => pick(['朝阳区', '海淀区', '东城区']), 0.3),
          falsificationFound: maybe(() => next() < 0.1, 0.6),
          specialProvisionForApplyingUnit: maybe(() => next() < 0.1, 0.3),
          unitPublicityWorkingDays: maybe(() => int(10), 0.5),
        }),
      ),
    }) as ApplicantProfile;
  });
}
