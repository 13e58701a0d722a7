import { describe, expect, it } from 'vitest';
import { loadRuleSet } from '../src/index.js';
import { MINIMAL_NOTICE, minimalRuleSet } from './support/minimal.js';

/**
 * Valid but ruinous rule sets (issue 14): documents within every text bound (values, depth, size) that
 * made loading, linting or evaluating do work out of all proportion to their size. Linearity is asserted
 * by counting work, never by timing (machines are noisy); the full-size cases are kept too, sized so that
 * the old quadratic behaviour would overrun vitest's 5 s while the linear one takes a fraction of it.
 */

const CITATION = { clause: '一、(一)', quote: '离退休人员不得申报' };
const LEAF_ON_LIST = { fact: 'field', params: { path: 'employment.city' }, operator: 'in', value: { param: 'big' } };

/** The minimal rule set with a list parameter `big` referenced by `references` leaves (100 to an `any`). */
function listReferencedBy(list: readonly string[], references: number) {
  const document = minimalRuleSet();
  document.parameters.big = { type: 'list', value: list, description: { zh: '长列表', en: 'a long list' }, citation: CITATION };
  const groups = Array.from({ length: Math.ceil(references / 100) }, (_, group) => ({
    any: Array.from({ length: Math.min(100, references - group * 100) }, () => structuredClone(LEAF_ON_LIST)),
  }));
  document.conditions[0].test = { any: groups };
  return document;
}

/** A list whose element reads are counted: what the loader does with it, however it does it. */
function countedList(length: number) {
  const counter = { reads: 0 };
  const list = new Proxy(
    Array.from({ length }, (_, index) => `单位${index}`),
    { get: (target, key, receiver) => (typeof key === 'string' && /^\d+$/.test(key) && (counter.reads += 1), Reflect.get(target, key, receiver)) },
  );
  return { list, counter };
}

describe('one long list parameter referenced by many leaves', () => {
  it('is read a fixed number of times, however many leaves reference it', () => {
    const reads = [10, 100, 1000].map((references) => {
      const { list, counter } = countedList(5_000);
      loadRuleSet(listReferencedBy(list, references), { notice: MINIMAL_NOTICE });
      return counter.reads;
    });
    // Before: every reference re-serialised the whole list (5,000 more reads per leaf).
    expect(reads[1]).toBe(reads[0]);
    expect(reads[2]).toBe(reads[0]);
    expect(reads[0]).toBeLessThanOrEqual(10 * 5_000);
  });

  it('loads 150,000 values referenced by 6,400 leaves (within every limit) in linear time', () => {
    const list = Array.from({ length: 150_000 }, (_, index) => `单位${index}`);
    const ruleSet = loadRuleSet(listReferencedBy(list, 6_400), { notice: MINIMAL_NOTICE });
    expect(ruleSet.conditions[0]!.parameters).toEqual(['big']);
  });
});
