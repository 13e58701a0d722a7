import * as z from 'zod/mini';
import { formatCalendarDate, parseCalendarDate, type CalendarDate } from '../dates/calendar-date.js';
import {
  APPLICATION_ROUTES,
  CIVIL_SERVICE,
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

export const profileSchema = z.strictObject({
  id: z.optional(text),
  name: z.optional(text),
  status: z.optional(
    z.strictObject({
      /** 离退休 */
      retired: z.optional(z.boolean()),
      civilService: z.optional(z.enum(CIVIL_SERVICE)),
    }),
  ),
  employment: z.optional(
    z.strictObject({
      region: z.optional(text),
      city: z.optional(text),
      district: z.optional(text),
      employerKind: z.optional(z.enum(EMPLOYER_KINDS)),
      engagement: z.optional(z.enum(ENGAGEMENTS)),
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
  education: z.optional(list(educationSchema)),
  titles: z.optional(list(titleSchema)),
  continuingEducation: z.optional(list(continuingEducationYearSchema)),
  recognitions: z.optional(
    z.strictObject({
      /** Recognised as having made an outstanding contribution to 乡村振兴 */
      ruralRevitalizationContribution: z.optional(z.boolean()),
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
    }),
  ),
});

/** A profile as written: JSON with ISO date strings. */
export type ApplicantProfile = z.input<typeof profileSchema>;
/** A profile after validation: dates are calendar dates. */
export type ParsedProfileData = z.output<typeof profileSchema>;
