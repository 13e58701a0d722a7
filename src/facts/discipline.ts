import { addYears } from 'date-fns/addYears';
import { isDayAfter as isAfter, isDayBefore as isBefore } from '../dates/compare.js';
import * as z from 'zod/mini';
import type { CalendarDate } from '../dates/calendar-date.js';
import { decodedCalendarDate } from '../dates/codec.js';
import type { DecodedProfile } from '../profile/decoded.js';
import { defineFact, known, unknownFor, type FactValue } from './types.js';

/**
 * One entry of a list of periods (a sanction, an integrity record) as the facts below read it: its first
 * and last day as far as they are known, the paths that would give the missing ends, and whether the
 * entry counts at all (`true`; `false`, e.g. a record found not serious; or the path whose answer would
 * say).
 */
interface Span {
  readonly from: CalendarDate | undefined;
  readonly until: CalendarDate | undefined;
  readonly fromPath: string;
  readonly untilPath: string;
  readonly counts: true | false | string;
}

/** The days an application under the notice can be made on, when the profile does not give its day. */
const applicationPeriod = z.optional(z.strictObject({ from: decodedCalendarDate, until: decodedCalendarDate }));
type Period = { readonly from: CalendarDate; readonly until: CalendarDate };

/**
 * Whether the day falls in a span, from what is known of it: either end alone can decide (a span that
 * ended before the day, or starts after it, does not cover it whatever its other end); only a day
 * between a known end and a missing one is open (`undefined`, the missing ends' paths added to `missing`).
 */
export function spanCoversDay(day: CalendarDate, span: Span, missing: string[]): boolean | undefined {
  if (span.from !== undefined && isBefore(day, span.from)) return false;
  if (span.until !== undefined && isAfter(day, span.until)) return false;
  if (span.from !== undefined && span.until !== undefined) return true;
  if (span.from === undefined) missing.push(span.fromPath);
  if (span.until === undefined) missing.push(span.untilPath);
  return undefined;
}

/**
 * Whether any span that counts is in force on the application day. No list: unknown. An empty list:
 * false whatever the day. Without the day (`application.submittedOn`), the notice's application
 * `period` can still decide: a span covering the whole period is in force on whichever day it was; one
 * that ends before the period or starts after it is in force on none.
 */
function anyInForce(profile: DecodedProfile, spans: readonly Span[] | undefined, listPath: string, period: Period | undefined): FactValue {
  if (spans === undefined) return unknownFor(listPath);
  if (spans.length === 0) return known(false);
  const day = profile.application?.submittedOn;
  if (day === undefined && !period) return unknownFor('application.submittedOn');
  const missing: string[] = [];
  for (const span of spans) {
    if (span.counts === false) continue;
    const covers = day !== undefined ? spanCoversDay(day, span, missing) : coversPeriod(span, period!, missing);
    if (covers === false) continue;
    if (covers === true && span.counts === true) return known(true);
    if (covers === true) missing.push(span.counts as string);
    else if (typeof span.counts === 'string') missing.push(span.counts);
  }
  return missing.length > 0 ? unknownFor(...new Set(missing)) : known(false);
}

/** A span against every day of the period: true if it covers them all, false if none, else open. */
function coversPeriod(span: Span, period: Period, missing: string[]): boolean | undefined {
  if (span.until !== undefined && isBefore(span.until, period.from)) return false;
  if (span.from !== undefined && isAfter(span.from, period.until)) return false;
  const ends: string[] = [];
  if (spanCoversDay(period.from, span, ends) === true && spanCoversDay(period.until, span, ends) === true) return true;
  missing.push('application.submittedOn', ...ends);
  return undefined;
}

/**
 * `sanctionActiveOnApplication`: whether the application day falls within a 党纪政纪处分 period (first and
 * last day included). No sanctions means `false` whatever the day; one end of a period can decide it,
 * and so, without the day, can the notice's `applicationPeriod` (see `anyInForce`).
 */
export const sanctionActiveOnApplication = defineFact({
  name: 'sanctionActiveOnApplication',
  description: { zh: '申报时是否处于党纪政纪处分期内', en: 'whether a disciplinary sanction is in force when applying' },
  params: z.strictObject({ applicationPeriod }),
  reads: () => ['discipline.sanctions', 'application.submittedOn'],
  compute(profile, params): FactValue {
    const spans = profile.discipline?.sanctions?.map(
      (sanction, index): Span => ({
        from: sanction.from,
        until: sanction.until,
        fromPath: `discipline.sanctions.${index}.from`,
        untilPath: `discipline.sanctions.${index}.until`,
        counts: true,
      }),
    );
    return anyInForce(profile, spans, 'discipline.sanctions', params.applicationPeriod);
  },
});

/**
 * `integrityRecordActiveOnApplication`: whether an entry in the 职称评审诚信档案库 is still within its
 * record period on the application day: `years` from the day it was recorded, counted as the Civil
 * Code counts a period (arts. 201–202: the day recorded is not counted, and the period ends on the
 * anniversary, that day included; docs/reading-notices.md, 满N年). With `seriousOnly`, only records
 * found 情节严重 count (a notice that bars only serious cases); one whose severity is not given leaves
 * it open.
 */
export const integrityRecordActiveOnApplication = defineFact({
  name: 'integrityRecordActiveOnApplication',
  description: { zh: '申报时是否处于诚信档案记录期内', en: 'whether an integrity-file record is in force when applying' },
  label: (params) =>
    params.seriousOnly
      ? { zh: '申报时是否有情节严重且处于记录期内的诚信档案记录', en: 'whether a serious integrity-file record is in force when applying' }
      : { zh: '申报时是否处于诚信档案记录期内', en: 'whether an integrity-file record is in force when applying' },
  params: z.strictObject({ years: z.int().check(z.gte(1), z.lte(50)), seriousOnly: z.optional(z.boolean()), applicationPeriod }),
  reads: () => ['discipline.integrityRecords', 'application.submittedOn'],
  compute(profile, params): FactValue {
    const spans = profile.discipline?.integrityRecords?.map((record, index): Span => {
      const path = `discipline.integrityRecords.${index}`;
      const counts = !params.seriousOnly ? true : record.serious === undefined ? `${path}.serious` : record.serious;
      const recorded = record.recordedOn;
      // Without the day it was recorded, neither end is known: both ask for that one answer.
      return { from: recorded, until: recorded && addYears(recorded, params.years), fromPath: `${path}.recordedOn`, untilPath: `${path}.recordedOn`, counts };
    });
    return anyInForce(profile, spans, 'discipline.integrityRecords', params.applicationPeriod);
  },
});
