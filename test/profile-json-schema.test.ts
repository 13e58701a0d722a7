import { getDefaultFormState, optionsList, retrieveSchema, toPathSchema, type RJSFSchema } from '@rjsf/utils';
import validator from '@rjsf/validator-ajv8';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIELD_LABELS, PROFILE_FIELDS, profileJsonSchema, VALUE_LABELS } from '../src/index.js';
import { ROOT, RULE_SET_DIRS, fixturesOf, readJson } from './support/repo.js';

/**
 * The profile's JSON Schema as a form generator uses it: react-jsonschema-form's own default validator
 * (`@rjsf/validator-ajv8`, plain Ajv with ajv-formats) and its schema utilities, on the committed file.
 */
const draft07 = readJson(join(ROOT, 'schema', 'profile.draft-07.schema.json')) as RJSFSchema;
const draft2020 = readJson(join(ROOT, 'schema', 'profile.schema.json')) as RJSFSchema;

const errorsOf = (formData: unknown, schema: RJSFSchema = draft07) => validator.validateFormData(formData, schema).errors;
const valid = (formData: unknown) => errorsOf(formData).length === 0;

type Node = { title?: string; description?: string; type?: string; properties?: Record<string, Node>; items?: Node; oneOf?: { const: string; title?: string }[]; enum?: unknown[] };

/** Every node of the schema with its profile path (`titles[].level` for a list's entries). */
function* nodes(node: Node, path = ''): Generator<[string, Node]> {
  if (path !== '') yield [path, node];
  for (const [key, child] of Object.entries(node.properties ?? {})) yield* nodes(child, path ? `${path}.${key}` : key);
  if (node.items) yield* nodes(node.items, `${path}[]`);
}

describe('schema/profile.draft-07.schema.json with rjsf’s default validator', () => {
  it('is accepted (no meta-schema error), where the draft 2020-12 file is refused', () => {
    expect(errorsOf({})).toEqual([]);
    // Why the variant exists: plain Ajv has no 2020-12 meta-schema.
    expect(errorsOf({}, draft2020).map((error) => error.stack).join('\n')).toMatch(/2020-12/);
  });

  it('differs from the 2020-12 file only in its $schema', () => {
    expect({ ...draft07, $schema: undefined }).toEqual({ ...draft2020, $schema: undefined });
    expect(draft07.$id).toBeUndefined();
  });

  it.each(RULE_SET_DIRS)('accepts every fixture profile of %s', (id) => {
    for (const fixture of fixturesOf(id)) expect(errorsOf(fixture.profile), fixture.file).toEqual([]);
  });

  it('refuses dates out of the parser’s range, and dates that do not exist', () => {
    expect(valid({ application: { submittedOn: '1900-01-01' } })).toBe(true);
    expect(valid({ application: { submittedOn: '9999-12-31' } })).toBe(true);
    expect(valid({ application: { submittedOn: '1899-12-31' } })).toBe(false);
    expect(valid({ titles: [{ obtainedOn: '0999-01-01' }] })).toBe(false);
    expect(valid({ titles: [{ obtainedOn: '2024-13-01' }] })).toBe(false);
    expect(valid({ titles: [{ obtainedOn: '2024-02-29' }] })).toBe(true);
    // Not by the pattern (JSON Schema cannot say it) but by format: date, which rjsf's validator checks.
    expect(valid({ titles: [{ obtainedOn: '2023-02-29' }] })).toBe(false);
  });

  it('refuses hours, years and counts out of range, long texts, long lists and bad division codes', () => {
    expect(valid({ continuingEducation: [{ year: 2023, publicHours: 0, professionalHours: 10_000 }] })).toBe(true);
    expect(valid({ continuingEducation: [{ publicHours: -1 }] })).toBe(false);
    expect(valid({ continuingEducation: [{ professionalHours: 10_001 }] })).toBe(false);
    expect(valid({ continuingEducation: [{ year: 1948 }] })).toBe(false);
    expect(valid({ continuingEducation: [{ year: 2023.5 }] })).toBe(false);
    expect(valid({ socialInsurance: { continuousMonths: -1 } })).toBe(false);
    expect(valid({ name: 'x'.repeat(201) })).toBe(false);
    expect(valid({ titles: Array.from({ length: 201 }, () => ({})) })).toBe(false);
    expect(valid({ employment: { divisionCode: '640202' } })).toBe(true);
    expect(valid({ employment: { divisionCode: '002000' } })).toBe(false);
  });

  it('refuses unknown enumerated values and unknown keys, naming the path', () => {
    const errors = errorsOf({ status: { civilService: 'civilservant' } });
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((error) => error.property === '.status.civilService')).toBe(true);
    expect(valid({ application: { targetLevl: 'senior' } })).toBe(false);
  });
});

describe('titles and labels', () => {
  const all = [...nodes(draft07 as Node)];

  it('covers every profile field', () => {
    expect(all.map(([path]) => path).sort()).toEqual([...PROFILE_FIELDS.keys()].sort());
  });

  it.each(all)('%s has a title and a description in zh and en, from FIELD_LABELS', (path, node) => {
    const label = FIELD_LABELS[path]!;
    expect(node.title).toBe(`${label.zh} / ${label.en}`);
    expect(node.description).toContain(label.zh);
    expect(node.description).toContain(label.en);
  });

  it('labels every enumerated value (oneOf of const + title), and leaves no bare enum', () => {
    const enumerated = all.filter(([, node]) => node.oneOf);
    expect(enumerated.length).toBeGreaterThan(20);
    for (const [path, node] of all) expect(node.enum, path).toBeUndefined();
    for (const [, node] of enumerated) {
      for (const option of node.oneOf!) expect(option.title).toBe(`${VALUE_LABELS[option.const]!.zh} / ${VALUE_LABELS[option.const]!.en}`);
    }
  });
});

describe('what a form generator does with it (rjsf utils)', () => {
  it('walks every field: defaults, resolved schemas and the path schema', () => {
    // Labelled values are a oneOf of consts, whose first rjsf would otherwise pick as a default —
    // answering every select for the applicant. `constAsDefaults: 'skipOneOf'` is rjsf's switch for it.
    expect(getDefaultFormState(validator, draft07, {}, draft07, false, { constAsDefaults: 'skipOneOf' })).toEqual({});
    expect(getDefaultFormState(validator, draft07, {}, draft07)).toHaveProperty(['status', 'civilService'], 'none');
    const resolved = retrieveSchema(validator, draft07, draft07, {});
    expect(Object.keys(resolved.properties!)).toContain('socialInsurance');
    const paths = toPathSchema(validator, draft07, '', draft07, { titles: [{ level: 'intermediate' }] }) as Record<string, unknown>;
    expect(paths).toHaveProperty(['application', 'applyingUnit', '$name'], 'application.applyingUnit');
    expect(paths).toHaveProperty(['titles', '0', 'level', '$name'], 'titles.0.level');
  });

  it('shows labels, not identifiers, as a select’s options', () => {
    const civilService = (draft07.properties!.status as RJSFSchema).properties!.civilService as RJSFSchema;
    expect(optionsList(civilService)).toEqual([
      { value: 'none', label: '无 / none', schema: expect.anything() },
      { value: 'civil_servant', label: '公务员 / civil servant', schema: expect.anything() },
      { value: 'managed_as_civil_servant', label: '参照公务员法管理人员 / managed under the Civil Servant Law', schema: expect.anything() },
    ]);
  });

  it('is what profileJsonSchema({ dialect: "draft-07" }) builds; another dialect is refused, naming the option', () => {
    expect(profileJsonSchema({ dialect: 'draft-07' })).toEqual(draft07);
    expect(() => profileJsonSchema({ dialect: 'draft-04' as never })).toThrow(/options\.dialect 应为"2020-12" 或 "draft-07"/);
  });
});
