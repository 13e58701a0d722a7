import * as z from 'zod/mini';
import { TITLE_LEVELS, type TitleLevel } from '../profile/enums.js';
import type { ParsedProfileData } from '../profile/schema.js';
import { earliestTitleAtLeast } from './titles.js';
import { defineFact, known, unknownFor, type FactValue } from './types.js';

/** The categories of continuing-education hours a profile records for a year. */
export const CE_CATEGORIES = ['public', 'industryPublic', 'professional', 'exam'] as const;
export type CeCategory = (typeof CE_CATEGORIES)[number];

const FIELD_OF: Record<CeCategory, 'publicHours' | 'industryPublicHours' | 'professionalHours' | 'examHours'> = {
  public: 'publicHours',
  industryPublic: 'industryPublicHours',
  professional: 'professionalHours',
  exam: 'examHours',
};

const FIRST_YEAR = 1949;
const LAST_YEAR = 2100;
const year = z.int().check(z.gte(FIRST_YEAR), z.lte(LAST_YEAR));
/**
 * Which years of a window have an entry: one scratch array for every call (the computation is
 * synchronous and never re-entered), so counting hours allocates nothing.
 */
const SEEN_YEARS = new Uint8Array(LAST_YEAR - FIRST_YEAR + 1);
/** The path that asks for a year's entry, written once per year rather than once per fact per profile. */
const YEAR_PATHS = Array.from({ length: LAST_YEAR - FIRST_YEAR + 1 }, (_, offset) => `continuingEducation[year=${FIRST_YEAR + offset}]`);
const windowParams = {
  from: year,
  to: year,
  /**
   * Count only the years since the applicant obtained a title at this level (任职年限): the window
   * starts in the year that title was obtained, if that is later than `from`.
   */
  sinceTitle: z.optional(z.enum(TITLE_LEVELS)),
};

/**
 * The first year of the window to count (it ends at `to`), or — as an unknown fact value — why it cannot
 * be known yet. A number, not an object: this runs for several facts of every profile.
 */
function windowStart(profile: ParsedProfileData, from: number, to: number, sinceTitle: TitleLevel | undefined): number | FactValue {
  if (sinceTitle === undefined) return from;
  const title = earliestTitleAtLeast(profile, sinceTitle);
  if (title === null) return from;
  if (!(title instanceof Date)) return title;
  // The calendar year of a UTC-midnight date (read directly: date-fns' getYear would clone it first).
  return Math.min(to, Math.max(from, title.getUTCFullYear()));
}

/**
 * `continuingEducationHours`: hours of the given categories over the years `from`–`to` (inclusive).
 *
 * A year missing from the list is `unknown` (it may simply not be filled in yet); a category a year's
 * entry leaves out counts as 0 hours. Several entries for one year add up.
 */
export const continuingEducationHours = defineFact({
  name: 'continuingEducationHours',
  description: { zh: '继续教育学时合计', en: 'continuing-education hours in a window of years' },
  params: z.pipe(
    z.strictObject({
      ...windowParams,
      categories: z.array(z.enum(CE_CATEGORIES)).check(z.minLength(1)),
    }),
    // The profile fields to add, looked up once here rather than on every profile.
    z.transform((params) => ({ ...params, fields: params.categories.map((category) => FIELD_OF[category]) })),
  ),
  reads: (params) => (params.sinceTitle ? ['continuingEducation', 'titles'] : ['continuingEducation']),
  compute(profile, params): FactValue {
    const start = windowStart(profile, params.from, params.to, params.sinceTitle);
    if (typeof start !== 'number') return start;
    const entries = profile.continuingEducation;
    if (entries === undefined) return unknownFor('continuingEducation');
    // One pass over the entries: add the hours of the window's years, and note which years appear.
    let missing: string[] | undefined;
    const from = start;
    const span = params.to - from + 1;
    const seen = SEEN_YEARS.fill(0, 0, span);
    const fields = params.fields;
    let total = 0;
    for (let index = 0; index < entries.length; index += 1) {
      const entry = entries[index]!;
      const year = entry.year;
      if (year === undefined) {
        (missing ??= []).push(`continuingEducation.${index}.year`);
        continue;
      }
      const offset = year - from;
      if (offset < 0 || offset >= span) continue;
      seen[offset] = 1;
      for (const field of fields) total += entry[field] ?? 0;
    }
    for (let offset = 0; offset < span; offset += 1) {
      if (seen[offset] === 0) (missing ??= []).push(YEAR_PATHS[from + offset - FIRST_YEAR]!);
    }
    // Hours are recorded to at most two decimals; rounding the sum keeps floating-point noise
    // (71.7 + 0.1 + 0.1 + 0.1 = 71.99999999999999) from failing a floor of 72.
    return missing ? unknownFor(...missing) : known(Math.round(total * 100) / 100);
  },
});

/**
 * `continuingEducationRequired`: hours required when the requirement is prorated by years in post
 * (根据任职年限要求计算): `hoursForWindow` for the whole window, times the share of its years counted
 * since the applicant obtained a title at `sinceTitle` (at least one year). Without such a title the
 * whole window is required.
 */
export const continuingEducationRequired = defineFact({
  name: 'continuingEducationRequired',
  description: {
    zh: '按任职年限折算的继续教育学时要求',
    en: 'continuing-education hours required, prorated by years in post',
  },
  params: z.strictObject({
    ...windowParams,
    hoursForWindow: z.number().check(z.gte(0)),
  }),
  reads: () => ['titles'],
  compute(profile, params): FactValue {
    const start = windowStart(profile, params.from, params.to, params.sinceTitle);
    if (typeof start !== 'number') return start;
    const yearsCounted = params.to - start + 1;
    const yearsInWindow = params.to - params.from + 1;
    return known((params.hoursForWindow * yearsCounted) / yearsInWindow);
  },
});
