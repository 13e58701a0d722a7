import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';
import { ValidationError, checkAll, evaluate, evaluateWithEngine, parseProfile, reportSchema, type ValidationIssue } from '../../src/index.js';
import { RULE_SETS, profileArb, runs } from './support.js';

/**
 * Any value at all as a profile gives a report or a structured validation error — never another
 * exception — through every entry point: parseProfile, evaluate, evaluateWithEngine, checkAll and the
 * command line's `check`.
 */

/** Keys that have bitten JavaScript libraries, and the profile's own keys so objects get deep. */
const keyArb = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__', 'length', '0') },
  { weight: 3, arbitrary: fc.constantFrom('titles', 'education', 'continuingEducation', 'application', 'status', 'discipline', 'sanctions', 'level', 'obtainedOn', 'year', 'publicHours', 'submittedOn', 'targetLevel') },
  { weight: 2, arbitrary: fc.string() },
);

/** Anything JavaScript has: null-prototype objects, Maps, Sets, Dates, boxed values, typed and sparse arrays, bigints. */
const anythingArb = fc.anything({
  key: keyArb,
  maxDepth: 4,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
});

/** Nested far beyond any profile: objects or arrays 50 to 3,000 levels deep. */
const deepArb = fc.tuple(fc.integer({ min: 50, max: 3000 }), fc.constantFrom('application', 'titles', '__proto__', 'x'), fc.boolean()).map(([depth, key, arrays]) => {
  let value: unknown = {};
  for (let level = 0; level < depth; level += 1) value = arrays ? [value] : ownKey(key, value);
  return value;
});

type Path = (string | number)[];

/** `{ [key]: value }` with `key` as an own property even when it is `__proto__`, as JSON.parse makes it. */
function ownKey(key: string | number, value: unknown, into: object = {}): object {
  Object.defineProperty(into, key, { value, enumerable: true, writable: true, configurable: true });
  return into;
}

/** Every place in a JSON-like value: where a replacement can go. */
function placesOf(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  out.push(path);
  if (Array.isArray(value)) value.forEach((item, index) => placesOf(item, [...path, index], out));
  else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) placesOf(item, [...path, key], out);
  return out;
}

function valueAt(root: unknown, path: Path): unknown {
  return path.reduce<unknown>((value, key) => (value as Record<string | number, unknown>)[key], root);
}

function replaced(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  const copy = (Array.isArray(root) ? [...(root as unknown[])] : { ...(root as object) }) as Record<string | number, unknown>;
  return ownKey(head!, replaced(Object.hasOwn(copy, head!) ? copy[head!] : undefined, rest, value), copy);
}

/**
 * A valid profile with one place replaced by anything, or a new key added beside it: input that gets
 * past the first checks and into the schema's depths.
 */
const mutatedArb = (junkArb: fc.Arbitrary<unknown>) =>
  fc.tuple(profileArb(), fc.nat(), junkArb, fc.option(keyArb, { freq: 3 })).map(([profile, index, junk, newKey]) => {
    const places = placesOf(profile);
    const place = places[index % places.length]!;
    // A new key goes into an object only (an array's `length` is not a place to put junk).
    const target = newKey === null || Array.isArray(valueAt(profile, place)) ? place : [...place, newKey];
    return { input: replaced(profile, target, junk), place: target };
  });
const mutatedJsonArb = mutatedArb(fc.jsonValue({ maxDepth: 2 }));
const mutatedAnythingArb = mutatedArb(fc.oneof(anythingArb, fc.jsonValue({ maxDepth: 2 })));

function checkIssues(issues: readonly ValidationIssue[]): void {
  expect(issues.length).toBeGreaterThan(0);
  for (const problem of issues) {
    expect(Array.isArray(problem.path) && problem.path.every((key) => typeof key === 'string' || typeof key === 'number')).toBe(true);
    expect(typeof problem.at).toBe('string');
    expect(typeof problem.message.zh === 'string' && problem.message.zh.length > 0).toBe(true);
    expect(typeof problem.message.en === 'string' && problem.message.en.length > 0).toBe(true);
  }
}

/** The report, or the ValidationError's issues — failing the property on any other exception. */
function outcomeOf<T>(work: () => T): { value: T } | { issues: readonly ValidationIssue[] } {
  try {
    return { value: work() };
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    expect(error.subject).toBe('profile');
    return { issues: error.issues };
  }
}

/** parseProfile, evaluate against every rule set, and checkAll agree: a report each, or the same issues. */
function checkEveryEntryPoint(input: unknown): ReturnType<typeof parseProfile> {
  const parsed = parseProfile(input); // never throws, whatever the input
  if (!parsed.success) checkIssues(parsed.issues);
  for (const ruleSet of RULE_SETS) {
    const result = outcomeOf(() => evaluate(ruleSet, input as never));
    if (parsed.success) {
      expect('value' in result).toBe(true);
      if ('value' in result) expect(result.value.conditions).toHaveLength(ruleSet.conditions.length);
    } else expect(result).toEqual({ issues: parsed.issues });
  }
  const all = outcomeOf(() => checkAll(input as never, RULE_SETS));
  if (parsed.success) expect('value' in all && all.value.results.length + all.value.skipped.length).toBe(RULE_SETS.length);
  else expect(all).toEqual({ issues: parsed.issues });
  return parsed;
}

describe('any input as a profile', () => {
  it('JSON values: a report or a validation error', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 5 }), (input) => void checkEveryEntryPoint(input)), runs(300));
  });

  it('JSON objects with hostile keys (__proto__, constructor, toString …)', () => {
    fc.assert(fc.property(fc.object({ key: keyArb, maxDepth: 4 }), (input) => void checkEveryEntryPoint(input)), runs(300));
    // __proto__ as an own key, as JSON.parse makes it, at every level of a real profile shape.
    for (const text of ['{"__proto__":{"titles":[]}}', '{"application":{"__proto__":{"targetLevel":"senior"}}}', '{"titles":[{"__proto__":{"level":"senior"}}]}']) {
      const parsed = checkEveryEntryPoint(JSON.parse(text));
      expect(parsed.success).toBe(false);
    }
  });

  it('anything JavaScript has: Maps, Dates, boxed values, null prototypes, sparse arrays, bigints', () => {
    fc.assert(fc.property(anythingArb, (input) => void checkEveryEntryPoint(input)), runs(300));
  });

  it('getters (that throw) and proxies (whose traps throw) anywhere in a profile', () => {
    const trapArb = fc.constantFrom('get', 'ownKeys', 'getOwnPropertyDescriptor', 'getPrototypeOf', 'has');
    const hostileArb = fc.tuple(mutatedJsonArb, fc.boolean(), trapArb).map(([{ input, place }, getter, trap]) => {
      const boom = () => {
        throw new Error('hostile');
      };
      const parentPath = place.slice(0, -1);
      const key = place[place.length - 1];
      if (key === undefined) return new Proxy({}, { [trap]: boom });
      const parent = valueAt(input, parentPath);
      if (parent === null || typeof parent !== 'object') return input;
      if (getter) Object.defineProperty(parent, key, { get: boom, enumerable: true, configurable: true });
      else ownKey(key, new Proxy({}, { [trap]: boom }), parent);
      return input;
    });
    fc.assert(fc.property(hostileArb, (input) => void checkEveryEntryPoint(input)), runs(150));
  });

  it('inherited properties are never read: a profile under a prototype full of data reads as its own keys', () => {
    fc.assert(
      fc.property(profileArb(), profileArb(), (own, inherited) => {
        const input = Object.assign(Object.create(inherited) as object, own);
        const parsed = checkEveryEntryPoint(input);
        // Refused as not plain, or (never) read as more than its own keys.
        expect(parsed.success).toBe(false);
        const withNullPrototype = Object.assign(Object.create(null) as object, own);
        expect(JSON.stringify(evaluate(RULE_SETS[3]!, withNullPrototype))).toBe(JSON.stringify(evaluate(RULE_SETS[3]!, own)));
      }),
      runs(50),
    );
  });

  it('nesting thousands of levels deep', () => {
    fc.assert(
      fc.property(deepArb, (input) => {
        const parsed = checkEveryEntryPoint(input);
        expect(parsed.success).toBe(false);
      }),
      runs(30),
    );
  });

  it('a valid profile with one place replaced: every issue points at that place', () => {
    let invalid = 0;
    fc.assert(
      fc.property(mutatedAnythingArb, ({ input, place }) => {
        const parsed = checkEveryEntryPoint(input);
        if (parsed.success) return;
        invalid += 1;
        // The issue is at the replaced place, within it, or at the object that holds an unknown key.
        for (const problem of parsed.issues) {
          const length = Math.min(problem.path.length, place.length);
          const keys = (path: readonly (string | number)[]) => path.slice(0, length).map(String); // an array index may arrive as a key, '0'
          expect(keys(problem.path), `${problem.at}: ${problem.message.en} (replaced at ${place.join('.')})`).toEqual(keys(place));
        }
      }),
      runs(400),
    );
    expect(invalid).toBeGreaterThan(100);
  });

  it('the same through json-rules-engine', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.jsonValue({ maxDepth: 4 }), anythingArb, mutatedAnythingArb.map(({ input }) => input)), async (input) => {
        const parsed = parseProfile(input);
        for (const ruleSet of RULE_SETS) {
          try {
            const report = await evaluateWithEngine(ruleSet, input as never);
            expect(parsed.success).toBe(true);
            expect(reportSchema.safeParse(report).success).toBe(true);
          } catch (error) {
            if (!(error instanceof ValidationError)) throw error;
            expect(parsed.success ? [] : parsed.issues).toEqual(error.issues);
          }
        }
      }),
      runs(60),
    );
  });
});

describe('any JSON file given to `zhicheng check`', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zhicheng-properties-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('exits 0–3 with a report, or 65 naming the problems — never an exception', async () => {
    const file = join(dir, 'profile.json');
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.jsonValue({ maxDepth: 4 }), mutatedJsonArb.map(({ input }) => input)), fc.constantFrom(...RULE_SETS.slice(0, 4).map((ruleSet) => ruleSet.id)), async (input, id) => {
        const text = JSON.stringify(input);
        if (text === undefined) return; // not representable as a file
        writeFileSync(file, text);
        const { code, stdout, stderr } = await cli('check', file, '--rules', id, '--json');
        const document = JSON.parse(text) as unknown;
        // A fixture-shaped document carries its profile under `profile`.
        const profile = document !== null && typeof document === 'object' && !Array.isArray(document) && Object.hasOwn(document, 'profile') ? (document as { profile: unknown }).profile : document;
        const parsed = parseProfile(profile);
        if (parsed.success) {
          expect([0, 1, 2, 3]).toContain(code);
          expect(reportSchema.safeParse(JSON.parse(stdout)).success).toBe(true);
        } else {
          expect(code).toBe(65);
          expect(stderr).toContain('invalid applicant profile');
          for (const problem of parsed.issues) expect(stderr).toContain(problem.message.en);
        }
      }),
      runs(40),
    );
  });
});
