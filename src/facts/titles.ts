import { subYears } from 'date-fns/subYears';
import { isDayBefore as isBefore } from '../dates/compare.js';
import * as z from 'zod/mini';
import type { CalendarDate } from '../dates/calendar-date.js';
import { VALUE_LABELS } from '../locales/labels.js';
import { TITLE_LEVELS, type TitleLevel } from '../profile/enums.js';
import type { DecodedProfile } from '../profile/decoded.js';
import { defineFact, known, unknownFor, type UnknownFact } from './types.js';
import { profileView } from './views.js';

/** Each level's rank, lowest first (a lookup, not a search: this runs for every title of every profile). */
const RANK: Readonly<Record<TitleLevel, number>> = Object.fromEntries(TITLE_LEVELS.map((level, rank) => [level, rank])) as Record<TitleLevel, number>;

/** A profile's titles as ranks and days, read once per evaluation (see views.ts). */
interface TitleView {
  /** Each entry's level rank, or -1 where the level is missing. */
  readonly ranks: readonly number[];
  readonly days: readonly (CalendarDate | undefined)[];
  /** `earliestTitleAtLeast`'s answer by rank, filled as asked. */
  readonly earliest: (CalendarDate | null | UnknownFact | undefined)[];
}

const titleView = profileView((profile): TitleView | undefined => {
  const titles = profile.titles;
  if (titles === undefined) return undefined;
  const ranks = new Array<number>(titles.length);
  const days = new Array<CalendarDate | undefined>(titles.length);
  for (let index = 0; index < titles.length; index += 1) {
    const title = titles[index]!;
    ranks[index] = title.level === undefined ? -1 : RANK[title.level];
    days[index] = title.obtainedOn;
  }
  return { ranks, days, earliest: new Array(TITLE_LEVELS.length).fill(undefined) };
});

/**
 * The earliest day the applicant held a title at `atLeast` or higher, or `null` when they hold none.
 *
 * A title higher than asked counts: whoever holds 副高级 has met a requirement to hold 中级. A title entry
 * whose level or date is missing could be the earliest, so it makes the answer `unknown` (a fact value
 * saying which fields are missing). A day is returned bare, not as a fact value: several facts of every
 * profile ask this, and most only need the year.
 */
export function earliestTitleAtLeast(profile: DecodedProfile, atLeast: TitleLevel): CalendarDate | null | UnknownFact {
  const view = titleView(profile);
  if (view === undefined) return unknownFor('titles');
  const floor = RANK[atLeast];
  const cached = view.earliest[floor];
  if (cached !== undefined) return cached;
  const { ranks, days } = view;
  let earliest: CalendarDate | null = null;
  let missing: string[] | undefined;
  for (let index = 0; index < ranks.length; index += 1) {
    const rank = ranks[index]!;
    if (rank < 0) {
      (missing ??= []).push(`titles.${index}.level`);
      continue;
    }
    if (rank < floor) continue;
    const day = days[index];
    if (day === undefined) (missing ??= []).push(`titles.${index}.obtainedOn`);
    else if (earliest === null || isBefore(day, earliest)) earliest = day;
  }
  return (view.earliest[floor] = missing ? unknownFor(...missing) : earliest);
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
