import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REPORT_INPUT } from '../../src/errors.js';
import { FAST_NAMESPACE, fastParser } from '../../src/profile/fast-schema.js';
import { decodedProfile, parseProfile, parseProfileJson } from '../../src/profile/parse.js';
import { dropPrototypes, readPlainData } from '../../src/profile/plain.js';
import { buildProfileSchemas, MAX_LIST_ENTRIES, profileSchema } from '../../src/profile/schema.js';
import { generateProfiles } from '../support/generate.js';
import { profileArb, runs } from './support.js';

/**
 * The fast profile parser (the definition built as plain functions, `fast-schema.ts`) and zod (the same
 * definition built as zod schemas) must agree: the same inputs accepted, and equal values given — the
 * fast one is what a batch uses for every valid line, zod what gives the errors. Checked on valid
 * profiles, generated and arbitrary, and on each of them mutated at a random place in ways that bite
 * validators: wrong types, bounds, dates that do not exist, unknown and forbidden keys, -0.
 */

const fast = fastParser(buildProfileSchemas(FAST_NAMESPACE).profileSchema);

/**
 * zod's answer for a JSON text, as `parseProfile` gave it before the fast parser: the plain-data copy
 * (which reads -0 as 0), zod, prototypes dropped — or undefined when refused.
 */
function zodReading(text: string): unknown {
  const plain = readPlainData(JSON.parse(text), MAX_LIST_ENTRIES);
  if (!plain.ok) return undefined;
  const parsed = profileSchema.safeParse(plain.value, REPORT_INPUT);
  if (!parsed.success) return undefined;
  dropPrototypes(parsed.data);
  return parsed.data;
}

function expectAgreement(text: string): boolean {
  const expected = zodReading(text);
  const actual = fast(JSON.parse(text));
  expect(actual === undefined, `fast ${actual === undefined ? 'refused' : 'accepted'}, zod ${expected === undefined ? 'refused' : 'accepted'}: ${text.slice(0, 300)}`).toBe(expected === undefined);
  if (expected !== undefined) expect(actual).toStrictEqual(expected);
  return expected !== undefined;
}

/** Values that sit on either side of what the schema accepts. */
const nastyValues: readonly unknown[] = [
  null, true, false, 0, -0, 1, -1, 1.5, 1949, 2100, 2101, 1948, 10_000, 10_000.5, 1e21, 2 ** 53, -(2 ** 53),
  '', 'x', 'a'.repeat(200), 'a'.repeat(201), '2024-02-29', '2023-02-29', '0000-02-29', '1899-12-31', '1900-01-01',
  '9999-12-31', '2024-1-01', '2024-01-01T00:00:00Z', '110105', '010105', '11010', 'senior', 'intermediate', 'SENIOR',
  [], [1], {}, { level: 'senior' }, Array.from({ length: 201 }, () => ({})),
];

/** A random path into a JSON value, and a value to put there (or `undefined`: delete it). */
type Mutation = { readonly pick: number; readonly value: unknown; readonly kind: 'set' | 'delete' | 'add-key'; readonly key: string };

const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  pick: fc.nat(),
  value: fc.oneof(fc.constantFrom(...nastyValues), fc.jsonValue({ maxDepth: 2 })),
  kind: fc.constantFrom('set', 'set', 'delete', 'add-key'),
  key: fc.constantFrom('__proto__', 'constructor', 'toString', 'level', 'unknownField', 'titles', 'obtainedOn', 'year'),
});

/** Applies a mutation to a JSON text at one of its containers or values, chosen by `pick`; the new text. */
function mutate(text: string, mutation: Mutation): string {
  const root = JSON.parse(text) as unknown;
  const slots: { container: Record<string, unknown> | unknown[]; key: string | number }[] = [];
  const containers: Record<string, unknown>[] = [];
  const walk = (value: unknown) => {
    if (value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) value.forEach((item, index) => (slots.push({ container: value, key: index }), walk(item)));
    else {
      containers.push(value as Record<string, unknown>);
      for (const [key, item] of Object.entries(value)) slots.push({ container: value as Record<string, unknown>, key }), walk(item);
    }
  };
  walk(root);
  if (mutation.kind === 'add-key' && containers.length > 0) {
    const target = containers[mutation.pick % containers.length]!;
    // Through JSON text, so `__proto__` becomes an own key as JSON.parse makes it.
    const marker = '"@@marker@@"';
    const json = JSON.stringify(root, (_key, value) => (value === target ? { ...value, '@@marker@@': 0 } : value));
    // A function, so a `$&` in the value is not read as a replacement pattern.
    return json.replace(`${marker}:0`, () => `${JSON.stringify(mutation.key)}:${JSON.stringify(mutation.value ?? null)}`);
  }
  if (slots.length === 0) return JSON.stringify(mutation.value ?? null);
  const { container, key } = slots[mutation.pick % slots.length]!;
  if (mutation.kind === 'delete') {
    if (Array.isArray(container)) container.splice(key as number, 1);
    else delete container[key as string];
  } else (container as Record<string | number, unknown>)[key] = mutation.value;
  // JSON.stringify writes -0 as 0: put it back as JSON can carry it.
  return JSON.stringify(root, (_key, value) => (Object.is(value, -0) ? '@@minus-zero@@' : value)).replace(/"@@minus-zero@@"/g, '-0');
}

describe('the fast profile parser agrees with zod', () => {
  const generated = generateProfiles(400, 7).map((profile) => JSON.stringify(profile));

  it('accepts every generated profile zod accepts, with equal values', () => {
    for (const text of generated) expect(expectAgreement(text)).toBe(true);
  });

  it('agrees on arbitrary profiles', () => {
    fc.assert(fc.property(profileArb(), (profile) => void expectAgreement(JSON.stringify(profile))), runs(300));
  });

  it('agrees on every profile mutated at a random place', () => {
    let refused = 0;
    fc.assert(
      fc.property(fc.constantFrom(...generated), mutationArb, (text, mutation) => {
        if (!expectAgreement(mutate(text, mutation))) refused += 1;
      }),
      runs(3000),
    );
    // The mutations must reach both answers, or the property says little.
    expect(refused).toBeGreaterThan(300);
    expect(refused).toBeLessThan(2700);
  });

  it('reads -0 as 0, as the plain-data copy does', () => {
    const text = generated.find((candidate) => candidate.includes('"continuousMonths":'))!.replace(/"continuousMonths":\d+/, '"continuousMonths":-0');
    const parsed = fast(JSON.parse(text)) as { socialInsurance: { continuousMonths: number } };
    expect(Object.is(parsed.socialInsurance.continuousMonths, 0)).toBe(true);
    expectAgreement(text);
  });

  it('leaves a refused value exactly as it came, for zod to read', () => {
    const text = mutate(generated[0]!, { pick: 0, value: 'not a level', kind: 'add-key', key: 'unknownField' });
    const document = JSON.parse(text) as unknown;
    expect(fast(document)).toBeUndefined();
    expect(document).toStrictEqual(JSON.parse(text));
  });

  it('gives the same result through parseProfileJson and parseProfile, valid or not', () => {
    for (const text of [generated[1]!, mutate(generated[1]!, { pick: 3, value: '2023-02-29', kind: 'set', key: 'x' })]) {
      const viaJson = parseProfileJson(JSON.parse(text));
      const viaCopy = parseProfile(JSON.parse(text));
      // The batch's reading is the decoded profile; parseProfile's, the parsed one it is decoded from.
      expect(viaJson).toStrictEqual(viaCopy.success ? { success: true, profile: decodedProfile(viaCopy.profile) } : viaCopy);
    }
  });

  it('decodes a parsed profile into a copy exactly as the batch decodes its own in place', () => {
    for (const text of generated) {
      const parsed = parseProfile(JSON.parse(text));
      expect(parsed.success).toBe(true);
      const decoded = decodedProfile(parsed.success && parsed.profile);
      expect(decoded).toStrictEqual(fast(JSON.parse(text), true));
      // Dates are dates there, and strings still in the parsed profile, which is left as it was.
      expect(JSON.stringify(parsed.success && parsed.profile)).toBe(JSON.stringify(JSON.parse(text)));
    }
  });

  it('steps aside when Object.prototype has an enumerable key (zod, reading own keys only, decides)', () => {
    const text = generated[2]!;
    (Object.prototype as Record<string, unknown>).polluted = 1;
    try {
      expect(fast(JSON.parse(text))).toBeUndefined();
      expect(parseProfileJson(JSON.parse(text)).success).toBe(true);
    } finally {
      delete (Object.prototype as Record<string, unknown>).polluted;
    }
  });
});
