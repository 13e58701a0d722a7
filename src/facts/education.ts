import { isDayAfter as isAfter } from '../dates/compare.js';
import * as z from 'zod/mini';
import { decodedCalendarDate } from '../dates/codec.js';
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
    obtainedBy: z.optional(decodedCalendarDate),
  }),
  reads: () => ['education'],
  decidedOn: (params) => params.obtainedBy,
  compute(profile, params) {
    const entries = profile.education;
    if (entries === undefined) return unknownFor('education');
    const missing: string[] = [];
    for (let index = 0; index < entries.length; index += 1) {
      const entry = entries[index]!;
      // Each criterion: true (met), false (not met: this entry cannot match), undefined (not answered).
      const level = entry.level === undefined ? undefined : params.levels.includes(entry.level);
      const credential = params.credential === undefined ? true : entry.credential === undefined ? undefined : entry.credential === params.credential;
      const fullTime = params.fullTime === undefined ? true : entry.fullTime === undefined ? undefined : entry.fullTime === params.fullTime;
      const obtained = params.obtainedBy === undefined ? true : entry.obtainedOn === undefined ? undefined : !isAfter(entry.obtainedOn, params.obtainedBy);
      if (level === false || credential === false || fullTime === false || obtained === false) continue;
      if (level && credential && fullTime && obtained) return known(true);
      // Only entries that could still match cost the allocation of their paths.
      if (level === undefined) missing.push(`education.${index}.level`);
      if (credential === undefined) missing.push(`education.${index}.credential`);
      if (fullTime === undefined) missing.push(`education.${index}.fullTime`);
      if (obtained === undefined) missing.push(`education.${index}.obtainedOn`);
    }
    return missing.length > 0 ? unknownFor(...missing) : known(false);
  },
});
