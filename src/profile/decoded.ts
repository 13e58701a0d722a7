import type { CalendarDate } from '../dates/calendar-date.js';
import type { ParsedProfileData } from './schema.js';

/**
 * The profile as the evaluator reads it: a parsed profile with its calendar dates decoded into dates,
 * so that facts and operators compute with date-fns and each date is parsed once per profile, not once
 * per condition. It is derived from a parsed profile and cached (`parse.ts`), never handed to users:
 * what users hold stays JSON, and travels.
 */
export type DecodedProfile = Decoded<ParsedProfileData>;

/**
 * The fields that hold a calendar date, by name, for the type above. Decoding itself follows the schema
 * (`fast-schema.ts`), and a test checks that the schema's date fields (`PROFILE_FIELDS`, `isDate`) are
 * these.
 */
export const DATE_FIELD_NAMES = ['obtainedOn', 'from', 'until', 'recordedOn', 'passedOn', 'specialtyWorkStartedOn', 'submittedOn', 'adjustedDeadline'] as const;
export type DateFieldName = (typeof DATE_FIELD_NAMES)[number];

type Decoded<T> = T extends readonly (infer Item)[]
  ? Decoded<Item>[]
  : T extends object
    ? { [Key in keyof T]: Key extends DateFieldName ? Exclude<T[Key], string> | CalendarDate : Decoded<T[Key]> }
    : T;
