import type { Language } from '../locales/types.js';
import { expectDiff, isEmptyDiff, type EntryChanges, type RuleSetDiff } from './diff.js';
import { expectLanguage } from '../arguments.js';

/** A value as one line shows it: JSON, a template's blank as "(空白)" / "(blank)". */
const shown = (value: unknown, language: Language) => (value === undefined ? (language === 'zh' ? '(空白)' : '(blank)') : JSON.stringify(value));

const WORDS = {
  zh: {
    same: '两个规则集相同(未比较的只有 $schema)',
    metadata: '基本信息', parameters: '参数', conditions: '条件', pathways: '路径', notes: '提示', coverage: '覆盖表',
    covered: '新列入', dropped: '不再列入', usedBy: '用于',
    change: { value: '取值', quote: '引文', clause: '条款', definition: '类型或界限', text: '文字', unconfirmed: '确认标记', logic: '逻辑', citation: '引用', kind: '类别', conditions: '条件', notes: '提示' },
  },
  en: {
    same: 'the two rule sets are the same (only $schema is not compared)',
    metadata: 'metadata', parameters: 'parameters', conditions: 'conditions', pathways: 'pathways', notes: 'notes', coverage: 'coverage',
    covered: 'newly covered', dropped: 'dropped', usedBy: 'used by',
    change: { value: 'value', quote: 'quote', clause: 'clause', definition: 'type or bounds', text: 'text', unconfirmed: 'unconfirmed mark', logic: 'logic', citation: 'citation', kind: 'kind', conditions: 'conditions', notes: 'notes' },
  },
} as const;

/**
 * The diff for a person: one section per part that changed, `+` added, `-` removed, `~` changed with
 * what changed about it (logic, citation or text only), in one language.
 */
export function renderDiff(diff: RuleSetDiff, language: Language): string {
  expectDiff(diff);
  expectLanguage(language);
  const words = WORDS[language];
  if (isEmptyDiff(diff)) return `${words.same}\n`;
  const lines: string[] = [];
  const what = (changes: readonly string[]) => changes.map((change) => words.change[change as keyof typeof words.change] ?? change).join(language === 'zh' ? '、' : ', ');
  const section = (title: string, body: string[]) => {
    if (body.length > 0) lines.push(title, ...body, '');
  };
  section(words.metadata, diff.metadata.map((entry) => `  ~ ${entry.field}: ${shown(entry.from, language)} → ${shown(entry.to, language)}`));
  section(words.parameters, [
    ...diff.parameters.added.map((parameter) => `  + ${parameter.name} = ${shown(parameter.value, language)}  ${parameter.clause}「${parameter.quote}」`),
    ...diff.parameters.removed.map((parameter) => `  - ${parameter.name} = ${shown(parameter.value, language)}  ${parameter.clause}`),
    ...diff.parameters.changed.flatMap((change) => [
      `  ~ ${change.name} (${what(change.changes)}): ${shown(change.from.value, language)} → ${shown(change.to.value, language)}${change.usedBy.length > 0 ? `  ${words.usedBy} ${change.usedBy.join(', ')}` : ''}`,
      ...(change.changes.includes('quote') || change.changes.includes('clause') ? [`      ${change.from.clause}「${change.from.quote}」 → ${change.to.clause}「${change.to.quote}」`] : []),
    ]),
  ]);
  const entries = (changes: EntryChanges) => [
    ...changes.added.map((id) => `  + ${id}`),
    ...changes.removed.map((id) => `  - ${id}`),
    ...changes.changed.map((change) => `  ~ ${change.id} (${what(change.changes)}: ${change.fields.join(', ')})`),
  ];
  section(words.conditions, entries(diff.conditions));
  section(words.pathways, entries(diff.pathways));
  section(words.notes, entries(diff.notes));
  section(words.coverage, [
    ...diff.coverage.covered.map((row) => `  + ${row.clause} (${row.kind}) ${words.covered}`),
    ...diff.coverage.dropped.map((row) => `  - ${row.clause} (${row.kind}) ${words.dropped}`),
    ...diff.coverage.changed.map((row) => `  ~ ${row.clause} (${what(row.changes)}): ${row.from.kind} → ${row.to.kind}`),
  ]);
  return `${lines.join('\n').trimEnd()}\n`;
}
