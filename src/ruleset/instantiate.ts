import { ValidationError, textIssue, type ValidationIssue } from '../errors.js';
import { expectObject } from '../arguments.js';
import type { LocalizedText } from '../locales/types.js';
import { guardJson } from './json-guard.js';
import type { RuleSetInput } from './schema.js';
import { boundIssues } from './parameter-bounds.js';
import { parseCalendarDate } from '../dates/calendar-date.js';

/** A blank's value as its bounds read it (a date decoded); `undefined` for a value of the wrong type, which loading reports. */
function decodeValue(type: string, value: unknown): unknown {
  if (type === 'date') return typeof value === 'string' ? parseCalendarDate(value) : undefined;
  return value;
}

export interface Instantiation {
  /** The new rule set's id, e.g. `anytown-2021`: not the template's own. */
  readonly id: string;
  /** The filled-in notice's own title: the template's is the template's, not a city's notice. */
  readonly title: LocalizedText;
  /** The day the filled-in notice was issued (`YYYY-MM-DD`): the template's is the day a page posted it. */
  readonly issued: string;
  readonly jurisdiction: RuleSetInput['jurisdiction'];
  readonly authority?: string;
  /** A value for every blank of the template, by parameter name. */
  readonly values: Readonly<Record<string, unknown>>;
}

/** A template document (`getTemplate`): an object with its `parameters`; anything else is refused, never read. */
function expectTemplate(template: unknown): asserts template is RuleSetInput {
  expectObject(template, 'template', { zh: '模板规则集(getTemplate 的结果)', en: 'a template rule set (from getTemplate)' });
  expectObject(template.parameters, 'template.parameters', { zh: '参数表', en: 'the parameters' });
}

/** The names of a template's blanks: its parameters without a value. */
export function templateBlanks(template: RuleSetInput): string[] {
  expectTemplate(template);
  return Object.entries(template.parameters)
    .filter(([, parameter]) => parameter.value === undefined)
    .map(([name]) => name);
}

/**
 * Fills a template's blanks (`x月xx日`, `xx%` …) for a real city and year, giving a rule-set document to
 * pass to `loadRuleSet`. Every blank needs a value, and only blanks take one: a value for a parameter
 * the notice already fixed, or for one it lacks, is an error. Values are checked by their parameter's
 * type when the result is loaded.
 */
export function instantiate(template: RuleSetInput, instantiation: Instantiation): RuleSetInput {
  expectTemplate(template);
  expectObject(instantiation, 'instantiation', { zh: '填写内容 { id, title, issued, jurisdiction, values }', en: 'an instantiation { id, title, issued, jurisdiction, values }' });
  expectObject(instantiation.values, 'instantiation.values', { zh: '按参数名给出的值', en: 'values by parameter name' });
  const issues: ValidationIssue[] = [...guardJson(template), ...guardJson(instantiation.values)];
  if (issues.length > 0) throw new ValidationError('ruleSet', issues);
  if (!template.template) {
    throw new ValidationError('ruleSet', [textIssue(['template'], '这不是模板规则集', 'this rule set is not a template')]);
  }
  const blanks = new Set(templateBlanks(template));
  for (const name of Object.keys(instantiation.values)) {
    if (!Object.hasOwn(template.parameters, name)) {
      issues.push(textIssue(['values', name], `模板没有参数 "${name}"`, `the template has no parameter "${name}"`));
    } else if (!blanks.has(name)) {
      issues.push(textIssue(['values', name], `参数 "${name}" 已由通知规定,不能填写`, `parameter "${name}" is fixed by the notice, not a blank`));
    }
  }
  if (instantiation.id === template.id) {
    issues.push(textIssue(['id'], `新规则集须有自己的编号,不能沿用模板的 ${template.id}`, `the new rule set needs an id of its own, not the template's ${template.id}`));
  }
  if (!instantiation.title) issues.push(textIssue(['title'], '须给出所填通知的标题', "expected the filled-in notice's own title"));
  if (!instantiation.issued) issues.push(textIssue(['issued'], '须给出所填通知的印发日期', "expected the day the filled-in notice was issued"));
  for (const name of blanks) {
    const parameter = template.parameters[name]!;
    if (!Object.hasOwn(instantiation.values, name)) continue;
    const decoded = decodeValue(parameter.type, instantiation.values[name]);
    if (decoded !== undefined) issues.push(...boundIssues(parameter, decoded, template.year, ['values', name]));
  }
  const unfilled = [...blanks].filter((name) => !Object.hasOwn(instantiation.values, name));
  if (unfilled.length > 0) {
    issues.push(textIssue(['values'], `以下空白尚未填写:${unfilled.join('、')}`, `these blanks have no value: ${unfilled.join(', ')}`));
  }
  if (issues.length > 0) throw new ValidationError('ruleSet', issues);

  const parameters = Object.fromEntries(
    Object.entries(template.parameters).map(([name, parameter]) => [
      name,
      blanks.has(name) ? { ...parameter, value: instantiation.values[name] } : parameter,
    ]),
  );
  const { template: _template, ...rest } = template;
  return {
    ...rest,
    id: instantiation.id,
    title: instantiation.title,
    issued: instantiation.issued,
    ...(instantiation.authority && { authority: instantiation.authority }),
    jurisdiction: instantiation.jurisdiction,
    parameters,
  };
}
