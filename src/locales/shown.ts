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

/**
 * The first few keys, each shown safely, then `more(hidden, total)` if there are more. `after(key)`
 * adds to a key what is said about it (a "did you mean").
 */
export function listKeys(keys: readonly string[], separator: string, more: (hidden: number, total: number) => string, shown = 10, after: (key: string) => string = () => ''): string {
  const listed = keys.slice(0, shown).map((key) => (isBareKey(key) ? key : quoted(key)) + after(key));
  return listed.join(separator) + (keys.length > shown ? more(keys.length - shown, keys.length) : '');
}

/** What a "did you mean" says after `key`, if one was found for it. */
export function meant(found: readonly { readonly key: string; readonly meant: string }[] | undefined, key: string, say: (name: string) => string): string {
  const match = found?.find((entry) => entry.key === key);
  return match ? say(match.meant) : '';
}
