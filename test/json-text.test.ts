import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError, lintRuleSetText, loadRuleSetText } from '../src/index.js';
import { scanJsonText } from '../src/ruleset/json-text.js';
import { MINIMAL_NOTICE, minimalRuleSet } from './support/minimal.js';

const parses = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

/** The scanner's verdict on syntax: duplicate keys are not syntax errors. */
const accepts = (text: string) => !scanJsonText(text).fatal;

describe('the strict JSON scanner', () => {
  it('accepts exactly what JSON.parse accepts, on every JSON document and every one-character edit of one', () => {
    const documents = fc.tuple(fc.jsonValue({ maxDepth: 6 }), fc.constantFrom(undefined, 2, '\t'));
    const edit = fc.record({ at: fc.nat(), kind: fc.constantFrom('delete', 'insert', 'replace'), char: fc.constantFrom(...'{}[],:"\\ \n0123456789.-+eEtrufalsn/\'ab\u0000\u00e9中\ud83d') });
    fc.assert(
      fc.property(documents, edit, ([value, indent], { at, kind, char }) => {
        const text = JSON.stringify(value, null, indent);
        expect(accepts(text)).toBe(true);
        const position = at % (text.length + 1);
        const edited = text.slice(0, position) + (kind === 'delete' ? '' : char) + text.slice(kind === 'insert' ? position : position + 1);
        expect(accepts(edited), edited).toBe(parses(edited));
      }),
      { numRuns: 3000, seed: 20_240_517 },
    );
  });

  it('agrees with JSON.parse on short texts made of JSON punctuation and letters', () => {
    const text = fc.string({ unit: fc.constantFrom(...'{}[],:" \\0123-.eE+tfnrulase/u\n'), maxLength: 24 });
    fc.assert(
      fc.property(text, (candidate) => {
        expect(accepts(candidate), candidate).toBe(parses(candidate));
      }),
      { numRuns: 20_000, seed: 20_240_517 },
    );
  });

  it('reports every duplicate key, also one written with escapes, with its path and both lines', () => {
    const scanned = scanJsonText('{\n  "a": {"x": 1,\n "y": 2, "\\u0078": 3},\n  "b": [{"k": 1, "k": 2}],\n  "a": null\n}');
    expect(scanned.fatal).toBe(false);
    expect(scanned.issues.map((issue) => [issue.at, issue.line, issue.message.en])).toEqual([
      ['a.x', 3, 'duplicate key "x" (first at line 2): JSON keeps only the last one and silently drops the other'],
      ['b[0].k', 4, 'duplicate key "k" (first at line 4): JSON keeps only the last one and silently drops the other'],
      ['a', 5, 'duplicate key "a" (first at line 2): JSON keeps only the last one and silently drops the other'],
    ]);
  });

  it('counts duplicates beyond the first hundred instead of listing them', () => {
    const text = `{${Array.from({ length: 1000 }, () => '"k": 1').join(',')}}`;
    const { issues } = scanJsonText(text);
    expect(issues).toHaveLength(101);
    expect(issues[100]!.message.en).toBe('and 899 more duplicate keys not listed');
  });

  it.each([
    ['', 1, 1, 'the text is empty: expected a JSON object'],
    ['\uFEFF{}', 1, 1, 'the text starts with a byte-order mark (BOM): save it as UTF-8 without a BOM'],
    ['{"a": 1,\n}', 1, 8, 'trailing comma: JSON allows no comma before }'],
    ['{\n  // note\n  "a": 1}', 2, 3, 'comments are not allowed in JSON'],
    ["{'a': 1}", 1, 2, 'strings and keys must be in double quotes "'],
    ['{"a": 01}', 1, 7, 'invalid number "01": expected digits such as 12, -3.5 or 1e6 (no leading zero, plus sign or trailing dot)'],
    ['{"a": NaN}', 1, 7, 'unexpected "N": expected a value (object, array, string, number, true, false or null)'],
    ['{"a": "x\ty"}', 1, 9, 'a control character (such as a line break or tab) inside a string must be escaped, as \\n, \\t …'],
    ['{"a": 1} {}', 1, 10, 'unexpected content after the end of the JSON document'],
    ['{"a": [1, 2}', 1, 12, 'unexpected "}": expected a comma , or ]'],
    ['{"a": "', 1, 8, 'unterminated string: expected a closing "'],
  ])('names the place of a syntax error: %j', (text, line, column, message) => {
    const { issues, fatal } = scanJsonText(text);
    expect(fatal).toBe(true);
    expect(issues.map((issue) => [issue.line, issue.column, issue.message.en])).toEqual([[line, column, message]]);
  });

  it('stops at the depth limit, naming the path prefix, however deep the text goes', () => {
    for (const depth of [65, 10_000, 1_000_000]) {
      const { issues, fatal } = scanJsonText(`{"a":${'['.repeat(depth)}${']'.repeat(depth)}}`);
      expect(fatal).toBe(true);
      expect(issues).toHaveLength(1);
      expect(issues[0]!.message.en).toBe('nested too deeply: more than 64 levels');
      expect(issues[0]!.path).toEqual(['a', ...Array(63).fill(0)]);
      expect(issues[0]!.column).toBe(5 + 64 + 1);
    }
    expect(scanJsonText(`${'['.repeat(64)}${']'.repeat(64)}`).fatal).toBe(false);
  });

  it('stops at the value limit without reading on', () => {
    const { issues } = scanJsonText(`[${'0,'.repeat(300_000)}0]`);
    expect(issues.map((issue) => [issue.at, issue.message.en])).toEqual([['[199999]', 'document too large: more than 200000 values']]);
  });

  it('refuses a text over the size limit without scanning it', () => {
    const { issues } = scanJsonText(' '.repeat(5 * 1024 * 1024 + 1));
    expect(issues[0]!.message.en).toBe('text too large: 5,242,881 characters, at most 5,242,880 are allowed');
  });
});

describe('rule sets as text', () => {
  const pretty = (document: unknown) => JSON.stringify(document, null, 2);
  const lineOf = (text: string, fragment: string) => text.slice(0, text.indexOf(fragment)).split('\n').length;

  it('loads a valid rule set', () => {
    expect(loadRuleSetText(pretty(minimalRuleSet()), { notice: MINIMAL_NOTICE }).id).toBe('test-2030');
  });

  it('lists every problem in file order, each with the line of its path (or of the nearest enclosing value)', () => {
    const document = minimalRuleSet();
    document.conditions[1].test.fact = 'salary';
    delete document.conditions[0].citation;
    document.year = '2030';
    const text = pretty(document).replace('"authority"', '"authority": "某局",\n  "authority"');
    const issues = lintRuleSetText(text, { notice: MINIMAL_NOTICE });
    expect(issues.map((issue) => [issue.at, issue.line])).toEqual([
      ['authority', lineOf(text, '"authority": "某市')],
      ['year', lineOf(text, '"year"')],
      ['conditions[0].citation', lineOf(text, '"id": "not-retired"') - 1],
      ['conditions[1].test.fact', lineOf(text, '"salary"')],
    ]);
  });

  it('refuses duplicate keys when loading, however valid the rest', () => {
    const text = pretty(minimalRuleSet()).replace('"operator": "equal"', '"operator": "notEqual", "operator": "equal"');
    const error = (() => {
      try {
        loadRuleSetText(text, { notice: MINIMAL_NOTICE });
      } catch (caught) {
        return caught as ValidationError;
      }
    })();
    expect(error).toBeInstanceOf(ValidationError);
    expect(error!.issues.map((issue) => issue.at)).toEqual(['conditions[0].test.operator']);
    expect(error!.message).toMatch(/^\d+:\d+ conditions\[0\]\.test\.operator:键名 "operator" 重复/m);
  });

  it('reports a syntax error alone, with where it is', () => {
    const text = pretty(minimalRuleSet()).replace('"year": 2030', '"year": 2030,,');
    expect(lintRuleSetText(text).map((issue) => [issue.at, issue.line, issue.message.en])).toEqual([
      ['', lineOf(text, '"year"'), 'unexpected ",": expected a key in double quotes'],
    ]);
  });
});
