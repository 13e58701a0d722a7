// The demo form: plain JavaScript over the library's browser bundle. The fields are built from the
// profile's JSON Schema; every change reads the profile, leaves out what is invalid (shown under its
// field), evaluates the rest synchronously as of today, and redraws the outcome (with the routes still
// open), every condition, the field messages with what each condition still needs, and the next questions.
import { evaluate, loadRuleSet, parseProfile } from '../../dist/browser/zhicheng.js';
import { parseLeavingOut, readProfile } from './profile-io.js';
import { renderConditions, renderFieldIssues, renderInputErrors, renderOutcome, renderQuestions, renderShortfalls } from './render.js';
import { buildForm } from './schema-form.js';

const form = document.querySelector('#profile');
const ruleSetSelect = document.querySelector('#rule-set');
// The titled schema is a file, fetched: building it in the page would put the label tables and zod's
// JSON Schema generator into the bundle.
const schema = await (await fetch('../../schema/profile.schema.json')).json();
let ruleSet;

function update() {
  const jurisdiction = form.querySelector('[data-path="application.jurisdiction"]');
  jurisdiction.value = ruleSet.id;
  const read = readProfile(form);
  const parsed = parseLeavingOut(read.profile, parseProfile);
  const errors = new Map([...read.errors, ...parsed.errors]);
  renderInputErrors(errors, form);
  if (!parsed.profile) return; // only a whole-profile error leaves nothing to evaluate; the note says so
  const asOf = today(new Date());
  const report = evaluate(ruleSet, parsed.profile, { asOf });
  renderOutcome(report, asOf);
  renderQuestions(report, form);
  renderConditions(report);
  renderFieldIssues(report, form);
  renderShortfalls(report, form);
}

/**
 * The day a person fills the form, in their own time zone (not UTC's, which is another day for hours of
 * it): the days left to the notice's deadlines count from it.
 */
function today(now) {
  const two = (value) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}

function reset() {
  buildForm(schema, form);
  // The notice picker above answers this one; the field stays, read-only, so the form has every field.
  form.querySelector('[data-path="application.jurisdiction"]').readOnly = true;
}

async function selectRuleSet(id) {
  const response = await fetch(`../../rules/${id}/ruleset.json`);
  ruleSet = loadRuleSet(await response.json());
  document.body.dataset.ruleSet = id;
  update();
}

reset();
form.addEventListener('input', update);
form.addEventListener('change', update);
document.querySelector('#clear').addEventListener('click', () => {
  reset();
  update();
});
ruleSetSelect.addEventListener('change', () => selectRuleSet(ruleSetSelect.value));
await selectRuleSet(ruleSetSelect.value);
document.body.dataset.ready = 'true';
