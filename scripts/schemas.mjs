#!/usr/bin/env node
// Writes schema/profile.schema.json (and its draft-07 variant, for validators without draft 2020-12), schema/ruleset.schema.json and schema/report.schema.json from the zod schemas, through the
// built library (run after `tsup`; `npm run generate` does both).
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { profileJsonSchema, ruleSetJsonSchema, reportJsonSchema } = await import(join(root, 'dist', 'index.js'));
const write = (name, schema) => writeFileSync(join(root, 'schema', name), `${JSON.stringify(schema, null, 2)}\n`);
write('profile.schema.json', profileJsonSchema());
write('profile.draft-07.schema.json', profileJsonSchema({ dialect: 'draft-07' }));
write('ruleset.schema.json', ruleSetJsonSchema());
write('report.schema.json', reportJsonSchema());
