import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ValidationError, clausesRequiringCoverage, foldWhitespace, lintRuleSet, lintRuleSetText, loadRuleSet, parseNotice } from '../src/index.js';
import { MINIMAL_NOTICE, minimalRuleSet } from './support/minimal.js';
import { ROOT, RULE_SET_DIRS, attempt, documentForTests, noticeText } from './support/repo.js';

interface Cited {
  where: string;
  citation: { clause: string; quote: string };
}

function citationsOf(document: any): Cited[] {
  return [
    ...document.conditions.map((condition: any) => ({ where: `condition ${condition.id}`, citation: condition.citation })),
    ...Object.entries(document.parameters).map(([name, parameter]: [string, any]) => ({ where: `parameter ${name}`, citation: parameter.citation })),
    ...(document.notes ?? []).map((note: any) => ({ where: `note ${note.id}`, citation: note.citation })),
    ...(document.scope.citation ? [{ where: 'scope', citation: document.scope.citation }] : []),
  ];
}

describe.each(RULE_SET_DIRS)('citations of %s', (id) => {
  // A template is checked as the tests fill it: its quotes are the template's own, blanks and all.
  const loaded = attempt(() => ({ document: documentForTests(id) as any, notice: noticeText(id) }));
  it('has a rule set and a notice to check', () => {
    if (loaded.value === undefined) throw loaded.error;
  });
  if (!loaded.value) return;
  const { document, notice } = loaded.value;
  const folded = foldWhitespace(notice);
  const clauses = parseNotice(notice);

  it('quotes the notice verbatim in every condition, parameter and note', () => {
    const notVerbatim = citationsOf(document)
      .filter(({ citation }) => !folded.includes(foldWhitespace(citation.quote)))
      .map(({ where, citation }) => `${where}: ${citation.quote}`);
    expect(notVerbatim).toEqual([]);
  });

  it('quotes each passage from within the clause it cites', () => {
    const misplaced = citationsOf(document)
      .filter(({ citation }) => !clauses.get(citation.clause)?.folded.includes(foldWhitespace(citation.quote)))
      .map(({ where, citation }) => `${where}: ${citation.clause}`);
    expect(misplaced).toEqual([]);
  });

  it('lists every numbered clause of the notice in its coverage table, and no clause the notice lacks', () => {
    const listed = new Set(document.coverage.map((row: any) => row.clause));
    expect(clausesRequiringCoverage(clauses).filter((clause) => !listed.has(clause))).toEqual([]);
    expect([...listed].filter((clause) => !clauses.has(clause as string))).toEqual([]);
  });

  it('passes the full lint with its notice', () => {
    expect(lintRuleSet(document, { notice })).toEqual([]);
  });

  it('would notice a quote that is not in the notice', () => {
    const altered = structuredClone(document);
    altered.conditions[0].citation.quote += '(不在原文中)';
    const issues = lintRuleSet(altered, { notice });
    expect(issues.map((issue) => issue.at)).toEqual(['conditions[0].citation.quote']);
  });
});

describe('notice texts', () => {
  it('are exactly what scripts/notices.mjs extracts from the captured seeds', () => {
    const output = execFileSync(process.execPath, [join(ROOT, 'scripts', 'notices.mjs'), '--check'], { encoding: 'utf8' });
    expect(output).not.toContain('DIFFERS');
    expect(output.trim().split('\n')).toHaveLength(RULE_SET_DIRS.length);
  });
});

describe('a citation that cites nothing', () => {
  /** Every citation of the minimal rule set set to `citation`. */
  const citingOnly = (citation: { clause: string; quote: string }) => {
    const document = minimalRuleSet();
    for (const condition of document.conditions) condition.citation = citation;
    for (const parameter of Object.values(document.parameters) as { citation: unknown }[]) parameter.citation = citation;
    return document;
  };
  const refusedEverywhere = (document: unknown, notice: string) => {
    const issues = lintRuleSet(document, { notice });
    // lint of the text puts issues in file order: the same issues, maybe in another order.
    expect(lintRuleSetText(JSON.stringify(document, null, 2), { notice }).map((issue) => issue.at).sort()).toEqual(issues.map((issue) => issue.at).sort());
    expect(() => loadRuleSet(document as never, { notice })).toThrow(ValidationError);
    return issues;
  };

  it.each([['ideographic spaces', '　　'], ['spaces, a line break and a tab', ' \n\t '], ['no-break spaces', '\u00a0\u00a0'], ['two characters', '申报'], ['three characters and spaces', ' 不少于 ']])(
    'refuses a quote of %s: fewer than 4 characters besides whitespace stand in any clause',
    (_, quote) => {
      const issues = refusedEverywhere(citingOnly({ clause: '一、(一)', quote }), MINIMAL_NOTICE);
      expect(issues.length).toBeGreaterThan(0);
      for (const issue of issues.filter((entry) => entry.at.endsWith('quote'))) {
        expect(issue.message.en).toBe('expected words of the notice, at least 4 characters besides whitespace');
        expect(issue.message.zh).toContain('除空白外至少 4 个字符');
      }
      expect(issues.map((issue) => issue.at)).toContain('conditions[0].citation.quote');
      expect(issues.map((issue) => issue.at)).toContain('parameters.tenureCutoff.citation.quote');
    },
  );

  it('refuses an empty notice, or one with no numbered clause, whatever the citations', () => {
    const document = citingOnly({ clause: '前言', quote: '离退休人员不得申报' });
    document.coverage = [];
    for (const notice of ['', '  \n\u3000\n', '离退休人员不得申报。']) {
      const issues = refusedEverywhere(document, notice);
      const root = issues.filter((issue) => issue.at === '');
      expect(root, JSON.stringify(notice)).toHaveLength(1);
      expect(root[0]!.message.en).toMatch(/^the notice \(notice\.md\) (is empty|has no numbered clause)/);
      expect(root[0]!.message.zh).toMatch(/^通知\(notice\.md\)/);
    }
  });
});
