import { VALUE_LABELS } from './labels.js';
import { listKeys, meant } from './shown.js';
import type { Locale, ProblemDetail } from './types.js';

const TYPE_NAMES: Record<string, string> = {
  string: '字符串', number: '数字', boolean: '布尔值(true/false)', object: '对象', array: '数组',
  null: 'null', undefined: '无值', int: '整数', nan: 'NaN', date: '日期',
};

const EXPECTED: Record<string, string> = {
  profile_list: '申报人档案中的一个列表(如 skills、examPasses)',
  list_entry_field: '该列表记录中的字段',
  list_entry_date: '该列表记录中的日期字段',
  calendar_date: ' YYYY-MM-DD 格式的真实日期',
  calendar_date_in_range: ' 1900-01-01 至 9999-12-31 之间的日期',
  division_code: '6 位行政区划代码(GB/T 2260),如 330881',
  profile_field: '申报人档案中的一个字段路径(如 application.targetLevel)',
  field_value: '该字段允许的取值',
  identifier: '以小写字母开头的标识符',
  clause: '通知中的条款编号,如 二、(一)3',
  quote: '通知原文的引文,除空白外至少 4 个字符',
  plain_text: '不含控制字符的文本(制表符、换行、ESC、U+2028/2029、双向控制符等均不允许)',
  plain_quote: '不含控制字符的引文(可含换行、制表符;ESC、U+2028/2029、双向控制符等均不允许)',
  test_or_review: ' test 或 review(开放列表的 test 须同时以 review 说明由谁判断)',
  coverage_conditions: ' kind 为 "condition" 时有 conditions,其他时没有',
  coverage_note: '一条 note,说明这一程序性或说明性条款为何不是条件',
  scope_together: ' appliesWhen、outOfScope、citation 三者同时出现或都不出现',
  window_in_order: '不早于 from 的年份(年度区间不能在开始之前结束)',
};

const withLabel = (value: unknown): string => (typeof value === 'string' && VALUE_LABELS[value] ? `${value}(${VALUE_LABELS[value]!.zh})` : String(value));

function problem(detail: ProblemDetail): string {
  switch (detail.kind) {
    case 'invalid_type':
      return detail.received === 'undefined'
        ? `缺少此项:应为${TYPE_NAMES[detail.expected] ?? detail.expected}`
        : `应为${TYPE_NAMES[detail.expected] ?? detail.expected},实际为${TYPE_NAMES[detail.received] ?? detail.received}`;
    case 'unrecognized_keys':
      return `不认识的字段:${listKeys(detail.keys, '、', (_, total) => ` 等 ${total} 个`, 10, (key) => meant(detail.didYouMean, key, (name) => `(是否指 ${name}?)`))}`;
    case 'invalid_value':
      return `${detail.didYouMean === undefined ? '' : `是否指 ${withLabel(detail.didYouMean)}?`}应为下列之一:${detail.values.map(withLabel).join('、')}`;
    case 'too_small':
      return detail.origin === 'array' ? `应至少有 ${detail.minimum} 项` : detail.origin === 'string' ? `长度应不少于 ${detail.minimum} 个字符` : `应不小于 ${detail.minimum}`;
    case 'too_big':
      return detail.origin === 'array' ? `应不超过 ${detail.maximum} 项` : detail.origin === 'string' ? `长度应不超过 ${detail.maximum} 个字符` : `应不大于 ${detail.maximum}`;
    case 'expected':
      return `应为${EXPECTED[detail.expected] ?? detail.expected}${detail.detail ? `(${detail.detail})` : ''}`;
    case 'text':
      return detail.zh;
  }
}

export const zhCN: Locale = {
  language: 'zh',
  status: { pass: '符合', fail: '不符合', unknown: '待补充', review: '需人工审核', not_applicable: '不适用' },
  outcome: { eligible: '符合申报条件', ineligible: '不符合申报条件', incomplete: '信息不全,尚无法判断', needs_review: '需人工审核', not_applicable: '不属于本通知的适用范围' },
  values: Object.fromEntries(Object.entries(VALUE_LABELS).map(([key, text]) => [key, text.zh])),
  yes: '是',
  no: '否',
  none: '无',
  listSeparator: '、',
  comparison: (what, actual, phrase, required, met) => `${what}:${actual}(${met ? '符合通知要求' : '通知要求'}:${phrase} ${required})`,
  colon: ':',
  openList: '等',
  missing: (paths) => `缺少信息:${paths.join('、')}`,
  review: (reason) => `需人工审核:${reason}`,
  notApplicable: '不适用于本申报人',
  problem,
  at: (path, message) => `${path || '(根对象)'}:${message}`,
  shortfall: {
    short: (what, short, have, phrase, need) => `${what}还差 ${short}(现为 ${have},要求${phrase} ${need})`,
    over: (what, over, have, phrase, need) => `${what}超出 ${over}(现为 ${have},要求${phrase} ${need})`,
    late: (what, days, have, need) => `${what}为 ${have},晚于 ${need} 共 ${days} 天`,
    early: (what, days, have, need) => `${what}为 ${have},早于 ${need} 共 ${days} 天`,
    noDate: (what, phrase, need) => `尚无${what}(要求${phrase} ${need})`,
    value: (what, have, phrase, need) => `${what}现为 ${have},要求${phrase} ${need}`,
    answer: (fields) => `尚需填写:${fields.join('、')}`,
    daysLeft: (date, days) => (days >= 0 ? `距 ${date} 还有 ${days} 天` : `${date} 已过 ${-days} 天`),
    metOn: (date) => `将于 ${date} 满足`,
    oneOf: (options) => `以下任一即可:${options.map((option, index) => `(${index + 1})${option}`).join(' ')}`,
    judgement: '由评审机构判断',
    why: {
      cutoffFixed: '通知规定的日期已定,按本通知无法补足',
      windowOver: '所计年度已过,通知未说明能否补学',
      unstated: '通知未说明能否补足',
    },
    separator: ';',
    asOf: (date) => `按 ${date} 计算`,
    routes: (pathway) => `${pathway}的各条路径(由近及远):`,
    routeMet: '已满足',
    routeNeeds: '尚需',
  },
};
