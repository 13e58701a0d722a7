// Runs every bundled fixture through the public functions with Object.prototype polluted (or not), in
// a fresh process, and prints what each gave, so a test can compare (test/polluted-prototype.test.ts).
//   node polluted-run.mjs <dist/index.js> none|before-import|before-use|after-use
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [entry, mode] = process.argv.slice(2);
const POLLUTION = ['polluted'];
// Keys of profiles, of rule sets and of options: what an inherited value could be mistaken for. Not the
// fields of a property descriptor (value, get, set, writable, enumerable, configurable): polluting those
// breaks JavaScript's own Object.defineProperty, in Node and in zod, before the library is reached.
const KEYS = [
  'titles', 'education', 'continuingEducation', 'application', 'employment', 'discipline', 'status', 'socialInsurance',
  'recognitions', 'skills', 'qualifications', 'examPasses', 'awards', 'level', 'series', 'obtainedOn', 'year', 'kind',
  'from', 'until', 'city', 'region', 'district', 'divisionCode', 'jurisdiction', 'targetLevel', 'submittedOn',
  'retired', 'sanctions', 'integrityRecords', 'serious', 'publicHours', 'all', 'any', 'not', 'fact', 'params',
  'operator', 'open', 'conditions', 'appliesWhen', 'test', 'parameters', 'polluted', 'id', 'messages', 'locales',
  'language', 'profile', 'scope', 'pathways', 'notes', 'review',
];
// Before the first import, not the names of Intl's options (`year`): Intl.DateTimeFormat reads inherited
// options too, and a dependency (@date-fns/utc) builds one when it is imported.
const INTL_OPTIONS = new Set(['year']);
const pollute = (enumerable, keys) => {
  for (const key of keys) Object.defineProperty(Object.prototype, key, { value: POLLUTION, writable: true, configurable: true, enumerable });
};

if (mode === 'before-import') pollute(false, KEYS.filter((key) => !INTL_OPTIONS.has(key)));
const lib = await import(pathToFileURL(entry).href);
const root = join(entry, '..', '..', 'fixtures');
const fixtures = readdirSync(root).flatMap((id) => readdirSync(join(root, id)).map((file) => ({ id, document: JSON.parse(readFileSync(join(root, id, file), 'utf8')) })));
async function run() {
  const out = [];
  const record = async (label, work) => {
    try {
      out.push(`${label} ${JSON.stringify(await work())}`);
    } catch (error) {
      out.push(`${label} THREW ${error?.constructor?.name}: ${String(error?.message).slice(0, 300)}`);
    }
  };
  for (const { id, document } of fixtures) {
    const ruleSet = lib.getRuleSet(id) ?? lib.getRuleSet(document.ruleSet ?? '');
    if (!ruleSet) continue;
    const profile = document.profile;
    await record(`${id} evaluate`, () => lib.evaluate(ruleSet, profile));
    await record(`${id} evaluateWithEngine`, () => lib.evaluateWithEngine(ruleSet, profile));
    await record(`${id} nextQuestions`, () => lib.nextQuestions(ruleSet, profile));
    await record(`${id} standardSchema`, () => lib.toStandardSchema(ruleSet)['~standard'].validate(profile));
    await record(`${id} parseProfile`, () => lib.parseProfile(profile).success);
  }
  await record('checkAll', () => fixtures.slice(0, 5).map(({ document }) => lib.checkAll(document.profile)));
  return out;
}
if (mode === 'after-use') await run();
if (mode === 'before-use' || mode === 'after-use') pollute(true, KEYS);
const out = await run();
for (const key of KEYS) delete Object.prototype[key];
process.stdout.write(JSON.stringify(out));
