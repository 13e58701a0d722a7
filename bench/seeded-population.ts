/**
 * The benchmarks' population: `count` generated profiles (partial and complete, every outcome), each
 * naming rule set `id` as its jurisdiction, from a fixed seed per rule set — the same profiles for
 * `npm run bench` and `npm run bench:instructions`, so their figures describe the same work.
 */
import { parseProfile, type ParsedProfile } from '../src/index.js';
import { generateProfiles } from '../test/support/generate.js';

const SEED = 20_240_517;

export function seededPopulation(id: string, count: number): { raw: unknown[]; parsed: ParsedProfile[] } {
  const raw = generateProfiles(count, SEED + id.length).map((profile) => ({ ...profile, application: { ...profile.application, jurisdiction: id } }));
  const parsed = raw.map((profile) => {
    const result = parseProfile(profile);
    if (!result.success) throw new Error(`generated profile invalid: ${JSON.stringify(result.issues)}`);
    return result.profile;
  });
  return { raw, parsed };
}
