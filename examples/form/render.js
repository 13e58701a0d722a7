// Drawing a report: the outcome, every condition, the next questions, and the messages next to fields.
import { LOCALES, conditionsThatCount, fieldIssues, questionsFor } from '../../dist/browser/zhicheng.js';
import { elementFor, focusPath } from './profile-io.js';
import { el } from './schema-form.js';

const MARK = { pass: '✓', fail: '✗', unknown: '?', review: '!', not_applicable: '–' };
const results = {
  outcome: document.querySelector('#outcome'),
  questions: document.querySelector('#questions'),
  conditions: document.querySelector('#conditions'),
  note: document.querySelector('#input-note'),
};

/**
 * The outcome, what it rests on, and — for each pathway not yet met — its routes nearest first with
 * what each still needs. `asOf`: the day the report was evaluated as of, said because the days left in
 * the shortfalls count from it.
 */
export function renderOutcome(report, asOf) {
  const section = results.outcome;
  section.className = `outcome ${report.outcome}`;
  section.dataset.outcome = report.outcome;
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
    ...report.pathways.filter((pathway) => UNMET.has(pathway.status)).map((pathway) => nearestRoutes(pathway, report)),
    el('div', 'as-of', LOCALES.zh.shortfall.asOf(asOf)),
    el('div', 'notice', `${report.ruleSet.title.zh}${report.ruleSet.documentNumber ? `(${report.ruleSet.documentNumber})` : ''}`),
  );
}

const UNMET = new Set(['fail', 'unknown', 'review']);

/**
 * A pathway not yet met: its routes in the report's `nearest` order, a met one said met, any other with
 * the conditions it still needs and each one's shortfall (or, without one, its message). A route that
 * does not apply to the applicant is no way for them, and is left out.
 */
function nearestRoutes(pathway, report) {
  const words = LOCALES.zh.shortfall;
  const section = el('div', 'routes');
  section.dataset.pathway = pathway.id;
  const list = el('ol', 'route-list');
  for (const id of pathway.nearest) {
    const route = pathway.routes.find((each) => each.id === id);
    if (!route || route.status === 'not_applicable') continue;
    const item = el('li', `route ${route.needs.length === 0 ? 'met' : 'open'}`);
    item.dataset.route = route.id;
    item.append(el('span', 'route-title', `「${route.title.zh}」${LOCALES.zh.colon}${route.needs.length === 0 ? words.routeMet : words.routeNeeds}`));
    if (route.needs.length > 0) {
      const needs = el('ul', 'route-needs');
      for (const conditionId of route.needs) {
        const condition = report.conditions.find((each) => each.id === conditionId);
        if (condition) needs.append(el('li', '', `${condition.citation.clause} ${condition.title.zh}${LOCALES.zh.colon}${condition.shortfall?.text.zh ?? condition.message.zh}`));
      }
      item.append(needs);
    }
    list.append(item);
  }
  section.append(el('div', 'routes-heading', words.routes(pathway.title.zh)), list);
  return section;
}

export function renderConditions(report) {
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
  results.conditions.replaceChildren(...items);
}

/** Every question, most decisive first; each focuses (and scrolls to) the input it asks for. */
export function renderQuestions(report, form) {
  const questions = questionsFor(report);
  if (questions.length === 0) {
    results.questions.replaceChildren(el('li', 'done', report.outcome === 'incomplete' ? '—' : '已无待补充信息 · nothing more to ask'));
    return;
  }
  results.questions.replaceChildren(
    ...questions.map((question) => {
      const item = el('li', 'question');
      item.dataset.path = question.path;
      const button = el('button', 'ask', question.label.zh);
      button.type = 'button';
      button.title = question.label.en;
      button.addEventListener('click', () => focusPath(form, question.path));
      item.append(button, el('span', 'settles', `可判定 ${question.settles.length} 项`));
      return item;
    }),
  );
}

const within = (path, field) => path === field || path.startsWith(`${field}.`) || path.startsWith(`${field}[`);

/**
 * Next to each field: the conditions of the notice it fails, with their clauses. What
 * `issuesForField(report, path, { statuses: ['fail'] })` gives for one field, from one `fieldIssues`
 * for all of them: the form has over a hundred fields and redraws on every keystroke.
 */
export function renderFieldIssues(report, form) {
  const failed = fieldIssues(report, { statuses: ['fail'] });
  for (const element of form.querySelectorAll('[data-path]')) {
    const label = element.closest('label');
    label.querySelector('.field-issue')?.remove();
    const field = element.dataset.path;
    const issues = failed.filter((issue) => within(issue.path, field) || (within(field, issue.path) && issue.path !== ''));
    label.classList.toggle('invalid', issues.length > 0);
    if (issues.length > 0) label.append(el('small', 'field-issue', issues.map((issue) => `${issue.citation.clause} ${issue.message.zh}`).join(';')));
  }
}

/** The fields a need concerns: a comparison's `reads`, an answer's `paths`, every option's of a choice. */
function needFields(need) {
  if (need.kind === 'oneOf') return need.options.flatMap((option) => option.flatMap(needFields));
  return need.reads ?? need.paths ?? [];
}

/**
 * Next to the fields of its needs: what each failed or open condition that counts still needs (how many
 * hours short, how many days late, the answers to give), with its clause. A need that names no field
 * (a judgement) falls back on the fields the condition reads.
 */
export function renderShortfalls(report, form) {
  const shown = conditionsThatCount(report)
    .filter((condition) => (condition.status === 'fail' || condition.status === 'unknown') && condition.shortfall)
    .map((condition) => {
      const fields = [...new Set(condition.shortfall.needs.flatMap(needFields))];
      return { condition, fields: fields.length > 0 ? fields : condition.reads };
    });
  for (const element of form.querySelectorAll('[data-path]')) {
    const label = element.closest('label');
    label.querySelector('.field-shortfall')?.remove();
    const field = element.dataset.path;
    const here = shown.filter(({ fields }) => fields.some((path) => within(path, field) || (within(field, path) && path !== '')));
    if (here.length > 0) {
      label.append(el('small', 'field-shortfall', here.map(({ condition }) => `${condition.citation.clause} ${condition.shortfall.text.zh}`).join(';')));
    }
  }
}

/**
 * Input errors: each under its field, in both languages with the path, and a note that the evaluation
 * above leaves those values out.
 */
export function renderInputErrors(errors, form) {
  for (const element of form.querySelectorAll('[data-path]')) {
    element.removeAttribute('aria-invalid');
    element.closest('label').querySelector('.input-error').textContent = '';
  }
  for (const [path, { at, message }] of errors) {
    const element = elementFor(form, path);
    if (!element) continue;
    element.setAttribute('aria-invalid', 'true');
    const slot = element.closest('label').querySelector('.input-error');
    slot.textContent = `${slot.textContent ? `${slot.textContent};` : ''}${at}:${message.zh} / ${message.en}`;
  }
  results.note.hidden = errors.size === 0;
  results.note.textContent =
    errors.size === 0 ? '' : `${errors.size} 项输入无效,已在核对时略去,其余照常核对 · ${errors.size} invalid input(s) left out; the rest is checked as usual`;
}
