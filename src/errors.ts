import type * as z from 'zod/mini';
import { en } from './locales/en.js';
import type { LocalizedText, ProblemDetail } from './locales/types.js';
import { isBareKey, quoted } from './locales/shown.js';
import { zhCN } from './locales/zh-CN.js';
import { nearest } from './text/nearest.js';

/** One problem with a profile or a rule set: where it is, and what was expected, in both languages. */
export interface ValidationIssue {
  /** Where, as keys and indexes from the document's root. */
  readonly path: readonly (string | number)[];
  /** The same, written the way a developer reads it: `titles[0].obtainedOn`. */
  readonly at: string;
  readonly detail: ProblemDetail;
  readonly message: LocalizedText;
  /** Where in the JSON text (1-based), when the issue was found in a text (`lintRuleSetText`). */
  readonly line?: number;
  readonly column?: number;
}

/** Parse options that keep each issue's input, so a message can say what was received. */
export const REPORT_INPUT = { reportInput: true } as const;

export { quoted } from './locales/shown.js';

/** Like `quoted`, for text shown between 「」: control characters dropped instead of escaped. */
export function clipped(text: string, max = 80): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}

/** `at` extended by one key or index, as `formatPath` writes it. */
export function appendPath(at: string, key: PropertyKey): string {
  if (typeof key === 'number') return `${at}[${key}]`;
  if (typeof key === 'string' && isBareKey(key)) return at ? `${at}.${key}` : key;
  return `${at}[${quoted(key)}]`;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) text = appendPath(text, key);
  return text;
}

export function issue(path: readonly (string | number)[], detail: ProblemDetail): ValidationIssue {
  return {
    path,
    at: formatPath(path),
    detail,
    message: { zh: zhCN.problem(detail), en: en.problem(detail) },
  };
}

export function textIssue(path: readonly (string | number)[], zh: string, enText: string): ValidationIssue {
  return issue(path, { kind: 'text', zh, en: enText });
}

function typeOf(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  if (typeof input === 'number' && Number.isNaN(input)) return 'nan';
  return typeof input;
}

function detailOf(zodIssue: z.core.$ZodIssue): ProblemDetail {
  switch (zodIssue.code) {
    case 'invalid_type':
      return { kind: 'invalid_type', expected: zodIssue.expected, received: typeOf(zodIssue.input) };
    case 'unrecognized_keys':
      return { kind: 'unrecognized_keys', keys: zodIssue.keys };
    case 'invalid_value': {
      // A near miss of an allowed word (`engineerin`): the input is there when parsed with REPORT_INPUT.
      const given = (zodIssue as { input?: unknown }).input;
      const words = zodIssue.values.filter((value): value is string => typeof value === 'string');
      const near = typeof given === 'string' ? nearest(given, words, 1)[0] : undefined;
      return { kind: 'invalid_value', values: zodIssue.values, ...(near !== undefined && { didYouMean: near }) };
    }
    case 'too_small':
      return { kind: 'too_small', minimum: zodIssue.minimum, origin: zodIssue.origin };
    case 'too_big':
      return { kind: 'too_big', maximum: zodIssue.maximum, origin: zodIssue.origin };
    case 'custom': {
      const params = (zodIssue.params ?? {}) as { expected?: string; field?: string };
      if (params.expected) return { kind: 'expected', expected: params.expected, detail: params.field };
      return { kind: 'text', zh: zodIssue.message, en: zodIssue.message };
    }
    case 'invalid_format':
      return { kind: 'expected', expected: zodIssue.format };
    default:
      return { kind: 'text', zh: `无效的值(${zodIssue.code})`, en: `invalid value (${zodIssue.code})` };
  }
}

/** Zod's issues as ours, every path prefixed by `prefix` (where the validated value sits). */
export function fromZodIssues(
  issues: readonly z.core.$ZodIssue[],
  prefix: readonly (string | number)[] = [],
): ValidationIssue[] {
  return issues.map((zodIssue) =>
    issue([...prefix, ...(zodIssue.path as (string | number)[])], detailOf(zodIssue)),
  );
}

/** One line per issue, Chinese then English: what a person reads in a terminal or a log. */
export function describeIssues(issues: readonly ValidationIssue[]): string {
  // Checked here, not through arguments.ts (which builds on this module): issues as ValidationError carries them.
  if (!Array.isArray(issues) || !issues.every((entry) => entry !== null && typeof entry === 'object' && entry.message !== null && typeof entry.message === 'object')) {
    throw new ValidationError('argument', [textIssue(['issues'], 'issues 应为 ValidationIssue 的数组', 'issues: expected an array of ValidationIssue')]);
  }
  return issues
    .map((problem) => {
      const line = problem.line === undefined ? '' : `${problem.line}:${problem.column} `;
      return `${line}${zhCN.at(problem.at, problem.message.zh)}\n  ${en.at(problem.at, problem.message.en)}`;
    })
    .join('\n');
}

/** Thrown for a profile or rule set that is not valid; `issues` lists every problem found. */
export class ValidationError extends Error {
  constructor(
    /** What was refused: a profile, a rule set, or an argument of the wrong kind (`argument`). */
    readonly subject: 'profile' | 'ruleSet' | 'argument',
    readonly issues: readonly ValidationIssue[],
  ) {
    const heading =
      subject === 'profile' ? '申报人档案无效 / invalid applicant profile' : subject === 'ruleSet' ? '规则集无效 / invalid rule set' : '参数无效 / invalid argument';
    super(`${heading}\n${describeIssues(issues)}`);
    this.name = 'ValidationError';
  }
}
