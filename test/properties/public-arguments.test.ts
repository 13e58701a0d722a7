import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as library from '../../src/index.js';
import { readJson, ROOT } from '../support/repo.js';
import { join } from 'node:path';
import { runs } from './support.js';

/**
 * Issue 14: every public function, given arguments of the wrong kind — null, undefined, strings,
 * arrays, a rule set where a profile belongs, a report where a rule set belongs, anything at all —
 * returns (a documented result such as `undefined` from getRuleSet) or throws a ValidationError with a
 * message in both languages; never a TypeError from inside. And no call changes a global.
 */
const ruleSet = library.getRuleSet('shizuishan-2024')!;
const profile = (readJson(join(ROOT, 'fixtures', 'shizuishan-2024', 'eligible-deputy-senior-engineer.json')) as { profile: unknown }).profile;
const report = library.evaluate(ruleSet, profile as library.ApplicantProfile);
/** Real values of every kind the functions take, each in the wrong place as often as in the right one. */
const realValues: unknown[] = [ruleSet, profile, report, library.getTemplate('template-2021'), library.checkAll(profile as library.ApplicantProfile), 'zh', 'en', 'application.submittedOn', library.parseNotice('一、\n正文'), ruleSet.document];
const argument = fc.oneof(
  fc.constantFrom(null, undefined, '', 'x', 0, -1, NaN, [], [null], {}, Object.create(null), () => 1, Symbol('s'), 10n, new Date(0), new Map(), true),
  fc.constantFrom(...realValues),
  fc.anything({ maxDepth: 2, withNullPrototype: true, withMap: true, withDate: true }),
);

// Every exported function but the error class and the zod schemas (objects with methods, not functions of the library).
const functions = (Object.entries(library) as [string, unknown][]).filter(
  (entry): entry is [string, (...args: unknown[]) => unknown] => typeof entry[1] === 'function' && entry[0] !== 'ValidationError',
);

const globalsBefore = () => ({ objectPrototype: Object.getOwnPropertyNames(Object.prototype).sort(), arrayPrototype: Object.getOwnPropertyNames(Array.prototype).sort(), globals: Object.getOwnPropertyNames(globalThis).sort() });

describe('every public function, given arguments of the wrong kind', () => {
  it('covers the exports (the list below is not empty or stale)', () => {
    expect(functions.length).toBeGreaterThan(30);
  });

  for (const [name, fn] of functions) {
    it(`${name}: a result or a ValidationError, never another exception`, async () => {
      const before = globalsBefore();
      await fc.assert(
        fc.asyncProperty(fc.array(argument, { maxLength: 3 }), async (args) => {
          try {
            await fn(...args);
          } catch (error) {
            if (!(error instanceof library.ValidationError)) throw new Error(`${name}(${args.map((arg) => typeof arg).join(', ')}) threw ${(error as Error)?.constructor?.name}: ${(error as Error)?.message}`);
            expect(error.message).toMatch(/[\u4e00-\u9fff]/); // Chinese
            expect(error.message).toMatch(/[a-z]{3}/); // and English
          }
        }),
        runs(60),
      );
      expect(globalsBefore()).toEqual(before);
    });
  }
});
