import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSkeleton, findCandidates, lintRuleSet, loadRuleSet, noticeLines, parseNotice, foldWhitespace, ValidationError } from '../src/index.js';
import { chineseNumber, quoteAround } from '../src/maintain/candidates.js';
import { cli } from './support/cli.js';
import { ROOT, RULE_SET_DIRS, rulesetJson } from './support/repo.js';

interface Source { firstLine: string; lastLine: string; omitLines?: string[]; corrections?: { from: string; to: string }[] }

/** `zhicheng new` on a bundled notice's capture, with the body lines its ruleset.json records. */
async function newFromCapture(id: string) {
  const source = (rulesetJson(id) as { source: Source }).source;
  const dir = join(mkdtempSync(join(tmpdir(), 'zhicheng-new-')), id);
  const result = await cli(
    'new', id, '--notice', join(ROOT, 'rules', id, 'source.txt'), '--dir', dir,
    '--first-line', source.firstLine, '--last-line', source.lastLine,
    ...(source.omitLines ?? []).flatMap((line) => ['--omit-line', line]),
    ...(source.corrections ?? []).flatMap(({ from, to }) => ['--correction', `${from}=${to}`]),
  );
  return { result, notice: readFileSync(join(dir, 'notice.md'), 'utf8'), skeleton: JSON.parse(readFileSync(join(dir, 'ruleset.json'), 'utf8')) };
}

describe('zhicheng new, on each captured notice', () => {
  for (const id of RULE_SET_DIRS) {
    describe(id, async () => {
      const { result, notice, skeleton } = await newFromCapture(id);

      it('writes the notice.md the repository has, converting a traditional capture by itself', () => {
        expect(result).toMatchObject({ code: 0, stderr: '' });
        expect(notice).toBe(readFileSync(join(ROOT, 'rules', id, 'notice.md'), 'utf8'));
      });

      it('has a coverage row for exactly the clauses the rule set covers', () => {
        const existing = (rulesetJson(id) as { coverage: { clause: string }[] }).coverage.map((row) => row.clause);
        const drafted = skeleton.coverage.map((row: { clause: string }) => row.clause);
        // As sets: Beijing lists 三、(三) twice (a condition row and a procedural row for the same clause).
        expect(new Set(drafted)).toEqual(new Set(existing));
        expect(drafted).toHaveLength(new Set(drafted).size);
      });

      it('quotes every candidate parameter from the clause it cites', () => {
        const clauses = parseNotice(notice);
        const parameters = Object.values(skeleton.parameters) as { citation: { clause: string; quote: string } }[];
        expect(parameters.length).toBeGreaterThan(0);
        for (const { citation } of parameters) expect(clauses.get(citation.clause)!.folded).toContain(foldWhitespace(citation.quote));
      });

      it('is refused by lint for exactly its unconfirmed items, and by the loader', () => {
        const issues = lintRuleSet(skeleton, { notice });
        const expected = [
          ...skeleton.unconfirmed.map(() => 'unconfirmed'),
          ...Object.keys(skeleton.parameters).map((name) => `parameters.${name}.unconfirmed`),
          ...skeleton.coverage.map((_: unknown, index: number) => `coverage[${index}].unconfirmed`),
        ];
        expect(issues.map((issue) => issue.at).sort()).toEqual(expected.sort());
        expect(issues.every((issue) => /确认/.test(issue.message.zh) && /confirm/.test(issue.message.en))).toBe(true);
        expect(() => loadRuleSet(skeleton, { notice })).toThrow(ValidationError);
      });
    });
  }
});

describe('candidate parameters', () => {
  const candidates = (text: string) => findCandidates(noticeLines(`# 通知\n一、条件\n${text}`));

  it('finds dates, counts with a unit and percentages, each with the words the notice writes', () => {
    const found = candidates('须在2018年12月31日前取得资格,继续教育不少于90学时,任职满3年,比例不超过60%,提前一年申报。');
    expect(found.map(({ name, type, value, unit }) => ({ name, type, value, unit }))).toEqual([
      { name: 'date20181231', type: 'date', value: '2018-12-31', unit: undefined },
      { name: 'hours90', type: 'integer', value: 90, unit: 'hours' },
      { name: 'years3', type: 'integer', value: 3, unit: 'years' },
      { name: 'percent60', type: 'number', value: 60, unit: 'percent' },
      { name: 'years1', type: 'integer', value: 1, unit: 'years' },
    ]);
    expect(found[0]).toMatchObject({ clause: '一、', quote: '须在2018年12月31日前取得资格', text: '2018年12月31日' });
  });

  it('leaves what the notice does not say as text: a month and day without a year, a range of years', () => {
    expect(candidates('7月2日至7月23日申报,审验2020-2023年学时,11月底前结束').map((found) => [found.type, found.value])).toEqual([
      ['string', '7月2日'], ['string', '7月23日'], ['string', '2020-2023年'], ['string', '11月底'],
    ]);
  });

  it('numbers a value found again, and reads no number inside a document number or a longer number', () => {
    expect(candidates('宁人社函〔2024〕111号。2024年度,2024年度。').map((found) => found.name)).toEqual(['year2024', 'year2024N2']);
    expect(candidates('二〇二四年').map((found) => found.name)).toEqual([]);
  });

  it('reads Chinese numerals to 九十九 and no further', () => {
    expect([chineseNumber('一'), chineseNumber('十'), chineseNumber('十二'), chineseNumber('三十'), chineseNumber('九十九'), chineseNumber('一百')]).toEqual([1, 10, 12, 30, 99, undefined]);
  });

  it('quotes the phrase around a match, at least four characters', () => {
    expect(quoteAround('总学时累计不少于360学时,其中公需课不少于72学时', 8, 13)).toBe('总学时累计不少于360学时');
    expect(quoteAround('满3年。', 1, 3)).toBe('满3年。');
  });
});

describe('buildSkeleton', () => {
  it('refuses a text without a numbered clause, in both languages', () => {
    expect(() => buildSkeleton('# 标题\n\n没有编号的文字', { id: 'x', source: { seed: 'x', firstLine: '标题', lastLine: '文字' } })).toThrow(/no numbered clause/);
  });

  it('takes the date of issue from the last line, after the attachment list', () => {
    const skeleton = buildSkeleton('# 某市关于2025年职称评审的通知\n\n一、申报条件\n\n须满5年。\n\n附件:1.表格\n\n某市人力资源和社会保障局\n\n2025年3月1日\n', { id: 'x-2025', source: { seed: 'x', firstLine: 'a', lastLine: 'b' } });
    expect(skeleton).toMatchObject({ issued: '2025-03-01', year: 2025, authority: '某市人力资源和社会保障局', conditions: [] });
  });
});

describe('unconfirmed entries', () => {
  const marked = () => {
    const document = structuredClone(rulesetJson('shizuishan-2024')) as { parameters: Record<string, { unconfirmed?: true }>; coverage: { unconfirmed?: true }[]; unconfirmed?: string[] };
    document.parameters.tenureCutoffSeniorLevels!.unconfirmed = true;
    document.coverage[2]!.unconfirmed = true;
    document.unconfirmed = ['jurisdiction'];
    return document;
  };

  it('are each an error naming its path, in Chinese and English; the rest of the rule set is fine', () => {
    const issues = lintRuleSet(marked(), { notice: readFileSync(join(ROOT, 'rules', 'shizuishan-2024', 'notice.md'), 'utf8') });
    expect(issues.map((issue) => [issue.at, issue.message.en])).toEqual([
      ['unconfirmed', 'jurisdiction is unconfirmed: check it, then delete it from unconfirmed'],
      ['parameters.tenureCutoffSeniorLevels.unconfirmed', expect.stringMatching(/^candidate parameter tenureCutoffSeniorLevels \(".+"\) is unconfirmed: confirm or remove it$/)],
      ['coverage[2].unconfirmed', expect.stringMatching(/is unconfirmed: confirm or remove it/)],
    ]);
    expect(issues[1]!.message.zh).toMatch(/确认或删除$/);
  });

  it('keep the loader from loading it', () => {
    expect(() => loadRuleSet(marked())).toThrow(/parameters\.tenureCutoffSeniorLevels\.unconfirmed/);
  });

  it('may only be true: false is no way to confirm', () => {
    const document = marked();
    (document.parameters.tenureCutoffSeniorLevels as { unconfirmed: unknown }).unconfirmed = false;
    expect(lintRuleSet(document).map((issue) => issue.at)).toContain('parameters.tenureCutoffSeniorLevels.unconfirmed');
  });
});
