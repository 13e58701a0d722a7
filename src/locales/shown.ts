/**
 * Text from a document, put into a message. A rule set or profile comes from anywhere, so what it says
 * is escaped (a key cannot put a line break or a terminal control sequence into an error line) and cut
 * short (a 10,000-character key, or 200,000 unknown keys, cannot flood a log).
 */

/** `text` in double quotes, escaped, at most `max` characters. */
export function quoted(text: unknown, max = 80): string {
  // Never `String(object)`: an object from JSON may have a `toString` key that is not a function.
  if (text !== null && typeof text === 'object') return Array.isArray(text) ? '[…]' : '{…}';
  const value = String(text);
  return JSON.stringify(value.length > max ? `${value.slice(0, max)}…` : value);
}

/** Whether a key can be shown as it is (an identifier of at most 80 characters); any other is `quoted`. */
export const isBareKey = (key: string): boolean => /^[A-Za-z_$][\w$]{0,79}$/.test(key);

/** The first few keys, each shown safely, then `more(hidden, total)` if there are more. */
export function listKeys(keys: readonly string[], separator: string, more: (hidden: number, total: number) => string, shown = 10): string {
  const listed = keys.slice(0, shown).map((key) => (isBareKey(key) ? key : quoted(key)));
  return listed.join(separator) + (keys.length > shown ? more(keys.length - shown, keys.length) : '');
}
