import { ownCopy, withoutPrototype } from './own-copy.js';
import { ownOptions } from '../options.js';
import { dropPrototypes } from '../profile/plain.js';
import * as z from 'zod/mini';
import { REPORT_INPUT, ValidationError, fromZodIssues, issue, quoted, textIssue, type ValidationIssue } from '../errors.js';
import { FACTS } from '../facts/index.js';
import { field } from '../facts/field.js';
import { enumValues } from '../profile/paths.js';
import { closestValue } from './closest.js';
import { boundIssues } from './parameter-bounds.js';
import { hasOpenLeaf } from './analysis.js';
import type { FactDefinition } from '../facts/types.js';
import { OPERATORS } from '../operators/index.js';
import { decodedCalendarDate } from '../dates/codec.js';
import { placeSchema } from '../places/division.js';
import type {
  CompiledCondition,
  CompiledNode,
  CompiledParameter,
  CompiledPathway,
  CompiledValue,
  RuleSet,
} from './compiled.js';
import { guardJson } from './json-guard.js';
import { StableKeys } from './stable-key.js';
import { MAX_FILLED_TEXT_LENGTH, filledLength, filledTooLong } from './filled-length.js';
import { markLoaded } from './loaded.js';
import { unconfirmedIssues } from './unconfirmed.js';
import { checkCitations } from './notice.js';
import type { CompileContext } from './salvage.js';
import { ruleSetSchema, type ConditionNodeInput, type RuleSetDocument } from './schema.js';
import type { LocalizedText } from '../locales/types.js';
import { LOCALES } from '../locales/index.js';
import { describeValue, toReportValue } from '../report/values.js';
import { fillPlaceholders } from '../text/fill.js';
import { withoutNegativeZero } from './negative-zero.js';

const describeParameter = (value: unknown, language: 'zh' | 'en') => describeValue(toReportValue(value), LOCALES[language]);

type Path = (string | number)[];

/** The shapes a condition node may take, as json-rules-engine reads them. */
const NODE_SHAPES = [['all'], ['any'], ['not'], ['fact', 'operator', 'value']] as const;

const scalar = z.union([z.string(), z.number(), z.boolean()]);
const PARAMETER_VALUE: Record<string, z.ZodMiniType> = {
  date: decodedCalendarDate,
  number: z.number(),
  integer: z.int(),
  boolean: z.boolean(),
  string: z.string(),
  list: z.array(scalar),
  place: placeSchema,
};

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

export interface LoadOptions {
  /**
   * The text of the notice (`notice.md`). When given, every citation is checked against it: each quote
   * must stand in the notice, within the clause it cites. Rule sets from third parties should be loaded
   * with their notice.
   */
  readonly notice?: string;
  /**
   * For the rule sets bundled with the library only: their documents are validated in full (schema,
   * citations, coverage) by the test suite on every change, so loading them skips the document checks
   * and only compiles — half the cold start. Never set it for a rule set from anywhere else.
   * @internal
   */
  readonly prevalidated?: boolean;
}

/** Compiles a checked rule-set document; collects every problem rather than stopping at the first. */
class Compiler {
  readonly issues: ValidationIssue[] = [];
  private readonly rawParameters = new Map<string, unknown>();
  readonly parameters = new Map<string, CompiledParameter>();
  /**
   * Decoded fact parameters by fact and parameters: a rule set names the same fact with the same
   * parameters in many places (the target level, the route), and decoding each once is most of a
   * rule set's compile time. The decoded value is shared, as the evaluators already share its slot.
   */
  private readonly decodedParams = new Map<string, unknown>();
  /** Decoded comparison values by operator schema and value, for the same reason (`true`, a level, a date). */
  private readonly decodedValues = new Map<z.ZodMiniType, Map<string, unknown>>();
  /** Keys for the two caches above, each value serialised once however often it is referenced. */
  private readonly keys = new StableKeys();
  /** Field and literal pairs already found to be allowed values: a long list referenced by every leaf is checked once. */
  private readonly enumeratedChecked = new Set<string>();

  constructor(
    private readonly document: RuleSetDocument,
    private readonly context: CompileContext,
  ) {
    const blanks: string[] = [];
    for (const [name, parameter] of Object.entries(document.parameters)) {
      const path = ['parameters', name, 'value'];
      if (parameter.value === undefined) {
        blanks.push(name);
        continue;
      }
      const value = withoutNegativeZero(parameter.value);
      const parsed = PARAMETER_VALUE[parameter.type]!.safeParse(value, REPORT_INPUT);
      if (!parsed.success) {
        this.issues.push(...fromZodIssues(parsed.error.issues, path));
        continue;
      }
      ownData(parsed.data);
      const outOfBounds = boundIssues(parameter, parsed.data, document.year, path);
      if (outOfBounds.length > 0) {
        this.issues.push(...outOfBounds);
        continue;
      }
      this.rawParameters.set(name, value);
      this.parameters.set(name, { name, type: parameter.type, value: parsed.data, description: parameter.description, citation: parameter.citation });
    }
    if (blanks.length > 0) {
      this.issues.push(
        textIssue(
          ['parameters'],
          `这是一个模板:以下参数尚未赋值,请先用 instantiate() 填写:${blanks.join('、')}`,
          `this rule set is a template: these parameters have no value yet; fill them with instantiate(): ${blanks.join(', ')}`,
        ),
      );
    }
  }

  /**
   * Replaces every `{param: name}` inside `value` by the parameter's value as written in the JSON.
   * `undefined` when a reference cannot be resolved (undefined, or a template's blank): the reference is
   * the problem, so what it stood in for is not checked further.
   */
  private resolve(value: unknown, path: Path, used: Set<string>): { value: unknown } | undefined {
    let resolved = true;
    const walk = (current: unknown, at: Path): unknown => {
      if (Array.isArray(current)) return current.map((item, index) => walk(item, [...at, index]));
      if (!isRecord(current)) return current;
      const keys = Object.keys(current);
      if (keys.length === 1 && keys[0] === 'param') {
        const name = current.param;
        if (typeof name !== 'string' || !this.hasParameter(name)) {
          this.issues.push(this.undefinedParameter([...at, 'param'], name));
          resolved = false;
          return undefined;
        }
        used.add(name);
        if (!this.rawParameters.has(name)) resolved = false; // a blank (reported once) or an invalid value
        return this.rawParameters.get(name);
      }
      // Without a prototype, like the document it comes from: zod, checking for unknown keys, would
      // otherwise count keys another script put on Object.prototype.
      return withoutPrototype(Object.fromEntries(keys.map((key) => [key, walk(current[key], [...at, key])])));
    };
    const result = walk(value, path);
    return resolved ? { value: result } : undefined;
  }

  /** Whether the document defines `name` (validly or not: an invalid one is reported where it is). */
  private hasParameter(name: string): boolean {
    const known = this.context.parameterNames;
    return Object.hasOwn(this.document.parameters, name) || !known || known.has(name);
  }

  private undefinedParameter(path: Path, name: unknown): ValidationIssue {
    const known = Object.keys(this.document.parameters).join(', ') || '—';
    return textIssue(path, `未定义的参数 ${quoted(name)};已定义:${known}`, `undefined parameter ${quoted(name)}; defined: ${known}`);
  }

  /**
   * Fills `{param:name}` placeholders in a text with the parameter's value, so titles and notes can say
   * a number the notice (or a template's instantiation) gives.
   */
  text<T extends LocalizedText | undefined>(text: T, path: Path): T {
    if (!text) return text;
    if (this.fillsTooLong(text, path)) return text;
    const fill = (value: string, language: 'zh' | 'en') =>
      fillPlaceholders(value, (placeholder, whole) => {
        if (!placeholder.startsWith('param:')) return undefined; // {actual} and {required}: the report's
        const name = placeholder.slice('param:'.length);
        if (!this.hasParameter(name)) {
          this.issues.push(this.undefinedParameter([...path, language], name));
          return whole;
        }
        const value = this.parameters.get(name)?.value;
        if (value === undefined) return whole;
        const shown = describeParameter(value, language);
        // A message is filled again when reported ({actual}, {required}): a value put in now would be
        // read as the template there, so a parameter shown in a message may not look like one.
        if (path[path.length - 1] === 'message' && /\{(actual|required)\}/.test(shown)) {
          this.issues.push(
            textIssue(
              [...path, language],
              `参数 ${name} 的取值含有 {actual} 或 {required},不能放进消息`,
              `parameter ${name} has a value containing {actual} or {required}; it cannot be put into a message`,
            ),
          );
          return whole;
        }
        return shown;
      });
    return { zh: fill(text.zh, 'zh'), en: fill(text.en, 'en') } as T;
  }

  /** Parameters as texts fill them, by language and name: each described once, however often placed. */
  private readonly described = new Map<string, string | undefined>();

  /**
   * Whether a text would fill past MAX_FILLED_TEXT_LENGTH (reported at its path): checked on lengths
   * before anything is filled, so a ruinous text is refused without being built.
   */
  private fillsTooLong(text: LocalizedText, path: Path): boolean {
    let tooLong = false;
    for (const language of ['zh', 'en'] as const) {
      const length = filledLength(text[language], (name) => {
        const key = `${language}:${name}`;
        if (!this.described.has(key)) {
          const value = this.parameters.get(name)?.value;
          this.described.set(key, value === undefined ? undefined : describeParameter(value, language));
        }
        return this.described.get(key);
      });
      if (length > MAX_FILLED_TEXT_LENGTH) {
        this.issues.push(filledTooLong([...path, language]));
        tooLong = true;
      }
    }
    return tooLong;
  }

  private factNamed(name: string, path: Path): FactDefinition | undefined {
    const fact = FACTS.get(name);
    if (!fact) {
      this.issues.push(
        textIssue(path, `未知的事实 ${quoted(name)};可用:${[...FACTS.keys()].join('、')}`, `unknown fact ${quoted(name)}; known facts: ${[...FACTS.keys()].join(', ')}`),
      );
    }
    return fact;
  }

  private factParams(fact: FactDefinition, params: unknown, path: Path, used: Set<string>) {
    const resolution = this.resolve(params ?? {}, path, used);
    if (!resolution) return undefined;
    const resolved = resolution.value;
    const key = `${fact.name}${this.keys.of(resolved)}`;
    if (this.decodedParams.has(key)) return { params: this.decodedParams.get(key), key, raw: resolved as Record<string, unknown> };
    const parsed = fact.params.safeParse(resolved, REPORT_INPUT);
    if (!parsed.success) {
      this.issues.push(...fromZodIssues(parsed.error.issues, path));
      return undefined;
    }
    // Own keys only, as the document's: a fact reading an optional parameter it was not given (`asOf`)
    // must not find one on Object.prototype.
    ownData(parsed.data);
    this.decodedParams.set(key, parsed.data);
    return { params: parsed.data, key, raw: resolved as Record<string, unknown> };
  }

  /**
   * Compiles a condition tree. `openAllowed` only for a condition's `test`: an open list (等) makes a
   * value outside it `review`, which only a condition can report (see logic.ts).
   */
  node(input: ConditionNodeInput, path: Path, used: Set<string>, openAllowed = false): CompiledNode | undefined {
    const keys = Object.keys(input).filter((key) => key !== 'params' && key !== 'open');
    const shape = NODE_SHAPES.find((candidate) => candidate.length === keys.length && candidate.every((key) => keys.includes(key)));
    if (!shape || (input.params !== undefined && shape[0] !== 'fact')) {
      this.issues.push(
        textIssue(
          path,
          '条件须为 {all: [...]}、{any: [...]}、{not: {...}} 或 {fact, operator, value, params?} 之一',
          'a condition must be one of {all: [...]}, {any: [...]}, {not: {...}} or {fact, operator, value, params?}',
        ),
      );
      return undefined;
    }
    if (input.all || input.any) {
      const kind = input.all ? 'all' : 'any';
      const children = (input.all ?? input.any)!.map((child, index) => this.node(child, [...path, kind, index], used, openAllowed));
      return children.every((child) => child !== undefined) ? { kind, children: children as CompiledNode[] } : undefined;
    }
    if (input.not) {
      const child = this.node(input.not, [...path, 'not'], used, openAllowed);
      return child && { kind: 'not', child };
    }
    const fact = this.factNamed(input.fact!, [...path, 'fact']);
    const operator = OPERATORS.get(input.operator!);
    if (!operator) {
      this.issues.push(
        textIssue([...path, 'operator'], `未知的运算符 ${quoted(input.operator)};可用:${[...OPERATORS.keys()].join('、')}`, `unknown operator ${quoted(input.operator)}; known operators: ${[...OPERATORS.keys()].join(', ')}`),
      );
    }
    const params = fact && this.factParams(fact, input.params, [...path, 'params'], used);
    const value = operator && this.value(input.value, operator.value, [...path, 'value'], used);
    if (fact === field && operator && value?.compiled.kind === 'literal' && params) {
      this.checkEnumerated((params.params as { path: string }).path, value.compiled.value, this.keys.of(value.raw), [...path, 'value']);
    }
    const open = input.open === true;
    if (open && !this.openLeafAllowed(openAllowed, [...path, 'open'])) return undefined;
    if (!fact || !operator || !params || !value) return undefined;
    const json = {
      fact: fact.name,
      operator: operator.name,
      value: value.raw,
      ...(input.params !== undefined && { params: params.raw }),
    };
    return { kind: 'leaf', fact, params: params.params, key: params.key, operator, value: value.compiled, open, json };
  }

  /**
   * A literal compared with a field whose values are a closed set must be one of them: a misspelt value
   * (`intermedate`) would silently switch the condition off. Says which values are allowed, and which
   * one was probably meant.
   */
  private checkEnumerated(fieldPath: string, literal: unknown, literalKey: string, path: Path): void {
    const allowed = enumValues(fieldPath);
    if (!allowed) return;
    const checked = `${fieldPath}\u0000${literalKey}`;
    if (this.enumeratedChecked.has(checked)) return;
    const items = Array.isArray(literal) ? literal : [literal];
    if (items.every((item) => typeof item !== 'string' || allowed.includes(item))) this.enumeratedChecked.add(checked);
    items.forEach((item, index) => {
      if (typeof item !== 'string' || allowed.includes(item)) return;
      const at = Array.isArray(literal) ? [...path, index] : path;
      const guess = closestValue(item, allowed);
      this.issues.push(
        textIssue(
          at,
          `${quoted(item)} 不是 ${fieldPath} 的取值${guess ? `;是否应为 ${quoted(guess)}?` : ';'}可用:${allowed.join('、')}`,
          `${quoted(item)} is not a value of ${fieldPath}${guess ? `; did you mean ${quoted(guess)}?` : ';'} allowed: ${allowed.join(', ')}`,
        ),
      );
    });
  }

  /**
   * `open` marks what the notice leaves to the evaluating body — a list ending in 等, a bar qualified by
   * 原则上 or 一般应: only in a condition's test, where `review` can be reported.
   */
  private openLeafAllowed(openAllowed: boolean, path: Path): boolean {
    if (!openAllowed) {
      this.issues.push(textIssue(path, 'open(以“等”结尾的列表、“原则上”的要求)只能用于条件的 test', 'open (a list ending in 等, a bar qualified by 原则上) is allowed only in a condition’s test'));
      return false;
    }
    return true;
  }

  private value(
    input: unknown,
    schema: z.ZodMiniType,
    path: Path,
    used: Set<string>,
  ): { compiled: CompiledValue; raw: unknown } | undefined {
    if (isRecord(input) && 'fact' in input) {
      const extra = Object.keys(input).filter((key) => key !== 'fact' && key !== 'params');
      if (extra.length > 0 || typeof input.fact !== 'string') {
        this.issues.push(issue(path, { kind: 'expected', expected: '{fact, params?}' }));
        return undefined;
      }
      const fact = this.factNamed(input.fact, [...path, 'fact']);
      const params = fact && this.factParams(fact, input.params, [...path, 'params'], used);
      if (!fact || !params) return undefined;
      return {
        compiled: { kind: 'fact', fact, params: params.params, key: params.key },
        raw: { fact: fact.name, ...(input.params !== undefined && { params: params.raw }) },
      };
    }
    const resolution = this.resolve(input, path, used);
    if (!resolution) return undefined;
    const raw = resolution.value;
    let decoded = this.decodedValues.get(schema);
    if (!decoded) this.decodedValues.set(schema, (decoded = new Map()));
    const key = this.keys.of(raw);
    if (decoded.has(key)) return { compiled: { kind: 'literal', value: decoded.get(key) }, raw };
    const parsed = schema.safeParse(raw, REPORT_INPUT);
    if (!parsed.success) {
      this.issues.push(...fromZodIssues(parsed.error.issues, path));
      return undefined;
    }
    ownData(parsed.data);
    decoded.set(key, parsed.data);
    return { compiled: { kind: 'literal', value: parsed.data }, raw };
  }
}

/** Profile paths read by the facts of a compiled tree (test side and value side). */
function readsOf(node: CompiledNode | undefined, out = new Set<string>()): Set<string> {
  if (!node) return out;
  if (node.kind === 'leaf') {
    for (const path of node.fact.reads(node.params)) out.add(path);
    if (node.value.kind === 'fact') for (const path of node.value.fact.reads(node.value.params)) out.add(path);
  } else if (node.kind === 'not') readsOf(node.child, out);
  else for (const child of node.children) readsOf(child, out);
  return out;
}

/** An issue at the `id` of every entry that repeats an earlier entry's id. */
function duplicateIds(entries: readonly { id: string }[], path: Path, zh: string, en: string): ValidationIssue[] {
  const seen = new Set<string>();
  return entries.flatMap((entry, index) => {
    if (!seen.has(entry.id)) return (seen.add(entry.id), []);
    return [textIssue([...path, index, 'id'], `${zh}重复:${entry.id}`, `duplicate ${en} id: ${entry.id}`)];
  });
}

/** What a fully valid document knows: exactly what it defines. */
function contextOf(document: RuleSetDocument): CompileContext {
  return {
    conditionIds: new Set(document.conditions.map((condition) => condition.id)),
    noteIds: new Set((document.notes ?? []).map((note) => note.id)),
    parameterNames: new Set(Object.keys(document.parameters)),
    coverageComplete: true,
  };
}

/** @internal */
export function compile(document: RuleSetDocument, context: CompileContext = contextOf(document)): { ruleSet?: RuleSet; issues: ValidationIssue[] } {
  const compiler = new Compiler(document, context);
  const issues = compiler.issues;
  // Empty only if the file's list is: salvage drops invalid conditions, and those are reported already.
  issues.push(...unconfirmedIssues(document, context.conditionIds?.size === 0));

  issues.push(
    ...duplicateIds(document.conditions, ['conditions'], '条件编号', 'condition'),
    ...duplicateIds(document.notes ?? [], ['notes'], '提示编号', 'note'),
    ...duplicateIds(document.pathways ?? [], ['pathways'], '路径编号', 'pathway'),
    ...(document.pathways ?? []).flatMap((pathway, p) => duplicateIds(pathway.routes, ['pathways', p, 'routes'], '途径编号', 'route')),
  );
  const routeOf = new Map<string, { pathway: string; route: string }>();
  (document.pathways ?? []).forEach((pathway, p) =>
    pathway.routes.forEach((route, r) =>
      route.conditions.forEach((id, c) => {
        const path = ['pathways', p, 'routes', r, 'conditions', c];
        if (context.conditionIds && !context.conditionIds.has(id)) {
          issues.push(textIssue(path, `路径引用了不存在的条件 ${id}`, `route names an unknown condition: ${id}`));
        } else if (routeOf.has(id)) {
          issues.push(textIssue(path, `条件 ${id} 已属于另一条路径(只能属于一条)`, `condition ${id} already belongs to another route (expected one route at most)`));
        } else {
          routeOf.set(id, { pathway: pathway.id, route: route.id });
        }
      }),
    ),
  );

  // The compiled objects have no prototype: an optional part (`appliesWhen`, `test`, `scope` …) that is
  // absent reads as absent, whatever another script has put on Object.prototype.
  const conditions: CompiledCondition[] = document.conditions.map((condition, index) => {
    const path = ['conditions', index];
    const used = new Set<string>();
    const appliesWhen = condition.appliesWhen && compiler.node(condition.appliesWhen, [...path, 'appliesWhen'], used);
    const test = condition.test && compiler.node(condition.test, [...path, 'test'], used, true);
    if (test && hasOpenLeaf(test) !== (condition.review !== undefined)) {
      issues.push(
        condition.review
          ? textIssue([...path, 'review'], 'test 与 review 并存时,test 须含开放列表(open: true):review 说明列表外的情形由谁判断', 'a condition with both test and review needs an open list (open: true) in its test: review says who judges a value outside it')
          : textIssue([...path, 'review'], '开放列表(open: true)须有 review:说明列表外的情形由谁判断', 'an open list (open: true) needs review: who judges a value outside the list'),
      );
    }
    return withoutPrototype({
      id: condition.id,
      title: compiler.text(condition.title, [...path, 'title']),
      citation: condition.citation,
      ...(condition.interpretation && { interpretation: compiler.text(condition.interpretation, [...path, 'interpretation']) }),
      ...(condition.review && { review: compiler.text(condition.review, [...path, 'review']) }),
      ...(condition.message && { message: compiler.text(condition.message, [...path, 'message']) }),
      ...(condition.notApplicable && { notApplicable: compiler.text(condition.notApplicable, [...path, 'notApplicable']) }),
      ...(condition.remedy && {
        remedy: { status: condition.remedy.status, text: compiler.text(condition.remedy.text, [...path, 'remedy', 'text']), citation: condition.remedy.citation },
      }),
      ...(appliesWhen && { appliesWhen }),
      ...(test && { test }),
      reads: [...readsOf(test)],
      parameters: [...used],
      ...(routeOf.has(condition.id) && { route: routeOf.get(condition.id)! }),
    });
  });
  const byId = new Map(conditions.map((condition) => [condition.id, condition]));

  const pathways: CompiledPathway[] = (document.pathways ?? []).map((pathway, index) => {
    const appliesWhen = pathway.appliesWhen && compiler.node(pathway.appliesWhen, ['pathways', index, 'appliesWhen'], new Set());
    return withoutPrototype({
      id: pathway.id,
      title: pathway.title,
      ...(appliesWhen && { appliesWhen }),
      routes: pathway.routes.map((route) =>
        withoutPrototype({
          id: route.id,
          title: route.title,
          conditions: route.conditions.flatMap((id) => byId.get(id) ?? []),
        }),
      ),
    });
  });

  const notes = (document.notes ?? []).map((note, index) => {
    const appliesWhen = note.appliesWhen && compiler.node(note.appliesWhen, ['notes', index, 'appliesWhen'], new Set());
    return withoutPrototype({ id: note.id, text: compiler.text(note.text, ['notes', index, 'text']), citation: note.citation, ...(appliesWhen && { appliesWhen }) });
  });

  // The coverage table must account for every condition and note, and name only real ones.
  const covered = new Set<string>();
  document.coverage.forEach((row, r) => {
    for (const [key, known] of [['conditions', context.conditionIds], ['notes', context.noteIds]] as const) {
      (row[key] ?? []).forEach((id, i) => {
        if (known && !known.has(id)) issues.push(textIssue(['coverage', r, key, i], `覆盖表引用了不存在的 ${id}`, `coverage names an unknown id: ${id}`));
        covered.add(id);
      });
    }
  });
  document.conditions.forEach((condition, index) => {
    if (context.coverageComplete && !covered.has(condition.id)) {
      issues.push(textIssue(['conditions', index, 'id'], `条件 ${condition.id} 未列入覆盖表`, `condition ${condition.id} is not listed in the coverage table`));
    }
  });

  const scopeTest = document.scope.appliesWhen && compiler.node(document.scope.appliesWhen, ['scope', 'appliesWhen'], new Set());
  const scope = scopeTest && withoutPrototype({
    appliesWhen: scopeTest,
    outOfScope: compiler.text(document.scope.outOfScope!, ['scope', 'outOfScope']),
    citation: document.scope.citation!,
  });

  if (issues.length > 0) return { issues };
  return {
    issues,
    ruleSet: markLoaded(withoutPrototype({ id: document.id, title: document.title, document, ...(scope && { scope }), parameters: compiler.parameters, conditions, pathways, notes })),
  };
}

/** zod's output without prototypes, in place (dates keep theirs); a value that is no object stays as it is. */
function ownData(value: unknown): void {
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) dropPrototypes(value);
}

/** Where preparing a document stopped: at the guard, at the schema, or with the semantic checks run. */
export type Stage = 'guard' | 'schema' | 'checked';

/**
 * Validates and compiles, stopping at the first stage with problems: a document that is not safe to
 * read (not JSON, forbidden keys, too deep, too large), then one that does not match the schema, then
 * the semantic and citation checks. `lintRuleSet` goes on past the schema (see lint.ts); loading does
 * not need to, and keeps the browser bundle free of that.
 * @internal
 */
export function prepare(json: unknown, given: LoadOptions): { ruleSet?: RuleSet; issues: ValidationIssue[]; stage: Stage } {
  const options = ownOptions(given);
  // Read as own data only, before and after zod: nothing on Object.prototype can become a key of a
  // condition (an inherited `all` turning a leaf into a group), before or after the library's first use.
  if (options.prevalidated) return { ...compile(ownCopy(json) as RuleSetDocument), stage: 'checked' };
  const guarded = guardJson(json);
  if (guarded.length > 0) return { issues: guarded, stage: 'guard' };
  const parsed = ruleSetSchema.safeParse(ownCopy(json), REPORT_INPUT);
  if (!parsed.success) return { issues: fromZodIssues(parsed.error.issues), stage: 'schema' };
  dropPrototypes(parsed.data);
  const compiled = compile(parsed.data);
  const citationIssues = options.notice === undefined ? [] : checkCitations(parsed.data, options.notice);
  const issues = [...compiled.issues, ...citationIssues];
  return { ...(issues.length === 0 && compiled), issues, stage: 'checked' };
}

/**
 * Loads a rule set from its parsed JSON: validates it strictly, resolves its facts, operators and
 * parameters, and (given the notice) checks its citations. Throws a `ValidationError` listing the
 * problems, each with its JSON path, in Chinese and English: all the schema problems, or else all the
 * semantic ones (`lintRuleSet` lists both kinds at once).
 */
export function loadRuleSet(json: unknown, options: LoadOptions = {}): RuleSet {
  const { ruleSet, issues } = prepare(json, options);
  if (!ruleSet) throw new ValidationError('ruleSet', issues);
  return ruleSet;
}
