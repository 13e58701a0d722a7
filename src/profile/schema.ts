import * as zodMini from 'zod/mini';
import { expectObject, wrongArgument } from '../arguments.js';
import { isCalendarDate } from '../dates/calendar-date.js';
import { en } from '../locales/en.js';
import { zhCN } from '../locales/zh-CN.js';
import {
  APPLICATION_ROUTES,
  APPLYING_UNITS,
  AWARD_LEVELS,
  CENTRAL_UNIT_LEVELS,
  CIVIL_SERVICE,
  EXAM_KINDS,
  FREELANCE_FIELDS,
  ORIGINS,
  POST_CATEGORIES,
  SKILL_LEVELS,
  UNIT_LOCATIONS,
  UNIT_TYPES,
  CREDENTIALS,
  EDUCATION_LEVELS,
  EMPLOYER_KINDS,
  ENGAGEMENTS,
  INTEGRITY_RECORD_KINDS,
  SANCTION_KINDS,
  SERIES,
  TITLE_LEVELS,
  TITLE_ROUTES,
} from './enums.js';

/**
 * The applicant profile: what a person is, as far as the notices ask.
 *
 * Every field is optional: a profile being filled in is normal, and a condition whose data is missing
 * is reported `unknown` with the missing path, never `fail`. Objects are strict: an unknown key is an
 * error (a misspelt field must not silently read as "missing").
 *
 * Dates are ISO `YYYY-MM-DD` strings, in the input and after parsing alike: a parsed profile is the
 * validated JSON itself, so it survives JSON, structuredClone, postMessage and the other build of the
 * library unchanged. The evaluator reads dates decoded (`decoded.ts`), derived once per parsed profile
 * and never handed out.
 */

/**
 * Limits a profile's values keep to, so that absurd input gets a clear error rather than an odd result:
 *
 * - dates from 1900-01-01 to 9999-12-31: year 0 is no one's title date, and a notice's early routes count
 *   a date some years earlier, which must still be a year that can be written `YYYY`; 9999-12-31 stays
 *   valid, as people write it for a sanction without an end;
 * - at most 200 entries in each list (titles, education, continuing-education years …): no applicant has
 *   more, and a bound keeps a hostile profile from making validation or evaluation slow;
 * - texts of at most 200 characters; hours from 0 to 10,000 a year; years from 1949 to 2100.
 */
export const MIN_DATE = '1900-01-01';
export const MAX_DATE = '9999-12-31';
export const MAX_LIST_ENTRIES = 200;

/**
 * The zod functions the schemas are built with: from `zod/mini` here, from classic zod in
 * `zhicheng-eligibility/zod`. Only these are passed (not a whole namespace), so a bundler keeps only
 * what the schemas use.
 */
export type ZodNamespace = Pick<
  typeof zodMini,
  'array' | 'boolean' | 'enum' | 'gte' | 'int' | 'lte' | 'maxLength' | 'number' | 'optional' | 'refine' | 'strictObject' | 'string'
>;

/** The functions `buildProfileSchemas` calls: a namespace without one is refused before it is used. */
const ZOD_FUNCTIONS = ['array', 'boolean', 'enum', 'gte', 'int', 'lte', 'maxLength', 'number', 'optional', 'refine', 'strictObject', 'string'] as const;

/** What a calendar date's check expects; the fast builder recognises a date field by it. */
export const CALENDAR_DATE = 'calendar_date';

/**
 * The message of one of our own refinements, for zod's `error` option: the zh and en texts
 * `parseProfile` gives (`parseProfile` builds its issues from `params.expected` and never reads this).
 * Without it zod says only "Invalid input", in English, to a user of `zhicheng-eligibility/zod`. The
 * path is zod's to give (`issue.path`), as with its own messages; a field's message names no field.
 */
function ourWords(expected: string): () => string {
  const detail = { kind: 'expected', expected } as const;
  const message = `${zhCN.problem(detail)} / ${en.problem(detail)}`;
  return () => message;
}

/**
 * Builds the profile schemas with a zod namespace. Both `zod/mini` and classic `zod` offer the same
 * functional API, so one definition gives the small schema the library uses and, for users of zod
 * classic, a schema with its methods (`.superRefine` …).
 */
export function buildProfileSchemas(zod: ZodNamespace) {
  expectObject(zod, 'zod', { zh: 'zod 或 zod/mini 的命名空间', en: 'the zod or zod/mini namespace' });
  for (const name of ZOD_FUNCTIONS) if (typeof zod[name] !== 'function') throw wrongArgument(`zod.${name}`, zod[name], { zh: '函数', en: 'a function' });
  /**
   * `YYYY-MM-DD`, a date that exists, from `MIN_DATE` to `MAX_DATE`; it stays a string. The check's
   * `expected: 'calendar_date'` is also what tells the fast builder (fast-schema.ts) that the evaluator
   * reads this field as a date.
   */
  const calendarDate = zod.string().check(
    zod.refine((text) => isCalendarDate(text), { params: { expected: CALENDAR_DATE }, abort: true, error: ourWords(CALENDAR_DATE) }),
    zod.refine((text) => text >= MIN_DATE && text <= MAX_DATE, {
      params: { expected: 'calendar_date_in_range' },
      abort: true,
      error: ourWords('calendar_date_in_range'),
    }),
  );

  const text = zod.string().check(zod.maxLength(200));
  /** A GB/T 2260 administrative division code: six digits, the province's two never 00. */
  const divisionCode = zod.string().check(
    zod.refine((code) => /^[1-9]\d{5}$/.test(code), { params: { expected: 'division_code' }, error: ourWords('division_code') }),
  );
  /** Hours of continuing education: finite, not negative, and not absurd. */
  const hours = zod.number().check(zod.gte(0), zod.lte(10_000));
  const year = zod.int().check(zod.gte(1949), zod.lte(2100));
  /** Lists are bounded so a hostile profile cannot make evaluation slow. */
  const list = <T extends zodMini.ZodMiniType>(item: T) => zod.array(item).check(zod.maxLength(MAX_LIST_ENTRIES));

  const titleSchema = zod.strictObject({
    series: zod.optional(zod.enum(SERIES)),
    specialty: zod.optional(text),
    level: zod.optional(zod.enum(TITLE_LEVELS)),
    obtainedOn: zod.optional(calendarDate),
    via: zod.optional(zod.enum(TITLE_ROUTES)),
  });

  const educationSchema = zod.strictObject({
    level: zod.optional(zod.enum(EDUCATION_LEVELS)),
    credential: zod.optional(zod.enum(CREDENTIALS)),
    fullTime: zod.optional(zod.boolean()),
    obtainedOn: zod.optional(calendarDate),
    relatedToSpecialty: zod.optional(zod.boolean()),
  });

  /** One year of continuing education (继续教育), by category. */
  const continuingEducationYearSchema = zod.strictObject({
    year: zod.optional(year),
    /** 一般公需科目 */
    publicHours: zod.optional(hours),
    /** 行业公需科目 */
    industryPublicHours: zod.optional(hours),
    /** 专业科目 */
    professionalHours: zod.optional(hours),
    /** Hours credited for passing a foreign-language or computer-skills exam (外语、计算机应用能力考试). */
    examHours: zod.optional(hours),
  });

  const sanctionSchema = zod.strictObject({
    kind: zod.optional(zod.enum(SANCTION_KINDS)),
    /** First day of the sanction period (处分期). */
    from: zod.optional(calendarDate),
    /** Last day of the sanction period. */
    until: zod.optional(calendarDate),
  });

  const integrityRecordSchema = zod.strictObject({
    kind: zod.optional(zod.enum(INTEGRITY_RECORD_KINDS)),
    /** The day it was entered in the 职称评审诚信档案库. */
    recordedOn: zod.optional(calendarDate),
    /** Found 情节严重 (serious) by the body that recorded it: some notices bar only serious cases. */
    serious: zod.optional(zod.boolean()),
  });

  /** A vocational qualification or skill-level certificate (职业资格、职业技能等级). */
  const skillSchema = zod.strictObject({
    level: zod.optional(zod.enum(SKILL_LEVELS)),
    obtainedOn: zod.optional(calendarDate),
    /** In the specialty applied for (相应专业). */
    relatedToSpecialty: zod.optional(zod.boolean()),
  });

  /** A professional qualification (专业技术人员职业资格) and the title it corresponds to. */
  const qualificationSchema = zod.strictObject({
    name: zod.optional(text),
    series: zod.optional(zod.enum(SERIES)),
    level: zod.optional(zod.enum(TITLE_LEVELS)),
    obtainedOn: zod.optional(calendarDate),
  });

  /** A passed examination (e.g. the national exam before a 副高 evaluation). */
  const examPassSchema = zod.strictObject({
    kind: zod.optional(zod.enum(EXAM_KINDS)),
    series: zod.optional(zod.enum(SERIES)),
    level: zod.optional(zod.enum(TITLE_LEVELS)),
    passedOn: zod.optional(calendarDate),
  });

  const awardSchema = zod.strictObject({
    name: zod.optional(text),
    level: zod.optional(zod.enum(AWARD_LEVELS)),
    obtainedOn: zod.optional(calendarDate),
  });

  const profileSchema = zod.strictObject({
    id: zod.optional(text),
    name: zod.optional(text),
    status: zod.optional(
      zod.strictObject({
        /** 离退休 */
        retired: zod.optional(zod.boolean()),
        civilService: zod.optional(zod.enum(CIVIL_SERVICE)),
        /** 内地 / 港澳台 / 外籍 */
        origin: zod.optional(zod.enum(ORIGINS)),
        /** Holds a 外国人来华工作许可证. */
        foreignWorkPermit: zod.optional(zod.boolean()),
      }),
    ),
    employment: zod.optional(
      zod.strictObject({
        region: zod.optional(text),
        city: zod.optional(text),
        district: zod.optional(text),
        /**
         * Where the employing unit is (用人单位所在地; for a freelancer or flexible worker, where they
         * work) — not a site the unit sends them to — as the 6-digit GB/T 2260 code of the most precise
         * division known (110105 朝阳区, 330881 江山市, 640200 石嘴山市): what area pickers on application
         * forms emit. Decides a notice's territory when the names do not.
         */
        divisionCode: zod.optional(divisionCode),
        employerKind: zod.optional(zod.enum(EMPLOYER_KINDS)),
        engagement: zod.optional(zod.enum(ENGAGEMENTS)),
        unitType: zod.optional(zod.enum(UNIT_TYPES)),
        /** Where the unit is: 城区, 县城, 乡镇, 涉农街道, 村. */
        unitLocation: zod.optional(zod.enum(UNIT_LOCATIONS)),
        /** Run by the government (政府举办). */
        governmentRun: zod.optional(zod.boolean()),
        postCategory: zod.optional(zod.enum(POST_CATEGORIES)),
        /** Teaches on the front line (教学一线任教). */
        frontLineTeaching: zod.optional(zod.boolean()),
        /** The series of the work done now (现从事专业), which may differ from the titles held. */
        currentWorkSeries: zod.optional(zod.enum(SERIES)),
        /** The day work in the specialty (本专业或相近专业) began. */
        specialtyWorkStartedOn: zod.optional(calendarDate),
        /** An industrial enterprise (工业企业). */
        industrialEnterprise: zod.optional(zod.boolean()),
        /** A key enterprise of the digital economy or of industry (数字经济和工业领域重点产业企业). */
        keyIndustryEnterprise: zod.optional(zod.boolean()),
        /** Has become one of the unit's core staff (业务骨干). */
        coreStaff: zod.optional(zod.boolean()),
        /** Moved from a government agency or a unit managed as one (机关、参公单位) to an enterprise or institution. */
        movedFromCivilService: zod.optional(zod.boolean()),
        /** A unit that runs its own evaluations under a filed plan (自主评聘单位). */
        selfEvaluatingUnit: zod.optional(zod.boolean()),
        /** A central unit in Beijing, and its level. */
        centralUnit: zod.optional(zod.enum(CENTRAL_UNIT_LEVELS)),
        /** On the list of national associations decoupled from government (脱钩改革名单). */
        decoupledAssociation: zod.optional(zod.boolean()),
        /** A provincial or ministerial unit located in the city (在衢省部属单位 and the like). */
        provincialOrMinisterialUnit: zod.optional(zod.boolean()),
        /** Cities of the 人事关系, the 人事档案 and the 劳动关系. */
        personnelRelationCity: zod.optional(text),
        archivesCity: zod.optional(text),
        laborRelationCity: zod.optional(text),
        /** The same places as GB/T 2260 codes (a county-level city such as 江山市 is inside 衢州市 only by its code). */
        personnelRelationDivisionCode: zod.optional(divisionCode),
        archivesDivisionCode: zod.optional(divisionCode),
        laborRelationDivisionCode: zod.optional(divisionCode),
        /** Months posted to work outside the city without a break (派驻市外). */
        postedOutsideCityMonths: zod.optional(zod.int().check(zod.gte(0), zod.lte(1200))),
        /** For freelancers: the field, and months worked in it in the city (近1年). */
        freelanceField: zod.optional(zod.enum(FREELANCE_FIELDS)),
        freelanceMonthsInCity: zod.optional(zod.int().check(zod.gte(0), zod.lte(1200))),
        /** Evidence of the employment relation that the committee checks (资格审核). */
        evidence: zod.optional(
          zod.strictObject({
            /** 聘任文件 */
            appointmentDocument: zod.optional(zod.boolean()),
            /** 劳动合同, electronic ones included */
            laborContract: zod.optional(zod.boolean()),
            /** 社保缴纳证明 */
            socialInsuranceProof: zod.optional(zod.boolean()),
            /** A work agreement with a local employer, for 柔性引进 talent (工作协议) */
            workAgreement: zod.optional(zod.boolean()),
          }),
        ),
      }),
    ),
    discipline: zod.optional(
      zod.strictObject({
        sanctions: zod.optional(list(sanctionSchema)),
        /** 涉嫌违纪违法被立案审查、调查尚未结案 */
        underInvestigation: zod.optional(zod.boolean()),
        integrityRecords: zod.optional(list(integrityRecordSchema)),
      }),
    ),
    /** Social insurance (社会保险) as it stands when applying. */
    socialInsurance: zod.optional(
      zod.strictObject({
        region: zod.optional(text),
        city: zod.optional(text),
        /** The district of the insuring unit (参保单位所在区). */
        unitDistrict: zod.optional(text),
        /** Where the insurance is paid, as a GB/T 2260 code (see `employment.divisionCode`). */
        divisionCode: zod.optional(divisionCode),
        /** Months paid in that city without a break, up to applying. */
        continuousMonths: zod.optional(zod.int().check(zod.gte(0), zod.lte(1200))),
        /** Currently insured and paying normally (当前处于正常参保缴费状态). */
        current: zod.optional(zod.boolean()),
      }),
    ),
    education: zod.optional(list(educationSchema)),
    titles: zod.optional(list(titleSchema)),
    skills: zod.optional(list(skillSchema)),
    qualifications: zod.optional(list(qualificationSchema)),
    examPasses: zod.optional(list(examPassSchema)),
    awards: zod.optional(list(awardSchema)),
    continuingEducation: zod.optional(list(continuingEducationYearSchema)),
    recognitions: zod.optional(
      zod.strictObject({
        /** Recognised as having made an outstanding contribution to 乡村振兴 */
        ruralRevitalizationContribution: zod.optional(zod.boolean()),
        /** Worked on the front line of epidemic prevention as medical staff (疫情防控一线医务人员). */
        covidFrontlineMedical: zod.optional(zod.boolean()),
        /** Has already used a preferential policy (提前申报、优先晋升岗位等级 …). */
        preferentialPolicyUsed: zod.optional(zod.boolean()),
      }),
    ),
    application: zod.optional(
      zod.strictObject({
        /** The rule set applied to, e.g. `shizuishan-2024`. */
        jurisdiction: zod.optional(text),
        series: zod.optional(zod.enum(SERIES)),
        specialty: zod.optional(text),
        targetLevel: zod.optional(zod.enum(TITLE_LEVELS)),
        route: zod.optional(zod.enum(APPLICATION_ROUTES)),
        /** The day the application was submitted online. */
        submittedOn: zod.optional(calendarDate),
        /** A deadline the evaluating unit announced in place of the notice's default, where it may. */
        adjustedDeadline: zod.optional(calendarDate),
        /** The series of the evaluation committee the application is sent to. */
        committeeSeries: zod.optional(zod.enum(SERIES)),
        /** Applied last year and was not approved (上年度参评未通过). */
        failedLastYear: zod.optional(zod.boolean()),
        /** Has new achievements since last year's application (本年度新增业绩). */
        newAchievementsSinceLastYear: zod.optional(zod.boolean()),
        /** Recommended by the county-level people's government (县级人民政府推荐). */
        countyGovernmentRecommendation: zod.optional(zod.boolean()),
        /** The employer (a 事业单位 under 岗位管理) recommends within its post-structure ratio. */
        withinPostStructureRatio: zod.optional(zod.boolean()),
        /** Which unit submits the application. */
        applyingUnit: zod.optional(zod.enum(APPLYING_UNITS)),
        /** A posting outside the city approved and filed by the HRSS bureau (核准备案). */
        postingApproved: zod.optional(zod.boolean()),
        /** Holds the delegation letter (委托函 / 委托评审函) the notice asks for. */
        delegationLetter: zod.optional(zod.boolean()),
        /** Recommended by a recognised arts or industry association (协会推荐). */
        associationRecommendation: zod.optional(zod.boolean()),
        /** Recommendation forms by peer experts holding senior (正高级) titles (破格). */
        seniorExpertRecommendations: zod.optional(zod.int().check(zod.gte(0), zod.lte(100))),
        /** Uses a professional qualification as the title it corresponds to (职业资格对应职称). */
        qualificationAsTitle: zod.optional(zod.boolean()),
        /** Within the quota of directed-evaluation places approved by the HRSS bureau (核定的职数). */
        withinApprovedQuota: zod.optional(zod.boolean()),
        /** Times the online submission was returned as not meeting the requirements. */
        rejectedSubmissions: zod.optional(zod.int().check(zod.gte(0), zod.lte(100))),
        /** The district of the committee applied to (区初级评委会). */
        committeeDistrict: zod.optional(text),
        /** Falsification (弄虚作假) was found in this application. */
        falsificationFound: zod.optional(zod.boolean()),
        /** A special provision lets the applicant apply outside the unit of their personnel relation (离岗创新创业等). */
        specialProvisionForApplyingUnit: zod.optional(zod.boolean()),
        /** Working days the employer published the application without objection (单位公示). */
        unitPublicityWorkingDays: zod.optional(zod.int().check(zod.gte(0), zod.lte(365))),
      }),
    ),
  });

  return {
    calendarDate,
    divisionCode,
    titleSchema,
    educationSchema,
    continuingEducationYearSchema,
    sanctionSchema,
    integrityRecordSchema,
    skillSchema,
    qualificationSchema,
    examPassSchema,
    awardSchema,
    profileSchema,
  };
}

const schemas = buildProfileSchemas({
  array: zodMini.array,
  boolean: zodMini.boolean,
  enum: zodMini.enum,
  gte: zodMini.gte,
  int: zodMini.int,
  lte: zodMini.lte,
  maxLength: zodMini.maxLength,
  number: zodMini.number,
  optional: zodMini.optional,
  refine: zodMini.refine,
  strictObject: zodMini.strictObject,
  string: zodMini.string,
});
/** `YYYY-MM-DD`, a date that exists, from `MIN_DATE` to `MAX_DATE`: a string, checked. */
export const calendarDate = schemas.calendarDate;
/** A GB/T 2260 division code; the JSON Schemas give it the same test as a pattern. */
export const divisionCode = schemas.divisionCode;
export const profileSchema = schemas.profileSchema;

/** A profile as written: JSON with ISO date strings. */
export type ApplicantProfile = zodMini.input<typeof profileSchema>;
/**
 * A profile after validation: the same shape as written — plain JSON data, dates still `YYYY-MM-DD`
 * strings — so it can be stored, sent and parsed again.
 */
export type ParsedProfileData = zodMini.output<typeof profileSchema>;
