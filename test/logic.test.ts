import { describe, expect, it } from 'vitest';
import { allOf, anyOf, boundVerdict, combine, conditionStatus, leafOutcome, type LeafOutcome, type NodeOutcome, type TestTruth } from '../src/engine/logic.js';
import { known, unknownAtLeast, unknownAtMost, unknownFor } from '../src/facts/types.js';
import { OPERATORS } from '../src/operators/index.js';
import type { CompiledLeaf, CompiledNode } from '../src/ruleset/compiled.js';

// Leaves stand in for real ones: combine only reads their status and missing paths, in order.
const leaf = { kind: 'leaf' } as CompiledLeaf;
const inLeaf = (value: string[]) => ({ kind: 'leaf', operator: OPERATORS.get('in')!, open: false, value: { kind: 'literal', value } }) as unknown as CompiledLeaf;
const outcome = (status: TestTruth, ...missing: string[]): LeafOutcome => ({ leaf, status, actual: undefined, required: undefined, missing });
const all = (n: number): CompiledNode => ({ kind: 'all', children: Array.from({ length: n }, () => leaf) });
const any = (n: number): CompiledNode => ({ kind: 'any', children: Array.from({ length: n }, () => leaf) });
const node = (status: TestTruth, ...missing: string[]): NodeOutcome => ({ status, missing, leaves: [] });

describe('three-valued combination', () => {
  it.each([
    [['pass', 'pass'], 'pass'],
    [['pass', 'fail'], 'fail'],
    [['unknown', 'fail'], 'fail'],
    [['fail', 'unknown'], 'fail'],
    [['unknown', 'pass'], 'unknown'],
    [['unknown', 'unknown'], 'unknown'],
  ] as const)('all(%j) = %s', (statuses, expected) => {
    expect(combine(all(statuses.length), statuses.map((status) => outcome(status))).status).toBe(expected);
  });

  it.each([
    [['fail', 'fail'], 'fail'],
    [['fail', 'pass'], 'pass'],
    [['unknown', 'pass'], 'pass'],
    [['pass', 'unknown'], 'pass'],
    [['unknown', 'fail'], 'unknown'],
    [['unknown', 'unknown'], 'unknown'],
  ] as const)('any(%j) = %s', (statuses, expected) => {
    expect(combine(any(statuses.length), statuses.map((status) => outcome(status))).status).toBe(expected);
  });

  it.each([
    ['pass', 'fail'],
    ['fail', 'pass'],
    ['unknown', 'unknown'],
  ] as const)('not(%s) = %s', (status, expected) => {
    expect(combine({ kind: 'not', child: leaf }, [outcome(status)]).status).toBe(expected);
  });

  it('names the missing paths of the undecided children only, once each', () => {
    const result = combine(any(3), [outcome('unknown', 'a', 'b'), outcome('fail'), outcome('unknown', 'b', 'c')]);
    expect(result).toMatchObject({ status: 'unknown', missing: ['a', 'b', 'c'] });
  });

  it('names no missing path once the result is decided', () => {
    expect(combine(all(2), [outcome('unknown', 'a'), outcome('fail')]).missing).toEqual([]);
  });

  it('keeps every leaf, even after the result is decided', () => {
    const leaves = [outcome('fail'), outcome('pass'), outcome('unknown', 'x')];
    expect(combine(all(3), leaves).leaves).toHaveLength(3);
  });

  it('walks nested trees in depth-first order', () => {
    const tree: CompiledNode = { kind: 'all', children: [leaf, { kind: 'any', children: [leaf, leaf] }, { kind: 'not', child: leaf }] };
    expect(combine(tree, [outcome('pass'), outcome('fail'), outcome('pass'), outcome('fail')]).status).toBe('pass');
    expect(combine(tree, [outcome('pass'), outcome('fail'), outcome('fail'), outcome('fail')]).status).toBe('fail');
    expect(combine(tree, [outcome('pass'), outcome('unknown', 'q'), outcome('fail'), outcome('fail')])).toMatchObject({ status: 'unknown', missing: ['q'] });
  });
});

describe('the fourth value: review, from a list the notice leaves open (等) or a qualified bar (原则上)', () => {
  it.each([
    [['pass', 'review'], 'review'],
    [['review', 'fail'], 'fail'],
    [['review', 'unknown'], 'unknown'],
    [['review', 'review'], 'review'],
  ] as const)('all(%j) = %s: a failure outweighs an open question, which outweighs a review', (statuses, expected) => {
    expect(combine(all(statuses.length), statuses.map((status) => outcome(status))).status).toBe(expected);
  });

  it.each([
    [['fail', 'review'], 'review'],
    [['review', 'pass'], 'pass'],
    [['review', 'unknown'], 'unknown'],
  ] as const)('any(%j) = %s', (statuses, expected) => {
    expect(combine(any(statuses.length), statuses.map((status) => outcome(status))).status).toBe(expected);
  });

  it('not(review) = review: the body decides either way', () => {
    expect(combine({ kind: 'not', child: leaf }, [outcome('review')]).status).toBe('review');
  });

  it('an open leaf that does not match is review, never fail; one that matches passes', () => {
    const open = { ...inLeaf(['agronomy', 'veterinary']), open: true } as CompiledLeaf;
    expect(leafOutcome(open, known('fisheries'), known(['agronomy', 'veterinary']), false).status).toBe('review');
    expect(leafOutcome(open, known('veterinary'), known(['agronomy', 'veterinary']), true).status).toBe('pass');
    expect(leafOutcome(open, unknownFor('employment.postCategory'), known(['agronomy']), false)).toMatchObject({ status: 'unknown', missing: ['employment.postCategory'] });
    const closed = inLeaf(['agronomy']);
    expect(leafOutcome(closed, known('fisheries'), known(['agronomy']), false).status).toBe('fail');
  });

  it('a review condition waits while it is unknown whether it applies', () => {
    expect(conditionStatus(node('unknown', 'a'), node('review'))).toEqual({ status: 'unknown', missing: ['a'] });
    expect(conditionStatus(node('pass'), node('review')).status).toBe('review');
  });
});

describe('what a partly known value already decides', () => {
  const atLeast = OPERATORS.get('greaterThanInclusive')!;
  const below = OPERATORS.get('lessThan')!;

  it('a sum known from below meets a floor it already reaches, and no more', () => {
    expect(boundVerdict(atLeast, unknownAtLeast(96, ['continuingEducation[year=2023]']), 90)).toBe(true);
    expect(boundVerdict(atLeast, unknownAtLeast(60, ['continuingEducation[year=2023]']), 90)).toBeUndefined();
    expect(boundVerdict(below, unknownAtLeast(96, ['x']), 90)).toBe(false);
    expect(boundVerdict(below, unknownAtLeast(60, ['x']), 90)).toBeUndefined();
  });

  it('a count known from above fails a floor it cannot reach, and no more', () => {
    expect(boundVerdict(atLeast, unknownAtMost(3, ['employment.specialtyWorkStartedOn']), 5)).toBe(false);
    expect(boundVerdict(atLeast, unknownAtMost(6, ['employment.specialtyWorkStartedOn']), 5)).toBeUndefined();
  });

  it('never decides without a bound, or with an operator that has no direction', () => {
    expect(boundVerdict(atLeast, unknownFor('x'), 90)).toBeUndefined();
    expect(boundVerdict(OPERATORS.get('equal')!, unknownAtLeast(96, ['x']), 96)).toBeUndefined();
  });

  it('shows the bound as the value that decided it', () => {
    const leafAtLeast = { kind: 'leaf', operator: atLeast, open: false } as unknown as CompiledLeaf;
    expect(leafOutcome(leafAtLeast, unknownAtLeast(96, ['x']), known(90), false)).toMatchObject({ status: 'pass', actual: 96, missing: [] });
    expect(leafOutcome(leafAtLeast, unknownAtLeast(60, ['x']), known(90), false)).toMatchObject({ status: 'unknown', missing: ['x'] });
  });
});

describe('condition status', () => {
  it('is not applicable when appliesWhen fails, whatever the test says', () => {
    expect(conditionStatus(node('fail'), node('fail')).status).toBe('not_applicable');
    expect(conditionStatus(node('fail'), undefined).status).toBe('not_applicable');
  });

  it("is the test's when appliesWhen passes or is absent; review when there is no test", () => {
    expect(conditionStatus(node('pass'), node('fail')).status).toBe('fail');
    expect(conditionStatus(undefined, node('unknown', 'p'))).toEqual({ status: 'unknown', missing: ['p'] });
    expect(conditionStatus(undefined, undefined).status).toBe('review');
  });

  it('passes while applicability is unknown if the test passes anyway; otherwise waits for both', () => {
    expect(conditionStatus(node('unknown', 'a'), node('pass')).status).toBe('pass');
    expect(conditionStatus(node('unknown', 'a'), node('fail'))).toEqual({ status: 'unknown', missing: ['a'] });
    expect(conditionStatus(node('unknown', 'a'), node('unknown', 'b'))).toEqual({ status: 'unknown', missing: ['a', 'b'] });
    expect(conditionStatus(node('unknown', 'a'), undefined)).toEqual({ status: 'unknown', missing: ['a'] });
  });
});

describe('routes and pathways', () => {
  it('a route needs every applicable step: fail before unknown before review', () => {
    expect(allOf(['pass', 'not_applicable', 'pass'])).toBe('pass');
    expect(allOf(['pass', 'review'])).toBe('review');
    expect(allOf(['review', 'unknown'])).toBe('unknown');
    expect(allOf(['unknown', 'fail'])).toBe('fail');
    expect(allOf(['not_applicable', 'not_applicable'])).toBe('not_applicable');
  });

  it('a pathway needs one route: pass before unknown before review; none open is a failure', () => {
    expect(anyOf(['fail', 'pass'])).toBe('pass');
    expect(anyOf(['fail', 'review', 'unknown'])).toBe('unknown');
    expect(anyOf(['fail', 'review'])).toBe('review');
    expect(anyOf(['fail', 'not_applicable'])).toBe('fail');
    expect(anyOf(['not_applicable'])).toBe('fail');
  });
});
