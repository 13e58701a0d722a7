import * as z from 'zod/mini';
import { calendarDate } from '../profile/schema.js';
import { formatCalendarDate, parseCalendarDate, type CalendarDate } from './calendar-date.js';

/**
 * A rule set's dates (parameters, operator values, fact params, `issued`): the profile's `calendarDate`
 * check, decoded into a UTC-midnight date when the rule set loads, so that evaluation never parses one.
 * Rule sets are compiled objects of one build, never sent anywhere, so decoding them costs nothing in
 * travel; profiles are data users keep and stay strings (see `profile/decoded.ts`).
 */
export const decodedCalendarDate = z.codec(
  calendarDate,
  z.custom<CalendarDate>((value) => value instanceof Date),
  {
    decode: (text) => parseCalendarDate(text) as CalendarDate,
    encode: (date) => formatCalendarDate(date),
  },
);
