import { VALUE_LABELS } from './labels.js';
import { listKeys, meant } from './shown.js';
import type { Locale, ProblemDetail } from './types.js';

const EXPECTED: Record<string, string> = {
  profile_list: 'a list of the profile (e.g. skills, examPasses)',
  list_entry_field: "a field of that list's entries",
  list_entry_date: "a date field of that list's entries",
  calendar_date: 'a real calendar date written YYYY-MM-DD',
  calendar_date_in_range: 'a date from 1900-01-01 to 9999-12-31',
  division_code: 'a 6-digit GB/T 2260 division code, e.g. 330881',
  profile_field: 'the path of a profile field (e.g. application.targetLevel)',
  field_value: 'a value that field allows',
  identifier: 'an identifier starting with a lower-case letter',
  clause: 'a clause number of the notice, e.g. 二、(一)3',
  quote: 'words of the notice, at least 4 characters besides whitespace',
  plain_text: 'text without control characters (no tab, line break, ESC, U+2028/2029 or bidirectional controls)',
  plain_quote: 'a quote without control characters (line breaks and tabs aside: no ESC, U+2028/2029 or bidirectional controls)',
  test_or_review: '`test`, `review`, or both (a test with an open list says in `review` who decides)',
  coverage_conditions: '`conditions` exactly when kind is "condition"',
  coverage_note: 'a `note` saying why a procedural or informational clause is not a condition',
  scope_together: '`appliesWhen`, `outOfScope` and `citation` together, or none of them',
  window_in_order: 'a year not before `from` (a window cannot end before it starts)',
};

const UNITS: Record<string, string> = { array: ' item(s)', string: ' character(s)' };

function problem(detail: ProblemDetail): string {
  switch (detail.kind) {
    case 'invalid_type':
      return detail.received === 'undefined' ? `missing: expected ${detail.expected}` : `expected ${detail.expected}, received ${detail.received}`;
    case 'unrecognized_keys':
      return `unrecognized key${detail.keys.length > 1 ? 's' : ''}: ${listKeys(detail.keys, ', ', (hidden) => `, and ${hidden} more`, 10, (key) => meant(detail.didYouMean, key, (name) => ` (did you mean ${name}?)`))}`;
    case 'invalid_value':
      return `${detail.didYouMean === undefined ? '' : `did you mean ${detail.didYouMean}? `}expected one of: ${detail.values.map(String).join(', ')}`;
    case 'too_small':
      return `expected at least ${detail.minimum}${UNITS[detail.origin] ?? ''}`;
    case 'too_big':
      return `expected at most ${detail.maximum}${UNITS[detail.origin] ?? ''}`;
    case 'expected':
      return `expected ${EXPECTED[detail.expected] ?? detail.expected}${detail.detail ? ` (${detail.detail})` : ''}`;
    case 'text':
      return detail.en;
  }
}

export const en: Locale = {
  language: 'en',
  status: { pass: 'pass', fail: 'fail', unknown: 'unknown', review: 'review', not_applicable: 'not applicable' },
  outcome: { eligible: 'eligible', ineligible: 'not eligible', incomplete: 'incomplete: cannot decide yet', needs_review: 'needs review by a person', not_applicable: 'not covered by this notice' },
  values: Object.fromEntries(Object.entries(VALUE_LABELS).map(([key, text]) => [key, text.en])),
  yes: 'yes',
  no: 'no',
  none: 'none',
  listSeparator: ', ',
  comparison: (what, actual, phrase, required, met) => `${what}: ${actual} (${met ? 'as the notice asks' : 'the notice'}: ${phrase} ${required})`,
  colon: ': ',
  openList: ', etc. (the list is open)',
  missing: (paths) => `missing: ${paths.join(', ')}`,
  review: (reason) => `to be judged by a person: ${reason}`,
  notApplicable: 'does not apply to this applicant',
  problem,
  at: (path, message) => `at ${path || '(root)'}: ${message}`,
  shortfall: {
    short: (what, short, have, phrase, need) => `${what}: ${short} short (now ${have}; the notice: ${phrase} ${need})`,
    over: (what, over, have, phrase, need) => `${what}: ${over} over (now ${have}; the notice: ${phrase} ${need})`,
    late: (what, days, have, need) => `${what}: ${have}, ${days} day(s) after ${need}`,
    early: (what, days, have, need) => `${what}: ${have}, ${days} day(s) before ${need}`,
    noDate: (what, phrase, need) => `no ${what} yet (the notice: ${phrase} ${need})`,
    value: (what, have, phrase, need) => `${what}: now ${have}; the notice: ${phrase} ${need}`,
    answer: (fields) => `still to answer: ${fields.join(', ')}`,
    daysLeft: (date, days) => (days >= 0 ? `${days} day(s) left until ${date}` : `${date} passed ${-days} day(s) ago`),
    metOn: (date) => `met on ${date}`,
    oneOf: (options) => `any one of: ${options.map((option, index) => `(${index + 1}) ${option}`).join(' ')}`,
    judgement: 'for the evaluating body to judge',
    why: {
      cutoffFixed: 'the notice fixes this date, so it cannot be met under this notice',
      windowOver: 'the years counted are over; the notice does not say whether hours can be made up',
      unstated: 'the notice does not say whether this can still be made up',
    },
    separator: '; ',
    asOf: (date) => `counted as of ${date}`,
    routes: (pathway) => `Routes of ${pathway}, nearest first:`,
    routeMet: 'met',
    routeNeeds: 'still needs',
  },
};
