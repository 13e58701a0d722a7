/**
 * Characters that act on a terminal or on how a line is shown rather than being text: C0 controls
 * (U+0000–U+001F, tab and line feed included), DEL and the C1 controls (U+007F–U+009F; ESC and CSI
 * start the sequences that move the cursor, recolour or rewrite a terminal), the line and paragraph
 * separators (U+2028, U+2029: a line break to some readers, not to others) and the bidirectional
 * embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), which reorder what is shown.
 *
 * Tab and line feed are included: every text of a rule set (a title, a message) is printed on one line
 * of a report, so a line break in one could forge another line. A quote alone may have them.
 */
// eslint-disable-next-line no-control-regex
export const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const CONTROL_CHARACTERS = new RegExp(CONTROL_CHARACTER.source, 'g');
/**
 * The same, tab and line feed allowed: for a quote, copied from a notice across a line break and matched
 * whitespace aside. What prints a quote writes its whitespace as one space.
 */
// eslint-disable-next-line no-control-regex
export const CONTROL_CHARACTER_BUT_TAB_OR_LINE_FEED = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
// eslint-disable-next-line no-control-regex
const CONTROL_IN_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const escaped = (char: string) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** `text` with every control character written out visibly (`\u001b`), so none reaches a terminal. */
export const visible = (text: string): string => (CONTROL_CHARACTER.test(text) ? text.replace(CONTROL_CHARACTERS, escaped) : text);

/**
 * Output already laid out in lines (a report, a list, JSON): the same, but its own tabs and line breaks
 * kept. In JSON the escape is JSON's own, so the value read back is unchanged.
 */
export const visibleLines = (text: string): string => text.replace(CONTROL_IN_LINES, escaped);
