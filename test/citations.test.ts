import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clausesRequiringCoverage, foldWhitespace, lintRuleSet, parseNotice } from '../src/index.js';
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
