import { describe, expect, it } from 'vitest';
import { evaluate, evaluateWithEngine, parseProfile } from '../src/index.js';
import { generateProfiles } from './support/generate.js';
import { RULE_SET_DIRS, attempt, loadWithNotice } from './support/repo.js';

/**
 * json-rules-engine is the reference; the synchronous walker is the fast path. They must give identical
 * reports — every status, value, message and missing path — on generated profiles of every kind.
 * (Fixtures are compared in fixtures.test.ts.)
 */
describe.each(RULE_SET_DIRS)('synchronous evaluate and json-rules-engine agree on %s', (id) => {
  const loaded = attempt(() => loadWithNotice(id));
  const profiles = generateProfiles(2000, 20240517);

  it('on 2,000 generated profiles', async () => {
    if (loaded.value === undefined) throw loaded.error;
    const ruleSet = loaded.value;
    const outcomes = new Set<string>();
    for (const profile of profiles) {
      const parsed = parseProfile(profile);
      expect(parsed.success).toBe(true);
      if (!parsed.success) continue;
      const engine = await evaluateWithEngine(ruleSet, parsed.profile);
      const sync = evaluate(ruleSet, parsed.profile);
      if (JSON.stringify(sync) !== JSON.stringify(engine)) expect({ profile, sync }).toEqual({ profile, sync: engine });
      outcomes.add(sync.outcome);
    }
    // The population is only a test if it reaches the outcomes that matter: failures and open questions.
    expect(outcomes).toContain('ineligible');
    expect(outcomes).toContain('incomplete');
  }, 60_000);
});
