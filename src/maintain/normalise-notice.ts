import { ValidationError, textIssue } from '../errors.js';
import { expectArray, expectObject, expectString, wrongArgument } from '../arguments.js';

/**
 * Turning a captured notice into the text `notice.md` holds: the body only, one paragraph per line, in
 * simplified Chinese. One copy of this logic, used by `zhicheng new` and by scripts/notices.mjs (which
 * regenerates every bundled notice.md from its capture).
 */

/** A pinyin gloss: latin letters with tone marks in ASCII parentheses, right after a character (業(yè)). */
export const PINYIN_GLOSS = /\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]+\)/g;

/** The transforms a capture may need; `traditional-with-pinyin` is the Beijing capture's kind. */
export type NoticeTransform = 'traditional-with-pinyin' | 'none';

/** Traditional → simplified, as OpenCC's Traditional→Mainland tables do it (see opencc.ts). */
export type Simplifier = (text: string) => string;

/**
 * Characters that only traditional text writes (their simplified forms differ, and no simplified text
 * uses them): frequent words of any 职称 notice. Detection needs no converter, so a simplified notice
 * never loads one.
 */
const TRADITIONAL_ONLY = /[們這個國說業與為學號關發職稱評審會時間資務歷實專員單區縣機構條證書級認據規應須請對當經過進開]/u;

/**
 * Whether a text needs `traditional-with-pinyin`: it carries a pinyin gloss after a Chinese character,
 * or characters only traditional text writes.
 * @example needsTransform('京人社事業(yè)字〔2024〕96號') //=> 'traditional-with-pinyin'
 * @example needsTransform('关于做好2024年职称评审工作的通知') //=> 'none'
 */
export function needsTransform(text: string): NoticeTransform {
  expectString(text, 'text');
  const glossed = /\p{Script=Han}\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]+\)/u.test(text);
  return glossed || TRADITIONAL_ONLY.test(text) ? 'traditional-with-pinyin' : 'none';
}

/** One line of a capture in simplified Chinese: glosses removed, then converted. */
export function applyTransform(line: string, transform: NoticeTransform, simplify?: Simplifier): string {
  expectString(line, 'line');
  if (transform !== 'none' && transform !== 'traditional-with-pinyin') throw wrongArgument('transform', transform, { zh: '"none" 或 "traditional-with-pinyin"', en: '"none" or "traditional-with-pinyin"' });
  if (transform === 'none') return line;
  if (typeof simplify !== 'function') throw new ValidationError('argument', [textIssue(['simplify'], '繁体转换需要转换函数(loadSimplifier 的结果)', 'converting traditional characters needs a converter (from loadSimplifier)')]);
  const simplified: unknown = simplify(line.replace(PINYIN_GLOSS, ''));
  // A converter of the caller's: what it gives back is checked like any argument.
  expectString(simplified, 'simplify(line)');
  return simplified;
}

/** Where the notice body is in a capture, and what to fix in it (ruleset.json's `source`). */
export interface NoticeSource {
  /** The body's first line as the capture writes it (trimmed); the capture's first non-blank line if absent. */
  readonly firstLine?: string;
  /** The body's last line, inclusive; the capture's last non-blank line if absent. */
  readonly lastLine?: string;
  /** Capture artefacts inside the body (a repeated page title), dropped. */
  readonly omitLines?: readonly string[];
  /** Spots corrupted in capture, replaced by the official text. */
  readonly corrections?: readonly { readonly from: string; readonly to: string }[];
  readonly transform?: NoticeTransform | undefined;
}

/** `source` as ruleset.json writes it; each field checked, as it comes from a caller or a file. */
function expectSource(source: unknown): asserts source is NoticeSource {
  expectObject(source, 'source', { zh: '{ firstLine?, lastLine?, omitLines?, corrections?, transform? }', en: '{ firstLine?, lastLine?, omitLines?, corrections?, transform? }' });
  for (const key of ['firstLine', 'lastLine'] as const) if (source[key] !== undefined) expectString(source[key], `source.${key}`);
  if (source.omitLines !== undefined) {
    expectArray(source.omitLines, 'source.omitLines');
    source.omitLines.forEach((line, index) => expectString(line, `source.omitLines[${index}]`));
  }
  if (source.corrections !== undefined) {
    expectArray(source.corrections, 'source.corrections');
    source.corrections.forEach((correction, index) => {
      expectObject(correction, `source.corrections[${index}]`, { zh: '{ from, to }', en: '{ from, to }' });
      expectString(correction.from, `source.corrections[${index}].from`);
      expectString(correction.to, `source.corrections[${index}].to`);
    });
  }
}

const problem = (path: string, zh: string, en: string) => new ValidationError('argument', [textIssue([path], zh, en)]);

/**
 * The body lines of a capture as the capture writes them (trimmed, blank lines dropped, omitted lines
 * dropped, corrections made), before any transform: what `source.firstLine` and `lastLine` name.
 */
export function captureBody(captureText: string, source: NoticeSource = {}): string[] {
  expectString(captureText, 'capture');
  expectSource(source);
  const lines = captureText.split(/\r?\n/).map((line) => line.trim());
  const nonBlank = lines.filter((line) => line !== '');
  if (nonBlank.length === 0) throw problem('capture', '通知文本为空', 'the notice text is empty');
  const firstLine = source.firstLine ?? nonBlank[0]!;
  const lastLine = source.lastLine ?? nonBlank[nonBlank.length - 1]!;
  const start = lines.indexOf(firstLine);
  if (start < 0) throw problem('firstLine', `文本中没有首行:${firstLine}`, `first line not found in the text: ${firstLine}`);
  const end = lines.indexOf(lastLine, start);
  if (end < 0) throw problem('lastLine', `首行之后没有末行:${lastLine}`, `last line not found after the first: ${lastLine}`);
  const omit = new Set(source.omitLines ?? []);
  // The first line is kept even when it is also a repeated artefact: it is the title.
  let body = lines.slice(start, end + 1).filter((line, index) => line !== '' && !(index > 0 && omit.has(line)));
  for (const { from, to } of source.corrections ?? []) {
    if (!body.some((line) => line.includes(from))) throw problem('corrections', `文本中没有要更正的内容:${from}`, `correction not found in the text: ${from}`);
    body = body.map((line) => line.split(from).join(to));
  }
  return body;
}

/**
 * The notice.md text of a capture: its body (see `captureBody`), transformed, the first line as the
 * heading and one paragraph per line.
 * @example extractNotice('页眉\n关于…的通知\n一、范围\n2024年5月17日\n页脚', { firstLine: '关于…的通知', lastLine: '2024年5月17日' })
 * //=> '# 关于…的通知\n\n一、范围\n\n2024年5月17日\n'
 */
export function extractNotice(captureText: string, source: NoticeSource = {}, simplify?: Simplifier): string {
  const lines = captureBody(captureText, source); // checks `source` first
  const body = lines.map((line) => applyTransform(line, source.transform ?? 'none', simplify));
  // A notice.md given back as the capture keeps one heading mark, not two.
  return `# ${body[0]!.replace(/^#+\s*/, '')}\n\n${body.slice(1).join('\n\n')}\n`;
}
