import { EMPLOYER_KINDS, ENGAGEMENTS, SERIES, TITLE_LEVELS, type ApplicantProfile } from '../../src/index.js';

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

  return Array.from({ length: count }, (_, index) => {
    const series = pick(SERIES);
    return compact({
      id: `generated-${seed}-${index}`,
      status: maybe(() => compact({ retired: maybe(() => next() < 0.1), civilService: maybe(() => pick(['none', 'none', 'none', 'civil_servant', 'managed_as_civil_servant'] as const)) })),
      employment: maybe(() =>
        compact({
          employerKind: maybe(() => pick(EMPLOYER_KINDS)),
          engagement: maybe(() => pick(ENGAGEMENTS), 0.5),
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
          sanctions: maybe(() => (next() < 0.8 ? [] : [{ kind: pick(['party', 'administrative'] as const), from: date(2021, 2023), until: date(2024, 2025) }])),
          underInvestigation: maybe(() => next() < 0.1),
          integrityRecords: maybe(() => (next() < 0.8 ? [] : [{ kind: 'fraud' as const, recordedOn: date(2019, 2024) }])),
        }),
      ),
      education: maybe(() => [compact({ level: pick(['bachelor', 'master', 'master', 'doctorate'] as const), credential: maybe(() => pick(['diploma', 'degree'] as const)), obtainedOn: maybe(() => date(2005, 2024)) })]),
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
      recognitions: maybe(() => ({ ruralRevitalizationContribution: bool() }), 0.5),
      application: maybe(() =>
        compact({
          series: maybe(() => series),
          committeeSeries: maybe(() => (next() < 0.9 ? series : pick(SERIES))),
          targetLevel: maybe(() => pick(TITLE_LEVELS)),
          route: maybe(() => pick(['normal', 'exceptional'] as const), 0.3),
          submittedOn: maybe(() => date(2024, 2024)),
          adjustedDeadline: maybe(() => date(2024, 2024), 0.1),
          failedLastYear: maybe(() => next() < 0.2),
          newAchievementsSinceLastYear: maybe(bool),
          countyGovernmentRecommendation: maybe(bool, 0.5),
          withinPostStructureRatio: maybe(() => next() < 0.9),
        }),
      ),
    }) as ApplicantProfile;
  });
}
