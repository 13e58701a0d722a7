import { addYears } from 'date-fns/addYears';
import { isDayAfter as isAfter, isDayBefore as isBefore } from '../dates/compare.js';
import * as z from 'zod/mini';
import type { CalendarDate } from '../dates/calendar-date.js';
import type { ParsedProfileData } from '../profile/schema.js';
import { defineFact, known, unknownFor, type FactValue } from './types.js';

/**
 * Whether any entry of a list is in force on the application day, by `inForce(entry, index, day)`
 * (`undefined` when the entry lacks what it needs, with the paths in `missing`). No list: unknown. An
 * empty list: false whatever the day. Otherwise the day (`application.submittedOn`) must be known.
 */
function anyInForceOnApplicationDay<Entry>(
  profile: ParsedProfileData,
  list: readonly Entry[] | undefined,
  listPath: string,
  inForce: (entry: Entry, index: number, day: CalendarDate, missing: string[]) => boolean | undefined,
): FactValue {
  if (list === undefined) return unknownFor(listPath);
  if (list.length === 0) return known(false);
  const day = profile.application?.submittedOn;
  if (day === undefined) return unknownFor('application.submittedOn');
  const missing: string[] = [];
  for (const [index, entry] of list.entries()) if (inForce(entry, index, day, missing)) return known(true);
  return missing.length > 0 ? unknownFor(...missing) : known(false);
}

/**
 * `sanctionActiveOnApplication`: whether the application day falls within a 党纪政纪处分 period (first and
 * last day included). No sanctions means `false` whatever the day; otherwise the day and the periods
 * must be known.
 */
export const sanctionActiveOnApplication = defineFact({
  name: 'sanctionActiveOnApplication',
  description: { zh: '申报时是否处于党纪政纪处分期内', en: 'whether a disciplinary sanction is in force when applying' },
  params: z.strictObject({}),
  reads: () => ['discipline.sanctions', 'application.submittedOn'],
  compute(profile): FactValue {
    return anyInForceOnApplicationDay(profile, profile.discipline?.sanctions, 'discipline.sanctions', (sanction, index, day, missing) => {
      if (sanction.from === undefined) missing.push(`discipline.sanctions.${index}.from`);
      if (sanction.until === undefined) missing.push(`discipline.sanctions.${index}.until`);
      if (sanction.from === undefined || sanction.until === undefined) return undefined;
      return !isBefore(day, sanction.from) && !isAfter(day, sanction.until);
    });
  },
});

/**
 * `integrityRecordActiveOnApplication`: whether an entry in the 职称评审诚信档案库 is still within its
 * record period (`years` from the day it was recorded) on the application day.
 */
export const integrityRecordActiveOnApplication = defineFact({
  name: 'integrityRecordActiveOnApplication',
  description: { zh: '申报时是否处于诚信档案记录期内', en: 'whether an integrity-file record is in force when applying' },
  params: z.strictObject({ years: z.int().check(z.gte(1), z.lte(50)) }),
  reads: () => ['discipline.integrityRecords', 'application.submittedOn'],
  compute(profile, params): FactValue {
    return anyInForceOnApplicationDay(profile, profile.discipline?.integrityRecords, 'discipline.integrityRecords', (record, index, day, missing) => {
      if (record.recordedOn === undefined) {
        missing.push(`discipline.integrityRecords.${index}.recordedOn`);
        return undefined;
      }
      return !isBefore(day, record.recordedOn) && isBefore(day, addYears(record.recordedOn, params.years));
    });
  },
});
