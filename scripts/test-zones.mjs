#!/usr/bin/env node
// The date-sensitive suites again under each time zone CI checks: a report must not depend on the zone of
// the machine that computes it. (test/timezone.test.ts also switches zones inside one run and in child
// processes; this runs everything that compares dates with the process itself started in each zone.)
//
//   npm run test:zones
import { spawnSync } from 'node:child_process';

const ZONES = ['Asia/Shanghai', 'UTC', 'America/Los_Angeles'];
const DATE_SENSITIVE = [
  'test/timezone.test.ts',
  'test/properties',
  'test/hostile-profiles.test.ts',
  'test/fixtures.test.ts',
  'test/facts',
  'test/operators.test.ts',
  'test/profile.test.ts',
  'test/engine-agreement.test.ts',
  'test/cli.test.ts',
  'test/forms.test.ts',
  'test/scope-and-templates.test.ts',
  'test/batch.test.ts',
  // Shortfalls count days between dates and from the asOf day: the same in every zone.
  'test/remedies.test.ts',
  'test/remedies-cases.test.ts',
  'test/remedies-shortfall.test.ts',
  'test/remedies-properties.test.ts',
];

for (const zone of ZONES) {
  console.log(`\n== TZ=${zone}`);
  const result = spawnSync('npx', ['vitest', 'run', ...DATE_SENSITIVE], { stdio: 'inherit', env: { ...process.env, TZ: zone } });
  if (result.status !== 0) {
    console.error(`date-sensitive suites failed under TZ=${zone}`);
    process.exit(result.status ?? 1);
  }
}
