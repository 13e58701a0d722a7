import { textIssue, type ValidationIssue } from '../errors.js';

/**
 * The most characters a rule-set text (a title, message, note …) may have once its `{param:name}`
 * placeholders are filled. Twice the longest string a document may hold (JSON_LIMITS.maxStringLength):
 * room for a placeholder to say a long list, while a 10,000-character parameter placed 222 times in a
 * text can no longer make 2 MB of it — 132 such texts exhausted 512 MB on every surface (issue 14).
 */
export const MAX_FILLED_TEXT_LENGTH = 20_000;

const PLACEHOLDER = /\{param:([A-Za-z0-9]+)\}/g;

/**
 * The length `text` would have filled, by arithmetic on lengths: nothing is built, so a text that
 * would fill to gigabytes costs what reading it costs. `described(name)` is the filled-in text of a
 * parameter (undefined: the placeholder stays as written); callers memoise it, so that a long list
 * placed many times is described once. Stops counting once past the limit.
 */
export function filledLength(text: string, described: (name: string) => string | undefined): number {
  let length = text.length;
  for (const match of text.matchAll(PLACEHOLDER)) {
    const value = described(match[1]!);
    if (value !== undefined) length += value.length - match[0].length;
    if (length > MAX_FILLED_TEXT_LENGTH) break;
  }
  return length;
}

/** The issue for a text that would fill past the limit, at its path, in Chinese and English. */
export function filledTooLong(path: (string | number)[]): ValidationIssue {
  return textIssue(
    path,
    `填入参数后文本过长:超过 ${MAX_FILLED_TEXT_LENGTH} 个字符(参数占位符 {param:…} 用得过多或参数过长)`,
    `text too long once its parameters are filled in: more than ${MAX_FILLED_TEXT_LENGTH} characters ({param:…} placeholders used too often, or their values too long)`,
  );
}
