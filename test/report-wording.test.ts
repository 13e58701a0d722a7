import { describe, expect, it } from 'vitest';
import { evaluate, getRuleSet, labelOf, renderText } from '../src/index.js';
import { RULE_SET_DIRS, fixturesOf, loadWithNotice } from './support/repo.js';

/** What an applicant reads: labels, not paths; no internal ids; notes only to whom they concern. */
describe('reports as applicants read them', () => {
  it('list what is still needed by label, not by profile path', () => {
    const text = renderText(evaluate(getRuleSet('bazhou-2022')!, { application: { series: 'health', targetLevel: 'deputy_senior' } }), 'zh');
    const needed = text.split('\n').find((line) => line.startsWith('待补充信息'))!;
    expect(needed).toContain('在核定职数范围内');
    expect(needed).not.toMatch(/application\.|employment\./);
  });

  it('show no internal id in a note', () => {
    for (const id of RULE_SET_DIRS) {
      const ruleSet = loadWithNotice(id);
      const ids = ruleSet.conditions.map((condition) => condition.id);
      for (const note of ruleSet.notes) for (const text of [note.text.zh, note.text.en]) for (const conditionId of ids) expect(text, `${id} ${note.id}`).not.toContain(conditionId);
    }
  });

  it('show a note only when its condition holds, not while it is unanswered', () => {
    const quzhou = getRuleSet('quzhou-2020')!;
    const notes = (profile: object) => evaluate(quzhou, profile).notes.map((note) => note.id);
    const deputy = { application: { targetLevel: 'deputy_senior' as const } };
    expect(notes(deputy)).not.toContain('allowance-deputy-senior');
    expect(notes({ ...deputy, employment: { keyIndustryEnterprise: true } })).toContain('allowance-deputy-senior');
    // The 普通高中 self-evaluation note is for 普通高中 teachers only.
    const teacher = { application: { series: 'primary_secondary_teachers' as const, targetLevel: 'deputy_senior' as const } };
    expect(notes({ ...teacher, employment: { unitType: 'primary_secondary_school' as const } })).not.toContain('high-school-self-evaluation');
    expect(notes({ ...teacher, employment: { unitType: 'senior_high_school' as const } })).toContain('high-school-self-evaluation');
  });

  it("quote the applicant's words verbatim in a message, even ones replace() reads as patterns or placeholders", () => {
    const beijing = getRuleSet('beijing-2024')!;
    for (const [chosen, insured] of [['$&', "$`x$'"], ['{required}', '{actual}'], ['$$', '{param:territory}']] as const) {
      const report = evaluate(beijing, { application: { series: 'engineering', targetLevel: 'clerk', committeeDistrict: chosen }, socialInsurance: { unitDistrict: insured } });
      const message = report.conditions.find((condition) => condition.id === 'engineering-junior-district-committee')!.message;
      expect(message.zh).toBe(`所选评委会所在区:${chosen};参保单位所在区:${insured},应向${insured}初级专业技术资格评委会申报`);
      expect(message.en).toBe(`committee’s district: ${chosen}; insuring unit’s district: ${insured}, so apply to the ${insured} junior committee`);
    }
  });

  it('do not tell a freelancer to go back to an insuring employer', () => {
    const beijing = getRuleSet('beijing-2024')!;
    const report = evaluate(beijing, { employment: { region: '北京市', engagement: 'freelancer' }, application: { series: 'art' } });
    const corrections = report.notes.find((note) => note.id === 'first-review-and-corrections')!;
    expect(corrections.text.zh).toContain('自由职业者为推荐的协会、学会');
  });

  it('say which route of a failed pathway failed, and why; mark steps of routes not taken apart from failures', () => {
    const shizuishan = getRuleSet('shizuishan-2024')!;
    const late = evaluate(shizuishan, { employment: { city: '石嘴山市' }, application: { targetLevel: 'deputy_senior' }, titles: [{ level: 'intermediate', obtainedOn: '2022-01-01' }], recognitions: { ruralRevitalizationContribution: false } });
    const text = renderText(late, 'zh');
    expect(text).toMatch(/✗ 路径 资历\(任职年限\):不符合 — 「正常申报」不符合:二、\(一\)2 申报副高级:按期取得中级资格;「乡村振兴突出贡献,提前一年申报」不符合:/);
    const met = renderText(evaluate(shizuishan, { employment: { city: '石嘴山市' }, application: { targetLevel: 'deputy_senior' }, titles: [{ level: 'intermediate', obtainedOn: '2015-01-01' }] }), 'zh');
    // Grouped under the pathway, below the route's heading that says it was not taken; marked ·, not ✗.
    const lines = met.split('\n');
    const pathway = lines.findIndex((line) => line.startsWith('✓ 路径 资历(任职年限)'));
    const heading = lines.findIndex((line) => line.startsWith('  「乡村振兴突出贡献,提前一年申报」'));
    const step = lines.findIndex((line) => line.includes('为乡村振兴做出突出贡献:不符合'));
    expect(pathway).toBeGreaterThan(0);
    expect(heading).toBeGreaterThan(pathway);
    expect(step).toBeGreaterThan(heading);
    expect(lines[heading]).toBe('  「乡村振兴突出贡献,提前一年申报」:不符合(未采用此路径,不影响结论)');
    expect(lines[step]!.startsWith('    · 一、(二) ')).toBe(true);
    expect(lines.filter((line) => line.startsWith('✗') || line.startsWith('    ✗'))).toEqual([]);
    // The taken route's steps keep their marks.
    expect(lines).toContain('  「正常申报」:符合(采用此路径)');
    expect(lines.some((line) => line.startsWith('    ✓ 二、(一)2 申报副高级:按期取得中级资格'))).toBe(true);
  });

  it('end with the outcome and what it rests on: failed conditions by clause with what each still needs, to-be-reviewed ones, missing fields by label', () => {
    const shizuishan = getRuleSet('shizuishan-2024')!;
    const report = evaluate(shizuishan, { employment: { city: '石嘴山市' }, status: { retired: true }, application: { targetLevel: 'deputy_senior' }, titles: [{ level: 'intermediate' }] });
    const zh = renderText(report, 'zh').split('\n');
    const outcome = zh.indexOf('结论:不符合申报条件 (ineligible)');
    expect(zh.slice(outcome, outcome + 8)).toEqual([
      '结论:不符合申报条件 (ineligible)',
      '不符合的条件:',
      '  二、(一)1 非离退休人员',
      // Its shortfall under it; the notice's silence on a remedy is said once, inside the text.
      '    离退休现为 是,要求应为 否;通知未说明能否补足',
      '需人工审核的条件:',
      '  二、(一)1 遵守宪法和法律,具备良好的职业道德',
      '  二、(一)1 符合相应系列、级别的评审标准条件',
      expect.stringMatching(/^待补充信息:.*职称\(第1项\)· 取得日期/),
    ]);
    expect(zh[outcome + 7]).not.toMatch(/titles|\.0\./);
    const en = renderText(report, 'en').split('\n');
    const outcomeEn = en.indexOf('Outcome: not eligible (ineligible)');
    expect(en.slice(outcomeEn + 1, outcomeEn + 4)).toEqual(['Failed:', '  二、(一)1 Not retired', '    retired: now yes; the notice: must be no; the notice does not say whether this can still be made up']);
    expect(en.find((line) => line.startsWith('Still needed: '))).toMatch(/^Still needed: .*title \(entry 1\) · obtained on/);
  });

  it('show under a failed condition how far short it is: continuing-education hours with the number still to take', () => {
    const fixture = fixturesOf('shizuishan-2024').find((each) => each.file.endsWith('/retired-engineer-rehired-senior.json'))!;
    const report = evaluate(getRuleSet('shizuishan-2024')!, fixture.profile as Parameters<typeof evaluate>[1], { asOf: '2026-12-02' });
    for (const language of ['zh', 'en'] as const) {
      const lines = renderText(report, language).split('\n');
      const outcome = lines.findIndex((line) => line.startsWith(language === 'zh' ? '结论:' : 'Outcome: '));
      const title = report.conditions.find((condition) => condition.id === 'ce-senior-public')!.title[language];
      const at = lines.findIndex((line, index) => index > outcome && line === `  ${report.conditions.find((c) => c.id === 'ce-senior-public')!.citation.clause} ${title}`);
      expect(at, language).toBeGreaterThan(outcome);
      expect(lines[at + 1]).toEqual(
        language === 'zh'
          ? '    2019—2023年一般公需科目学时+行业公需科目学时还差 26(现为 64,要求不少于 90);所计年度已过,通知未说明能否补学'
          : expect.stringMatching(/^ {4}.*: 26 short \(now 64; the notice: .* 90\); the years counted are over; the notice does not say whether hours can be made up$/),
      );
    }
  });

  it('list the routes of a pathway not yet met nearest first, each with what it still needs, a met one as met', () => {
    const shizuishan = getRuleSet('shizuishan-2024')!;
    // Deputy-senior with the intermediate title too late for the normal route, a rural contribution
    // recognised but the county's recommendation not yet answered: the early route is nearer.
    const report = evaluate(shizuishan, { employment: { city: '石嘴山市' }, application: { targetLevel: 'deputy_senior' }, titles: [{ level: 'intermediate', obtainedOn: '2019-06-01' }], recognitions: { ruralRevitalizationContribution: true } }, { asOf: '2026-12-02' });
    const pathway = report.pathways.find((each) => each.id === 'tenure')!;
    expect(pathway.status).not.toBe('pass');
    const zh = renderText(report, 'zh').split('\n');
    const start = zh.indexOf('资历(任职年限)的各条路径(由近及远):');
    expect(start).toBeGreaterThan(zh.findIndex((line) => line.startsWith('结论:')));
    const headings = zh.slice(start + 1).filter((line) => /^ {2}\d+\. /.test(line));
    const titles = pathway.nearest.map((id) => pathway.routes.find((route) => route.id === id)!).filter((route) => route.status !== 'not_applicable').map((route) => route.title.zh);
    expect(headings.map((line) => /「(.+)」/.exec(line)![1])).toEqual(titles);
    expect(titles[0]).not.toBe(pathway.routes[0]!.title.zh); // the nearest is not the notice's first
    // Under each route, the clause and title of each condition it still needs, with its shortfall.
    const first = pathway.routes.find((route) => route.id === pathway.nearest[0])!;
    const needed = report.conditions.find((condition) => condition.id === first.needs[0])!;
    const firstAt = zh.indexOf(headings[0]!);
    expect(zh[firstAt]).toBe(`  1. 「${first.title.zh}」:尚需`);
    expect(zh[firstAt + 1]).toBe(`    ${needed.citation.clause} ${needed.title.zh}:${needed.shortfall!.text.zh}`);
    const en = renderText(report, 'en');
    expect(en).toContain(`Routes of ${pathway.title.en}, nearest first:\n  1. ${first.title.en}: still needs\n    ${needed.citation.clause} ${needed.title.en}: ${needed.shortfall!.text.en}`);
  });

  it('mark a route already met as met in the list of a pathway still open', () => {
    const report = evaluate(getRuleSet('shizuishan-2024')!, { employment: { city: '石嘴山市' }, application: { targetLevel: 'deputy_senior' }, titles: [{ level: 'intermediate', obtainedOn: '2015-01-01' }] });
    const pathway = report.pathways.find((each) => each.id === 'tenure')!;
    // A met pathway lists no routes: there is nothing left to choose.
    expect(pathway.status).toBe('pass');
    expect(renderText(report, 'zh')).not.toContain('各条路径(由近及远)');
    // A pathway held open by review alone, with a met route, shows it met (built from the met report).
    const open = { ...report, pathways: report.pathways.map((each) => (each.id === 'tenure' ? { ...each, status: 'review' as const } : each)) };
    const taken = pathway.routes.find((route) => route.id === pathway.taken)!;
    expect(renderText(open, 'zh')).toContain(`  1. 「${taken.title.zh}」:已满足`);
    expect(renderText(open, 'en')).toContain(`  1. ${taken.title.en}: met`);
  });

  it('say which day deadlines were counted from when told, and nothing when not', () => {
    const report = evaluate(getRuleSet('shizuishan-2024')!, {}, { asOf: '2026-12-02' });
    expect(renderText(report, 'zh', { asOf: '2026-12-02' }).split('\n')[2]).toBe('按 2026-12-02 计算');
    expect(renderText(report, 'en', { asOf: '2026-12-02' }).split('\n')[2]).toBe('counted as of 2026-12-02');
    expect(renderText(report, 'zh')).not.toMatch(/^按 \d{4}-\d\d-\d\d 计算$/m);
    expect(renderText(report, 'en')).not.toContain('counted as of');
    expect(() => renderText(report, 'zh', { asOf: '2026-02-30' })).toThrow(/options\.asOf/);
  });

  it('say on a pass that the notice’s demand is met, in both languages', () => {
    const report = evaluate(getRuleSet('shizuishan-2024')!, { application: { failedLastYear: false } });
    const condition = report.conditions.find((each) => each.id === 'no-repeat-without-new-achievements')!;
    expect(condition.message.zh).toContain('符合通知要求');
    expect(condition.message.en).toContain('as the notice asks');
    expect(condition.message.en).not.toMatch(/required must/);
  });

  it('keep the 等 of an open list, and say the body decides', () => {
    const report = evaluate(getRuleSet('bazhou-2022')!, {
      employment: { region: '新疆维吾尔自治区', city: '巴音郭楞蒙古自治州', employerKind: 'public_institution', unitLocation: 'township', postCategory: 'other' },
      application: { series: 'agriculture', targetLevel: 'deputy_senior' },
    });
    const track = report.conditions.find((condition) => condition.id === 'track-agriculture')!;
    expect(track.status).toBe('review');
    expect(track.message.zh).toMatch(/需人工审核:.*县\(市\)农业农村、畜牧兽医部门.*等\)$/);
    expect(track.message.en).toContain('etc. (the list is open)');
  });
});

describe('labelOf', () => {
  it('names an entry of a list with its number, counted from 1, in both spellings of the path', () => {
    for (const path of ['titles[0].obtainedOn', 'titles.0.obtainedOn']) {
      expect(labelOf(path)).toEqual({ zh: '职称(第1项)· 取得日期', en: 'title (entry 1) · obtained on' });
    }
    expect(labelOf('titles[2]')).toEqual({ zh: '职称(第3项)', en: 'title (entry 3)' });
    expect(labelOf('discipline.sanctions[1].kind')).toEqual({ zh: '处分(第2项)· 处分类别', en: 'sanction (entry 2) · kind of sanction' });
  });

  it('keeps the general label of a field of every entry, and gives an unknown path back as it is', () => {
    expect(labelOf('titles[].obtainedOn')).toEqual({ zh: '取得日期', en: 'obtained on' });
    expect(labelOf('continuingEducation[year=2023]')).toEqual({ zh: '继续教育学时(2023年)', en: 'continuing education (2023)' });
    expect(labelOf('titles[0].bogus')).toEqual({ zh: 'titles[0].bogus', en: 'titles[0].bogus' });
  });
});
