import { ValidationError, textIssue } from '../errors.js';
import { expectObject, expectString } from '../arguments.js';
import { TITLE_LEVELS } from '../profile/enums.js';
import { clausesRequiringCoverage, noticeLines, parseNotice } from '../ruleset/notice.js';
import type { RuleSetInput } from '../ruleset/schema.js';
import { findCandidates, type Candidate } from './candidates.js';

/**
 * The first draft of a rule set for a new notice (`zhicheng new`): a coverage row for every numbered
 * clause lint will ask about, and a candidate parameter for every date, count and percentage, each with
 * its clause and a verbatim quote. Everything the tool guessed is marked `unconfirmed`, so lint refuses
 * the draft until a person has read each item; nothing else in it is wrong.
 */
export interface SkeletonOptions {
  /** The new rule set's id (`anytown-2025`). */
  readonly id: string;
  /** Where notice.md came from, as ruleset.json's `source` records it. */
  readonly source: RuleSetInput['source'];
}

const TO_CONFIRM = '待确认 / to confirm';

/**
 * A full date as the notice's last line is its date of issue (it follows the attachment list, where no
 * candidate is looked for: nothing there is a clause to cite); else the latest full date of the clauses.
 */
function issuedOf(candidates: readonly Candidate[], lastLine: string): string | undefined {
  const signed = findCandidates([{ text: lastLine, clause: '' }]).find((candidate) => candidate.type === 'date');
  if (signed) return String(signed.value);
  return candidates.filter((candidate) => candidate.type === 'date').map((candidate) => String(candidate.value)).sort().pop();
}

/** The authority as the notice signs it (the line before the date), or as its title names it (XX局关于…). */
function authorityOf(lines: readonly string[], title: string): string | undefined {
  const signed = lines.at(-2);
  if (signed && /(局|厅|委员会|办公室|政府|中心)$/.test(signed) && signed.length <= 40) return signed;
  return /^(.{2,40}?(局|厅|委员会|办公室|政府))关于/.exec(title)?.[1];
}

export function buildSkeleton(noticeText: string, options: SkeletonOptions): RuleSetInput {
  expectString(noticeText, 'notice');
  expectObject(options, 'options', { zh: '{ id, source }', en: '{ id, source }' });
  expectString(options.id, 'options.id');
  expectObject(options.source, 'options.source', { zh: 'ruleset.json 的 source', en: "ruleset.json's source" });
  const clauses = clausesRequiringCoverage(parseNotice(noticeText));
  if (clauses.length === 0) {
    throw new ValidationError('argument', [textIssue(['notice'], '通知中没有编号条款(如 一、、(一)、1.):无从建立覆盖表', 'the notice has no numbered clause (such as 一、, (一), 1.): there is nothing to cover')]);
  }
  const lines = noticeLines(noticeText);
  const candidates = findCandidates(lines);
  const allLines = noticeText.split(/\r?\n/).map((line) => line.replace(/^#+\s*/, '').trim()).filter(Boolean);
  const title = allLines[0]!;
  const issued = issuedOf(candidates, allLines.at(-1)!) ?? `${candidates.find((candidate) => candidate.name.startsWith('year'))?.value ?? ''}-01-01`;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(issued)) {
    throw new ValidationError('argument', [textIssue(['notice'], '通知中没有日期,也没有年份:无法推定印发日期与年度', 'the notice gives no date and no year: its issue date and year cannot be drafted')]);
  }
  const authority = authorityOf(allLines, title);
  return {
    $schema: '../../schema/ruleset.schema.json',
    id: options.id,
    // Both languages say the notice's own title until someone translates it: nothing is made up.
    title: { zh: title, en: title },
    jurisdiction: { region: TO_CONFIRM },
    authority: authority ?? TO_CONFIRM,
    issued,
    year: Number(issued.slice(0, 4)),
    source: options.source,
    scope: { levels: [...TITLE_LEVELS] },
    parameters: Object.fromEntries(
      candidates.map((candidate) => [
        candidate.name,
        {
          type: candidate.type,
          value: candidate.value,
          ...(candidate.unit && { unit: candidate.unit }),
          description: { zh: `候选:「${candidate.text}」(确认其含义,或删除)`, en: `candidate: "${candidate.text}" (say what it is, or remove it)` },
          citation: { clause: candidate.clause, quote: candidate.quote },
          unconfirmed: true as const,
        },
      ]),
    ),
    conditions: [],
    coverage: clauses.map((clause) => ({
      clause,
      kind: 'informational' as const,
      note: { zh: '待确认:条件、程序性或说明性', en: 'to confirm: condition, procedural or informational' },
      unconfirmed: true as const,
    })),
    unconfirmed: ['title', 'jurisdiction', 'authority', 'issued', 'year', 'source', 'scope'],
  };
}
