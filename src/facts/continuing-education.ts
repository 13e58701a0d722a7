import * as z from 'zod/mini';
import { TITLE_LEVELS, type TitleLevel } from '../profile/enums.js';
import type { DecodedProfile } from '../profile/decoded.js';
import { earliestTitleAtLeast } from './titles.js';
import { defineFact, known, unknownAtLeast, unknownFor, type FactValue } from './types.js';
import { profileView } from './views.js';
import { FIELD_LABELS, VALUE_LABELS } from '../locales/labels.js';

/** The categories of continuing-education hours a profile records for a year. */
export const CE_CATEGORIES = ['public', 'industryPublic', 'professional', 'exam'] as const;
export type CeCategory = (typeof CE_CATEGORIES)[number];

const FIRST_YEAR = 1949;
const LAST_YEAR = 2100;
const year = z.int().check(z.gte(FIRST_YEAR), z.lte(LAST_YEAR));
/** The path that asks for a year's entry, written once per year rather than once per fact per profile. */
const YEAR_PATHS = Array.from({ length: LAST_YEAR - FIRST_YEAR + 1 }, (_, offset) => `continuingEducation[year=${FIRST_YEAR + offset}]`);

/**
 * A profile's continuing-education list as hours by year and category, read once per evaluation (see
 * views.ts): a rule set counts several windows and categories (Shizuishan: nine), and each would
 * otherwise read every entry again.
 */
interface HoursView {
  /** The paths of entries without a year: any window could need them. In list order. */
  readonly undated: readonly string[];
  /** The distinct years that have an entry, in the order first seen. */
  readonly years: readonly number[];
  /** Hours by year and category: `hours[y * 4 + c]` for `years[y]` and `CE_CATEGORIES[c]`, over all its entries. */
  readonly hours: readonly number[];
}

const hoursView = profileView((profile): HoursView | undefined => {
  const entries = profile.continuingEducation;
  if (entries === undefined) return undefined;
  const undated: string[] = [];
  const years: number[] = [];
  const hours: number[] = [];
  for (let index = 0; index < entries.length; index += 1) {
    const entry = entries[index]!;
    if (entry.year === undefined) {
      undated.push(`continuingEducation.${index}.year`);
      continue;
    }
    let at = years.indexOf(entry.year);
    if (at < 0) {
      at = years.push(entry.year) - 1;
      hours.push(0, 0, 0, 0);
    }
    // The categories in CE_CATEGORIES' order; a category left out counts as 0 hours.
    const base = at * 4;
    hours[base] = hours[base]! + (entry.publicHours ?? 0);
    hours[base + 1] = hours[base + 1]! + (entry.industryPublicHours ?? 0);
    hours[base + 2] = hours[base + 2]! + (entry.professionalHours ?? 0);
    hours[base + 3] = hours[base + 3]! + (entry.examHours ?? 0);
  }
  return { undated, years, hours };
});

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
 * A window ending before it starts is refused when the rule set loads, at `to` (issue 14): prorating
 * over it divides by zero or a negative count of years, and a report would carry `required: Infinity`
 * (JSON `null`); summing over it would count nothing and pass as 0 hours.
 */
const windowInOrder = z.check<{ from: number; to: number }>((ctx) => {
  if (ctx.value.to < ctx.value.from) ctx.issues.push({ code: 'custom', input: ctx.value.to, path: ['to'], params: { expected: 'window_in_order' }, message: 'to before from' });
});

/**
 * The most hours a window may require. Real notices ask tens a year (90 a year in Shizuishan, 72 in
 * Beijing) over windows of a few years; a bound keeps every prorated result finite (1e308 × years
 * overflowed to Infinity) with room to spare: at most 152 years × this.
 */
export const MAX_HOURS_FOR_WINDOW = 100_000;

/**
 * The first year of the window to count (it ends at `to`), or — as an unknown fact value — why it cannot
 * be known yet. A number, not an object: this runs for several facts of every profile.
 */
function windowStart(profile: DecodedProfile, from: number, to: number, sinceTitle: TitleLevel | undefined): number | FactValue {
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
 * A year missing from the list is `unknown` (it may simply not be filled in yet), but what the known
 * years add up to is a lower bound, so a floor they already meet is met; a category a year's entry
 * leaves out counts as 0 hours. Several entries for one year add up.
 */
export const continuingEducationHours = defineFact({
  name: 'continuingEducationHours',
  description: { zh: '继续教育学时合计', en: 'continuing-education hours in a window of years' },
  // The window and the categories, in the words of the profile's own fields (「2020—2024年 一般公需科目学时+行业公需科目学时」).
  label: (params) => {
    const names = params.categories.map((category) => FIELD_LABELS[`continuingEducation[].${category}Hours`]!);
    const years = params.from === params.to ? `${params.to}` : `${params.from}—${params.to}`;
    const since = params.sinceTitle ? { zh: `(自取得${VALUE_LABELS[params.sinceTitle]!.zh}职称之年起)`, en: ` (from the year the ${VALUE_LABELS[params.sinceTitle]!.en} title was obtained)` } : { zh: '', en: '' };
    return {
      zh: `${years}年${since.zh}${names.length === CE_CATEGORIES.length ? '继续教育学时合计' : names.map((name) => name.zh).join('+')}`,
      en: `${names.length === CE_CATEGORIES.length ? 'all continuing-education hours' : names.map((name) => name.en).join(' + ')}, ${years}${since.en}`,
    };
  },
  params: z.pipe(
    z.strictObject({
      ...windowParams,
      categories: z.array(z.enum(CE_CATEGORIES)).check(z.minLength(1)),
    }).check(windowInOrder),
    // Each category's place in the hours view, looked up once here rather than on every profile.
    z.transform((params) => ({ ...params, offsets: params.categories.map((category) => CE_CATEGORIES.indexOf(category)) })),
  ),
  step: 0.01, // hours are recorded to two decimals
  reads: (params) => (params.sinceTitle ? ['continuingEducation', 'titles'] : ['continuingEducation']),
  compute(profile, params): FactValue {
    const start = windowStart(profile, params.from, params.to, params.sinceTitle);
    if (typeof start !== 'number') return start;
    const view = hoursView(profile);
    if (view === undefined) return unknownFor('continuingEducation');
    const { years, hours } = view;
    let missing: string[] | undefined = view.undated.length > 0 ? [...view.undated] : undefined;
    const offsets = params.offsets;
    let total = 0;
    for (let year = start; year <= params.to; year += 1) {
      const at = years.indexOf(year);
      if (at < 0) {
        (missing ??= []).push(YEAR_PATHS[year - FIRST_YEAR]!);
        continue;
      }
      for (let index = 0; index < offsets.length; index += 1) total += hours[at * 4 + offsets[index]!]!;
    }
    // Hours are recorded to at most two decimals; rounding the sum keeps floating-point noise
    // (71.7 + 0.1 + 0.1 + 0.1 = 71.99999999999999) from failing a floor of 72.
    const rounded = Math.round(total * 100) / 100;
    // With years missing, the known years are a lower bound: hours can only add up (see `boundVerdict`).
    return missing ? unknownAtLeast(rounded, missing) : known(rounded);
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
  params: z
    .strictObject({
      ...windowParams,
      hoursForWindow: z.number().check(z.gte(0), z.lte(MAX_HOURS_FOR_WINDOW)),
    })
    .check(windowInOrder),
  reads: () => ['titles'],
  compute(profile, params): FactValue {
    const start = windowStart(profile, params.from, params.to, params.sinceTitle);
    if (typeof start !== 'number') return start;
    const yearsCounted = params.to - start + 1;
    const yearsInWindow = params.to - params.from + 1;
    return known((params.hoursForWindow * yearsCounted) / yearsInWindow);
  },
});
