import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ValidationError,
  checkAll,
  createEngine,
  eligibility,
  evaluate,
  evaluateWithEngine,
  getRuleSet,
  isRuleSet,
  lintRuleSet,
  loadRuleSet,
  toStandardSchema,
  type RuleSet,
} from '../src/index.js';
import { ROOT, noticeText, rulesetJson } from './support/repo.js';
import { MINIMAL_NOTICE, minimalRuleSet } from './support/minimal.js';

/** The problems a broken rule set is refused with: where (the JSON path) and, in English, what. */
function problems(document: unknown, notice: string | undefined = MINIMAL_NOTICE) {
  return lintRuleSet(document, notice === undefined ? {} : { notice }).map((issue) => ({ at: issue.at, en: issue.message.en }));
}

describe('loading a rule set', () => {
  it('accepts the minimal rule set and evaluates with it', () => {
    expect(problems(minimalRuleSet())).toEqual([]);
    const ruleSet = loadRuleSet(minimalRuleSet(), { notice: MINIMAL_NOTICE });
    const report = evaluate(ruleSet, { status: { retired: false }, application: { targetLevel: 'intermediate' }, titles: [{ level: 'assistant', obtainedOn: '2028-12-31' }] });
    expect(report.outcome).toBe('eligible');
  });

  it('reads -0 in a parameter as 0: it reaches no compiled parameter and no report', () => {
    // JSON writes -0 as 0, so only Object.is tells; a report differing in memory only is still wrong.
    const negativeZero = (value: unknown): boolean =>
      Object.is(value, -0) || (value !== null && typeof value === 'object' && Object.values(value).some(negativeZero));
    const document = rulesetJson('quzhou-2020') as { parameters: Record<string, { value: unknown }> };
    document.parameters.ceAnnualMinimumHours!.value = JSON.parse('-0');
    document.parameters.ceTwoYearTotalHours!.value = JSON.parse('-0');
    const ruleSet = loadRuleSet(document as never, { notice: noticeText('quzhou-2020') });
    expect(Object.is(ruleSet.parameters.get('ceAnnualMinimumHours')!.value, 0)).toBe(true);
    expect(negativeZero([...ruleSet.parameters.values()].map((parameter) => parameter.value))).toBe(false);
    const fixture = JSON.parse(readFileSync(join(ROOT, 'fixtures', 'quzhou-2020', 'eligible-intermediate-chemical-engineer.json'), 'utf8')) as { profile: unknown };
    const report = evaluate(ruleSet, fixture.profile as never);
    expect(report.conditions.some((condition) => condition.parameters?.length !== 0 && condition.required === 0)).toBe(true);
    expect(negativeZero(report.conditions.map((condition) => [condition.actual, condition.required]))).toBe(false);
  });

  it('refuses a parameter shown in a message whose value reads {actual} or {required}: the report would fill it', () => {
    const document = minimalRuleSet();
    document.parameters.label = {
      type: 'string',
      value: '$& {required}',
      description: { zh: '说明', en: 'label' },
      citation: { clause: '一、(一)', quote: '离退休人员不得申报' },
    };
    document.conditions[0].message = { zh: '{param:label}:{actual}', en: '{param:label}: {actual}' };
    const found = problems(document).filter((problem) => problem.at.startsWith('conditions[0].message'));
    expect(found.map((problem) => problem.at)).toEqual(['conditions[0].message.zh', 'conditions[0].message.en']);
    expect(found[0]!.en).toBe('parameter label has a value containing {actual} or {required}; it cannot be put into a message');
    // In a title (never filled again) the same value stands verbatim, $& and all.
    const titled = minimalRuleSet();
    titled.parameters.label = document.parameters.label;
    titled.conditions[0].title = { zh: '{param:label}', en: 'Not retired: {param:label}' };
    const ruleSet = loadRuleSet(titled, { notice: MINIMAL_NOTICE });
    expect(ruleSet.conditions[0]!.title).toEqual({ zh: '$& {required}', en: 'Not retired: $& {required}' });
  });

  it('refuses an unknown fact, naming the JSON path and the known facts', () => {
    const document = minimalRuleSet();
    document.conditions[0].test.fact = 'salary';
    const [problem, ...rest] = problems(document);
    expect(rest).toEqual([]);
    expect(problem!.at).toBe('conditions[0].test.fact');
    expect(problem!.en).toMatch(/unknown fact "salary"; known facts: field, /);
  });

  it('refuses an unknown operator', () => {
    const document = minimalRuleSet();
    document.conditions[1].test.operator = 'regex';
    expect(problems(document)).toEqual([{ at: 'conditions[1].test.operator', en: expect.stringMatching(/unknown operator "regex"/) }]);
  });

  it("refuses json-rules-engine's `path` (JSONPath) on a condition", () => {
    const document = minimalRuleSet();
    document.conditions[0].test.path = '$.status.retired';
    expect(problems(document)).toEqual([{ at: 'conditions[0].test', en: 'unrecognized key: path' }]);
  });

  it('refuses a condition without a citation', () => {
    const document = minimalRuleSet();
    delete document.conditions[1].citation;
    expect(problems(document)).toEqual([{ at: 'conditions[1].citation', en: 'missing: expected object' }]);
  });

  it('refuses a citation whose clause is not written as the notice numbers clauses', () => {
    const document = minimalRuleSet();
    document.conditions[0].citation.clause = 'section 1';
    expect(problems(document)).toEqual([{ at: 'conditions[0].citation.clause', en: expect.stringMatching(/clause number of the notice/) }]);
  });

  it('refuses a quote that is not in the notice, and one from another clause', () => {
    const document = minimalRuleSet();
    document.conditions[0].citation.quote = '离退休人员可以申报';
    document.conditions[1].citation.quote = '离退休人员不得申报';
    expect(problems(document)).toEqual([
      { at: 'conditions[0].citation.quote', en: 'the quote is not verbatim from the notice: "离退休人员可以申报" (expected its exact words, whitespace aside)' },
      { at: 'conditions[1].citation.quote', en: 'the quote is not in clause 一、(二) (it is in 一、(一))' },
    ]);
  });

  it('checks the quote of what the notice says of a failure (remedy) like any citation', () => {
    const document = minimalRuleSet();
    document.conditions[0].remedy = { status: 'impossible', text: { zh: '不得申报', en: 'may not apply' }, citation: { clause: '一、(二)', quote: '离退休人员不得申报' } };
    expect(problems(document)).toEqual([{ at: 'conditions[0].remedy.citation.quote', en: 'the quote is not in clause 一、(二) (it is in 一、(一))' }]);
    document.conditions[0].remedy.citation.clause = '一、(一)';
    expect(problems(document)).toEqual([]);
  });

  it('accepts a quote that differs from the notice only in whitespace', () => {
    const document = minimalRuleSet();
    document.conditions[0].citation.quote = '离退休人员 不得\n申报';
    expect(problems(document)).toEqual([]);
  });

  it('refuses a coverage table that misses a numbered clause or names one the notice lacks', () => {
    const document = minimalRuleSet();
    document.coverage[2].clause = '三、(一)';
    expect(problems(document)).toEqual([
      { at: 'coverage[2].clause', en: 'the notice has no clause 三、(一)' },
      { at: 'coverage', en: 'the coverage table does not list clause 二、(一) (expected a row for every numbered clause)' },
    ]);
  });

  it('refuses a condition the coverage table does not account for', () => {
    const document = minimalRuleSet();
    document.coverage[1] = { clause: '一、(二)', kind: 'informational', note: { zh: '略', en: 'skipped' } };
    expect(problems(document)).toEqual([{ at: 'conditions[1].id', en: 'condition tenure is not listed in the coverage table' }]);
  });

  it('refuses duplicate condition ids', () => {
    const document = minimalRuleSet();
    document.conditions[1].id = 'not-retired';
    expect(problems(document)).toContainEqual({ at: 'conditions[1].id', en: 'duplicate condition id: not-retired' });
  });

  it('refuses a reference to an undefined parameter', () => {
    const document = minimalRuleSet();
    document.conditions[1].test.value = { param: 'tenureCutof' };
    expect(problems(document)).toEqual([{ at: 'conditions[1].test.value.param', en: 'undefined parameter "tenureCutof"; defined: tenureCutoff' }]);
  });

  it('refuses a value of the wrong type for its operator', () => {
    const document = minimalRuleSet();
    document.conditions[1].test.value = '2028-02-30';
    expect(problems(document)).toEqual([{ at: 'conditions[1].test.value', en: 'expected a real calendar date written YYYY-MM-DD' }]);
  });

  it('refuses fact parameters the fact does not take', () => {
    const document = minimalRuleSet();
    document.conditions[0].test.params = { path: 'status.salary' };
    document.conditions[1].test.params = { atLeast: 'professor' };
    expect(problems(document)).toEqual([
      { at: 'conditions[0].test.params.path', en: 'expected the path of a profile field (e.g. application.targetLevel)' },
      { at: 'conditions[1].test.params.atLeast', en: 'expected one of: clerk, assistant, intermediate, deputy_senior, senior' },
    ]);
  });

  it('refuses a node that is neither all, any, not nor a leaf', () => {
    const document = minimalRuleSet();
    document.conditions[0].test = { all: [document.conditions[0].test], fact: 'field' };
    expect(problems(document)).toEqual([{ at: 'conditions[0].test', en: expect.stringMatching(/must be one of \{all/) }]);
  });

  it('refuses a condition with neither a test nor a review, and a review beside a test with no open list', () => {
    const document = minimalRuleSet();
    document.conditions[0].review = { zh: '人工', en: 'by hand' };
    delete document.conditions[1].test;
    expect(problems(document).map((problem) => problem.at)).toEqual(['conditions[1]', 'conditions[0].review']);
  });

  it('takes an open list (等) or bar (原则上) only in a test, and only with a review saying who decides', () => {
    const open = (node: Record<string, unknown>, review = true) => {
      const document = minimalRuleSet();
      document.conditions[0].test = node;
      if (review) document.conditions[0].review = { zh: '由评委会判断', en: 'the committee decides' };
      return document;
    };
    const leaf = { fact: 'field', params: { path: 'application.targetLevel' }, operator: 'in', value: ['intermediate'], open: true };
    expect(problems(open(leaf))).toEqual([]);
    expect(problems(open(leaf, false)).map((problem) => problem.at)).toEqual(['conditions[0].review']);
    expect(problems(open({ fact: 'field', params: { path: 'application.submittedOn' }, operator: 'dateOnOrBefore', value: '2024-06-30', open: true }))).toEqual([]);
    const inGate = minimalRuleSet();
    inGate.conditions[0].appliesWhen = leaf;
    expect(problems(inGate).map((problem) => problem.at)).toEqual(['conditions[0].appliesWhen.open']);
  });

  it('refuses a misspelt value of a closed set, saying which value was meant', () => {
    const document = minimalRuleSet();
    document.conditions[0].test = { fact: 'field', params: { path: 'application.targetLevel' }, operator: 'equal', value: 'intermedate' };
    const [problem, ...rest] = problems(document);
    expect(rest).toEqual([]);
    expect(problem!.at).toBe('conditions[0].test.value');
    expect(problem!.en).toMatch(/^"intermedate" is not a value of application.targetLevel; did you mean "intermediate"\? allowed: /);
    document.conditions[0].test = { fact: 'field', params: { path: 'application.targetLevel' }, operator: 'in', value: ['deputy_senior', 'seniorr'] };
    expect(problems(document).map((each) => [each.at, /did you mean "senior"/.test(each.en)])).toEqual([['conditions[0].test.value[1]', true]]);
  });

  it('refuses __proto__, constructor and prototype keys anywhere, without touching any prototype', () => {
    const document = JSON.parse(JSON.stringify(minimalRuleSet()).replace('"params":{"path":"status.retired"}', '"params":{"path":"status.retired","__proto__":{"polluted":true}}'));
    expect(problems(document)).toEqual([{ at: 'conditions[0].test.params.__proto__', en: 'forbidden key "__proto__": no key may be __proto__, constructor or prototype' }]);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('refuses nesting 10,000 levels deep without overflowing the stack', () => {
    const document = minimalRuleSet();
    let node: any = document.conditions[0].test;
    for (let depth = 0; depth < 10_000; depth += 1) node = { not: node };
    document.conditions[0].test = node;
    expect(problems(document)[0]!.en).toBe('nested too deeply: more than 64 levels');
  });

  it('refuses an array too large for the limits before reading any of its entries', () => {
    let reads = 0;
    const huge = new Proxy(new Array(50_000_000), {
      get: (target, key) => (typeof key === 'string' && /^\d+$/.test(key) ? (reads += 1, 0) : Reflect.get(target, key)),
    });
    const document = minimalRuleSet();
    document.conditions[0].test.value = huge;
    expect(problems(document)).toEqual([{ at: 'conditions[0].test.value', en: 'document too large: more than 200000 values' }]);
    expect(reads).toBe(0);
  });

  it('refuses values JSON cannot hold, strings over the limit, and lists every forbidden key', () => {
    const document = minimalRuleSet();
    document.conditions[0].test.value = Number.NaN;
    document.conditions[1].title.zh = 'x'.repeat(10_001);
    document.parameters.tenureCutoff.constructor = 1;
    document.coverage[0].prototype = 2;
    expect(problems(document)).toEqual([
      { at: 'parameters.tenureCutoff.constructor', en: 'forbidden key "constructor": no key may be __proto__, constructor or prototype' },
      { at: 'conditions[0].test.value', en: 'expected a JSON value, received NaN' },
      { at: 'conditions[1].title.zh', en: 'string too long: more than 10000 characters' },
      { at: 'coverage[0].prototype', en: 'forbidden key "prototype": no key may be __proto__, constructor or prototype' },
    ]);
  });

  it('lists schema problems and semantic problems of the parts that are valid, together', () => {
    const document = minimalRuleSet();
    document.year = '2030'; // schema
    document.conditions[0].test.fact = 'salary'; // semantic, in a valid condition
    document.conditions[1].title = 5; // schema: this condition is left out of the semantic checks …
    document.conditions[1].test.operator = 'regex'; // … so this is not reported yet
    document.parameters.tenureCutoff.citation.quote = '不在通知里'; // citation, in a valid parameter
    expect(problems(document)).toEqual([
      { at: 'year', en: 'expected number, received string' },
      { at: 'conditions[1].title', en: 'expected object, received number' },
      { at: 'conditions[0].test.fact', en: expect.stringMatching(/^unknown fact "salary"/) },
      { at: 'parameters.tenureCutoff.citation.quote', en: expect.stringMatching(/^the quote is not verbatim/) },
    ]);
  });

  it('keeps paths into the original document when earlier entries are left out', () => {
    const document = minimalRuleSet();
    document.conditions[0].title = null;
    document.conditions[1].test.fact = 'salary';
    expect(problems(document).map((problem) => problem.at)).toEqual(['conditions[0].title', 'conditions[1].test.fact']);
  });

  it('does not call a reference unknown, or a clause uncovered, because of a part that is invalid', () => {
    const document = minimalRuleSet();
    document.conditions[0].title = null; // still defines the id not-retired, named by coverage[0]
    document.parameters.tenureCutoff.unit = 'fortnights'; // still defines tenureCutoff, used by conditions[1]
    document.coverage[2].kind = 'other'; // a coverage row that cannot be read: nothing can be called missing
    expect(problems(document).map((problem) => problem.at)).toEqual(['parameters.tenureCutoff.unit', 'conditions[0].title', 'coverage[2].kind']);
  });

  it('refuses duplicate ids of notes, pathways and routes too, at the repeated id', () => {
    const document = minimalRuleSet();
    document.pathways = [
      { id: 'tenure', title: { zh: '路径', en: 'Pathway' }, routes: [
        { id: 'normal', title: { zh: '一', en: 'One' }, conditions: ['tenure'] },
        { id: 'normal', title: { zh: '二', en: 'Two' }, conditions: ['not-retired'] },
      ] },
    ];
    expect(problems(document)).toEqual([{ at: 'pathways[0].routes[1].id', en: 'duplicate route id: normal' }]);
  });

  it('refuses a template whose parameters have no value yet, listing the blanks', () => {
    const document = minimalRuleSet();
    delete document.parameters.tenureCutoff.value;
    expect(problems(document)).toEqual([
      {
        at: 'parameters',
        en: 'this rule set is a template: these parameters have no value yet; fill them with instantiate(): tenureCutoff',
      },
    ]);
  });

  it('throws a ValidationError whose message names every problem in Chinese and English', () => {
    const document = minimalRuleSet();
    document.conditions[0].test.fact = 'salary';
    document.conditions[1].test.operator = 'regex';
    const error = (() => {
      try {
        loadRuleSet(document);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toHaveLength(2);
    expect((error as Error).message).toContain('conditions[0].test.fact:未知的事实 "salary"');
    expect((error as Error).message).toContain('at conditions[1].test.operator: unknown operator "regex"');
  });
});

describe('bundled rule sets', () => {
  it('compile without re-validation to exactly what full validation gives', async () => {
    const { RULE_SET_IDS, getRuleSet } = await import('../src/index.js');
    const { fixturesOf, rulesetJson } = await import('./support/repo.js');
    for (const id of RULE_SET_IDS) {
      const validated = loadRuleSet(rulesetJson(id));
      for (const fixture of fixturesOf(id)) {
        expect(JSON.stringify(evaluate(getRuleSet(id)!, fixture.profile as never)), fixture.file).toBe(JSON.stringify(evaluate(validated, fixture.profile as never)));
      }
    }
  });
});

describe('a rule set not loaded by the library', () => {
  // A common slip: handing rule-set JSON (or nothing) to the evaluators instead of what loadRuleSet
  // returns. It must be a clear error in both languages, never a TypeError from deep inside.
  const json = JSON.parse(readFileSync(join(ROOT, 'rules', 'shizuishan-2024', 'ruleset.json'), 'utf8')) as unknown;
  const notLoaded: unknown[] = [json, {}, null, 42, { ...getRuleSet('shizuishan-2024')! }];
  const expectRefused = (act: () => unknown) => {
    try {
      act();
      expect.fail('accepted a rule set that was not loaded');
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues[0]!.message.en).toContain('expected a loaded rule set');
      expect((error as ValidationError).issues[0]!.message.zh).toContain('应为已加载的规则集');
    }
  };

  it.each(notLoaded.map((value, index) => [index, value]))('case %i is refused by every entry point', async (_, value) => {
    const ruleSet = value as RuleSet;
    expect(isRuleSet(value)).toBe(false);
    expectRefused(() => evaluate(ruleSet, {}));
    expectRefused(() => checkAll({}, [ruleSet]));
    expectRefused(() => createEngine(ruleSet));
    expectRefused(() => toStandardSchema(ruleSet));
    expectRefused(() => eligibility(ruleSet));
    await expect(evaluateWithEngine(ruleSet, {})).rejects.toBeInstanceOf(ValidationError);
  });

  it('accepts what the library loaded', () => {
    expect(isRuleSet(getRuleSet('shizuishan-2024'))).toBe(true);
    expect(isRuleSet(loadRuleSet(json))).toBe(true);
  });
});
