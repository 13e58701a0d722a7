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
    let openReviews = 0; // reviews an open list (等) or a qualified bar (原则上) made: they show a comparison
    for (const profile of profiles) {
      const parsed = parseProfile(profile);
      expect(parsed.success).toBe(true);
      if (!parsed.success) continue;
      const engine = await evaluateWithEngine(ruleSet, parsed.profile);
      const sync = evaluate(ruleSet, parsed.profile);
      if (JSON.stringify(sync) !== JSON.stringify(engine)) expect({ profile, sync }).toEqual({ profile, sync: engine });
      outcomes.add(sync.outcome);
      openReviews += sync.conditions.filter((condition) => condition.status === 'review' && condition.operator !== null).length;
    }
    // The population is only a test if it reaches the outcomes that matter: failures and open questions.
    expect(outcomes).toContain('ineligible');
    expect(outcomes).toContain('incomplete');
    // Every rule set now has an open list or a qualified bar somewhere, and the generated profiles reach it.
    expect(openReviews, 'reviews from open leaves').toBeGreaterThan(0);
  }, 60_000);
});
