import { isDayAfter as isAfter } from '../dates/compare.js';
import * as z from 'zod/mini';
import { calendarDate } from '../profile/schema.js';
import { CREDENTIALS, EDUCATION_LEVELS } from '../profile/enums.js';
import { defineFact, known, unknownFor } from './types.js';

/**
 * `hasEducation`: whether the applicant holds an education entry matching every given criterion.
 * `true` as soon as one entry surely matches; `unknown` while an entry that lacks a needed field could
 * match; `false` when none can.
 */
export const hasEducation = defineFact({
  name: 'hasEducation',
  description: { zh: '是否具有符合条件的学历或学位', en: 'whether the applicant holds a matching education' },
  params: z.strictObject({
    levels: z.array(z.enum(EDUCATION_LEVELS)).check(z.minLength(1)),
    credential: z.optional(z.enum(CREDENTIALS)),
    fullTime: z.optional(z.boolean()),
    /** Only education obtained on or before this day counts (a notice's calculation cut-off). */
    obtainedBy: z.optional(calendarDate),
  }),
  reads: () => ['education'],
  compute(profile, params) {
    const entries = profile.education;
    if (entries === undefined) return unknownFor('education');
    const missing: string[] = [];
    for (const [index, entry] of entries.entries()) {
      const gaps: string[] = [];
      const criteria: Array<[boolean | undefined, string]> = [
        [entry.level === undefined ? undefined : params.levels.includes(entry.level), 'level'],
        [params.credential === undefined ? true : entry.credential === undefined ? undefined : entry.credential === params.credential, 'credential'],
        [params.fullTime === undefined ? true : entry.fullTime === undefined ? undefined : entry.fullTime === params.fullTime, 'fullTime'],
        [params.obtainedBy === undefined ? true : entry.obtainedOn === undefined ? undefined : !isAfter(entry.obtainedOn, params.obtainedBy), 'obtainedOn'],
      ];
      if (criteria.some(([matches]) => matches === false)) continue;
      for (const [matches, key] of criteria) if (matches === undefined) gaps.push(`education.${index}.${key}`);
      if (gaps.length === 0) return known(true);
      missing.push(...gaps);
    }
    return missing.length > 0 ? unknownFor(...missing) : known(false);
  },
});
