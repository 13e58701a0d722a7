import { subYears } from 'date-fns/subYears';
import { isDayBefore as isBefore } from '../dates/compare.js';
import * as z from 'zod/mini';
import type { CalendarDate } from '../dates/calendar-date.js';
import { VALUE_LABELS } from '../locales/labels.js';
import { TITLE_LEVELS, type TitleLevel } from '../profile/enums.js';
import type { ParsedProfileData } from '../profile/schema.js';
import { defineFact, known, unknownFor, type UnknownFact } from './types.js';

/** Each level's rank, lowest first (a lookup, not a search: this runs for every title of every profile). */
const RANK: Readonly<Record<TitleLevel, number>> = Object.fromEntries(TITLE_LEVELS.map((level, rank) => [level, rank])) as Record<TitleLevel, number>;

/**
 * The earliest day the applicant held a title at `atLeast` or higher, or `null` when they hold none.
 *
 * A title higher than asked counts: whoever holds 副高级 has met a requirement to hold 中级. A title entry
 * whose level or date is missing could be the earliest, so it makes the answer `unknown` (a fact value
 * saying which fields are missing). A day is returned bare, not as a fact value: several facts of every
 * profile ask this, and most only need the year.
 */
export function earliestTitleAtLeast(profile: ParsedProfileData, atLeast: TitleLevel): CalendarDate | null | UnknownFact {
  const titles = profile.titles;
  if (titles === undefined) return unknownFor('titles');
  let earliest: CalendarDate | null = null;
  let missing: string[] | undefined;
  const floor = RANK[atLeast];
  for (let index = 0; index < titles.length; index += 1) {
    const title = titles[index]!;
    if (title.level === undefined) {
      (missing ??= []).push(`titles.${index}.level`);
      continue;
    }
    if (RANK[title.level] < floor) continue;
    if (title.obtainedOn === undefined) (missing ??= []).push(`titles.${index}.obtainedOn`);
    else if (earliest === null || isBefore(title.obtainedOn, earliest)) earliest = title.obtainedOn;
  }
  return missing ? unknownFor(...missing) : earliest;
}

/**
 * A day moved whole years earlier (29 February to 28 February, as date-fns does). Kept by timestamp and
 * years, bounded: titles are conferred on a few days a year, so the same days recur across applicants,
 * and each `subYears` builds two dates.
 */
const movedDays = new Map<number, CalendarDate>();
function yearsEarlier(day: CalendarDate, years: number): CalendarDate {
  const key = day.getTime() * 16 + years; // years ≤ 10 (the params schema), so keys never collide
  let moved = movedDays.get(key);
  if (moved === undefined) {
    if (movedDays.size >= 4_096) movedDays.clear();
    moved = subYears(day, years);
    movedDays.set(key, moved);
  }
  return moved;
}

/**
 * `titleObtainedOn`: when the applicant obtained a title at `atLeast` or higher. `yearsEarly` moves that
 * day earlier by whole years, for routes that let an applicant apply that many years early (提前一年申报):
 * comparing the moved day with the usual cut-off is the same as moving the cut-off.
 */
export const titleObtainedOn = defineFact({
  name: 'titleObtainedOn',
  description: { zh: '取得某级别(或更高)职称的日期', en: 'the day a title at a level (or higher) was obtained' },
  params: z.strictObject({
    atLeast: z.enum(TITLE_LEVELS),
    yearsEarly: z.optional(z.int().check(z.gte(0), z.lte(10))),
  }),
  label: (params) => ({
    zh: `取得${VALUE_LABELS[params.atLeast]!.zh}及以上职称日期${params.yearsEarly ? `(提前${params.yearsEarly}年计)` : ''}`,
    en: `${VALUE_LABELS[params.atLeast]!.en} (or higher) title obtained${params.yearsEarly ? `, counted ${params.yearsEarly} year(s) earlier` : ''}`,
  }),
  reads: () => ['titles'],
  compute(profile, params) {
    const day = earliestTitleAtLeast(profile, params.atLeast);
    if (day === null) return known(null);
    if (!(day instanceof Date)) return day;
    return known(params.yearsEarly ? yearsEarlier(day, params.yearsEarly) : day);
  },
});
