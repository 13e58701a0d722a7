import { describe, expect, it } from 'vitest';
import { ValidationError, evaluate, evaluateWithEngine, instantiate, lintRuleSet, loadRuleSet, templateBlanks } from '../src/index.js';
import { MINIMAL_NOTICE, minimalRuleSet } from './support/minimal.js';

/** The minimal rule set, covering only intermediate-level applicants. */
function scoped() {
  const document = minimalRuleSet();
  document.scope.appliesWhen = { fact: 'field', params: { path: 'application.targetLevel' }, operator: 'equal', value: 'intermediate' };
  document.scope.outOfScope = { zh: '本通知只适用于申报中级职称', en: 'this notice is for intermediate titles only' };
  document.scope.citation = { clause: '一、(二)', quote: '申报中级职称的' };
  return document;
}

describe('the scope gate', () => {
  const ruleSet = loadRuleSet(scoped(), { notice: MINIMAL_NOTICE });

  it('gives an applicant the notice does not cover the outcome not_applicable, every condition saying why', async () => {
    const profile = { status: { retired: true }, application: { targetLevel: 'senior' as const } };
    const report = evaluate(ruleSet, profile);
    expect(report.outcome).toBe('not_applicable');
    expect(report.conditions.map((condition) => condition.status)).toEqual(['not_applicable', 'not_applicable']);
    expect(report.conditions[0]!.message.en).toBe('this notice is for intermediate titles only');
    expect(report.outOfScope).toEqual({ reason: ruleSet.scope!.outOfScope, citation: { clause: '一、(二)', quote: '申报中级职称的' } });
    expect(await evaluateWithEngine(ruleSet, profile)).toEqual(report);
  });

  it('evaluates an applicant it covers as usual', () => {
    const report = evaluate(ruleSet, { status: { retired: true }, application: { targetLevel: 'intermediate' } });
    expect(report.outcome).toBe('ineligible');
    expect(report.outOfScope).toBeUndefined();
  });

  it('keeps an applicant whose coverage is unknown incomplete, asking for what decides it', async () => {
    const profile = { status: { retired: false }, titles: [{ level: 'assistant' as const, obtainedOn: '2020-01-01' }] };
    const report = evaluate(ruleSet, profile);
    expect(report.outcome).toBe('incomplete');
    expect(report.missing).toContain('application.targetLevel');
    expect(await evaluateWithEngine(ruleSet, profile)).toEqual(report);
  });

  it('must come with its reason and citation', () => {
    const document = scoped();
    delete document.scope.outOfScope;
    expect(lintRuleSet(document).map((issue) => issue.at)).toEqual(['scope']);
  });

  it('has its quote checked against the notice', () => {
    const document = scoped();
    document.scope.citation.quote = '申报高级职称的';
    expect(lintRuleSet(document, { notice: MINIMAL_NOTICE }).map((issue) => issue.at)).toEqual(['scope.citation.quote']);
  });
});

describe('{param:name} placeholders', () => {
  it('fill titles and messages with the parameter value', () => {
    const document = minimalRuleSet();
    document.conditions[1].title = { zh: '在{param:tenureCutoff}前取得初级资格', en: 'Junior title by {param:tenureCutoff}' };
    const ruleSet = loadRuleSet(document);
    expect(ruleSet.conditions[1]!.title).toEqual({ zh: '在2028-12-31前取得初级资格', en: 'Junior title by 2028-12-31' });
  });

  it('must name a parameter of the rule set', () => {
    const document = minimalRuleSet();
    document.conditions[1].title.en = 'by {param:tenureCutof}';
    expect(lintRuleSet(document).map((issue) => [issue.at, issue.message.en])).toEqual([['conditions[1].title.en', 'undefined parameter "tenureCutof"; defined: tenureCutoff']]);
  });
});

describe('templates', () => {
  function template() {
    const document = minimalRuleSet();
    document.template = true;
    delete document.parameters.tenureCutoff.value;
    return document;
  }
  const anytown = {
    id: 'anytown-2030',
    title: { zh: '示例市2030年职称工作安排', en: 'Anytown 2030 arrangements' },
    issued: '2030-03-01',
    jurisdiction: { region: '某省', city: '示例市' },
    values: { tenureCutoff: '2027-12-31' },
  };

  it('cannot be loaded with blanks, and says which', () => {
    expect(templateBlanks(template())).toEqual(['tenureCutoff']);
    expect(() => loadRuleSet(template())).toThrow(/fill them with instantiate\(\): tenureCutoff/);
  });

  it('becomes a rule set once its blanks are filled', () => {
    const ruleSet = loadRuleSet(instantiate(template(), anytown), { notice: MINIMAL_NOTICE });
    expect(ruleSet.id).toBe('anytown-2030');
    expect(ruleSet.document.jurisdiction.city).toBe('示例市');
    const report = evaluate(ruleSet, { status: { retired: false }, application: { targetLevel: 'intermediate' }, titles: [{ level: 'assistant', obtainedOn: '2028-06-01' }] });
    expect(report.conditions[1]).toMatchObject({ status: 'fail', required: '2027-12-31' });
  });

  it('refuses a missing value, a value for a fixed parameter, and one for a parameter it lacks', () => {
    const document = template();
    document.parameters.other = { type: 'integer', value: 3, description: { zh: '其他', en: 'other' }, citation: { clause: '一、(一)', quote: '离退休人员' } };
    const problems = (values: Record<string, unknown>) => {
      try {
        instantiate(document, { ...anytown, values });
        return [];
      } catch (error) {
        expect(error).toBeInstanceOf(ValidationError);
        return (error as ValidationError).issues.map((issue) => issue.message.en);
      }
    };
    expect(problems({})).toEqual(['these blanks have no value: tenureCutoff']);
    expect(problems({ tenureCutoff: '2027-12-31', other: 4, typo: 1 })).toEqual([
      'parameter "other" is fixed by the notice, not a blank',
      'the template has no parameter "typo"',
    ]);
  });

  it('checks the filled values by their types when loaded', () => {
    expect(lintRuleSet(instantiate(template(), { ...anytown, values: { tenureCutoff: 'next spring' } })).map((issue) => issue.at)).toEqual([
      'parameters.tenureCutoff.value',
    ]);
  });

  it('gives the filled-in notice its own title and issued date, and refuses the template’s id', () => {
    const document = instantiate(template(), anytown);
    expect([document.title, document.issued]).toEqual([anytown.title, '2030-03-01']);
    expect(() => instantiate(template(), { ...anytown, id: template().id })).toThrow(/an id of its own/);
    const { title: _title, issued: _issued, ...bare } = anytown;
    expect(() => instantiate(template(), bare as never)).toThrow(/own title[\s\S]*was issued/);
  });

  it('refuses blanks outside their bounds, naming the blank', () => {
    const document = template();
    Object.assign(document.parameters, {
      passRate: { type: 'number', min: 0, max: 100, unit: 'percent', description: { zh: '通过率', en: 'pass rate' }, citation: { clause: '一、(一)', quote: '离退休人员' } },
      publicityDays: { type: 'integer', min: 1, description: { zh: '公示', en: 'publicity' }, citation: { clause: '一、(一)', quote: '离退休人员' } },
      deadline: { type: 'date', withinYear: true, description: { zh: '截止', en: 'deadline' }, citation: { clause: '一、(一)', quote: '离退休人员' } },
      province: { type: 'string', description: { zh: '省', en: 'province' }, citation: { clause: '一、(一)', quote: '离退休人员' } },
    });
    document.year = 2030;
    const problems = (values: Record<string, unknown>) => {
      try {
        instantiate(document, { ...anytown, values: { tenureCutoff: '2027-12-31', passRate: 60, publicityDays: 5, deadline: '2030-04-30', province: '某省', ...values } });
        return [];
      } catch (error) {
        return (error as ValidationError).issues.map((issue) => `${issue.at}: ${issue.message.en}`);
      }
    };
    expect(problems({})).toEqual([]);
    expect(problems({ passRate: 150, publicityDays: -3, deadline: '2027-01-01', province: ' ' })).toEqual([
      'values.passRate: expected at most 100',
      'values.publicityDays: expected at least 1',
      "values.deadline: expected a date in the notice's year, 2030",
      'values.province: expected a non-empty text',
    ]);
    // The same bounds hold when a filled document is loaded: a rule set cannot carry −3 days either.
    const filled = instantiate(document, { ...anytown, values: { tenureCutoff: '2027-12-31', passRate: 60, publicityDays: 5, deadline: '2030-04-30', province: '某省' } });
    (filled.parameters.publicityDays as { value: unknown }).value = -3;
    expect(lintRuleSet(filled).map((issue) => issue.at)).toContain('parameters.publicityDays.value');
  });

  it('refuses to instantiate a rule set that is not a template', () => {
    expect(() => instantiate(minimalRuleSet(), anytown)).toThrow(ValidationError);
  });
});

describe('the bundled 2021 template', () => {
  it('refuses to load with its blanks, naming every one', async () => {
    const { getTemplate, templateBlanks, TEMPLATE_IDS, RULE_SET_IDS } = await import('../src/index.js');
    expect(TEMPLATE_IDS).toEqual(['template-2021']);
    expect(RULE_SET_IDS).not.toContain('template-2021');
    const template = getTemplate('template-2021')!;
    const blanks = templateBlanks(template);
    // Nine blanks of the text (dates, rates, day counts, the province) and its territory, 全市.
    expect(blanks).toHaveLength(10);
    expect(blanks).toContain('territory');
    const error = (() => {
      try {
        loadRuleSet(template);
      } catch (caught) {
        return caught as ValidationError;
      }
    })();
    expect(error).toBeInstanceOf(ValidationError);
    for (const blank of blanks) expect(error!.message).toContain(blank);
  });

  it('becomes a usable rule set for a made-up city', async () => {
    const { getTemplate } = await import('../src/index.js');
    const { instantiationOf, noticeText } = await import('./support/repo.js');
    const ruleSet = loadRuleSet(instantiate(getTemplate('template-2021')!, instantiationOf('template-2021')), { notice: noticeText('template-2021') });
    expect(ruleSet.document.jurisdiction.city).toBe('示例市');
    const report = evaluate(ruleSet, { application: { falsificationFound: true } });
    expect(report.outcome).toBe('ineligible');
    // A filled blank shows in the texts that name it.
    expect(JSON.stringify(ruleSet.notes)).not.toMatch(/\{param:/);
  });
});

describe('every bundled rule set', () => {
  it('checks its territory in its scope: a notice covers a place (docs/reading-notices.md, Territory)', async () => {
    const { RULE_SET_DIRS, loadWithNotice } = await import('./support/repo.js');
    const { leavesOf } = await import('../src/engine/logic.js');
    for (const id of RULE_SET_DIRS) {
      const ruleSet = loadWithNotice(id);
      const facts = ruleSet.scope ? leavesOf(ruleSet.scope.appliesWhen).map((leaf) => leaf.fact.name) : [];
      expect(facts, id).toContain('placeWithin');
      expect([...ruleSet.parameters.values()].some((parameter) => parameter.type === 'place'), id).toBe(true);
    }
  });
});
