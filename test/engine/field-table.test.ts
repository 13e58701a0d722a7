import { afterEach, describe, expect, it } from 'vitest';
import { clearFieldValues, FieldLayout, fieldValue, fieldValues } from '../../src/engine/field-table.js';
import { getRuleSet } from '../../src/index.js';
import { evaluateDecoded } from '../../src/evaluate.js';
import { readPath } from '../../src/profile/read.js';
import type { DecodedProfile } from '../../src/profile/decoded.js';
import { parsed } from '../support/profiles.js';

const PROFILE = {
  application: { targetLevel: 'intermediate', series: 'engineering', submittedOn: '2024-06-01' },
  employment: { employerKind: 'public_institution', evidence: { laborContract: true } },
  status: { retired: false },
};

describe('FieldLayout', () => {
  it('gives a path the same slot each time, and fields of one section the same section', () => {
    const layout = new FieldLayout();
    const level = layout.slotOf('application.targetLevel');
    const series = layout.slotOf('application.series');
    const contract = layout.slotOf('employment.evidence.laborContract');
    expect(layout.slotOf('application.targetLevel')).toEqual(level);
    expect(series.section).toBe(level.section);
    expect(series.index).not.toBe(level.index);
    expect(contract.section).not.toBe(level.section);
    expect(layout.fieldCount).toBe(3);
    // A tree: the root holds the sections, and a nested section sits in its parent.
    expect(layout.sections.map((section) => section.segments)).toEqual([[], ['application'], ['employment'], ['employment', 'evidence']]);
    expect(layout.sections.map((section) => section.parent)).toEqual([-1, 0, 0, 2]);
    expect(layout.sections[0]!.entries).toEqual(new Map([['application', -2], ['employment', -3]]));
    expect(layout.sections[2]!.entries).toEqual(new Map([['evidence', -4]]));
    expect(layout.sections[3]!.entries).toEqual(new Map([['laborContract', contract.index]]));
  });
});

describe('fieldValue', () => {
  const paths = ['application.targetLevel', 'application.series', 'application.route', 'employment.evidence.laborContract', 'employment.evidence.workAgreement', 'discipline.underInvestigation'];

  it('reads every field exactly as readPath does, absent fields and sections included', () => {
    const profile = parsed(PROFILE);
    const layout = new FieldLayout();
    const slots = paths.map((path) => layout.slotOf(path));
    const table = fieldValues(layout);
    paths.forEach((path, index) => expect(fieldValue(table, profile, slots[index]!)).toEqual(readPath(profile, path)));
    expect(fieldValue(table, profile, slots[0]!)).toBe('intermediate');
    expect(fieldValue(table, profile, slots[2]!)).toBeUndefined();
    expect(fieldValue(table, profile, slots[5]!)).toBeUndefined();
  });

  it('reads a section once per profile, and nothing of it after clearFieldValues', () => {
    const profile = parsed(PROFILE);
    const layout = new FieldLayout();
    const level = layout.slotOf('application.targetLevel');
    const series = layout.slotOf('application.series');
    const table = fieldValues(layout);
    expect(fieldValue(table, profile, level)).toBe('intermediate');
    // The root (to find the section) and the section itself; nothing else.
    expect(Array.from(table.read)).toEqual([1, 1]);
    expect(fieldValue(table, profile, series)).toBe('engineering');
    clearFieldValues(table);
    expect(table.values.every((value) => value === undefined)).toBe(true);
    expect(Array.from(table.read)).toEqual([0, 0]);
    expect(table.objects.every((object) => object === undefined)).toBe(true);
    // The next profile's values, not the last one's.
    const next = parsed({ application: { targetLevel: 'deputy_senior' } });
    expect(fieldValue(table, next, level)).toBe('deputy_senior');
    expect(fieldValue(table, next, series)).toBeUndefined();
  });

  it('finds a nested section through its parents, read first or not at all', () => {
    const layout = new FieldLayout();
    const contract = layout.slotOf('employment.evidence.laborContract');
    const kind = layout.slotOf('employment.employerKind');
    const table = fieldValues(layout);
    expect(fieldValue(table, parsed(PROFILE), contract)).toBe(true);
    expect(Array.from(table.read)).toEqual([1, 1, 1]); // root, employment, evidence: each once
    expect(fieldValue(table, parsed(PROFILE), kind)).toBe('public_institution');
    clearFieldValues(table);
    // No employment section, or one without evidence: the nested field is absent, not an error.
    expect(fieldValue(table, parsed({ status: { retired: false } }), contract)).toBeUndefined();
    clearFieldValues(table);
    expect(fieldValue(table, parsed({ employment: { employerKind: 'enterprise' } }), contract)).toBeUndefined();
  });

  describe('decoded data that kept its prototypes', () => {
    afterEach(() => {
      for (const key of ['series', 'failedLastYear', 'underInvestigation']) delete (Object.prototype as Record<string, unknown>)[key];
    });

    it('reads own properties only, never an inherited one', () => {
      const layout = new FieldLayout();
      const level = layout.slotOf('application.targetLevel');
      const series = layout.slotOf('application.series');
      const table = fieldValues(layout);
      (Object.prototype as Record<string, unknown>).series = 'polluted';
      const data = { application: { targetLevel: 'intermediate' } } as unknown as DecodedProfile;
      expect(fieldValue(table, data, level)).toBe('intermediate');
      expect(fieldValue(table, data, series)).toBeUndefined();
    });

    it('gives the same report as the parsed profile, with Object.prototype polluted', () => {
      const ruleSet = getRuleSet('shizuishan-2024')!;
      const profile = parsed({ ...PROFILE, application: { ...PROFILE.application, jurisdiction: 'shizuishan-2024' } });
      const expected = evaluateDecoded(ruleSet, profile);
      // Fields this profile leaves out: inherited values must not fill them in.
      Object.assign(Object.prototype, { failedLastYear: true, underInvestigation: true });
      const withPrototypes = structuredClone({ ...profile }) as DecodedProfile; // plain objects again
      expect(Object.getPrototypeOf(withPrototypes.application)).toBe(Object.prototype);
      expect(evaluateDecoded(ruleSet, withPrototypes)).toEqual(expected);
    });
  });
});
