import { addYears, isAfter, isBefore } from 'date-fns';
import * as z from 'zod/mini';
import type { CalendarDate } from '../dates/calendar-date.js';
import type { ParsedProfileData } from '../profile/schema.js';
import { defineFact, known, unknownFor, type FactValue } from './types.js';

/** The day the applicant applies, against which periods (处分期, 记录期) are checked. */
function applicationDay(profile: ParsedProfileData): CalendarDate | undefined {
  return profile.application?.submittedOn;
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
    const sanctions = profile.discipline?.sanctions;
    if (sanctions === undefined) return unknownFor('discipline.sanctions');
    if (sanctions.length === 0) return known(false);
    const day = applicationDay(profile);
    if (day === undefined) return unknownFor('application.submittedOn');
    const missing: string[] = [];
    for (const [index, sanction] of sanctions.entries()) {
      if (sanction.from === undefined) missing.push(`discipline.sanctions.${index}.from`);
      if (sanction.until === undefined) missing.push(`discipline.sanctions.${index}.until`);
      if (sanction.from === undefined || sanction.until === undefined) continue;
      if (!isBefore(day, sanction.from) && !isAfter(day, sanction.until)) return known(true);
    }
    return missing.length > 0 ? unknownFor(...missing) : known(false);
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
    const records = profile.discipline?.integrityRecords;
    if (records === undefined) return unknownFor('discipline.integrityRecords');
    if (records.length === 0) return known(false);
    const day = applicationDay(profile);
    if (day === undefined) return unknownFor('application.submittedOn');
    const missing: string[] = [];
    for (const [index, record] of records.entries()) {
      if (record.recordedOn === undefined) {
        missing.push(`discipline.integrityRecords.${index}.recordedOn`);
        continue;
      }
      const periodEnd = addYears(record.recordedOn, params.years);
      if (!isBefore(day, record.recordedOn) && isBefore(day, periodEnd)) return known(true);
    }
    return missing.length > 0 ? unknownFor(...missing) : known(false);
  },
});
