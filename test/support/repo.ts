import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod/mini';
import { instantiate, loadRuleSet, type Instantiation, type RuleSet, type RuleSetInput } from '../../src/index.js';

export const ROOT = join(import.meta.dirname, '..', '..');
export const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

/** Every rule set under rules/, as its folder id. */
export const RULE_SET_DIRS: readonly string[] = readdirSync(join(ROOT, 'rules')).filter((id) =>
  existsSync(join(ROOT, 'rules', id, 'ruleset.json')),
);

export const rulesetJson = (id: string): unknown => readJson(join(ROOT, 'rules', id, 'ruleset.json'));
export const noticeText = (id: string): string => readFileSync(join(ROOT, 'rules', id, 'notice.md'), 'utf8');

export const isTemplate = (id: string): boolean => (rulesetJson(id) as { template?: boolean }).template === true;

/** How the tests fill a template: `fixtures/<id>/instantiation.json`, a made-up city. */
export const instantiationOf = (id: string): Instantiation => readJson(join(ROOT, 'fixtures', id, 'instantiation.json')) as Instantiation;

/** The rule-set document the tests evaluate: the rule set itself, or a template filled for a made-up city. */
export function documentForTests(id: string): RuleSetInput {
  const document = rulesetJson(id) as RuleSetInput;
  return isTemplate(id) ? instantiate(document, instantiationOf(id)) : document;
}

/** A rule set loaded with its notice, so its citations are checked as it loads. */
export function loadWithNotice(id: string): RuleSet {
  return loadRuleSet(documentForTests(id), { notice: noticeText(id) });
}

/**
 * Runs work a suite needs while it is being collected, so that one broken rule set fails its own
 * tests instead of stopping every suite from loading.
 */
export function attempt<T>(work: () => T): { value: T; error: undefined } | { value: undefined; error: unknown } {
  try {
    return { value: work(), error: undefined };
  } catch (error) {
    return { value: undefined, error: error ?? new Error('failed') };
  }
}

const STATUS = z.enum(['pass', 'fail', 'unknown', 'review', 'not_applicable']);

/** A fixture applicant: a profile and what the notice says of it, worked out by hand. */
export const fixtureSchema = z.strictObject({
  title: z.strictObject({ zh: z.string(), en: z.string() }),
  story: z.string().check(z.minLength(20)),
  profile: z.unknown(),
  expected: z.strictObject({
    outcome: z.enum(['eligible', 'ineligible', 'incomplete', 'needs_review', 'not_applicable']),
    conditions: z.record(z.string(), STATUS),
    pathways: z.optional(
      z.record(z.string(), z.strictObject({ status: STATUS, taken: z.nullable(z.string()) })),
    ),
    missing: z.optional(z.array(z.string())),
  }),
});
export type Fixture = z.output<typeof fixtureSchema> & { file: string };

export function fixturesOf(id: string): Fixture[] {
  const dir = join(ROOT, 'fixtures', id);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json') && file !== 'instantiation.json')
    .sort()
    .map((file) => ({ ...fixtureSchema.parse(readJson(join(dir, file))), file: `fixtures/${id}/${file}` }));
}
