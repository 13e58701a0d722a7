/**
 * `npm run population -- <count> [seed]`: writes <count> generated applicant profiles as JSON Lines to
 * stdout, spread over the bundled rule sets (each names its own in `application.jurisdiction`), with
 * now and then a malformed line, as a batch run would meet them. Memory stays flat whatever the count.
 */
import { once } from 'node:events';
import { RULE_SET_IDS } from '../src/index.js';
import { generateProfiles } from '../test/support/generate.js';

const count = Number(process.argv[2] ?? 10_000);
const seed = Number(process.argv[3] ?? 1);
const CHUNK = 5_000;
for (let done = 0; done < count; done += CHUNK) {
  const profiles = generateProfiles(Math.min(CHUNK, count - done), seed + done);
  let text = '';
  profiles.forEach((profile, index) => {
    const position = done + index;
    text += position % 10_007 === 5 ? '{"this line": is not JSON\n' : `${JSON.stringify({ ...profile, application: { ...profile.application, jurisdiction: RULE_SET_IDS[position % RULE_SET_IDS.length] } })}\n`;
  });
  if (!process.stdout.write(text)) await once(process.stdout, 'drain');
}
