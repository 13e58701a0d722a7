import * as z from 'zod/mini';
import { REPORT_INPUT } from '../errors.js';
import { PROFILE_FIELDS, isTopLevelScalarPath } from '../profile/paths.js';
import { pathReader } from '../profile/read.js';
import { FIELD_LABELS } from '../locales/labels.js';
import { defineFact, known, unknownFor } from './types.js';

/**
 * `field`: the value of one scalar profile field, e.g. `application.targetLevel`.
 *
 * `default` is what an absent field means under this notice (e.g. the notice's own deadline where the
 * evaluating unit announced no other); without it an absent field is `unknown`. The default is checked
 * against the field's own schema at load, so a date default becomes a date.
 */
export const field = defineFact({
  name: 'field',
  description: { zh: '申报人档案中的一个字段', en: 'one field of the applicant profile' },
  params: z.pipe(
    z.strictObject({
      path: z.string().check(
        z.refine(isTopLevelScalarPath, { params: { expected: 'profile_field' }, abort: true }),
      ),
      default: z.optional(z.unknown()),
    }),
    z.transform((params, ctx) => {
      // The path is resolved to a reader once here, not on every read.
      if (params.default === undefined) return { path: params.path, read: pathReader(params.path), default: undefined };
      const parsed = PROFILE_FIELDS.get(params.path)!.schema.safeParse(params.default, REPORT_INPUT);
      if (!parsed.success) {
        ctx.issues.push({
          code: 'custom',
          input: params.default,
          path: ['default'],
          params: { expected: 'field_value', field: params.path },
          message: `default must be a valid value of ${params.path}`,
        });
        return z.NEVER;
      }
      return { path: params.path, read: pathReader(params.path), default: parsed.data };
    }),
  ),
  label: (params) => FIELD_LABELS[params.path] ?? { zh: params.path, en: params.path },
  reads: (params) => [params.path],
  mayBeUnknown: (params) => params.default === undefined,
  compute(profile, params) {
    const value = params.read(profile);
    if (value !== undefined) return known(value);
    return params.default !== undefined ? known(params.default) : unknownFor(params.path);
  },
});

/**
 * `answered`: whether a profile field has an answer at all — `true` or `false`, never unknown. For a
 * notice that sets one rule when a value is given and another when it is not: a deadline an evaluating
 * unit may announce (checked strictly when announced; the notice's own, qualified date otherwise).
 */
export const answered = defineFact({
  name: 'answered',
  description: { zh: '档案是否填写了某个字段', en: 'whether a profile field is answered' },
  params: z.strictObject({
    path: z.string().check(z.refine(isTopLevelScalarPath, { params: { expected: 'profile_field' }, abort: true })),
  }),
  label: (params) => {
    const label = FIELD_LABELS[params.path] ?? { zh: params.path, en: params.path };
    return { zh: `已填写${label.zh}`, en: `${label.en} given` };
  },
  reads: (params) => [params.path],
  mayBeUnknown: () => false,
  compute(profile, params) {
    return known(pathReader(params.path)(profile) !== undefined);
  },
});
