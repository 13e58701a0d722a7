import { subYears } from 'date-fns';
import { isDayBefore as isBefore } from '../dates/compare.js';
import * as z from 'zod/mini';
import type { CalendarDate } from '../dates/calendar-date.js';
import { VALUE_LABELS } from '../locales/labels.js';
import { TITLE_LEVELS, type TitleLevel } from '../profile/enums.js';
import type { ParsedProfileData } from '../profile/schema.js';
import { defineFact, known, unknownFor, type FactValue } from './types.js';

const levelRank = (level: TitleLevel): number => TITLE_LEVELS.indexOf(level);

/**
 * The earliest day the applicant held a title at `atLeast` or higher, or `null` when they hold none.
 *
 * A title higher than asked counts: whoever holds 副高级 has met a requirement to hold 中级. A title entry
 * whose level or date is missing could be the earliest, so it makes the answer `unknown`.
 */
export function earliestTitleAtLeast(profile: ParsedProfileData, atLeast: TitleLevel): FactValue {
  const titles = profile.titles;
  if (titles === undefined) return unknownFor('titles');
  let earliest: CalendarDate | null = null;
  const missing: string[] = [];
  titles.forEach((title, index) => {
    if (title.level === undefined) return void missing.push(`titles.${index}.level`);
    if (levelRank(title.level) < levelRank(atLeast)) return;
    if (title.obtainedOn === undefined) return void missing.push(`titles.${index}.obtainedOn`);
    if (earliest === null || isBefore(title.obtainedOn, earliest)) earliest = title.obtainedOn;
  });
  return missing.length > 0 ? unknownFor(...missing) : known(earliest);
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
    const result = earliestTitleAtLeast(profile, params.atLeast);
    if (!result.known || result.value === null || !params.yearsEarly) return result;
    return known(subYears(result.value as CalendarDate, params.yearsEarly));
  },
});
