import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { profileJsonSchema, reportJsonSchema, ruleSetJsonSchema } from '../src/index.js';
import { REGISTRY_FILE, registrySource } from '../scripts/registry.mjs';
import { ROOT, RULE_SET_DIRS, fixturesOf, readJson } from './support/repo.js';

/** Files generated from the sources (`npm run generate`): committed, and proven in step. */
describe('generated files', () => {
  it('schema/*.schema.json are what the zod schemas generate', () => {
    expect(readJson(join(ROOT, 'schema', 'profile.schema.json'))).toEqual(profileJsonSchema());
    expect(readJson(join(ROOT, 'schema', 'profile.draft-07.schema.json'))).toEqual(profileJsonSchema({ dialect: 'draft-07' }));
    expect(readJson(join(ROOT, 'schema', 'ruleset.schema.json'))).toEqual(ruleSetJsonSchema());
    expect(readJson(join(ROOT, 'schema', 'report.schema.json'))).toEqual(reportJsonSchema());
  });

  it('src/rulesets/bundled.ts imports every rule set under rules/', () => {
    expect(readFileSync(REGISTRY_FILE, 'utf8')).toBe(registrySource());
  });
});

describe('the JSON Schemas describe the real files', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: false });
  const validateRuleSet = ajv.compile(ruleSetJsonSchema());
  const validateProfile = ajv.compile(profileJsonSchema());

  it.each(RULE_SET_DIRS)('rules/%s/ruleset.json is valid, and names the schema', (id) => {
    const document = readJson(join(ROOT, 'rules', id, 'ruleset.json')) as { $schema?: string };
    expect(validateRuleSet(document), JSON.stringify(validateRuleSet.errors)).toBe(true);
    expect(document.$schema).toBe('../../schema/ruleset.schema.json');
  });

  it.each(RULE_SET_DIRS)('every fixture profile of %s is valid', (id) => {
    for (const fixture of fixturesOf(id)) {
      expect(validateProfile(fixture.profile), `${fixture.file}: ${JSON.stringify(validateProfile.errors)}`).toBe(true);
    }
  });

  it('refuse what the zod schemas refuse: unknown keys, wrong types, malformed dates', () => {
    expect(validateProfile({ application: { targetLevl: 'senior' } })).toBe(false);
    expect(validateProfile({ status: { retired: 'no' } })).toBe(false);
    expect(validateProfile({ application: { submittedOn: '2024/06/01' } })).toBe(false);
    expect(validateRuleSet({ id: 'x' })).toBe(false);
  });
});
