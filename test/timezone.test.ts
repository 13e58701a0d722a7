import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import fc from 'fast-check';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { evaluate, evaluateWithEngine, parseProfile, type ApplicantProfile } from '../src/index.js';
import { EDGE_DAYS, RULE_SETS, profileArb, runs } from './properties/support.js';
import { edgeProfiles } from './support/edge-profiles.js';
import { generateProfiles } from './support/generate.js';
import { ROOT, instantiationOf } from './support/repo.js';

/**
 * Results must not depend on the machine's time zone. Node applies a change of `process.env.TZ` at once,
 * so one run can evaluate the same profiles under zones far east and far west of UTC; a child process
 * started with `TZ` set checks the same from a clean start. Every rule set; profiles on leap days, year
 * ends and each rule set's cut-off days; both evaluators.
 *
 * Date-sensitive: CI runs this file (and the other date-sensitive suites) under TZ=Asia/Shanghai, UTC
 * and America/Los_Angeles as well.
 */
const ZONES = ['Asia/Shanghai', 'UTC', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'];
const CI_ZONES = ['Asia/Shanghai', 'UTC', 'America/Los_Angeles'];
const original = process.env.TZ;
const restoreZone = () => {
  if (original === undefined) delete process.env.TZ;
  else process.env.TZ = original;
};
afterAll(restoreZone);

// Profiles on the edges: leap days, year ends, cut-off days.
const handPicked: ApplicantProfile[] = [
  { application: { targetLevel: 'deputy_senior', submittedOn: '2024-06-30' }, titles: [{ level: 'intermediate', obtainedOn: '2018-12-31' }] },
  { application: { targetLevel: 'deputy_senior', submittedOn: '2024-07-01' }, titles: [{ level: 'intermediate', obtainedOn: '2019-01-01' }] },
  { application: { targetLevel: 'senior', submittedOn: '2024-02-29' }, titles: [{ level: 'deputy_senior', obtainedOn: '2020-02-29' }], recognitions: { ruralRevitalizationContribution: true } },
  { application: { targetLevel: 'intermediate', submittedOn: '2024-01-01' }, titles: [{ level: 'assistant', obtainedOn: '2019-12-31' }], discipline: { sanctions: [{ from: '2023-01-01', until: '2023-12-31' }], integrityRecords: [{ recordedOn: '2021-01-01' }] } },
  { application: { targetLevel: 'intermediate', submittedOn: '2023-12-31' }, discipline: { sanctions: [{ from: '2023-01-01', until: '2023-12-31' }], integrityRecords: [{ recordedOn: '2020-12-31' }] } },
];
const EDGES = [...handPicked, ...edgeProfiles(EDGE_DAYS)];

/** Every rule set's report of every profile, as one JSON text: what must not change with the zone. */
function syncReports(profiles: readonly ApplicantProfile[]): string {
  return JSON.stringify(RULE_SETS.map((ruleSet) => profiles.map((profile) => evaluate(ruleSet, profile))));
}
async function engineReports(profiles: readonly ApplicantProfile[]): Promise<string> {
  const reports = [];
  for (const ruleSet of RULE_SETS) for (const profile of profiles) reports.push(await evaluateWithEngine(ruleSet, profile));
  return JSON.stringify(reports);
}

describe('time-zone independence', () => {
  it('the edge profiles are valid, and reach the edge days of every rule set', () => {
    for (const profile of EDGES) expect(parseProfile(profile).success).toBe(true);
    const cutoffs = RULE_SETS.flatMap((ruleSet) => Object.values(evaluate(ruleSet, {}).ruleSet.cutoffDates));
    for (const day of [...cutoffs, '2020-02-29', '2024-02-29', '2023-12-31', '2024-01-01']) {
      expect(EDGES.some((profile) => profile.application?.submittedOn === day)).toBe(true);
    }
  });

  it('gives identical reports in every zone, from both evaluators', async () => {
    const profiles = [...EDGES, ...generateProfiles(10, 7)];
    const engineProfiles = handPicked.concat(EDGES.filter((_, index) => index % 6 === 0));
    const runs: string[] = [];
    const engineRuns: string[] = [];
    const offsets = new Set<number>();
    for (const zone of ZONES) {
      process.env.TZ = zone;
      offsets.add(new Date(2024, 0, 1).getTimezoneOffset());
      // The library afresh in each zone: module-level caches (formatted days, compiled rule sets)
      // filled in the first zone would hide a day formatted in local time.
      vi.resetModules();
      const fresh = await import('../src/index.js');
      const ruleSets = [
        ...fresh.RULE_SET_IDS.map((id) => fresh.getRuleSet(id)!),
        ...fresh.TEMPLATE_IDS.map((id) => fresh.loadRuleSet(fresh.instantiate(fresh.getTemplate(id)!, instantiationOf(id)))),
      ];
      runs.push(JSON.stringify(ruleSets.map((ruleSet) => profiles.map((profile) => fresh.evaluate(ruleSet, profile)))));
      if (!CI_ZONES.includes(zone)) continue;
      const reports = [];
      for (const ruleSet of ruleSets) for (const profile of engineProfiles) reports.push(await fresh.evaluateWithEngine(ruleSet, profile));
      engineRuns.push(JSON.stringify(reports));
    }
    restoreZone();
    expect(offsets.size).toBe(ZONES.length); // the zone really changed between runs
    for (const run of runs) expect(run).toBe(runs[0]);
    for (const run of engineRuns) expect(run).toBe(engineRuns[0]);
    expect(runs[0]).toBe(syncReports(profiles)); // and the same as the library this suite imported
  }, 60_000);

  it('gives identical reports for any profile in Shanghai, UTC and Los Angeles', () => {
    fc.assert(
      fc.property(profileArb(), (profile) => {
        const texts = CI_ZONES.map((zone) => {
          process.env.TZ = zone;
          return syncReports([profile]);
        });
        restoreZone();
        expect(texts[1]).toBe(texts[0]);
        expect(texts[2]).toBe(texts[0]);
      }),
      runs(60),
    );
  });

  it('gives the same reports in a fresh process started under each zone', async () => {
    // The library and a small script, bundled into one file a plain `node` runs (no build needed).
    const dir = mkdtempSync(join(tmpdir(), 'zhicheng-tz-'));
    try {
      const script = join(dir, 'evaluate.mjs');
      await build({
        stdin: {
          contents: `
            import { readFileSync } from 'node:fs';
            import { evaluate, evaluateWithEngine, getRuleSet, getTemplate, instantiate, loadRuleSet, RULE_SET_IDS, TEMPLATE_IDS } from './src/index.ts';
            const { profiles, instantiation } = JSON.parse(readFileSync(0, 'utf8'));
            const ruleSets = [...RULE_SET_IDS.map((id) => getRuleSet(id)), ...TEMPLATE_IDS.map((id) => loadRuleSet(instantiate(getTemplate(id), instantiation)))];
            const sync = JSON.stringify(ruleSets.map((ruleSet) => profiles.map((profile) => evaluate(ruleSet, profile))));
            const engine = [];
            for (const ruleSet of ruleSets) for (const profile of profiles.slice(0, 6)) engine.push(await evaluateWithEngine(ruleSet, profile));
            process.stdout.write(JSON.stringify({ offset: new Date(2024, 0, 1).getTimezoneOffset(), sync, engine: JSON.stringify(engine) }));
          `,
          resolveDir: ROOT,
          loader: 'ts',
        },
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node20',
        // json-rules-engine is CommonJS and requires Node built-ins.
        banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
        outfile: script,
        logLevel: 'silent',
      });
      const input = JSON.stringify({ profiles: EDGES, instantiation: instantiationOf('template-2021') });
      const run = async (zone: string) => {
        const child = promisify(execFile)(process.execPath, [script], { env: { ...process.env, TZ: zone }, maxBuffer: 256 * 1024 * 1024 });
        child.child.stdin!.end(input);
        return JSON.parse((await child).stdout) as { offset: number; sync: string; engine: string };
      };
      const results = await Promise.all(CI_ZONES.map(run));
      expect(results.map((result) => result.offset)).toEqual([-480, 0, 480]); // each child really ran in its zone
      const here = { sync: syncReports(EDGES), engine: await engineReports(EDGES.slice(0, 6)) };
      for (const result of results) {
        expect(result.sync).toBe(here.sync);
        expect(result.engine).toBe(here.engine);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
