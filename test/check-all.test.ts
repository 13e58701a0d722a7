import { describe, expect, it } from 'vitest';
import { checkAll, loadRuleSet, renderSummary } from '../src/index.js';
import { cli } from './support/cli.js';
import { minimalRuleSet } from './support/minimal.js';

function ruleSetFor(id: string, region: string, city?: string, aliases?: string[]) {
  const document = minimalRuleSet();
  document.id = id;
  document.jurisdiction = { region, ...(city && { city }), ...(aliases && { aliases }) };
  return loadRuleSet(document);
}

const ruleSets = [
  ruleSetFor('north-2030', '某省', '北城市'),
  ruleSetFor('south-2030', '某省', '南城市', ['南城']),
  ruleSetFor('province-2030', '某省'),
  ruleSetFor('elsewhere-2030', '他省', '远市'),
];

describe('checkAll', () => {
  it("checks the rule sets of the applicant's city and region, and says why it skipped the others", () => {
    const result = checkAll({ employment: { region: '某省', city: '南城' }, status: { retired: true } }, ruleSets);
    expect(result.results.map((entry) => [entry.ruleSetId, entry.match])).toEqual([
      ['south-2030', 'city'],
      ['province-2030', 'region'],
    ]);
    expect(result.skipped.map((entry) => entry.ruleSetId)).toEqual(['north-2030', 'elsewhere-2030']);
    expect(result.results.every((entry) => entry.report.outcome === 'ineligible')).toBe(true);
  });

  it('falls back to where the applicant is insured', () => {
    const result = checkAll({ socialInsurance: { region: '他省', city: '远市' } }, ruleSets);
    expect(result.results.map((entry) => entry.ruleSetId)).toEqual(['elsewhere-2030']);
  });

  it('checks every rule set when the profile does not say where the applicant works', () => {
    const result = checkAll({}, ruleSets);
    expect(result.results.map((entry) => entry.match)).toEqual(['location_unknown', 'location_unknown', 'location_unknown', 'location_unknown']);
  });

  it('prints a side-by-side summary', () => {
    const text = renderSummary(checkAll({ employment: { region: '某省', city: '北城市' }, status: { retired: true } }, ruleSets), 'en');
    expect(text.split('\n')[0]).toMatch(/^rule set\s+outcome\s+✓\s+✗\s+\?\s+!\s+–\s+failed clauses$/);
    expect(text).toMatch(/north-2030\s+not eligible\s+0\s+1\s+1\s+0\s+0\s+一、\(一\)/);
    expect(text).toContain('(not checked: south-2030, location does not match: city 北城市 ≠ 南城市)');
  });

  it('works against the bundled rule sets from the command line', async () => {
    const profile = `${import.meta.dirname}/../fixtures/shizuishan-2024/eligible-deputy-senior-engineer.json`;
    const { code, stdout } = await cli('check', profile, '--all');
    expect(stdout).toMatch(/shizuishan-2024\s+需人工审核/);
    expect(code).toBe(4); // needs_review, the best outcome among the rule sets
  });
});
