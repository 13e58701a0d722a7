// The profile form, built from the titled JSON Schema (schema/profile.schema.json) rather than written by
// hand: a hand-written form lacked fields the Quzhou and Beijing notices read. Objects become fieldsets,
// lists entries with add and remove, labelled values selects, yes/no a three-way select (unanswered is
// not "no"), dates and numbers inputs with the parser's bounds. Every input carries its profile path in
// `data-path` (`titles.0.obtainedOn`), which is what the library's questions and issues name.

export const el = (tag, className, text) =>
  Object.assign(document.createElement(tag), { ...(className && { className }), ...(text !== undefined && { textContent: text }) });

/** `网上申报日期 / applied online on` → its two halves: the page shows Chinese with English beside. */
const halves = (title) => {
  // at the first separator only: an English label may hold one (`origin (mainland / HK-Macao-Taiwan / foreign)`)
  const at = title.indexOf(' / ');
  return at < 0 ? { zh: title, en: '' } : { zh: title.slice(0, at), en: title.slice(at + 3) };
};
const UNANSWERED = '— 未填写 —';

/** The schema of each list's entries, by list path: "add" builds an entry from it. */
const itemSchemas = new Map();

function caption(title) {
  const { zh, en } = halves(title);
  const span = el('span', 'name', zh);
  if (en) span.append(' ', el('small', 'en', en));
  return span;
}

function legend(title) {
  const { zh, en } = halves(title);
  const node = el('legend', '', zh);
  if (en) node.append(' · ', el('small', 'en', en));
  return node;
}

function select(options) {
  const node = document.createElement('select');
  node.replaceChildren(...[['', UNANSWERED], ...options].map(([value, text]) => new Option(text, value)));
  return node;
}

function inputFor(node) {
  if (Array.isArray(node.oneOf)) {
    const input = select(node.oneOf.map((option) => [option.const, halves(option.title).zh]));
    input.dataset.kind = 'enum';
    return input;
  }
  if (node.type === 'boolean') return booleanSelect();
  if (node.format === 'date') {
    // min and max are the parser's bounds; the browser marks the input, the parser gives the message
    const input = Object.assign(document.createElement('input'), { type: 'date', min: '1900-01-01', max: '9999-12-31' });
    input.dataset.kind = 'date';
    return input;
  }
  if (node.type === 'integer' || node.type === 'number') {
    const input = Object.assign(document.createElement('input'), { type: 'number', step: node.type === 'integer' ? '1' : 'any' });
    if (node.minimum !== undefined) input.min = String(node.minimum);
    if (node.maximum !== undefined) input.max = String(node.maximum);
    input.dataset.kind = 'number';
    return input;
  }
  const input = Object.assign(document.createElement('input'), { type: 'text' });
  if (node.maxLength !== undefined) input.maxLength = node.maxLength;
  if (node.pattern) {
    // a division code, as an area picker emits it: a few to choose from, any other can be typed
    input.setAttribute('list', 'division-codes');
    input.inputMode = 'numeric';
  }
  input.dataset.kind = 'text';
  return input;
}

function booleanSelect() {
  const input = select([['true', '是'], ['false', '否']]);
  input.dataset.kind = 'boolean';
  return input;
}

const idOf = (path) => `f-${path.replaceAll('.', '-')}`;

function field(node, path) {
  const label = el('label', 'field');
  const input = inputFor(node);
  input.dataset.path = path;
  input.id = idOf(path);
  input.title = node.description ?? '';
  label.append(caption(node.title), input, el('small', 'input-error'));
  return label;
}

function group(node, path) {
  const fieldset = el('fieldset', path.includes('.') ? 'group nested' : 'group');
  fieldset.dataset.group = path;
  fieldset.append(legend(node.title));
  for (const [key, child] of Object.entries(node.properties ?? {})) fieldset.append(nodeFor(child, `${path}.${key}`));
  return fieldset;
}

/**
 * A list: first whether there is any (无 is an answer, `[]`; unanswered is no answer), then its entries.
 * The entries of the profile's lists are flat objects, so an entry holds fields only.
 */
function list(node, path) {
  const fieldset = el('fieldset', 'list');
  fieldset.dataset.list = path;
  itemSchemas.set(path, node.items);
  const answer = select([['none', '无 / none'], ['some', '有 / some']]);
  Object.assign(answer.dataset, { path, kind: 'list' });
  answer.id = idOf(path);
  answer.title = node.description ?? '';
  const label = el('label', 'field');
  label.append(caption(node.title), answer, el('small', 'input-error'));
  const entries = el('div', 'entries');
  const add = el('button', 'add', `+ 添加${halves(node.items.title).zh} / add`);
  add.type = 'button';
  add.dataset.addTo = path;
  add.addEventListener('click', () => addEntry(fieldset.closest('form'), path).querySelector('[data-path]')?.focus());
  answer.addEventListener('change', () => {
    if (answer.value === 'some' && entries.children.length === 0) addEntry(fieldset.closest('form'), path);
    // 无 or unanswered: entries left behind would still be read into the profile
    if (answer.value !== 'some') entries.replaceChildren();
  });
  fieldset.append(legend(node.title), label, entries, add);
  return fieldset;
}

function nodeFor(node, path) {
  if (node.type === 'object') return group(node, path);
  if (node.type === 'array') return list(node, path);
  return field(node, path);
}

/** Renames the paths inside an entry after an earlier one is removed: `titles.2.level` → `titles.1.level`. */
function renumber(entry, listPath, index) {
  const from = `${entry.dataset.entry}.`;
  const to = `${listPath}.${index}.`;
  entry.dataset.entry = `${listPath}.${index}`;
  entry.querySelector('legend .index').textContent = String(index + 1);
  for (const input of entry.querySelectorAll('[data-path]')) {
    input.dataset.path = to + input.dataset.path.slice(from.length);
    input.id = idOf(input.dataset.path);
  }
}

/** Adds an entry to the list at `listPath` and returns it; the list is then answered 有. */
export function addEntry(form, listPath) {
  const fieldset = form.querySelector(`[data-list="${listPath}"]`);
  const entries = fieldset.querySelector(':scope > .entries');
  const item = itemSchemas.get(listPath);
  const index = entries.children.length;
  const entry = el('fieldset', 'entry');
  entry.dataset.entry = `${listPath}.${index}`;
  const title = legend(item.title);
  title.prepend(el('span', 'index', String(index + 1)), ' ');
  const remove = el('button', 'remove', '删除 / remove');
  remove.type = 'button';
  remove.addEventListener('click', () => {
    entry.remove();
    [...entries.children].forEach((other, position) => renumber(other, listPath, position));
    form.dispatchEvent(new Event('change'));
  });
  entry.append(title);
  for (const [key, child] of Object.entries(item.properties ?? {})) entry.append(nodeFor(child, `${listPath}.${index}.${key}`));
  entry.append(remove);
  entries.append(entry);
  fieldset.querySelector(`:scope > label > [data-kind="list"]`).value = 'some';
  form.dispatchEvent(new Event('change'));
  return entry;
}

/** Fills `form` with the fields of the profile schema. */
export function buildForm(schema, form) {
  const loose = el('fieldset', 'group');
  loose.append(legend('申报人 / Applicant'));
  const groups = [];
  for (const [key, node] of Object.entries(schema.properties)) {
    const part = nodeFor(node, key);
    if (node.type === 'object' || node.type === 'array') groups.push(part);
    else loose.append(part);
  }
  form.replaceChildren(loose, ...groups);
}
