import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import type { Need } from '../src/remedies/types.js';
import { RULE_SET_DIRS, ROOT, loadWithNotice } from './support/repo.js';
import { applyShortfall, conditionReport } from './support/remedies.js';

/**
 * Shortfalls worked out by hand from each notice's words (test/remedies/<id>.cases.json): the number
 * short, the days late, the day a count is met, whether it can still be done. `why` quotes the notice.
 *
 * Where the library reads the notice otherwise, the case keeps the notice's reading and lists the
 * disagreement (`at`: `remedy` or `need.<key>`, and what the library says): the test checks the library
 * still says exactly that, so a change on either side shows here and is decided again.
 */

const REMEDY = z.enum(['possible', 'impossible', 'unstated']);
const caseSchema = z.strictObject({
  name: z.string(),
  condition: z.string(),
  asOf: z.string(),
  profile: z.record(z.string(), z.unknown()),
  why: z.string().check(z.minLength(20)),
  status: z.optional(z.enum(['fail', 'unknown'])),
  need: z.looseObject({ kind: z.enum(['amount', 'date', 'value', 'answer', 'judgement']), reads: z.optional(z.array(z.string())), remedy: REMEDY }),
  remedy: REMEDY,
  disagreement: z.optional(z.array(z.strictObject({ at: z.string(), library: z.unknown(), note: z.string() }))),
});
type Case = z.output<typeof caseSchema>;

/** The needs of a shortfall in order, every `oneOf` option opened. */
const flatten = (needs: readonly Need[]): Need[] => needs.flatMap((need) => (need.kind === 'oneOf' ? need.options.flatMap(flatten) : [need]));

const casesOf = (id: string): Case[] => z.array(caseSchema).parse(JSON.parse(readFileSync(join(ROOT, 'test', 'remedies', `${id}.cases.json`), 'utf8')));

describe.each(RULE_SET_DIRS)('hand-worked shortfalls of %s', (id) => {
  const ruleSet = loadWithNotice(id);
  const cases = casesOf(id);

  it('has at least three cases, each quoting its notice', () => {
    expect(cases.length).toBeGreaterThanOrEqual(3);
    const notice = readFileSync(join(ROOT, 'rules', id, 'notice.md'), 'utf8');
    for (const entry of cases) {
      const quotes = [...entry.why.matchAll(/「([^」]+)」/g)].map((match) => match[1]!);
      expect(quotes.length, entry.name).toBeGreaterThan(0);
      // Every quote is the notice's own words (… marks an elision).
      for (const quote of quotes) {
        for (const piece of quote.split('…').filter(Boolean)) expect(notice, `${entry.name}: ${piece}`).toContain(piece);
      }
    }
  });

  describe.each(cases.map((entry) => [entry.name, entry] as const))('%s', (_name, entry) => {
    const report = () => conditionReport(ruleSet, entry.profile, entry.condition, entry.asOf);
    const disagreed = new Map((entry.disagreement ?? []).map((item) => [item.at, item.library]));

    it('states the shortfall the notice gives', () => {
      const condition = report();
      expect(condition.status).toBe(entry.status ?? 'fail');
      expect(condition.shortfall).toBeDefined();
      // The need meant: of its kind, reading the paths given, against the bar given (alternatives may differ only in it).
      const { kind, reads } = entry.need;
      const bar = disagreed.has('need.need') ? undefined : entry.need.need;
      const need = flatten(condition.shortfall!.needs).find(
        (candidate) =>
          candidate.kind === kind &&
          (reads === undefined || ('reads' in candidate && JSON.stringify(candidate.reads) === JSON.stringify(reads))) &&
          (bar === undefined || ('need' in candidate && JSON.stringify(candidate.need) === JSON.stringify(bar))),
      );
      expect(need, JSON.stringify(condition.shortfall!.needs)).toBeDefined();
      const expected: Record<string, unknown> = { ...entry.need };
      for (const [at, library] of disagreed) {
        if (!at.startsWith('need.')) continue;
        const key = at.slice('need.'.length);
        // The library reads it otherwise: it still says exactly that, and not what the notice says.
        expect((need as Record<string, unknown>)[key], `${at} (the library's reading)`).toEqual(library);
        expect(library).not.toEqual(expected[key]);
        delete expected[key];
      }
      expect(need).toMatchObject(expected);
      if (disagreed.has('remedy')) {
        expect(condition.shortfall!.remedy, "remedy (the library's reading)").toBe(disagreed.get('remedy'));
        expect(disagreed.get('remedy')).not.toBe(entry.remedy);
      } else expect(condition.shortfall!.remedy).toBe(entry.remedy);
    });

    it('passes once the stated remedy is applied, where it can be applied by hand', () => {
      const condition = report();
      const compiled = ruleSet.conditions.find((candidate) => candidate.id === entry.condition)!;
      const applied = applyShortfall(compiled, condition.shortfall!, entry.profile);
      if (entry.status === 'unknown') {
        // An answer still to give: there is nothing to set it to.
        expect(applied).toEqual({ kind: 'skipped', reason: 'answer' });
        return;
      }
      if (applied.kind === 'skipped') {
        // Only what no field can be set to: a title's date, years since a certificate, a derived answer.
        expect(applied.reason).toMatch(/^(date:titleObtainedOn|amount:yearsSinceEntry|value:(listHas|hasEducation))$/);
        return;
      }
      expect(conditionReport(ruleSet, applied.profile, entry.condition, entry.asOf).status).toBe(applied.judgement ? 'review' : 'pass');
    });
  });
});
