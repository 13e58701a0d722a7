import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import * as zodClassic from 'zod';
import { evaluate, parseProfile, PROFILE_FIELDS, type ParsedProfile, type RuleSet } from '../src/index.js';
import { DATE_FIELD_NAMES } from '../src/profile/decoded.js';
import { profileSchema as classicProfileSchema } from '../src/zod.js';
import { ROOT, RULE_SET_DIRS, documentForTests, fixturesOf, isTemplate, loadWithNotice } from './support/repo.js';

/**
 * A parsed profile is data a user keeps and passes on: through JSON (a database, a queue, a file),
 * through structuredClone (postMessage to a worker), and to the other build of the library (a profile
 * parsed by the ESM build, evaluated by the CommonJS one). Wherever it travels it must be accepted and
 * give the report it gives where it was parsed — for every fixture of every rule set.
 */

type Built = {
  parseProfile: typeof parseProfile;
  evaluate: typeof evaluate;
  getRuleSet: (id: string) => RuleSet | undefined;
  loadRuleSet: (json: unknown) => RuleSet;
};

const require = createRequire(import.meta.url);
const commonJs = require(join(ROOT, 'dist', 'index.cjs')) as Built;
let esm: Built;
let esmZod: { profileSchema: zodClassic.ZodType };
beforeAll(async () => {
  esm = (await import(pathToFileURL(join(ROOT, 'dist', 'index.js')).href)) as Built;
  esmZod = (await import(pathToFileURL(join(ROOT, 'dist', 'zod.js')).href)) as typeof esmZod;
});

/** The rule set as one build loads it: a build takes only rule sets it loaded itself. */
const ruleSetIn = (build: Built, id: string): RuleSet => (isTemplate(id) ? build.loadRuleSet(documentForTests(id)) : build.getRuleSet(id)!);

const parsedBy = (build: Pick<Built, 'parseProfile'>, profile: unknown): ParsedProfile => {
  const result = build.parseProfile(profile);
  if (!result.success) throw new Error(JSON.stringify(result.issues));
  return result.profile;
};

const throughJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe.each(RULE_SET_DIRS.filter((id) => fixturesOf(id).length > 0))('a parsed profile travels (%s)', (id) => {
  const ruleSet = loadWithNotice(id);
  describe.each(fixturesOf(id).map((fixture) => [fixture.file, fixture] as const))('%s', (_file, fixture) => {
    const parsed = parsedBy({ parseProfile }, fixture.profile);
    const direct = evaluate(ruleSet, parsed);

    it('through JSON: parsed again, and evaluated to the same report', () => {
      const stored = throughJson(parsed);
      const again = parseProfile(stored);
      expect(again.success).toBe(true);
      expect(again.success && throughJson(again.profile)).toEqual(stored);
      expect(evaluate(ruleSet, stored)).toEqual(direct);
    });

    it('through structuredClone: evaluated to the same report', () => {
      expect(evaluate(ruleSet, structuredClone(parsed))).toEqual(direct);
    });

    it('to the other build: ESM ↔ CommonJS, the same report', () => {
      const inEsm = ruleSetIn(esm, id);
      const inCommonJs = ruleSetIn(commonJs, id);
      const parsedByEsm = parsedBy(esm, fixture.profile);
      const parsedByCommonJs = parsedBy(commonJs, fixture.profile);
      expect(esm.evaluate(inEsm, parsedByCommonJs)).toEqual(esm.evaluate(inEsm, parsedByEsm));
      expect(commonJs.evaluate(inCommonJs, parsedByEsm)).toEqual(commonJs.evaluate(inCommonJs, parsedByCommonJs));
      expect(esm.evaluate(inEsm, parsedByEsm)).toEqual(direct);
    });

    it('from the /zod entry: the same plain data, through JSON and structuredClone', () => {
      const output = classicProfileSchema.parse(fixture.profile);
      expect(throughJson(output)).toEqual(throughJson(parsed));
      expect(evaluate(ruleSet, throughJson(output) as never)).toEqual(direct);
      expect(evaluate(ruleSet, structuredClone(output) as never)).toEqual(direct);
      const built = esmZod.profileSchema.parse(fixture.profile);
      expect(evaluate(ruleSet, throughJson(built) as never)).toEqual(direct);
    });
  });
});

describe('what the evaluator reads', () => {
  it('the decoded type names exactly the date fields the schema has', () => {
    const names = new Set([...PROFILE_FIELDS.values()].filter((field) => field.isDate).map((field) => field.path.split(/\.|\[\]\./).at(-1)));
    expect([...names].sort()).toEqual([...DATE_FIELD_NAMES].sort());
  });

  it('a parsed profile is accepted as it is, by parseProfile and evaluate, and stays JSON', () => {
    const result = parseProfile({ application: { submittedOn: '2024-06-01' }, titles: [{ obtainedOn: '2016-07-01' }] });
    expect(result.success).toBe(true);
    if (!result.success) return;
    expect(parseProfile(result.profile)).toEqual(result);
    evaluate(loadWithNotice('shizuishan-2024'), result.profile);
    expect(result.profile.application!.submittedOn).toBe('2024-06-01');
    expect(JSON.stringify(result.profile)).toBe('{"application":{"submittedOn":"2024-06-01"},"titles":[{"obtainedOn":"2016-07-01"}]}');
  });
});

describe('the /zod entry speaks the library’s languages', () => {
  const zh = '应为 YYYY-MM-DD 格式的真实日期';
  const en = 'expected a real calendar date written YYYY-MM-DD';

  it('a date that does not exist: the zh and en texts parseProfile gives, at its path', () => {
    const result = classicProfileSchema.safeParse({ titles: [{ level: 'intermediate', obtainedOn: '2023-02-29' }] });
    expect(result.success).toBe(false);
    const [issue] = result.error!.issues;
    expect(issue!.path).toEqual(['titles', 0, 'obtainedOn']);
    expect(issue!.message).toContain(zh);
    expect(issue!.message).toContain(en);
    const ours = parseProfile({ titles: [{ level: 'intermediate', obtainedOn: '2023-02-29' }] });
    expect(ours.success).toBe(false);
    expect(!ours.success && ours.issues[0]!.message).toEqual({ zh, en });
  });

  it('a date out of range, and a bad division code, in a schema of the user’s own', () => {
    const schema = zodClassic.object({ applicant: classicProfileSchema });
    const result = schema.safeParse({ applicant: { application: { submittedOn: '1899-12-31' }, employment: { divisionCode: '000000' } } });
    expect(result.success).toBe(false);
    const byPath = new Map(result.error!.issues.map((issue) => [issue.path.join('.'), issue.message]));
    expect(byPath.get('applicant.application.submittedOn')).toContain('1900-01-01 至 9999-12-31 之间的日期');
    expect(byPath.get('applicant.application.submittedOn')).toContain('a date from 1900-01-01 to 9999-12-31');
    expect(byPath.get('applicant.employment.divisionCode')).toContain('GB/T 2260');
    expect(byPath.get('applicant.employment.divisionCode')).not.toBe('Invalid input');
  });

  it('a date that is no string at all is still an error, not a crash', () => {
    const result = classicProfileSchema.safeParse({ application: { submittedOn: new Date() } });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path).toEqual(['application', 'submittedOn']);
  });
});
