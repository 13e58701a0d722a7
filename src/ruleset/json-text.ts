import { quoted, textIssue, type ValidationIssue } from '../errors.js';
import { JSON_LIMITS, LIMIT_WORDS } from './json-guard.js';

/**
 * A strict JSON scanner for documents from elsewhere. `JSON.parse` says only "Unexpected token", and
 * silently keeps the last of two equal keys, so a rule set with `"test"` written twice would lose a
 * condition without a word. This reads the text once, before `JSON.parse` is allowed to, and reports:
 *
 * - syntax errors (RFC 8259, nothing more: no comments, no trailing commas, no single quotes, no BOM),
 *   with the JSON path and line:column where the text goes wrong;
 * - duplicate keys, with the path and line of both;
 * - nesting deeper than `maxDepth` and more than `maxValues` values, before anything is built.
 *
 * It builds no values, only where each one starts (to give an issue found later its line), so its
 * memory is bounded by the limits; and it is iterative, so no nesting overflows the stack. `JSON.parse`
 * builds the values once the text has passed.
 */

type Key = string | number;
type Step = 'value' | 'after' | 'done' | 'error';
type Words = readonly [zh: string, en: string];

/** An issue before its offsets are turned into lines. */
interface Pending {
  readonly path: Key[];
  readonly offset: number;
  /** The first occurrence, for a duplicate key. */
  readonly first?: number;
  readonly words: (firstLine: number) => Words;
}

/**
 * Where a value starts in the text (for an object's member, where its key starts), and for a container
 * its entries: the tree `locate` walks to find the line of a path.
 */
interface Place {
  readonly offset: number;
  /** An object's members by key (the last of equal keys, as `JSON.parse` keeps), or an array's elements. */
  entries?: Map<string, Place> | Place[];
}

export interface ScannedText {
  /** Every problem found, each with its path, line and column. */
  readonly issues: ValidationIssue[];
  /** Whether the text must not be parsed: a syntax error, or a limit crossed. Duplicate keys are not. */
  readonly fatal: boolean;
  /**
   * Where `path` is in the text: the offset of its value (or key), or of the nearest enclosing value the
   * text has (a missing key is reported on its object).
   */
  readonly locate: (path: readonly Key[]) => number;
}

/** At most this many duplicate keys are listed one by one; the rest are counted. */
const MAX_DUPLICATES_LISTED = 100;

const WHITESPACE = /[ \t\n\r]*/y;
const STRING_RUN = /[^"\\\u0000-\u001f]*/y;
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const AFTER_NUMBER = /[0-9A-Za-z.+-]/;
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9A-Fa-f]{4})/y;

function locateIn(root: Place | undefined, path: readonly Key[]): number {
  if (!root) return 0;
  let place: Place = root;
  for (const segment of path) {
    const entries = place.entries;
    const next: Place | undefined = Array.isArray(entries) ? (typeof segment === 'number' ? entries[segment] : undefined) : entries?.get(String(segment));
    if (!next) break;
    place = next;
  }
  return place.offset;
}

const say = {
  bom: (): Words => ['文本以字节顺序标记(BOM)开头:请保存为不带 BOM 的 UTF-8', 'the text starts with a byte-order mark (BOM): save it as UTF-8 without a BOM'],
  empty: (): Words => ['文本为空:应为一个 JSON 对象', 'the text is empty: expected a JSON object'],
  tooLong: (length: number): Words => [
    `文本过大:${length.toLocaleString('en')} 个字符,最多允许 ${JSON_LIMITS.maxTextLength.toLocaleString('en')} 个`,
    `text too large: ${length.toLocaleString('en')} characters, at most ${JSON_LIMITS.maxTextLength.toLocaleString('en')} are allowed`,
  ],
  end: (expected: Words): Words => [`JSON 在此意外结束:应为${expected[0]}`, `unexpected end of the text: expected ${expected[1]}`],
  unexpected: (found: string, expected: Words): Words => [`此处不应出现 ${found}:应为${expected[0]}`, `unexpected ${found}: expected ${expected[1]}`],
  comment: (): Words => ['JSON 不允许注释', 'comments are not allowed in JSON'],
  trailingComma: (close: string): Words => [`多余的逗号:JSON 不允许在 ${close} 前加逗号`, `trailing comma: JSON allows no comma before ${close}`],
  singleQuote: (): Words => ['字符串和键名须用双引号 " 括起', 'strings and keys must be in double quotes "'],
  unquotedKey: (): Words => ['键名须用双引号 " 括起', 'keys must be in double quotes "'],
  unterminated: (): Words => ['字符串没有结束的双引号', 'unterminated string: expected a closing "'],
  control: (): Words => ['字符串中不得直接出现控制字符(如换行、制表符),须写作 \\n、\\t 等转义', 'a control character (such as a line break or tab) inside a string must be escaped, as \\n, \\t …'],
  escape: (found: string): Words => [`无效的转义 ${found}:应为 \\" \\\\ \\/ \\b \\f \\n \\r \\t 或 \\uXXXX`, `invalid escape ${found}: expected \\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX`],
  number: (found: string): Words => [
    `无效的数字 ${found}:应写作 12、-3.5、1e6(不带前导零、加号或末尾的小数点)`,
    `invalid number ${found}: expected digits such as 12, -3.5 or 1e6 (no leading zero, plus sign or trailing dot)`,
  ],
  trailing: (): Words => ['JSON 文档结束后还有内容', 'unexpected content after the end of the JSON document'],
  duplicate: (key: string, firstLine: number): Words => [
    `键名 ${quoted(key)} 重复(第一次在第 ${firstLine} 行):JSON 只保留最后一个,前面的会被悄悄丢弃`,
    `duplicate key ${quoted(key)} (first at line ${firstLine}): JSON keeps only the last one and silently drops the other`,
  ],
  moreDuplicates: (count: number): Words => [`另有 ${count} 个重复的键名未逐一列出`, `and ${count} more duplicate keys not listed`],
};

const EXPECTED = {
  value: ['一个值(对象、数组、字符串、数字、true、false 或 null)', 'a value (object, array, string, number, true, false or null)'],
  key: ['双引号括起的键名', 'a key in double quotes'],
  colon: ['冒号 :', 'a colon :'],
  afterMember: ['逗号 , 或 }', 'a comma , or }'],
  afterElement: ['逗号 , 或 ]', 'a comma , or ]'],
} satisfies Record<string, Words>;

/** What a character is called in a message: itself, quoted and escaped. */
const shown = (text: string, at: number) => quoted(String.fromCodePoint(text.codePointAt(at)!));

class Scanner {
  private pos = 0;
  private values = 0;
  private duplicates = 0;
  private readonly pending: Pending[] = [];
  root: Place | undefined;
  /** The open containers, the path to the current value, and the place of the member being read. */
  private readonly open: Place[] = [];
  private readonly path: Key[] = [];
  private member: Place | undefined;

  constructor(private readonly text: string) {}

  /** Scans the whole text; false at the first error that stops it (the rest cannot be read). */
  run(): boolean {
    const text = this.text;
    this.skipWhitespace();
    if (text.charCodeAt(0) === 0xfeff || this.pos === text.length) {
      this.stop(0, text.charCodeAt(0) === 0xfeff ? say.bom() : say.empty());
      return false;
    }
    // One loop, no recursion: each step reads a value or what follows one.
    let expectValue = true;
    for (;;) {
      const next: Step = expectValue ? this.value() : this.afterValue();
      if (next === 'error') return false;
      if (next === 'done') return true;
      expectValue = next === 'value';
    }
  }

  /** Reads a value: a scalar whole, or a container's opening (and an object's first key). */
  private value(): 'value' | 'after' | 'error' {
    const text = this.text;
    const start = this.pos;
    if (this.path.length > JSON_LIMITS.maxDepth) return this.stop(start, LIMIT_WORDS.tooDeep(), this.path.slice(0, JSON_LIMITS.maxDepth));
    if (++this.values > JSON_LIMITS.maxValues) return this.stop(start, LIMIT_WORDS.tooMany());
    const place = this.place(start);
    const char = text[start];
    if (char === '{' || char === '[') {
      this.pos += 1;
      const array = char === '[';
      place.entries = array ? [] : new Map();
      this.open.push(place);
      this.skipWhitespace();
      if (text[this.pos] === (array ? ']' : '}')) {
        this.pos += 1;
        this.open.pop();
        return 'after';
      }
      if (!array) return this.key();
      this.path.push(0);
      return 'value';
    }
    if (char === '"') return this.string() ? 'after' : 'error';
    if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) return this.number();
    for (const literal of ['true', 'false', 'null']) {
      if (text.startsWith(literal, start)) {
        this.pos += literal.length;
        return 'after';
      }
    }
    return this.unexpected(EXPECTED.value);
  }

  /** The place of the value starting at `start`: new in an array or at the root, a member's own. */
  private place(start: number): Place {
    const entries = this.open[this.open.length - 1]?.entries;
    if (!Array.isArray(entries)) return entries ? this.member! : (this.root = { offset: start });
    const place = { offset: start };
    entries.push(place);
    return place;
  }

  /** After a value: a comma and the next entry, the end of its container, or the end of the text. */
  private afterValue(): 'value' | 'after' | 'done' | 'error' {
    this.skipWhitespace();
    const container = this.open[this.open.length - 1];
    if (!container) return this.pos < this.text.length ? this.stop(this.pos, say.trailing()) : 'done';
    const array = Array.isArray(container.entries);
    const close = array ? ']' : '}';
    const char = this.text[this.pos];
    if (char === ',') {
      const comma = this.pos;
      this.pos += 1;
      this.skipWhitespace();
      this.path.pop();
      if (this.text[this.pos] === close) return this.stop(comma, say.trailingComma(close));
      if (!array) return this.key();
      this.path.push((container.entries as Place[]).length);
      return 'value';
    }
    if (char === close) {
      this.pos += 1;
      this.path.pop();
      this.open.pop();
      return 'after';
    }
    return this.unexpected(array ? EXPECTED.afterElement : EXPECTED.afterMember);
  }

  /** Reads `"key":` of an object member and steps into it. */
  private key(): 'value' | 'error' {
    this.skipWhitespace();
    const start = this.pos;
    const text = this.text;
    if (text[start] !== '"') {
      const char = text[start];
      if (char === "'") return this.stop(start, say.singleQuote());
      if (char !== undefined && /[A-Za-z_$]/.test(char)) return this.stop(start, say.unquotedKey());
      return this.unexpected(EXPECTED.key);
    }
    if (!this.string()) return 'error';
    const raw = text.slice(start + 1, this.pos - 1);
    const key = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
    const members = this.open[this.open.length - 1]!.entries as Map<string, Place>;
    const first = members.get(key);
    this.path.push(key);
    if (first) this.duplicate(key, start, first.offset);
    this.member = { offset: start };
    members.set(key, this.member);
    this.skipWhitespace();
    if (text[this.pos] !== ':') return this.unexpected(EXPECTED.colon);
    this.pos += 1;
    this.skipWhitespace();
    return 'value';
  }

  private duplicate(key: string, offset: number, first: number) {
    this.duplicates += 1;
    if (this.duplicates <= MAX_DUPLICATES_LISTED) {
      this.pending.push({ path: [...this.path], offset, first, words: (firstLine) => say.duplicate(key, firstLine) });
    }
  }

  /** A string from its opening quote; the position ends after the closing one. */
  private string(): boolean {
    const text = this.text;
    this.pos += 1;
    for (;;) {
      STRING_RUN.lastIndex = this.pos;
      STRING_RUN.test(text);
      this.pos = STRING_RUN.lastIndex;
      const char = text[this.pos];
      if (char === '"') {
        this.pos += 1;
        return true;
      }
      if (char === '\\') {
        ESCAPE.lastIndex = this.pos;
        if (ESCAPE.test(text)) {
          this.pos = ESCAPE.lastIndex;
          continue;
        }
        this.stop(this.pos, say.escape(quoted(text.slice(this.pos, this.pos + 2))));
      } else {
        this.stop(this.pos, char === undefined ? say.unterminated() : say.control());
      }
      return false;
    }
  }

  private number(): 'after' | 'error' {
    const start = this.pos;
    NUMBER.lastIndex = start;
    const matched = NUMBER.test(this.text);
    const end = matched ? NUMBER.lastIndex : start;
    if (!matched || AFTER_NUMBER.test(this.text[end] ?? '')) {
      const token = /^[0-9A-Za-z.+-]*/.exec(this.text.slice(start, start + 40))![0];
      return this.stop(start, say.number(quoted(token || this.text[start]!)));
    }
    this.pos = end;
    return 'after';
  }

  private unexpected(expected: Words): 'error' {
    const text = this.text;
    const at = this.pos;
    if (at >= text.length) return this.stop(at, say.end(expected));
    if (text[at] === '/' && (text[at + 1] === '/' || text[at + 1] === '*')) return this.stop(at, say.comment());
    if (text[at] === "'") return this.stop(at, say.singleQuote());
    if (expected === EXPECTED.value && /[+.]/.test(text[at]!)) return this.stop(at, say.number(quoted(/^[0-9A-Za-z.+-]*/.exec(text.slice(at, at + 40))![0])));
    return this.stop(at, say.unexpected(shown(text, at), expected));
  }

  private skipWhitespace() {
    WHITESPACE.lastIndex = this.pos;
    WHITESPACE.test(this.text);
    this.pos = WHITESPACE.lastIndex;
  }

  /** Records the error that ends the scan. Typed as a step's result, so a step can `return` it. */
  private stop(offset: number, words: Words, path: Key[] = [...this.path]): 'error' {
    this.pending.push({ path, offset, words: () => words });
    return 'error';
  }

  /** The issues, located, once the scan is over. */
  issues(): ValidationIssue[] {
    const hidden = this.duplicates - MAX_DUPLICATES_LISTED;
    if (hidden > 0) this.pending.push({ path: [], offset: this.text.length, words: () => say.moreDuplicates(hidden) });
    const positions = lineColumns(this.text, this.pending.flatMap((issue) => (issue.first === undefined ? [issue.offset] : [issue.offset, issue.first])));
    return this.pending.map((issue) => {
      const { line, column } = positions.get(issue.offset)!;
      const words = issue.words(issue.first === undefined ? 0 : positions.get(issue.first)!.line);
      return { ...textIssue(issue.path, ...words), line, column };
    });
  }
}

/**
 * Line and column (1-based, columns in UTF-16 code units as editors count them) of each offset, in one
 * pass over the text. The next line break is looked up once and kept: looking for it again from the
 * line's start for each offset rescanned a long line once per issue (issue 14: 42,001 issues on one
 * 2.8 MB line took 3.8 s).
 */
export function lineColumns(text: string, offsets: readonly number[]): Map<number, { line: number; column: number }> {
  const sorted = [...new Set(offsets)].sort((a, b) => a - b);
  const result = new Map<number, { line: number; column: number }>();
  let line = 1;
  let lineStart = 0;
  let newline = text.indexOf('\n');
  for (const offset of sorted) {
    while (newline !== -1 && newline < offset) {
      line += 1;
      lineStart = newline + 1;
      newline = text.indexOf('\n', lineStart);
    }
    result.set(offset, { line, column: offset - lineStart + 1 });
  }
  return result;
}

/**
 * Scans a JSON text strictly (see above). When `fatal` is false, `JSON.parse(text)` is safe to call and
 * gives a document within the depth and size limits.
 */
export function scanJsonText(text: string): ScannedText {
  if (text.length > JSON_LIMITS.maxTextLength) {
    return { issues: [{ ...textIssue([], ...say.tooLong(text.length)), line: 1, column: 1 }], fatal: true, locate: () => 0 };
  }
  const scanner = new Scanner(text);
  const complete = scanner.run();
  return { issues: scanner.issues(), fatal: !complete, locate: (path) => locateIn(scanner.root, path) };
}
