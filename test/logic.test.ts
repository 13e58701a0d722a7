import { describe, expect, it } from 'vitest';
import { allOf, anyOf, combine, conditionStatus, type LeafOutcome, type NodeOutcome, type Truth } from '../src/engine/logic.js';
import type { CompiledLeaf, CompiledNode } from '../src/ruleset/compiled.js';

// Leaves stand in for real ones: combine only reads their status and missing paths, in order.
const leaf = { kind: 'leaf' } as CompiledLeaf;
const outcome = (status: Truth, ...missing: string[]): LeafOutcome => ({ leaf, status, actual: undefined, required: undefined, missing });
const all = (n: number): CompiledNode => ({ kind: 'all', children: Array.from({ length: n }, () => leaf) });
const any = (n: number): CompiledNode => ({ kind: 'any', children: Array.from({ length: n }, () => leaf) });
const node = (status: Truth, ...missing: string[]): NodeOutcome => ({ status, missing, leaves: [] });

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
