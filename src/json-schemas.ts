import * as z from 'zod/mini';
import { wrongArgument } from './arguments.js';
import { ownOptions } from './options.js';
import { DATE_NOTE, DATE_PATTERN, DIVISION_CODE_PATTERN, labelProfileJsonSchema } from './profile/json-schema-labels.js';
import { calendarDate, divisionCode, profileSchema } from './profile/schema.js';
import { ruleSetSchema } from './ruleset/schema.js';

/**
 * JSON Schemas (draft 2020-12) generated from the zod schemas, for tools outside TypeScript: form
 * generators (react-jsonschema-form) for the profile, editors validating `ruleset.json` through its
 * `$schema`; the report's (src/report/schema.ts) for whoever receives reports as JSON. They describe
 * the JSON as written (dates are `YYYY-MM-DD` strings). Checks JSON Schema cannot say (a date that
 * exists, a quote that stands in the notice) are left to the library.
 */
export function toJsonSchema(
  schema: z.ZodMiniType,
  id: string | undefined,
  title: string,
  options: { io?: 'input' | 'output'; metadata?: z.core.$ZodRegistry<{ id?: string }>; dialect?: JsonSchemaDialect } = {},
): Record<string, unknown> {
  const generated = z.toJSONSchema(schema, {
    io: options.io ?? 'input',
    target: options.dialect === 'draft-07' ? 'draft-07' : 'draft-2020-12',
    ...(options.metadata && { metadata: options.metadata }),
    unrepresentable: 'any',
    override: ({ zodSchema, jsonSchema }) => {
      if (zodSchema === calendarDate) {
        for (const key of Object.keys(jsonSchema)) delete (jsonSchema as Record<string, unknown>)[key];
        Object.assign(jsonSchema, { type: 'string', format: 'date', pattern: DATE_PATTERN });
      }
      if (zodSchema === divisionCode) Object.assign(jsonSchema, { pattern: DIVISION_CODE_PATTERN });
    },
  }) as Record<string, unknown>;
  return { $schema: generated.$schema, ...(id !== undefined && { $id: id }), title, ...generated };
}

/**
 * The JSON Schema dialect: draft 2020-12 (the default, what `schema/*.schema.json` use), or draft-07,
 * which validators without the 2020-12 meta-schema accept — react-jsonschema-form's default validator
 * (`@rjsf/validator-ajv8`, plain Ajv) refuses a 2020-12 `$schema`. The profile's two differ only in
 * their `$schema`.
 */
export type JsonSchemaDialect = '2020-12' | 'draft-07';

/**
 * The applicant profile for form generators: every field with a title and a description (zh / en),
 * every enumerated value with a label (`oneOf` of `const` + `title`), and the parser's bounds. No `$id`:
 * the package is not published anywhere a URL would resolve, and an `$id` that does not resolve only
 * misleads; tools find the file by its path (`zhicheng-eligibility/schema/profile.schema.json`).
 */
export const profileJsonSchema = (options: { readonly dialect?: JsonSchemaDialect } = {}): Record<string, unknown> => {
  // options as every export reads them: own properties only, anything else refused with a ValidationError
  const dialect = ownOptions(options).dialect ?? '2020-12';
  if (dialect !== '2020-12' && dialect !== 'draft-07') throw wrongArgument('options.dialect', dialect, { zh: '"2020-12" 或 "draft-07"', en: '"2020-12" or "draft-07"' });
  const schema = toJsonSchema(profileSchema, undefined, '职称申报人档案 / Applicant profile', { dialect });
  const description =
    '申报人的情况,各字段均可不填;条件所需的字段未填时判为“信息不全”。' +
    `日期:${DATE_NOTE.zh}。 / What the applicant is, as far as the notices ask; every field is optional, and a condition ` +
    `that needs a missing one is unknown. Dates: ${DATE_NOTE.en}.`;
  return labelProfileJsonSchema({ $schema: schema.$schema, title: schema.title, description, ...schema });
};

export const ruleSetJsonSchema = (): Record<string, unknown> =>
  toJsonSchema(ruleSetSchema, 'https://zhicheng-eligibility.dev/schema/ruleset.schema.json', 'Rule set (职称申报通知规则集)');
