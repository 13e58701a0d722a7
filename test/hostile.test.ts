import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cli } from './support/cli.js';
import { readTextFile } from '../src/cli/files.js';
import { ValidationError, lintRuleSet, lintRuleSetText, loadRuleSet, loadRuleSetText, type ValidationIssue } from '../src/index.js';
import { MINIMAL_NOTICE, minimalRuleSet } from './support/minimal.js';

/**
 * Untrusted rule sets (issue 6): a corpus of malformed and hostile rule sets, each refused with an error
 * that names its JSON path, in bounded time and memory, with no global object touched. Small cases are
 * files in test/hostile/rulesets/ (see cases.json); huge ones are generated here.
 */

const CORPUS = join(import.meta.dirname, 'hostile', 'rulesets');

interface Expected {
  readonly at: string;
  readonly line?: number;
  readonly en: string;
  readonly zh: string;
}
interface Case {
  readonly file: string;
  readonly about: string;
  readonly expect: readonly Expected[];
}
const manifest = JSON.parse(readFileSync(join(CORPUS, 'cases.json'), 'utf8')) as { notice: string; cases: Case[] };
const notice = readFileSync(join(CORPUS, manifest.notice), 'utf8');

// ---------------------------------------------------------------------------------------------------
// Globals: every built-in prototype and constructor, and globalThis, key by key, value by value.

const WATCHED: Record<string, object> = {
  globalThis,
  Object,
  'Object.prototype': Object.prototype,
  'Array.prototype': Array.prototype,
  'Function.prototype': Function.prototype,
  'String.prototype': String.prototype,
  'Number.prototype': Number.prototype,
  'Boolean.prototype': Boolean.prototype,
  'RegExp.prototype': RegExp.prototype,
  'Map.prototype': Map.prototype,
  'Set.prototype': Set.prototype,
  'Promise.prototype': Promise.prototype,
  JSON,
};

function snapshot(): Map<string, readonly unknown[]> {
  const seen = new Map<string, readonly unknown[]>();
  for (const [name, target] of Object.entries(WATCHED)) {
    seen.set(`${name} prototype`, [Object.getPrototypeOf(target), Object.isExtensible(target)]);
    for (const key of Reflect.ownKeys(target)) {
      const descriptor = Object.getOwnPropertyDescriptor(target, key)!;
      seen.set(`${name}.${String(key)}`, [descriptor.value, descriptor.get, descriptor.set, descriptor.writable, descriptor.enumerable, descriptor.configurable]);
    }
  }
  return seen;
}

function expectNoGlobalTouched(before: Map<string, readonly unknown[]>) {
  const after = snapshot();
  expect([...after.keys()].filter((key) => !before.has(key))).toEqual([]);
  expect([...before.keys()].filter((key) => !after.has(key))).toEqual([]);
  const changed = [...before].filter(([key, values]) => !values.every((value, index) => Object.is(value, after.get(key)![index])));
  expect(changed.map(([key]) => key)).toEqual([]);
  const probe = {} as Record<string, unknown>;
  for (const name of ['polluted', 'isAdmin', 'toString2']) {
    expect(probe[name]).toBeUndefined();
    expect(([] as unknown as Record<string, unknown>)[name]).toBeUndefined();
    expect((Object.create(null) as Record<string, unknown>)[name]).toBeUndefined();
  }
}

// ---------------------------------------------------------------------------------------------------
// What a maintainer's tools do with a file: read its bytes (the CLI's reader), lint it as text.

function lintFile(path: string, withNotice = notice): ValidationIssue[] {
  const read = readTextFile(path);
  return 'problem' in read ? [read.problem] : lintRuleSetText(read.text, { notice: withNotice });
}

describe('the corpus of hostile rule sets', () => {
  it('has at least 35 cases, each a file in the directory, and nothing else', () => {
    const files = readdirSync(CORPUS).filter((name) => name !== 'cases.json' && name !== manifest.notice);
    expect(manifest.cases.length).toBeGreaterThanOrEqual(35);
    expect(manifest.cases.map((entry) => entry.file).sort()).toEqual(files.sort());
    for (const entry of manifest.cases) expect(entry.expect.length, entry.file).toBeGreaterThan(0);
  });

  it.each(manifest.cases.map((entry) => [entry.file, entry] as const))('refuses %s, naming the JSON path and line of every problem', (file, entry) => {
    const before = snapshot();
    const issues = lintFile(join(CORPUS, file));
    expect(issues.map((issue) => issue.at), entry.about).toEqual(entry.expect.map((expected) => expected.at));
    issues.forEach((issue, index) => {
      const expected = entry.expect[index]!;
      expect(issue.message.en).toContain(expected.en);
      expect(issue.message.zh).toContain(expected.zh);
      if (expected.line !== undefined) expect(issue.line).toBe(expected.line);
      // Every message is a sentence a person can read: one line, bounded, in both languages.
      for (const message of [issue.message.zh, issue.message.en]) expect(message).toMatch(/^[^\n]{8,600}$/);
    });
    const read = readTextFile(join(CORPUS, file));
    if ('text' in read) expect(() => loadRuleSetText(read.text, { notice })).toThrow(ValidationError);
    expectNoGlobalTouched(before);
  });

  it('gives the same problems through the JSON API, where the text is JSON without duplicate keys', () => {
    for (const entry of manifest.cases) {
      const read = readTextFile(join(CORPUS, entry.file));
      if (!('text' in read) || entry.expect.some((expected) => /duplicate key|comment|unexpected|trailing comma|byte-order|empty|double quotes|invalid number/.test(expected.en))) continue;
      const json = JSON.parse(read.text);
      const issues = lintRuleSet(json, { notice });
      expect(issues.map((issue) => issue.at).sort(), entry.file).toEqual(entry.expect.map((expected) => expected.at).sort());
      expect(() => loadRuleSet(json, { notice }), entry.file).toThrow(ValidationError);
    }
  });

  it('is refused by `zhicheng lint` with exit code 65, each problem with its file:line:column', async () => {
    const before = snapshot();
    for (const entry of manifest.cases) {
      const path = join(CORPUS, entry.file);
      const { code, stdout } = await cli('lint', path);
      expect(code, entry.file).toBe(65);
      expect(stdout, entry.file).toContain(`${path}: ${entry.expect.length} 个问题 / problem(s)`);
      for (const expected of entry.expect) {
        expect(stdout, entry.file).toContain(`${path}:${expected.line}:`);
        expect(stdout, entry.file).toContain(expected.en);
      }
    }
    expectNoGlobalTouched(before);
  });
});

// ---------------------------------------------------------------------------------------------------
// Huge cases, generated: never stored, never parsed whole by anything but the strict scanner.

const TEXT = JSON.stringify(minimalRuleSet(), null, 2);
const LEAF = '{"fact": "field", "params": {"path": "status.retired"}, "operator": "equal", "value": false}';
/** The minimal rule set with the test of its first condition replaced by `test` (text). */
const withTest = (test: string) => TEXT.replace(/"test": \{\n\s+"fact": "field",\n\s+"params": \{\n\s+"path": "status.retired"\n\s+\},\n\s+"operator": "equal",\n\s+"value": false\n\s+\}/, `"test": ${test}`);
const nots = (depth: number) => `${'{"not": '.repeat(depth)}${LEAF}${'}'.repeat(depth)}`;
const TEST_PATH = ['conditions', 0, 'test'];

interface Generated {
  readonly name: string;
  readonly text: () => string;
  /** The issues: JSON path (or its first keys) and a fragment of the English message. */
  readonly expect: readonly { path: readonly (string | number)[]; en: string }[];
}

const GENERATED: Generated[] = [
  {
    name: '10,000 levels of `not`',
    text: () => withTest(nots(10_000)),
    expect: [{ path: [...TEST_PATH, ...Array(61).fill('not')], en: 'nested too deeply: more than 64 levels' }],
  },
  {
    name: '10,000 levels of arrays in a value',
    text: () => withTest(`{"fact": "field", "params": {"path": "status.retired"}, "operator": "in", "value": ${'['.repeat(10_000)}${']'.repeat(10_000)}}`),
    expect: [{ path: [...TEST_PATH, 'value', ...Array(60).fill(0)], en: 'nested too deeply: more than 64 levels' }],
  },
  {
    name: '1,000,000 levels of arrays at the root',
    text: () => `${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`,
    expect: [{ path: Array(64).fill(0), en: 'nested too deeply: more than 64 levels' }],
  },
  {
    name: 'a 50 MB array',
    text: () => withTest(`{"fact": "field", "params": {"path": "status.retired"}, "operator": "in", "value": [${'0,'.repeat(25 * 1024 * 1024)}0]}`),
    expect: [{ path: [], en: 'text too large: 52,430,858 characters, at most 5,242,880 are allowed' }],
  },
  {
    name: 'an array of 2.5 million numbers, under the size limit',
    text: () => withTest(`{"fact": "field", "params": {"path": "status.retired"}, "operator": "in", "value": [${'0,'.repeat(2_500_000)}0]}`),
    expect: [{ path: [...TEST_PATH, 'value'], en: 'document too large: more than 200000 values' }],
  },
  {
    name: 'an object of 200,000 keys',
    text: () => withTest(`{"fact": "field", "params": {${Array.from({ length: 200_000 }, (_, index) => `"k${index}": 0`).join(',')}}, "operator": "equal", "value": false}`),
    expect: [{ path: [...TEST_PATH, 'params'], en: 'document too large: more than 200000 values' }],
  },
  {
    name: '150,000 unknown keys in a title, within the limits',
    text: () => TEXT.replace('"en": "Not retired"', `"en": "Not retired", ${Array.from({ length: 150_000 }, (_, index) => `"k${index}": 0`).join(',')}`),
    expect: [{ path: ['conditions', 0, 'title'], en: 'unrecognized keys: k0, k1, k2, k3, k4, k5, k6, k7, k8, k9, and 149990 more' }],
  },
  {
    name: 'a 1 MB quote',
    text: () => TEXT.replace('"quote": "离退休人员不得申报"', `"quote": "${'离'.repeat(1024 * 1024)}"`),
    expect: [{ path: ['conditions', 0, 'citation', 'quote'], en: 'string too long: more than 10000 characters' }],
  },
  {
    name: 'a 1 MB key',
    text: () => TEXT.replace('"year": 2030', `"${'y'.repeat(1024 * 1024)}": 2030`),
    expect: [{ path: ['y'.repeat(1024 * 1024)], en: 'string too long: more than 10000 characters' }],
  },
  {
    name: '100,000 duplicate keys',
    text: () => TEXT.replace('"year": 2030', Array.from({ length: 100_000 }, () => '"year": 2030').join(',')),
    expect: [...Array.from({ length: 100 }, () => ({ path: ['year'], en: 'duplicate key "year"' })), { path: [], en: 'and 99899 more duplicate keys not listed' }],
  },
];

describe('generated huge rule sets', () => {
  it.each(GENERATED.map((entry) => [entry.name, entry] as const))('refuses %s, naming the path', (_, entry) => {
    const text = entry.text();
    const before = snapshot();
    const issues = lintRuleSetText(text, { notice: MINIMAL_NOTICE });
    expect(issues).toHaveLength(entry.expect.length);
    issues.forEach((issue, index) => {
      const expected = entry.expect[index]!;
      expect(issue.path.slice(0, expected.path.length)).toEqual(expected.path);
      expect(issue.message.en).toContain(expected.en);
      expect(issue.line).toBeGreaterThan(0);
      // Bounded: a 1 MB key or 150,000 keys do not make a 1 MB message.
      expect(issue.message.en.length + issue.message.zh.length + issue.at.length).toBeLessThan(1000);
    });
    expect(() => loadRuleSetText(text, { notice: MINIMAL_NOTICE })).toThrow(ValidationError);
    expectNoGlobalTouched(before);
  });

  it('accepts a `not` chain as deep as the limit allows, compiled without recursion trouble', () => {
    expect(lintRuleSetText(withTest(nots(58)), { notice: MINIMAL_NOTICE })).toEqual([]);
  });

  it('refuses huge documents built in code (the JSON API) as early', () => {
    const before = snapshot();
    let test: unknown = JSON.parse(LEAF);
    for (let depth = 0; depth < 100_000; depth += 1) test = { not: test };
    const deep = { ...minimalRuleSet(), conditions: [{ ...minimalRuleSet().conditions[0], test }] };
    expect(lintRuleSet(deep).map((issue) => [issue.path.length, issue.message.en])).toEqual([[64, 'nested too deeply: more than 64 levels']]);

    let reads = 0;
    const fifty = new Proxy(new Array(50 * 1024 * 1024), { get: (target, key) => (typeof key === 'string' && /^\d/.test(key) ? ++reads : Reflect.get(target, key)) });
    expect(lintRuleSet(fifty).map((issue) => issue.message.en)).toEqual(['document too large: more than 200000 values']);
    expect(reads).toBe(0);

    const keys = Object.fromEntries(Array.from({ length: 250_000 }, (_, index) => [`k${index}`, 0]));
    expect(lintRuleSet({ ...minimalRuleSet(), parameters: keys }).map((issue) => [issue.at, issue.message.en])).toEqual([['parameters', 'document too large: more than 200000 values']]);
    expectNoGlobalTouched(before);
  });

  it('refuses a 50 MB file in the CLI after reading at most 5 MB of it', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'zhicheng-hostile-')), 'ruleset.json');
    writeFileSync(path, `[${'0,'.repeat(25 * 1024 * 1024)}0]`);
    const { code, stdout } = await cli('lint', path, '--json');
    expect(code).toBe(65);
    expect(JSON.parse(stdout).map((issue: ValidationIssue) => issue.message.en)).toEqual(['file too large: more than 5,242,880 bytes (5 MB); rule sets and profiles are far smaller']);
  });
});

// ---------------------------------------------------------------------------------------------------
// Arbitrary damage: whatever is changed, lint never throws, and loading refuses exactly when lint finds a problem.

/** Every path of a JSON value, the root excluded. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [];
  const keys: (string | number)[] = Array.isArray(value) ? value.map((_, index) => index) : Object.keys(value);
  return keys.flatMap((key) => [[...prefix, key], ...pathsOf((value as Record<string | number, unknown>)[key], [...prefix, key])]);
}

function damage(document: any, path: readonly (string | number)[], replacement: unknown, remove: boolean) {
  const parent = path.slice(0, -1).reduce((node, key) => node[key], document);
  const key = path[path.length - 1]!;
  if (remove && Array.isArray(parent)) parent.splice(key as number, 1);
  else if (remove) delete parent[key];
  else parent[key] = replacement;
}

describe('a rule set damaged anywhere', () => {
  const PATHS = pathsOf(minimalRuleSet());
  const replacement = fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    fc.constantFrom('salary', 'regex', '__proto__', { param: 'nope' }, { fact: 'field' }, { not: {} }, { all: [] }, '2028-02-30', 'not-retired', '三、(一)'),
  );
  it('is linted without throwing, and refused by loadRuleSet exactly when lint reports a problem', () => {
    const before = snapshot();
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), replacement, fc.boolean()), { minLength: 1, maxLength: 3 }), (changes) => {
        const document = minimalRuleSet();
        for (const [index, value, remove] of changes) {
          const paths = pathsOf(document);
          // A copy: constantFrom hands out the same object every time, and placing one instance twice could make a cycle.
          if (paths.length > 0) damage(document, paths[index % paths.length]!, structuredClone(value), remove);
        }
        const issues = lintRuleSet(document, { notice: MINIMAL_NOTICE });
        const textIssues = lintRuleSetText(JSON.stringify(document, null, 2), { notice: MINIMAL_NOTICE });
        expect(textIssues.map((issue) => issue.at).sort()).toEqual(issues.map((issue) => issue.at).sort());
        let loaded = true;
        try {
          loadRuleSet(document, { notice: MINIMAL_NOTICE });
        } catch (error) {
          expect(error).toBeInstanceOf(ValidationError);
          loaded = false;
        }
        expect(loaded).toBe(issues.length === 0);
        for (const issue of issues) expect(issue.message.en.length + issue.message.zh.length).toBeGreaterThan(0);
      }),
      { numRuns: 1500, seed: 20_240_517 }, // fixed, so CI is reproducible
    );
    expect(PATHS.length).toBeGreaterThan(50);
    expectNoGlobalTouched(before);
  });
});
