// The demo form: plain JavaScript over the library's browser bundle. Every change of a field builds the
// profile from the form, evaluates it synchronously, and redraws the conditions, the field messages and
// the next questions.
import {
  APPLICATION_ROUTES,
  CIVIL_SERVICE,
  CREDENTIALS,
  EDUCATION_LEVELS,
  EMPLOYER_KINDS,
  ENGAGEMENTS,
  LOCALES,
  SERIES,
  TITLE_LEVELS,
  VALUE_LABELS,
  conditionsThatCount,
  evaluate,
  issuesForField,
  loadRuleSet,
  parseProfile,
  questionsFor,
} from '../../dist/browser/zhicheng.js';

const ENUMS = {
  levels: TITLE_LEVELS,
  series: SERIES,
  routes: APPLICATION_ROUTES,
  civilService: CIVIL_SERVICE,
  employerKinds: EMPLOYER_KINDS,
  engagements: ENGAGEMENTS,
  educationLevels: EDUCATION_LEVELS,
  credentials: CREDENTIALS,
};
const CE_YEARS = [2019, 2020, 2021, 2022, 2023, 2024];
const CE_FIELDS = [
  ['publicHours', '一般公需'],
  ['industryPublicHours', '行业公需'],
  ['professionalHours', '专业'],
  ['examHours', '外语/计算机考试'],
];
const MARK = { pass: '✓', fail: '✗', unknown: '?', review: '!', not_applicable: '–' };

const form = document.querySelector('#profile');
const ruleSetSelect = document.querySelector('#rule-set');
let ruleSet;

/** Options for every select: unanswered first, then the values with their Chinese labels. */
function fillSelects() {
  for (const select of form.querySelectorAll('select')) {
    if (select.dataset.kind === 'division') continue; // its options are in the page, as an area picker's
    const options = [['', '— 未填写 —']];
    if (select.dataset.kind === 'boolean') options.push(['true', '是'], ['false', '否']);
    else if (select.dataset.kind === 'none-list') options.push(['none', '无'], ['some', '有']);
    else for (const value of ENUMS[select.dataset.enum]) options.push([value, VALUE_LABELS[value]?.zh ?? value]);
    select.replaceChildren(...options.map(([value, text]) => new Option(text, value)));
  }
  const grid = document.querySelector('#hours');
  grid.append(document.createElement('span'));
  for (const [, label] of CE_FIELDS) grid.append(Object.assign(document.createElement('span'), { className: 'head', textContent: label }));
  for (const year of CE_YEARS) {
    grid.append(Object.assign(document.createElement('span'), { className: 'year', textContent: year }));
    for (const [field, label] of CE_FIELDS) {
      const input = Object.assign(document.createElement('input'), { type: 'number', min: '0', step: '1', placeholder: '0' });
      Object.assign(input.dataset, { ceYear: String(year), ceField: field });
      input.setAttribute('aria-label', `${year} ${label}`);
      grid.append(input);
    }
  }
}

/** Sets `value` at a dotted path, creating objects and arrays (numeric segments) on the way. */
function setPath(target, path, value) {
  const keys = path.split('.');
  let node = target;
  keys.forEach((key, index) => {
    if (index === keys.length - 1) {
      node[key] = value;
      return;
    }
    if (node[key] === undefined) node[key] = /^\d+$/.test(keys[index + 1]) ? [] : {};
    node = node[key];
  });
}

/** The profile as the form stands: only what has been answered. */
function readProfile() {
  const profile = {};
  for (const element of form.querySelectorAll('[data-path]')) {
    const raw = element.value.trim();
    if (raw === '') continue;
    const { kind, path } = element.dataset;
    const value = kind === 'boolean' ? raw === 'true' : kind === 'none-list' ? (raw === 'none' ? [] : [{}]) : raw;
    setPath(profile, path, value);
  }
  const years = [];
  for (const year of CE_YEARS) {
    const entry = { year };
    for (const input of form.querySelectorAll(`[data-ce-year="${year}"]`)) {
      if (input.value !== '') entry[input.dataset.ceField] = Number(input.value);
    }
    if (Object.keys(entry).length > 1) years.push(entry);
  }
  if (years.length > 0) profile.continuingEducation = years;
  profile.application = { ...profile.application, jurisdiction: ruleSet.id };
  return profile;
}

const el = (tag, className, text) => Object.assign(document.createElement(tag), { className, ...(text !== undefined && { textContent: text }) });

function renderOutcome(report) {
  const section = document.querySelector('#outcome');
  section.className = `outcome ${report.outcome}`;
  const counts = Object.entries(report.counts)
    .filter(([, count]) => count > 0)
    .map(([status, count]) => `${MARK[status]} ${LOCALES.zh.status[status]} ${count}`)
    .join(' · ');
  const failed = conditionsThatCount(report).filter((condition) => condition.status === 'fail');
  const reasons = el('ul', 'reasons');
  reasons.append(...failed.map((condition) => el('li', '', `${condition.citation.clause} ${condition.title.zh}:${condition.message.zh}`)));
  section.replaceChildren(
    el('div', 'label', report.message.zh),
    el('div', 'label-en', report.message.en),
    el('div', 'counts', counts),
    ...(failed.length > 0 ? [reasons] : []),
    el('div', 'notice', `${report.ruleSet.title.zh}${report.ruleSet.documentNumber ? `(${report.ruleSet.documentNumber})` : ''}`),
  );
}

function renderConditions(report) {
  const counting = new Set(conditionsThatCount(report));
  const routeTitles = new Map(report.pathways.flatMap((pathway) => pathway.routes.map((route) => [`${pathway.id}/${route.id}`, route.title.zh])));
  const items = report.conditions.map((condition) => {
    const item = el('li', `condition ${condition.status}`);
    item.dataset.condition = condition.id;
    item.dataset.status = condition.status;
    if (!counting.has(condition)) item.classList.add('aside');
    const head = el('div', 'head');
    head.append(el('span', 'mark', MARK[condition.status]), el('span', 'clause', condition.citation.clause), el('span', 'title', condition.title.zh));
    if (condition.route) head.append(el('span', 'route', routeTitles.get(`${condition.route.pathway}/${condition.route.route}`)));
    item.append(head, el('div', 'message', condition.message.zh), el('blockquote', 'quote', condition.citation.quote));
    return item;
  });
  document.querySelector('#conditions').replaceChildren(...items);
}

function renderQuestions(report) {
  const questions = questionsFor(report).slice(0, 6);
  const list = document.querySelector('#questions');
  if (questions.length === 0) {
    list.replaceChildren(el('li', 'done', report.outcome === 'incomplete' ? '—' : '已无待补充信息 · nothing more to ask'));
    return;
  }
  list.replaceChildren(
    ...questions.map((question) => {
      const item = el('li', 'question');
      item.dataset.path = question.path;
      const button = el('button', 'ask', question.label.zh);
      button.type = 'button';
      button.addEventListener('click', () => {
        const field = form.querySelector(`[data-path="${question.path}"]`) ?? form.querySelector(`[data-path^="${question.path.split('[')[0]}"]`) ?? form.querySelector('[data-ce-year]');
        field?.focus();
      });
      item.append(button, el('span', 'settles', `可判定 ${question.settles.length} 项`));
      return item;
    }),
  );
}

/** Next to each field: the conditions of the notice it fails, with their clauses. */
function renderFieldIssues(report) {
  for (const element of form.querySelectorAll('[data-path]')) {
    const label = element.closest('label');
    label.querySelector('.field-issue')?.remove();
    const issues = issuesForField(report, element.dataset.path, { statuses: ['fail'] });
    element.toggleAttribute('aria-invalid', issues.length > 0);
    label.classList.toggle('invalid', issues.length > 0);
    if (issues.length > 0) {
      label.append(el('small', 'field-issue', issues.map((issue) => `${issue.citation.clause} ${issue.message.zh}`).join(';')));
    }
  }
}

function update() {
  const parsed = parseProfile(readProfile());
  if (!parsed.success) {
    document.querySelector('#outcome').replaceChildren(el('div', 'label', parsed.issues.map((issue) => `${issue.at}:${issue.message.zh}`).join('\n')));
    return;
  }
  const report = evaluate(ruleSet, parsed.profile);
  renderOutcome(report);
  renderQuestions(report);
  renderConditions(report);
  renderFieldIssues(report);
}

async function selectRuleSet(id) {
  const response = await fetch(`../../rules/${id}/ruleset.json`);
  ruleSet = loadRuleSet(await response.json());
  document.body.dataset.ruleSet = id;
  update();
}

fillSelects();
form.addEventListener('input', update);
form.addEventListener('change', update);
ruleSetSelect.addEventListener('change', () => selectRuleSet(ruleSetSelect.value));
await selectRuleSet(ruleSetSelect.value);
document.body.dataset.ready = 'true';
