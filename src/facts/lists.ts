import { addYears } from 'date-fns/addYears';
import { differenceInYears } from 'date-fns/differenceInYears';
import { isDayBefore as isBefore, sameValue } from '../dates/compare.js';
import * as z from 'zod/mini';
import { REPORT_INPUT } from '../errors.js';
import { PROFILE_FIELDS } from '../profile/paths.js';
import { readPath } from '../profile/read.js';
import { decodedCalendarDate } from '../dates/codec.js';
import type { DecodedProfile } from '../profile/decoded.js';
import type { CalendarDate } from '../dates/calendar-date.js';
import { FIELD_LABELS } from '../locales/labels.js';
import { defineFact, known, unknownAtMost, unknownFor, type FactValue } from './types.js';

/**
 * Facts over the profile's lists (titles, education, skills, qualifications, examPasses, awards …):
 * whether an entry matches, and how long ago the earliest match was obtained. A rule set names the list
 * and the entry fields to match; both are checked against the profile schema when it loads, and the
 * values decoded with the fields' own schemas.
 */

const isList = (path: string) => PROFILE_FIELDS.get(path)?.kind === 'list' && !path.includes('[]');
const entryField = (list: string, key: string) => {
  const field = PROFILE_FIELDS.get(`${list}[].${key}`);
  return field?.kind === 'scalar' ? field : undefined;
};

type Where = Record<string, unknown>;

const whereParams = {
  list: z.string().check(z.refine(isList, { params: { expected: 'profile_list' }, abort: true })),
  /** Entry fields and the value (or any of the values) each must have. */
  where: z.optional(z.record(z.string(), z.unknown())),
};

/** Checks `where` against the entry schema and decodes its values; an issue per bad key or value. */
function decodeWhere<T extends { list: string; where?: Where | undefined }>(params: T, ctx: z.core.ParsePayload<unknown>): T {
  if (!params.where) return params;
  const where: Where = {};
  for (const [key, wanted] of Object.entries(params.where)) {
    const field = entryField(params.list, key);
    if (!field) {
      ctx.issues.push({ code: 'custom', input: key, path: ['where', key], params: { expected: 'list_entry_field', field: params.list }, message: 'not a field of the entries' });
      continue;
    }
    const schema = Array.isArray(wanted) ? z.array(field.schema).check(z.minLength(1)) : field.schema;
    const parsed = schema.safeParse(wanted, REPORT_INPUT);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.issues.push({ ...issue, input: wanted, path: ['where', key, ...issue.path] } as never);
      continue;
    }
    where[key] = parsed.data;
  }
  return { ...params, where };
}


/**
 * Whether an entry matches `where`: `true`, `false`, or the fields it lacks that could make it match.
 */
function matches(entry: Record<string, unknown>, where: Where | undefined, at: string): true | false | string[] {
  const gaps: string[] = [];
  for (const [key, wanted] of Object.entries(where ?? {})) {
    const value = Object.hasOwn(entry, key) ? entry[key] : undefined;
    if (value === undefined) {
      gaps.push(`${at}.${key}`);
      continue;
    }
    const ok = Array.isArray(wanted) ? wanted.some((item) => sameValue(value, item)) : sameValue(value, wanted);
    if (!ok) return false;
  }
  return gaps.length === 0 ? true : gaps;
}

function entriesOf(profile: DecodedProfile, list: string): Record<string, unknown>[] | undefined {
  // Lists are top-level or one level down (`discipline.sanctions`).
  return readPath(profile, list) as Record<string, unknown>[] | undefined;
}

const describeList = (list: string, where: Where | undefined) => {
  const name = FIELD_LABELS[list] ?? { zh: list, en: list };
  const keys = Object.keys(where ?? {}).join(', ');
  return { zh: `${name.zh}中符合条件的记录`, en: `a matching entry of ${name.en}${keys ? ` (${keys})` : ''}` };
};

/** `listHas`: whether some entry of the list matches every `where` field. */
export const listHas = defineFact({
  name: 'listHas',
  description: { zh: '列表中是否有符合条件的记录', en: 'whether a list has a matching entry' },
  label: (params) => describeList(params.list, params.where),
  params: z.pipe(z.strictObject(whereParams), z.transform((params, ctx) => decodeWhere(params, ctx))),
  reads: (params) => [params.list],
  compute(profile, params): FactValue {
    const entries = entriesOf(profile, params.list);
    if (entries === undefined) return unknownFor(params.list);
    const missing: string[] = [];
    for (const [index, entry] of entries.entries()) {
      const result = matches(entry, params.where, `${params.list}.${index}`);
      if (result === true) return known(true);
      if (result !== false) missing.push(...result);
    }
    return missing.length > 0 ? unknownFor(...missing) : known(false);
  },
});

/**
 * The earliest day among the matching entries (`null`: none matches), with the paths still missing
 * that could change it; `undefined` while the list itself is unanswered.
 */
function earliestEntryDay(
  profile: DecodedProfile,
  params: { readonly list: string; readonly where?: Where | undefined; readonly dateField: string },
): { earliest: CalendarDate | null; missing: string[] } | undefined {
  const entries = entriesOf(profile, params.list);
  if (entries === undefined) return undefined;
  const missing: string[] = [];
  let earliest: CalendarDate | null = null;
  for (const [index, entry] of entries.entries()) {
    const result = matches(entry, params.where, `${params.list}.${index}`);
    if (result === false) continue;
    if (result !== true) {
      missing.push(...result);
      continue;
    }
    const date = entry[params.dateField] as CalendarDate | undefined;
    if (date === undefined) missing.push(`${params.list}.${index}.${params.dateField}`);
    else if (earliest === null || isBefore(date, earliest)) earliest = date;
  }
  return { earliest, missing };
}

/**
 * `yearsSinceEntry`: full years (满 N 年) from the earliest matching entry's `dateField` to `until`, or to
 * the application day (`application.submittedOn`) when the notice names no date. `null` when no entry
 * matches.
 */
export const yearsSinceEntry = defineFact({
  name: 'yearsSinceEntry',
  description: { zh: '取得某项资格后的年数', en: 'full years since an entry was obtained' },
  label: (params) => {
    const list = describeList(params.list, params.where);
    return { zh: `取得${list.zh.replace('中符合条件的记录', '')}后的年数`, en: `full years since ${list.en}` };
  },
  params: z.pipe(
    z.strictObject({
      ...whereParams,
      dateField: z.string(),
      until: z.optional(decodedCalendarDate),
      /**
       * Count only from a later day where the profile gives one (a date field, e.g.
       * `employment.specialtyWorkStartedOn`): "N years of specialty work after the diploma" runs from
       * whichever came later. While that day is not given, the years since the entry are an upper bound.
       */
      notBefore: z.optional(z.string().check(z.refine((path) => PROFILE_FIELDS.get(path)?.isDate === true && !path.includes('[]'), { params: { expected: 'profile_field' } }))),
    }),
    z.transform((params, ctx) => {
      const field = entryField(params.list, params.dateField);
      if (!field?.isDate) {
        ctx.issues.push({ code: 'custom', input: params.dateField, path: ['dateField'], params: { expected: 'list_entry_date', field: params.list }, message: 'not a date field of the entries' });
        return z.NEVER;
      }
      return decodeWhere(params, ctx);
    }),
  ),
  reads: (params) => [params.list, ...(params.notBefore ? [params.notBefore] : []), ...(params.until ? [] : ['application.submittedOn'])],
  compute(profile, params): FactValue {
    const found = earliestEntryDay(profile, params);
    if (found === undefined) return unknownFor(params.list);
    const { earliest, missing } = found;
    if (missing.length > 0) return unknownFor(...missing);
    if (earliest === null) return known(null);
    const until = params.until ?? profile.application?.submittedOn;
    if (until === undefined) return unknownFor('application.submittedOn');
    if (params.notBefore === undefined) return known(differenceInYears(until, earliest));
    const later = readPath(profile, params.notBefore) as CalendarDate | undefined;
    if (later === undefined) return unknownAtMost(differenceInYears(until, earliest), [params.notBefore]);
    return known(differenceInYears(until, isBefore(later, earliest) ? earliest : later));
  },
  decidedOn: (params) => params.until,
  reachesOn(profile, params, years) {
    const found = earliestEntryDay(profile, params);
    if (found === undefined || found.missing.length > 0) return undefined;
    const { earliest } = found;
    if (earliest === null) return null;
    const later = params.notBefore === undefined ? undefined : (readPath(profile, params.notBefore) as CalendarDate | undefined);
    if (params.notBefore !== undefined && later === undefined) return undefined;
    // Counted from whichever came later, as `compute` counts.
    return addYears(later !== undefined && isBefore(earliest, later) ? later : earliest, Math.ceil(years));
  },
});
