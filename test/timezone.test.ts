import { afterAll, describe, expect, it } from 'vitest';
import { evaluate, evaluateWithEngine, getRuleSet, type ApplicantProfile } from '../src/index.js';
import { generateProfiles } from './support/generate.js';

/**
 * Results must not depend on the machine's time zone. Node applies a change of `process.env.TZ` at once,
 * so one run can evaluate the same profiles under zones far east and far west of UTC.
 */
const ZONES = ['Asia/Shanghai', 'UTC', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'];
const original = process.env.TZ;
afterAll(() => {
  if (original === undefined) delete process.env.TZ;
  else process.env.TZ = original;
});

// Profiles on the edges: leap days, year ends, cut-off days.
const edges: ApplicantProfile[] = [
  { application: { targetLevel: 'deputy_senior', submittedOn: '2024-06-30' }, titles: [{ level: 'intermediate', obtainedOn: '2018-12-31' }] },
  { application: { targetLevel: 'deputy_senior', submittedOn: '2024-07-01' }, titles: [{ level: 'intermediate', obtainedOn: '2019-01-01' }] },
  { application: { targetLevel: 'senior', submittedOn: '2024-02-29' }, titles: [{ level: 'deputy_senior', obtainedOn: '2020-02-29' }], recognitions: { ruralRevitalizationContribution: true } },
  { application: { targetLevel: 'intermediate', submittedOn: '2024-01-01' }, titles: [{ level: 'assistant', obtainedOn: '2019-12-31' }], discipline: { sanctions: [{ from: '2023-01-01', until: '2023-12-31' }], integrityRecords: [{ recordedOn: '2021-01-01' }] } },
  { application: { targetLevel: 'intermediate', submittedOn: '2023-12-31' }, discipline: { sanctions: [{ from: '2023-01-01', until: '2023-12-31' }], integrityRecords: [{ recordedOn: '2020-12-31' }] } },
];

describe('time-zone independence', () => {
  const ruleSet = getRuleSet('shizuishan-2024')!;
  const profiles = [...edges, ...generateProfiles(300, 7)];

  it('gives identical reports in every zone, from both evaluators', async () => {
    const runs: string[] = [];
    const offsets = new Set<number>();
    for (const zone of ZONES) {
      process.env.TZ = zone;
      offsets.add(new Date(2024, 0, 1).getTimezoneOffset());
      const reports = [];
      for (const profile of profiles) reports.push(evaluate(ruleSet, profile), await evaluateWithEngine(ruleSet, profile));
      runs.push(JSON.stringify(reports));
    }
    expect(offsets.size).toBe(ZONES.length); // the zone really changed between runs
    for (const run of runs) expect(run).toBe(runs[0]);
  }, 60_000);
});
