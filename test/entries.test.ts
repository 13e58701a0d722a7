import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support/repo.js';

/**
 * The built entries (`.`, `/core`, `/zod`) work together: what one returns, another accepts. In the
 * CommonJS build each entry would otherwise carry its own copy of module state (which profiles were
 * parsed, which rule sets were loaded), so a profile parsed through `/core` would be validated again by
 * `evaluate` from the main entry (it would pass: a parsed profile is plain JSON data), and a rule set
 * loaded by one entry refused by another.
 */
const require = createRequire(import.meta.url);
const load = (entry: string) => require(join(ROOT, 'dist', `${entry}.cjs`));
const fixture = JSON.parse(readFileSync(join(ROOT, 'fixtures', 'shizuishan-2024', 'eligible-deputy-senior-engineer.json'), 'utf8'));

describe('the CommonJS entries share their state', () => {
  it('a profile parsed through /core is evaluated by the main entry, and a rule set loaded there is taken by /zod', () => {
    const core = load('core');
    const main = load('index');
    const zod = load('zod');
    const parsed = core.parseProfile(fixture.profile);
    expect(parsed.success).toBe(true);
    const ruleSet = main.getRuleSet('shizuishan-2024');
    expect(main.evaluate(ruleSet, parsed.profile).outcome).toBe(fixture.expected.outcome);
    expect(core.isRuleSet(ruleSet)).toBe(true);
    expect(() => zod.eligibility(ruleSet)).not.toThrow();
  });
});
