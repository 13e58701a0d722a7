import { clipped, textIssue, type ValidationIssue } from '../errors.js';
import { expectString, wrongArgument } from '../arguments.js';
import type { RuleSetDocument } from './schema.js';

/**
 * A notice's numbered structure, read from `notice.md`: `一、` opens a section, `(一)` a clause within it,
 * `1.` an item within that. Text before the first section is `前言`; the attachment list (`附件:`) and
 * everything after it is not a clause.
 */
export interface NoticeClause {
  readonly path: string;
  /** The clause with everything under it, whitespace removed (for quote checks). */
  readonly folded: string;
  /** Whether the clause says something beyond its heading before its first sub-clause. */
  readonly hasOwnText: boolean;
  readonly isLeaf: boolean;
}

/**
 * Whitespace carries no meaning in Chinese text, and notices are reflowed when captured: a quote matches
 * when it equals the notice with all whitespace removed.
 */
export const foldWhitespace = (text: string): string => {
  expectString(text, 'text');
  return text.replace(/\s+/g, '');
};

const SECTION = /^([一二三四五六七八九十]+)、/;
const CLAUSE = /^[((]([一二三四五六七八九十]+)[))]/;
const ITEM = /^(\d+)[..、]/;
const ATTACHMENTS = /^附件[::]/;

interface Draft {
  path: string;
  level: number;
  lines: string[];
  ownLines: string[];
  children: number;
}

/** A line of a notice, as the parser reads it (heading marks and outer whitespace removed), and the innermost clause it is in. */
export interface NoticeLine {
  readonly text: string;
  readonly clause: string;
}

/**
 * The notice's lines, each with the innermost clause that holds it: a quote taken from one line stands
 * in that clause (what `checkCitations` asks). Stops, as `parseNotice` does, at the attachment list.
 */
export function noticeLines(text: string): NoticeLine[] {
  expectString(text, 'text');
  return readNotice(text).lines;
}

export function parseNotice(text: string): Map<string, NoticeClause> {
  expectString(text, 'text');
  const { drafts } = readNotice(text);
  return new Map(
    drafts.map((draft) => [
      draft.path,
      {
        path: draft.path,
        folded: foldWhitespace(draft.lines.join('')),
        hasOwnText: draft.ownLines.length > 1,
        isLeaf: draft.children === 0,
      },
    ]),
  );
}

/** One pass over the notice for both views of it: clauses (`parseNotice`) and lines (`noticeLines`). */
function readNotice(text: string): { drafts: Draft[]; lines: NoticeLine[] } {
  const lines: NoticeLine[] = [];
  const drafts: Draft[] = [{ path: '前言', level: 0, lines: [], ownLines: [], children: 0 }];
  const open: Draft[] = []; // the innermost clause at each level, for nesting
  let section = '';
  let clause = '';
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.replace(/^#+\s*/, '').trim();
    if (!line) continue;
    if (ATTACHMENTS.test(line)) break;
    let opened: Draft | undefined;
    let match: RegExpExecArray | null;
    if ((match = SECTION.exec(line))) {
      section = `${match[1]}、`;
      clause = '';
      opened = { path: section, level: 1, lines: [], ownLines: [], children: 0 };
    } else if (section && (match = CLAUSE.exec(line))) {
      clause = `${section}(${match[1]})`;
      opened = { path: clause, level: 2, lines: [], ownLines: [], children: 0 };
    } else if (clause && (match = ITEM.exec(line))) {
      opened = { path: `${clause}${match[1]}`, level: 3, lines: [], ownLines: [], children: 0 };
    }
    if (opened) {
      open.length = opened.level - 1;
      for (const parent of open) if (parent.level === opened.level - 1) parent.children += 1;
      open[opened.level - 1] = opened;
      drafts.push(opened);
      opened.ownLines.push(line);
    } else {
      const innermost = open.length > 0 ? open[open.length - 1]! : drafts[0]!;
      if (innermost.children === 0) innermost.ownLines.push(line);
    }
    // Every open clause contains this line; the preamble only what comes before the first section.
    if (open.length === 0) drafts[0]!.lines.push(line);
    for (const draft of open) draft.lines.push(line);
    lines.push({ text: line, clause: (open.length > 0 ? open[open.length - 1]! : drafts[0]!).path });
  }
  return { drafts, lines };
}

/** The numbered clauses a coverage table must account for: leaves, and parents that say something. */
export function clausesRequiringCoverage(notice: Map<string, NoticeClause>): string[] {
  const isClause = (clause: unknown) => clause !== null && typeof clause === 'object' && typeof (clause as NoticeClause).path === 'string';
  if (!(notice instanceof Map) || ![...notice.values()].every(isClause)) throw wrongArgument('notice', notice, { zh: 'parseNotice 的结果', en: 'the result of parseNotice' });
  return [...notice.values()]
    .filter((clause) => clause.path !== '前言' && (clause.isLeaf || clause.hasOwnText))
    .map((clause) => clause.path);
}

/**
 * Checks a rule set's citations against its notice: every quote (of conditions, parameters and notes)
 * stands verbatim in the clause it cites, every clause named exists, and the coverage table lists every
 * numbered clause.
 */
export function checkCitations(
  document: RuleSetDocument,
  noticeText: string,
  /** `coverageComplete: false` when some coverage rows could not be read (lint): nothing is called missing. */
  options: { coverageComplete?: boolean } = {},
): ValidationIssue[] {
  const notice = parseNotice(noticeText);
  const issues: ValidationIssue[] = [];
  // An empty notice, or one without a numbered clause, cannot be what the citations quote: every quote
  // of a preamble-only file would be checked against nothing the notice numbers.
  if (foldWhitespace(noticeText) === '') {
    return [textIssue([], '通知(notice.md)为空:引文无从核对', 'the notice (notice.md) is empty: citations cannot be checked against it')];
  }
  if (notice.size === 1) {
    issues.push(textIssue([], '通知(notice.md)中没有编号条款(如 一、):这不是一份通知', 'the notice (notice.md) has no numbered clause (such as 一、): it is not a notice'));
  }
  const check = (citation: { clause: string; quote: string }, path: (string | number)[]) => {
    const clause = notice.get(citation.clause);
    if (!clause) {
      issues.push(textIssue([...path, 'clause'], `通知中没有条款 ${citation.clause}`, `the notice has no clause ${citation.clause}`));
    } else if (!clause.folded.includes(foldWhitespace(citation.quote))) {
      // The most specific clause that holds it: clauses come in document order, parents before children.
      const elsewhere = [...notice.values()].filter((other) => other.folded.includes(foldWhitespace(citation.quote))).pop();
      issues.push(
        textIssue(
          [...path, 'quote'],
          elsewhere ? `引文不在条款 ${citation.clause} 中(见 ${elsewhere.path})` : `引文不是通知原文:「${clipped(citation.quote)}」(须逐字引用,空白除外)`,
          elsewhere ? `the quote is not in clause ${citation.clause} (it is in ${elsewhere.path})` : `the quote is not verbatim from the notice: "${clipped(citation.quote)}" (expected its exact words, whitespace aside)`,
        ),
      );
    }
  };
  document.conditions.forEach((condition, index) => {
    check(condition.citation, ['conditions', index, 'citation']);
    if (condition.remedy) check(condition.remedy.citation, ['conditions', index, 'remedy', 'citation']);
  });
  Object.entries(document.parameters).forEach(([name, parameter]) => check(parameter.citation, ['parameters', name, 'citation']));
  (document.notes ?? []).forEach((note, index) => check(note.citation, ['notes', index, 'citation']));
  if (document.scope.citation) check(document.scope.citation, ['scope', 'citation']);

  const listed = new Set<string>();
  document.coverage.forEach((row, index) => {
    listed.add(row.clause);
    if (!notice.has(row.clause)) {
      issues.push(textIssue(['coverage', index, 'clause'], `通知中没有条款 ${row.clause}`, `the notice has no clause ${row.clause}`));
    }
  });
  for (const clause of clausesRequiringCoverage(notice)) {
    if (options.coverageComplete !== false && !listed.has(clause)) {
      issues.push(textIssue(['coverage'], `覆盖表缺少条款 ${clause}(每个编号条款都须列出)`, `the coverage table does not list clause ${clause} (expected a row for every numbered clause)`));
    }
  }
  return issues;
}
