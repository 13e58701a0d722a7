import type { ValidationIssue } from '../errors.js';
import { en } from '../locales/en.js';
import type { Language, LocalizedText } from '../locales/types.js';
import { zhCN } from '../locales/zh-CN.js';
import { scanJsonText } from '../ruleset/json-text.js';

/**
 * Every error text of a batch run, in both languages. Errors travel as `{ zh, en }` from the reader and
 * `screen()` to the output, where the run's `--lang` picks one: an HR clerk reading a CSV in Excel gets
 * Chinese only, and a log in English never mixes in a Chinese half (nor V8's English in a Chinese one).
 */

/** A batch error in one language. */
export const inLanguage = (text: LocalizedText, language: Language): string => text[language];

export function notUtf8(badByte: number): LocalizedText {
  return {
    zh: `不是 UTF-8 编码(该行第 ${badByte} 个字节起),请转为 UTF-8 后重新提交`,
    en: `not UTF-8 (from byte ${badByte} of the line); convert the file to UTF-8`,
  };
}

export function lineTooLong(megabytes: number): LocalizedText {
  return { zh: `该行超过 ${megabytes} MB,未读取`, en: `line longer than ${megabytes} MB, not read` };
}

/**
 * Why `text` is not JSON, with where (column, or line and column for a record spanning lines) and the
 * JSON path it was in. Called only once `JSON.parse` has failed: the strict scanner is slower, and its
 * messages — unlike V8's, which are English only — come in both languages.
 */
export function notJson(text: string): LocalizedText {
  const problem = scanJsonText(text).issues[0];
  if (!problem) return { zh: '不是有效的 JSON', en: 'not valid JSON' }; // the scanner and JSON.parse agree on syntax; kept for safety
  const oneLine = !text.includes('\n');
  const zhWhere = problem.line === undefined ? '' : oneLine ? `第 ${problem.column} 个字符` : `第 ${problem.line} 行第 ${problem.column} 列`;
  const enWhere = problem.line === undefined ? '' : oneLine ? `at character ${problem.column}` : `at line ${problem.line}, column ${problem.column}`;
  return {
    zh: `不是有效的 JSON(${zhWhere}${problem.at ? `,${problem.at}` : ''}):${problem.message.zh}`,
    en: `not valid JSON (${enWhere}${problem.at ? `, in ${problem.at}` : ''}): ${problem.message.en}`,
  };
}

const KIND_ZH: Record<string, string> = { number: '数字', string: '字符串', boolean: '布尔值(true/false)', null: 'null', array: '数组' };

/** What a JSON value is, in words: for a record that is JSON, but not an object. */
const kindOf = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

/** A record that is valid JSON but no object (`42`, `"x"`, `null`, `[1,2]`): it cannot be a profile. */
export function notAnObject(value: unknown, at: string): LocalizedText {
  const kind = kindOf(value);
  return {
    zh: `${at ? `${at}:` : ''}申报人档案须为 JSON 对象({…}),实际为${KIND_ZH[kind] ?? kind}`,
    en: `${at ? `at ${at}: ` : ''}a profile must be a JSON object ({…}), got ${kind === 'array' ? 'an array' : kind === 'null' ? 'null' : `a ${kind}`}`,
  };
}

/** A profile's schema problems, one after another on one line (an output record is one line). */
export function invalidProfile(issues: readonly ValidationIssue[]): LocalizedText {
  return {
    zh: issues.map((problem) => zhCN.at(problem.at, problem.message.zh)).join(';'),
    en: issues.map((problem) => en.at(problem.at, problem.message.en)).join('; '),
  };
}

export const NO_RULE_SET: LocalizedText = {
  zh: '未指定规则集:档案缺少 application.jurisdiction,且未给出 --rules',
  en: 'no rule set: application.jurisdiction is missing and --rules was not given',
};

export function unknownRuleSet(id: string): LocalizedText {
  return { zh: `没有名为 ${id} 的规则集(application.jurisdiction)`, en: `no rule set named ${id} (application.jurisdiction)` };
}
