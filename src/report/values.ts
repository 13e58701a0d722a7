import { UTCDateMini } from '@date-fns/utc';
import { formatCalendarDate } from '../dates/calendar-date.js';
import type { Locale } from '../locales/types.js';
import type { ReportValue } from './types.js';

/**
 * A value as a report stores it: dates as `YYYY-MM-DD` (read in UTC, whatever class of Date an evaluator
 * handed over), fractions to two places, `undefined` as `null`.
 */
/** Formatted days, by timestamp: reports repeat the same few dates (cut-offs, the profile's) endlessly. */
const formattedDays = new Map<number, string>();

function formatDay(date: Date): string {
  const time = date.getTime();
  let text = formattedDays.get(time);
  if (text === undefined) {
    if (formattedDays.size >= 10_000) formattedDays.clear();
    text = formatCalendarDate(date instanceof UTCDateMini ? date : new UTCDateMini(time));
    formattedDays.set(time, text);
  }
  return text;
}

export function toReportValue(value: unknown): ReportValue {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return formatDay(value);
  if (typeof value === 'number') return Number.isInteger(value) ? value : Math.round(value * 100) / 100;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map(toReportValue);
  return JSON.stringify(value) ?? null;
}

/** A report value in words: labels for enumerated values, 是/否 for booleans. */
export function describeValue(value: ReportValue, locale: Locale): string {
  if (value === null) return locale.none;
  if (typeof value === 'boolean') return value ? locale.yes : locale.no;
  // The string is the applicant's: only a label of our own may stand for it, never an inherited property.
  if (typeof value === 'string') return Object.hasOwn(locale.values, value) ? locale.values[value]! : value;
  if (Array.isArray(value)) return value.map((item) => describeValue(item, locale)).join(locale.listSeparator);
  return String(value);
}
