import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod/mini';
import { loadRuleSet, type RuleSet } from '../../src/index.js';

export const ROOT = join(import.meta.dirname, '..', '..');
export const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

/** Every rule set under rules/, as its folder id. */
export const RULE_SET_DIRS: readonly string[] = readdirSync(join(ROOT, 'rules')).filter((id) =>
  existsSync(join(ROOT, 'rules', id, 'ruleset.json')),
);

export const rulesetJson = (id: string): unknown => readJson(join(ROOT, 'rules', id, 'ruleset.json'));
export const noticeText = (id: string): string => readFileSync(join(ROOT, 'rules', id, 'notice.md'), 'utf8');

/** A rule set loaded with its notice, so its citations are checked as it loads. */
export function loadWithNotice(id: string): RuleSet {
  return loadRuleSet(rulesetJson(id), { notice: noticeText(id) });
}

const STATUS = z.enum(['pass', 'fail', 'unknown', 'review', 'not_applicable']);

/** A fixture applicant: a profile and what the notice says of it, worked out by hand. */
export const fixtureSchema = z.strictObject({
  title: z.strictObject({ zh: z.string(), en: z.string() }),
  story: z.string().check(z.minLength(20)),
  profile: z.unknown(),
  expected: z.strictObject({
    outcome: z.enum(['eligible', 'ineligible', 'incomplete', 'needs_review']),
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
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({ ...fixtureSchema.parse(readJson(join(dir, file))), file: `fixtures/${id}/${file}` }));
}
