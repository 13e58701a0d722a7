import { UTCDateMini } from '@date-fns/utc';
// Per-function entries: the package root would load all of date-fns (≈ 170 ms of start-up in Node).
import { formatISO } from 'date-fns/formatISO';

/**
 * Calendar dates (YYYY-MM-DD, no time, no zone) as the notices write them.
 *
 * Each is held as a UTC midnight in a `UTCDateMini`, so that date-fns reads its calendar fields in
 * UTC: results never depend on the machine's time zone, and no local midnight can be skipped by a
 * daylight-saving change. date-fns functions keep the class of the date they are given.
 */
export type CalendarDate = Date;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses `YYYY-MM-DD`; `undefined` for anything else, including dates that do not exist (2023-02-29). */
export function parseCalendarDate(text: string): CalendarDate | undefined {
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  const monthIndex = Number(match[2]) - 1;
  const day = Number(match[3]);
  // Set the fields on an existing date: the Date constructor would read years 0–99 as 1900–1999.
  const date = new UTCDateMini(0);
  date.setUTCFullYear(year, monthIndex, day);
  // A day that does not exist (2023-02-29) rolls over into the next month: refuse it. The fields are
  // read as they were set, in UTC, directly: date-fns's getYear/getMonth/getDate would each copy the
  // date through its class first, and those copies were the largest cost of validating a profile.
  const exists = date.getUTCFullYear() === year && date.getUTCMonth() === monthIndex && date.getUTCDate() === day;
  return exists ? date : undefined;
}

/** True when `text` is a real calendar date written as `YYYY-MM-DD`. */
export function isCalendarDate(text: string): boolean {
  return parseCalendarDate(text) !== undefined;
}

/** Formats a calendar date back to `YYYY-MM-DD` (read in UTC, as the date's class says). */
export function formatCalendarDate(date: CalendarDate): string {
  return formatISO(date, { representation: 'date' });
}

export function isCalendarDateValue(value: unknown): value is CalendarDate {
  return value instanceof Date;
}
