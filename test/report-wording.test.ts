import { describe, expect, it } from 'vitest';
import { evaluate, getRuleSet, labelOf, renderText } from '../src/index.js';
import { RULE_SET_DIRS, loadWithNotice } from './support/repo.js';

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

  it('end with the outcome and what it rests on: failed and to-be-reviewed conditions by clause, missing fields by label', () => {
    const shizuishan = getRuleSet('shizuishan-2024')!;
    const report = evaluate(shizuishan, { employment: { city: '石嘴山市' }, status: { retired: true }, application: { targetLevel: 'deputy_senior' }, titles: [{ level: 'intermediate' }] });
    const zh = renderText(report, 'zh').split('\n');
    const outcome = zh.indexOf('结论:不符合申报条件 (ineligible)');
    expect(zh.slice(outcome, outcome + 7)).toEqual([
      '结论:不符合申报条件 (ineligible)',
      '不符合的条件:',
      '  二、(一)1 非离退休人员',
      '需人工审核的条件:',
      '  二、(一)1 遵守宪法和法律,具备良好的职业道德',
      '  二、(一)1 符合相应系列、级别的评审标准条件',
      expect.stringMatching(/^待补充信息:.*职称\(第1项\)· 取得日期/),
    ]);
    expect(zh.at(-1)).not.toMatch(/titles|\.0\./);
    const en = renderText(report, 'en').split('\n');
    const outcomeEn = en.indexOf('Outcome: not eligible (ineligible)');
    expect(en.slice(outcomeEn + 1, outcomeEn + 3)).toEqual(['Failed:', '  二、(一)1 Not retired']);
    expect(en.at(-1)).toMatch(/^Still needed: .*title \(entry 1\) · obtained on/);
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
