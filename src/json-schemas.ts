import * as z from 'zod/mini';
import { calendarDate, profileSchema } from './profile/schema.js';
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
  id: string,
  title: string,
  options: { io?: 'input' | 'output'; metadata?: z.core.$ZodRegistry<{ id?: string }> } = {},
): Record<string, unknown> {
  const generated = z.toJSONSchema(schema, {
    io: options.io ?? 'input',
    ...(options.metadata && { metadata: options.metadata }),
    unrepresentable: 'any',
    override: ({ zodSchema, jsonSchema }) => {
      if (zodSchema === calendarDate) {
        for (const key of Object.keys(jsonSchema)) delete (jsonSchema as Record<string, unknown>)[key];
        Object.assign(jsonSchema, { type: 'string', format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
      }
    },
  }) as Record<string, unknown>;
  return { $schema: generated.$schema, $id: id, title, ...generated };
}

export const profileJsonSchema = (): Record<string, unknown> =>
  toJsonSchema(profileSchema, 'https://zhicheng-eligibility.dev/schema/profile.schema.json', 'Applicant profile (职称申报人档案)');

export const ruleSetJsonSchema = (): Record<string, unknown> =>
  toJsonSchema(ruleSetSchema, 'https://zhicheng-eligibility.dev/schema/ruleset.schema.json', 'Rule set (职称申报通知规则集)');
