import * as z from 'zod/mini';
import { formatCalendarDate, parseCalendarDate, type CalendarDate } from '../dates/calendar-date.js';
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
 * Dates are ISO `YYYY-MM-DD` strings in the input and real calendar dates after parsing (a codec),
 * so evaluation parses each date exactly once.
 */

/** `YYYY-MM-DD`, a date that exists. Decodes to a UTC-midnight date, encodes back to the string. */
export const calendarDate = z.codec(
  z.string().check(
    z.refine((text) => parseCalendarDate(text) !== undefined, {
      params: { expected: 'calendar_date' },
      abort: true,
    }),
  ),
  z.custom<CalendarDate>((value) => value instanceof Date),
  {
    decode: (text) => parseCalendarDate(text) as CalendarDate,
    encode: (date) => formatCalendarDate(date),
  },
);

const text = z.string().check(z.maxLength(200));
/** Hours of continuing education: finite, not negative, and not absurd. */
const hours = z.number().check(z.gte(0), z.lte(10_000));
const year = z.int().check(z.gte(1949), z.lte(2100));
/** Lists are bounded so a hostile profile cannot make evaluation slow. */
const list = <T extends z.ZodMiniType>(item: T) => z.array(item).check(z.maxLength(200));

export const titleSchema = z.strictObject({
  series: z.optional(z.enum(SERIES)),
  specialty: z.optional(text),
  level: z.optional(z.enum(TITLE_LEVELS)),
  obtainedOn: z.optional(calendarDate),
  via: z.optional(z.enum(TITLE_ROUTES)),
});

export const educationSchema = z.strictObject({
  level: z.optional(z.enum(EDUCATION_LEVELS)),
  credential: z.optional(z.enum(CREDENTIALS)),
  fullTime: z.optional(z.boolean()),
  obtainedOn: z.optional(calendarDate),
  relatedToSpecialty: z.optional(z.boolean()),
});

/** One year of continuing education (继续教育), by category. */
export const continuingEducationYearSchema = z.strictObject({
  year: z.optional(year),
  /** 一般公需科目 */
  publicHours: z.optional(hours),
  /** 行业公需科目 */
  industryPublicHours: z.optional(hours),
  /** 专业科目 */
  professionalHours: z.optional(hours),
  /** Hours credited for passing a foreign-language or computer-skills exam (外语、计算机应用能力考试). */
  examHours: z.optional(hours),
});

export const sanctionSchema = z.strictObject({
  kind: z.optional(z.enum(SANCTION_KINDS)),
  /** First day of the sanction period (处分期). */
  from: z.optional(calendarDate),
  /** Last day of the sanction period. */
  until: z.optional(calendarDate),
});

export const integrityRecordSchema = z.strictObject({
  kind: z.optional(z.enum(INTEGRITY_RECORD_KINDS)),
  /** The day it was entered in the 职称评审诚信档案库. */
  recordedOn: z.optional(calendarDate),
});

/** A vocational qualification or skill-level certificate (职业资格、职业技能等级). */
export const skillSchema = z.strictObject({
  level: z.optional(z.enum(SKILL_LEVELS)),
  obtainedOn: z.optional(calendarDate),
  /** In the specialty applied for (相应专业). */
  relatedToSpecialty: z.optional(z.boolean()),
});

/** A professional qualification (专业技术人员职业资格) and the title it corresponds to. */
export const qualificationSchema = z.strictObject({
  name: z.optional(text),
  series: z.optional(z.enum(SERIES)),
  level: z.optional(z.enum(TITLE_LEVELS)),
  obtainedOn: z.optional(calendarDate),
});

/** A passed examination (e.g. the national exam before a 副高 evaluation). */
export const examPassSchema = z.strictObject({
  kind: z.optional(z.enum(EXAM_KINDS)),
  series: z.optional(z.enum(SERIES)),
  level: z.optional(z.enum(TITLE_LEVELS)),
  passedOn: z.optional(calendarDate),
});

export const awardSchema = z.strictObject({
  name: z.optional(text),
  level: z.optional(z.enum(AWARD_LEVELS)),
  obtainedOn: z.optional(calendarDate),
});

export const profileSchema = z.strictObject({
  id: z.optional(text),
  name: z.optional(text),
  status: z.optional(
    z.strictObject({
      /** 离退休 */
      retired: z.optional(z.boolean()),
      civilService: z.optional(z.enum(CIVIL_SERVICE)),
      /** 内地 / 港澳台 / 外籍 */
      origin: z.optional(z.enum(ORIGINS)),
      /** Holds a 外国人来华工作许可证. */
      foreignWorkPermit: z.optional(z.boolean()),
    }),
  ),
  employment: z.optional(
    z.strictObject({
      region: z.optional(text),
      city: z.optional(text),
      district: z.optional(text),
      employerKind: z.optional(z.enum(EMPLOYER_KINDS)),
      engagement: z.optional(z.enum(ENGAGEMENTS)),
      unitType: z.optional(z.enum(UNIT_TYPES)),
      /** Where the unit is: 城区, 县城, 乡镇, 涉农街道, 村. */
      unitLocation: z.optional(z.enum(UNIT_LOCATIONS)),
      /** Run by the government (政府举办). */
      governmentRun: z.optional(z.boolean()),
      postCategory: z.optional(z.enum(POST_CATEGORIES)),
      /** Teaches on the front line (教学一线任教). */
      frontLineTeaching: z.optional(z.boolean()),
      /** The series of the work done now (现从事专业), which may differ from the titles held. */
      currentWorkSeries: z.optional(z.enum(SERIES)),
      /** The day work in the specialty (本专业或相近专业) began. */
      specialtyWorkStartedOn: z.optional(calendarDate),
      /** An industrial enterprise (工业企业). */
      industrialEnterprise: z.optional(z.boolean()),
      /** A key enterprise of the digital economy or of industry (数字经济和工业领域重点产业企业). */
      keyIndustryEnterprise: z.optional(z.boolean()),
      /** Has become one of the unit's core staff (业务骨干). */
      coreStaff: z.optional(z.boolean()),
      /** Moved from a government agency or a unit managed as one (机关、参公单位) to an enterprise or institution. */
      movedFromCivilService: z.optional(z.boolean()),
      /** A unit that runs its own evaluations under a filed plan (自主评聘单位). */
      selfEvaluatingUnit: z.optional(z.boolean()),
      /** A central unit in Beijing, and its level. */
      centralUnit: z.optional(z.enum(CENTRAL_UNIT_LEVELS)),
      /** On the list of national associations decoupled from government (脱钩改革名单). */
      decoupledAssociation: z.optional(z.boolean()),
      /** A provincial or ministerial unit located in the city (在衢省部属单位 and the like). */
      provincialOrMinisterialUnit: z.optional(z.boolean()),
      /** Cities of the 人事关系, the 人事档案 and the 劳动关系. */
      personnelRelationCity: z.optional(text),
      archivesCity: z.optional(text),
      laborRelationCity: z.optional(text),
      /** Months posted to work outside the city without a break (派驻市外). */
      postedOutsideCityMonths: z.optional(z.int().check(z.gte(0), z.lte(1200))),
      /** For freelancers: the field, and months worked in it in the city (近1年). */
      freelanceField: z.optional(z.enum(FREELANCE_FIELDS)),
      freelanceMonthsInCity: z.optional(z.int().check(z.gte(0), z.lte(1200))),
      /** Evidence of the employment relation that the committee checks (资格审核). */
      evidence: z.optional(
        z.strictObject({
          /** 聘任文件 */
          appointmentDocument: z.optional(z.boolean()),
          /** 劳动合同, electronic ones included */
          laborContract: z.optional(z.boolean()),
          /** 社保缴纳证明 */
          socialInsuranceProof: z.optional(z.boolean()),
          /** A work agreement with a local employer, for 柔性引进 talent (工作协议) */
          workAgreement: z.optional(z.boolean()),
        }),
      ),
    }),
  ),
  discipline: z.optional(
    z.strictObject({
      sanctions: z.optional(list(sanctionSchema)),
      /** 涉嫌违纪违法被立案审查、调查尚未结案 */
      underInvestigation: z.optional(z.boolean()),
      integrityRecords: z.optional(list(integrityRecordSchema)),
    }),
  ),
  /** Social insurance (社会保险) as it stands when applying. */
  socialInsurance: z.optional(
    z.strictObject({
      region: z.optional(text),
      city: z.optional(text),
      /** The district of the insuring unit (参保单位所在区). */
      unitDistrict: z.optional(text),
      /** Months paid in that city without a break, up to applying. */
      continuousMonths: z.optional(z.int().check(z.gte(0), z.lte(1200))),
      /** Currently insured and paying normally (当前处于正常参保缴费状态). */
      current: z.optional(z.boolean()),
    }),
  ),
  education: z.optional(list(educationSchema)),
  titles: z.optional(list(titleSchema)),
  skills: z.optional(list(skillSchema)),
  qualifications: z.optional(list(qualificationSchema)),
  examPasses: z.optional(list(examPassSchema)),
  awards: z.optional(list(awardSchema)),
  continuingEducation: z.optional(list(continuingEducationYearSchema)),
  recognitions: z.optional(
    z.strictObject({
      /** Recognised as having made an outstanding contribution to 乡村振兴 */
      ruralRevitalizationContribution: z.optional(z.boolean()),
      /** Worked on the front line of epidemic prevention as medical staff (疫情防控一线医务人员). */
      covidFrontlineMedical: z.optional(z.boolean()),
      /** Has already used a preferential policy (提前申报、优先晋升岗位等级 …). */
      preferentialPolicyUsed: z.optional(z.boolean()),
    }),
  ),
  application: z.optional(
    z.strictObject({
      /** The rule set applied to, e.g. `shizuishan-2024`. */
      jurisdiction: z.optional(text),
      series: z.optional(z.enum(SERIES)),
      specialty: z.optional(text),
      targetLevel: z.optional(z.enum(TITLE_LEVELS)),
      route: z.optional(z.enum(APPLICATION_ROUTES)),
      /** The day the application was submitted online. */
      submittedOn: z.optional(calendarDate),
      /** A deadline the evaluating unit announced in place of the notice's default, where it may. */
      adjustedDeadline: z.optional(calendarDate),
      /** The series of the evaluation committee the application is sent to. */
      committeeSeries: z.optional(z.enum(SERIES)),
      /** Applied last year and was not approved (上年度参评未通过). */
      failedLastYear: z.optional(z.boolean()),
      /** Has new achievements since last year's application (本年度新增业绩). */
      newAchievementsSinceLastYear: z.optional(z.boolean()),
      /** Recommended by the county-level people's government (县级人民政府推荐). */
      countyGovernmentRecommendation: z.optional(z.boolean()),
      /** The employer (a 事业单位 under 岗位管理) recommends within its post-structure ratio. */
      withinPostStructureRatio: z.optional(z.boolean()),
      /** Which unit submits the application. */
      applyingUnit: z.optional(z.enum(APPLYING_UNITS)),
      /** A posting outside the city approved and filed by the HRSS bureau (核准备案). */
      postingApproved: z.optional(z.boolean()),
      /** Holds the delegation letter (委托函 / 委托评审函) the notice asks for. */
      delegationLetter: z.optional(z.boolean()),
      /** Recommended by a recognised arts or industry association (协会推荐). */
      associationRecommendation: z.optional(z.boolean()),
      /** Recommendation forms by peer experts holding senior (正高级) titles (破格). */
      seniorExpertRecommendations: z.optional(z.int().check(z.gte(0), z.lte(100))),
      /** Uses a professional qualification as the title it corresponds to (职业资格对应职称). */
      qualificationAsTitle: z.optional(z.boolean()),
      /** Within the quota of directed-evaluation places approved by the HRSS bureau (核定的职数). */
      withinApprovedQuota: z.optional(z.boolean()),
      /** Times the online submission was returned as not meeting the requirements. */
      rejectedSubmissions: z.optional(z.int().check(z.gte(0), z.lte(100))),
      /** The district of the committee applied to (区初级评委会). */
      committeeDistrict: z.optional(text),
      /** Falsification (弄虚作假) was found in this application. */
      falsificationFound: z.optional(z.boolean()),
      /** A special provision lets the applicant apply outside the unit of their personnel relation (离岗创新创业等). */
      specialProvisionForApplyingUnit: z.optional(z.boolean()),
      /** Working days the employer published the application without objection (单位公示). */
      unitPublicityWorkingDays: z.optional(z.int().check(z.gte(0), z.lte(365))),
    }),
  ),
});

/** A profile as written: JSON with ISO date strings. */
export type ApplicantProfile = z.input<typeof profileSchema>;
/** A profile after validation: dates are calendar dates. */
export type ParsedProfileData = z.output<typeof profileSchema>;
