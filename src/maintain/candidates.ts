import { isCalendarDate } from '../dates/calendar-date.js';
import { QUOTE_MINIMUM } from '../ruleset/schema.js';
import type { NoticeLine } from '../ruleset/notice.js';
import { expectArray, expectObject, expectString } from '../arguments.js';

/**
 * Dates, numbers with a unit and percentages a notice writes: what a new year changes, so each is a
 * candidate parameter. Found by their written form only; nothing is inferred (a month and day without a
 * year stay text, a 年 after four digits is a year, not a duration).
 */
export interface Candidate {
  /** A camelCase parameter name, unique within the notice. */
  readonly name: string;
  readonly type: 'date' | 'integer' | 'number' | 'string';
  readonly value: string | number;
  readonly unit?: 'hours' | 'years' | 'months' | 'yuan' | 'percent';
  /** The words as the notice writes them (`2018年12月31日`, `90学时`, `60%`). */
  readonly text: string;
  /** The innermost clause of the line it is on, and a span of that line around it. */
  readonly clause: string;
  readonly quote: string;
}

const CHINESE_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 … 九十九 as a number; `undefined` for anything longer (not a count a notice sets). */
export function chineseNumber(text: string): number | undefined {
  const match = /^([一二两三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(text);
  if (!match || text === '') return undefined;
  const [, first, ten, last] = match;
  if (!ten) return first && !last ? CHINESE_DIGITS[first] : undefined;
  return (first ? CHINESE_DIGITS[first]! : 1) * 10 + (last ? CHINESE_DIGITS[last]! : 0);
}

/** Units of a count, by the word after it: the rule-set unit where there is one, and a name for the parameter. */
const UNITS: Record<string, { name: string; unit?: Candidate['unit'] }> = {
  学时: { name: 'hours', unit: 'hours' },
  小时: { name: 'hours', unit: 'hours' },
  个月: { name: 'months', unit: 'months' },
  年: { name: 'years', unit: 'years' },
  周岁: { name: 'age' },
  个工作日: { name: 'workingDays' },
  天: { name: 'days' },
  日: { name: 'days' },
  万元: { name: 'tenThousandYuan' },
  元: { name: 'yuan', unit: 'yuan' },
  次: { name: 'times' },
  人: { name: 'people' },
  项: { name: 'items' },
  篇: { name: 'papers' },
};
const UNIT_WORDS = Object.keys(UNITS).sort((a, b) => b.length - a.length).join('|');
const CN = '[一二两三四五六七八九十]{1,3}';

/**
 * One alternation, tried left to right at each position, so the longest reading wins: a full date
 * before its year, a year before a count of 年. Lookbehinds keep a match from starting inside a longer
 * number (`2024` of `12024`, `四年` of `二〇二四年`).
 */
const PATTERN = new RegExp(
  [
    String.raw`(?<date>(?<y>\d{4})\s*年\s*(?<m>\d{1,2})\s*月\s*(?<d>\d{1,2})\s*日)`,
    String.raw`(?<range>(?<y1>\d{4})\s*[-—–~至到]\s*(?<y2>\d{4})\s*年)`,
    String.raw`(?<yearMonth>(?<ym>\d{4})\s*年\s*(?<mm>\d{1,2})\s*月)`,
    String.raw`(?<monthDay>(?<md>\d{1,2})\s*月\s*(?<dd>\d{1,2})\s*日)`,
    String.raw`(?<monthPart>(?<mp>\d{1,2})\s*月\s*(?<part>底|末|初|中旬|上旬|下旬))`,
    String.raw`(?<year>(?<yy>(?:19|20)\d{2})\s*年)`,
    String.raw`(?<percent>(?<pc>\d+(?:\.\d+)?)\s*[%％])`,
    String.raw`(?<count>(?<n>\d+(?:\.\d+)?)\s*(?<u>${UNIT_WORDS}))`,
    String.raw`(?<cnCount>(?<cn>${CN})(?<cu>个工作日|个月|周岁|学时|年|天))`,
  ].map((part) => `(?<![\\d.${'一二两三四五六七八九十〇零'}])${part}`).join('|'),
  'gu',
);

const pad = (n: string) => n.padStart(2, '0');
const numberName = (value: number) => String(value).replace('.', 'p');

interface Found {
  readonly base: string;
  readonly type: Candidate['type'];
  readonly value: string | number;
  readonly unit?: Candidate['unit'];
}

function read(groups: Record<string, string | undefined>): Found | undefined {
  const g = groups;
  if (g.date) {
    const iso = `${g.y}-${pad(g.m!)}-${pad(g.d!)}`;
    // A day that does not exist is no date; left as the text the notice has.
    return isCalendarDate(iso) ? { base: `date${iso.replaceAll('-', '')}`, type: 'date', value: iso } : { base: 'dateText', type: 'string', value: g.date };
  }
  if (g.range) return { base: `years${g.y1}to${g.y2}`, type: 'string', value: g.range.replace(/\s+/g, '') };
  if (g.yearMonth) return { base: `month${g.ym}${pad(g.mm!)}`, type: 'string', value: g.yearMonth.replace(/\s+/g, '') };
  if (g.monthDay) return { base: `monthDay${pad(g.md!)}${pad(g.dd!)}`, type: 'string', value: g.monthDay.replace(/\s+/g, '') };
  if (g.monthPart) return { base: `month${pad(g.mp!)}Part`, type: 'string', value: g.monthPart.replace(/\s+/g, '') };
  if (g.year) return { base: `year${g.yy}`, type: 'integer', value: Number(g.yy) };
  if (g.percent) return { base: `percent${numberName(Number(g.pc))}`, type: 'number', value: Number(g.pc), unit: 'percent' };
  const count = g.count ? { n: Number(g.n), word: g.u! } : g.cnCount ? { n: chineseNumber(g.cn!), word: g.cu! } : undefined;
  if (!count || count.n === undefined) return undefined;
  const unit = UNITS[count.word]!;
  return { base: `${unit.name}${numberName(count.n)}`, type: Number.isInteger(count.n) ? 'integer' : 'number', value: count.n, ...(unit.unit && { unit: unit.unit }) };
}

/** Stops a quote: the end of a phrase. */
const PHRASE_END = /[,。;!?:,;:!?]/;
const QUOTE_REACH = 24;

/**
 * A verbatim span of `line` around `[start, end)`: the phrase it is in (between punctuation), at most
 * QUOTE_REACH characters either side, and at least QUOTE_MINIMUM characters that are not whitespace.
 */
export function quoteAround(line: string, start: number, end: number): string {
  let from = start;
  while (from > 0 && start - from < QUOTE_REACH && !PHRASE_END.test(line[from - 1]!)) from -= 1;
  let to = end;
  while (to < line.length && to - end < QUOTE_REACH && !PHRASE_END.test(line[to]!)) to += 1;
  // Too short to prove anything (see QUOTE_MINIMUM): widen past the punctuation, within the line.
  while (line.slice(from, to).replace(/\s+/g, '').length < QUOTE_MINIMUM && (from > 0 || to < line.length)) {
    if (to < line.length) to += 1;
    else from -= 1;
  }
  return line.slice(from, to).trim();
}

/** Every date, count with a unit and percentage in the notice's lines, in order, each with its clause and quote. */
export function findCandidates(lines: readonly NoticeLine[]): Candidate[] {
  expectArray(lines, 'lines', { zh: 'noticeLines 的结果', en: 'the result of noticeLines' });
  lines.forEach((line, index) => {
    expectObject(line, `lines[${index}]`, { zh: '{ text, clause }', en: '{ text, clause }' });
    expectString(line.text, `lines[${index}].text`);
    expectString(line.clause, `lines[${index}].clause`);
  });
  const candidates: Candidate[] = [];
  const seen = new Map<string, number>();
  for (const line of lines) {
    for (const match of line.text.matchAll(PATTERN)) {
      const found = read(match.groups!);
      if (!found) continue;
      // The same value again (the notice's year, a deadline repeated): its own parameter, numbered, for
      // each place may be a different thing the notice sets.
      const count = (seen.get(found.base) ?? 0) + 1;
      seen.set(found.base, count);
      const start = match.index!;
      candidates.push({
        name: count === 1 ? found.base : `${found.base}N${count}`,
        type: found.type,
        value: found.value,
        ...(found.unit && { unit: found.unit }),
        text: match[0],
        clause: line.clause,
        quote: quoteAround(line.text, start, start + match[0].length),
      });
    }
  }
  return candidates;
}
