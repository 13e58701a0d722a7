import { expectString } from '../arguments.js';
import type { LocalizedText } from './types.js';
import { labelOf as labelOfPath } from './labels.js';

/**
 * `labelOf` as the library exports it: a path that is not a string is refused with a ValidationError.
 * The check lives here, not in labels.ts, which the locales (and through them the errors) import.
 */
export function labelOf(path: string): LocalizedText {
  expectString(path, 'path');
  return labelOfPath(path);
}
