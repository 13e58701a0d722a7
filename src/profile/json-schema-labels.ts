import { FIELD_LABELS, VALUE_LABELS } from '../locales/labels.js';
import type { LocalizedText } from '../locales/types.js';
import { MAX_DATE, MAX_LIST_ENTRIES, MIN_DATE } from './schema.js';

/**
 * Titles, descriptions and value labels for the profile's JSON Schema, so that a form generator
 * (react-jsonschema-form and the like) shows `公务员 / civil servant` rather than `civil_servant`, and
 * says each field's bounds. Everything comes from the label tables the library already has
 * (FIELD_LABELS, VALUE_LABELS), so the schema cannot name a field differently from the messages.
 */

type Node = Record<string, unknown>;

/**
 * Years 1900–9999 and a month and day of the right shape. JSON Schema has no way to say that the date
 * exists (2023-02-29) or to compare dates: `format: "date"` asks validators that check formats (ajv with
 * ajv-formats, as rjsf's validator does) for a real date, but format is only an annotation by default.
 */
export const DATE_PATTERN = '^(19\\d{2}|[2-9]\\d{3})-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$';
/** A GB/T 2260 division code: six digits, the province's two never 00. The same test as the parser's. */
export const DIVISION_CODE_PATTERN = '^[1-9]\\d{5}$';

export const DATE_NOTE: LocalizedText = {
  zh: `日期,格式 YYYY-MM-DD,${MIN_DATE} 至 ${MAX_DATE},须为实际存在的日期(JSON Schema 只能以 pattern 限定年份与月日的形式、以 format: date 请求校验日期是否存在,如 2023-02-29;本库的 parseProfile 总会校验)`,
  en: `a date, YYYY-MM-DD, from ${MIN_DATE} to ${MAX_DATE}, that exists (JSON Schema can only bound the year and the shape of month and day with a pattern, and ask for a real date such as refusing 2023-02-29 through format: date, which validators may ignore; parseProfile always checks it)`,
};

const both = (label: LocalizedText): string => `${label.zh} / ${label.en}`;

/** What kind of value a node takes, with its bounds, in both languages. */
function kindOf(node: Node): LocalizedText {
  const range = (low: unknown, high: unknown) => (low !== undefined && high !== undefined ? ` ${low}–${high}` : '');
  if (node.format === 'date') return { zh: `日期 YYYY-MM-DD,${MIN_DATE} 至 ${MAX_DATE},须实际存在`, en: `a date, YYYY-MM-DD, from ${MIN_DATE} to ${MAX_DATE}, that exists` };
  if (Array.isArray(node.oneOf)) return { zh: '从列出的值中选一项', en: 'one of the listed values' };
  switch (node.type) {
    case 'boolean':
      return { zh: '是或否', en: 'yes or no' };
    case 'integer':
      return { zh: `整数${range(node.minimum, node.maximum)}`, en: `a whole number${range(node.minimum, node.maximum)}` };
    case 'number':
      return { zh: `数值${range(node.minimum, node.maximum)}`, en: `a number${range(node.minimum, node.maximum)}` };
    case 'array':
      return { zh: `列表,至多 ${node.maxItems ?? MAX_LIST_ENTRIES} 项`, en: `a list of at most ${node.maxItems ?? MAX_LIST_ENTRIES} entries` };
    case 'object':
      return { zh: '一组字段,均可不填;条件所需的字段未填时判为“信息不全”', en: 'a group of fields, each optional; a condition that needs a missing one is unknown' };
    default:
      if (node.pattern === DIVISION_CODE_PATTERN) return { zh: '6 位 GB/T 2260 行政区划代码', en: 'a 6-digit GB/T 2260 division code' };
      return { zh: `文字,至多 ${node.maxLength ?? 200} 字`, en: `text of at most ${node.maxLength ?? 200} characters` };
  }
}

function label(path: string): LocalizedText {
  const found = FIELD_LABELS[path];
  // A field without a label is a gap in labels.ts: the generated schema must not hide it.
  if (!found) throw new Error(`FIELD_LABELS has no label for the profile field ${path}`);
  return found;
}

/** Enumerated values as `oneOf` of `const` + `title`: what form generators show as the option's text. */
function labelValues(node: Node): void {
  if (!Array.isArray(node.enum)) return;
  node.oneOf = (node.enum as string[]).map((value) => {
    const valueLabel = VALUE_LABELS[value];
    if (!valueLabel) throw new Error(`VALUE_LABELS has no label for the enumerated value ${value}`);
    return { const: value, title: both(valueLabel) };
  });
  delete node.enum;
}

function annotate(node: Node, path: string): void {
  labelValues(node);
  if (path !== '') {
    const name = label(path);
    const kind = kindOf(node);
    // title and description first, so that a person reading the file sees them before the constraints
    const rest = { ...node };
    for (const key of Object.keys(node)) delete node[key];
    Object.assign(node, { title: both(name), description: `${name.zh}:${kind.zh}。 / ${name.en}: ${kind.en}.` }, rest);
  }
  const properties = node.properties as Record<string, Node> | undefined;
  for (const [key, child] of Object.entries(properties ?? {})) annotate(child, path ? `${path}.${key}` : key);
  if (node.items && typeof node.items === 'object') annotate(node.items as Node, `${path}[]`);
}

/** Adds titles, descriptions and value labels to the profile's generated JSON Schema, in place. */
export function labelProfileJsonSchema(schema: Node): Node {
  annotate(schema, '');
  return schema;
}
