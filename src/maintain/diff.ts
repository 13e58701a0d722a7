import { ValidationError, issue, fromZodIssues, REPORT_INPUT, type ValidationIssue } from '../errors.js';
import { guardJson } from '../ruleset/json-guard.js';
import { wrongArgument } from '../arguments.js';
import { ownCopy } from '../ruleset/own-copy.js';
import { ruleSetSchema, type RuleSetDocument } from '../ruleset/schema.js';
import { StableKeys } from '../ruleset/stable-key.js';

/**
 * What changed between two rule sets: a city's notice of one year and the next, or a template and its
 * instantiation. A change is reported once, where it is made: a parameter's new value is a parameter
 * change, and the conditions that read it through `{param}` are listed beside it (`usedBy`), not as
 * changed — their logic (the tree, with references by name) is the same. So a template and its
 * instantiation differ by exactly the blanks (and the identity the instantiation gives: id, title …).
 *
 * The JSON shape of `zhicheng diff --json` is this type.
 */
export interface RuleSetDiff {
  /** Top-level fields other than the lists below that differ (`id`, `issued`, `jurisdiction` …). */
  readonly metadata: readonly { readonly field: string; readonly from?: unknown; readonly to?: unknown }[];
  readonly parameters: {
    readonly added: readonly ParameterSide[];
    readonly removed: readonly ParameterSide[];
    readonly changed: readonly ParameterChange[];
  };
  readonly conditions: EntryChanges;
  readonly pathways: EntryChanges;
  readonly notes: EntryChanges;
  readonly coverage: {
    /** Clauses the second rule set lists and the first does not. */
    readonly covered: readonly CoverageSide[];
    /** Clauses the first rule set lists and the second does not. */
    readonly dropped: readonly CoverageSide[];
    /** Clauses both list, differently (kind, conditions, notes; `text` when only the note's words differ). */
    readonly changed: readonly { readonly clause: string; readonly changes: readonly ('kind' | 'conditions' | 'notes' | 'text' | 'unconfirmed')[]; readonly from: CoverageSide; readonly to: CoverageSide }[];
  };
}

export interface ParameterSide {
  readonly name: string;
  /** Absent for a template's blank. */
  readonly value?: unknown;
  readonly clause: string;
  readonly quote: string;
}

export interface ParameterChange {
  readonly name: string;
  /** `definition`: type, unit, bounds; `text`: the description only. */
  readonly changes: readonly ('value' | 'quote' | 'clause' | 'definition' | 'text' | 'unconfirmed')[];
  readonly from: ParameterSide;
  readonly to: ParameterSide;
  /** Conditions of the second rule set that read it. */
  readonly usedBy: readonly string[];
}

/** Conditions, pathways or notes, by id. */
export interface EntryChanges {
  readonly added: readonly string[];
  readonly removed: readonly string[];
  readonly changed: readonly EntryChange[];
}

export interface EntryChange {
  readonly id: string;
  /**
   * `logic`: what decides it (`appliesWhen`, `test`, a route's conditions), compared as trees with keys
   * in any order, so reformatting is no change; `citation`: the clause or quote; `text`: words only
   * (title, message, interpretation, review, notApplicable, text). `fields` names them.
   */
  readonly changes: readonly ('logic' | 'citation' | 'text')[];
  readonly fields: readonly string[];
}

export interface CoverageSide {
  readonly clause: string;
  readonly kind: string;
  readonly conditions?: readonly string[];
  readonly notes?: readonly string[];
}

/** The fields of a condition, pathway or note, by what a change of them is. */
const LOGIC_FIELDS = ['appliesWhen', 'test', 'routes'];
const CITATION_FIELDS = ['citation'];
const LISTS = ['parameters', 'conditions', 'pathways', 'notes', 'coverage'];

function parsed(json: unknown, side: 'a' | 'b'): RuleSetDocument {
  const guarded = guardJson(json);
  const issues: ValidationIssue[] = guarded.length > 0 ? guarded : [];
  if (issues.length === 0) {
    // Checked by the schema, compared as written: the schema's output holds dates as Date objects.
    const copy = ownCopy(json) as RuleSetDocument;
    const result = ruleSetSchema.safeParse(copy, REPORT_INPUT);
    if (result.success) return copy;
    issues.push(...fromZodIssues(result.error.issues));
  }
  // Each problem says which of the two rule sets it is in.
  throw new ValidationError('ruleSet', issues.map((problem) => issue([side, ...problem.path], problem.detail)));
}

/** Conditions that read each parameter, through a `{param}` anywhere in them or `{param:name}` in a text. */
function readersOf(document: RuleSetDocument): Map<string, string[]> {
  const readers = new Map<string, string[]>();
  for (const condition of document.conditions) {
    const text = JSON.stringify(condition);
    for (const name of Object.keys(document.parameters)) {
      if (text.includes(`"param":${JSON.stringify(name)}`) || text.includes(`{param:${name}}`)) {
        readers.set(name, [...(readers.get(name) ?? []), condition.id]);
      }
    }
  }
  return readers;
}

function sideOf(name: string, parameter: RuleSetDocument['parameters'][string]): ParameterSide {
  return { name, ...(parameter.value !== undefined && { value: parameter.value }), clause: parameter.citation.clause, quote: parameter.citation.quote };
}

function entryChanges(a: readonly { id: string }[], b: readonly { id: string }[], keys: StableKeys): EntryChanges {
  const before = new Map(a.map((entry) => [entry.id, entry as Record<string, unknown>]));
  const after = new Map(b.map((entry) => [entry.id, entry as Record<string, unknown>]));
  const changed: EntryChange[] = [];
  for (const [id, next] of after) {
    const previous = before.get(id);
    if (!previous) continue;
    const fields = [...new Set([...Object.keys(previous), ...Object.keys(next)])].filter((field) => keys.of(previous[field]) !== keys.of(next[field])).sort();
    if (fields.length === 0) continue;
    const changes = new Set<'logic' | 'citation' | 'text'>();
    for (const field of fields) {
      // A route's title is words; its id and conditions are what decides the pathway.
      const routesLogic = (entry: Record<string, unknown>) => keys.of(((entry.routes ?? []) as { id: string; conditions: string[] }[]).map(({ id: route, conditions }) => [route, conditions]));
      const logic = field === 'routes' ? routesLogic(previous) !== routesLogic(next) : LOGIC_FIELDS.includes(field);
      changes.add(logic ? 'logic' : CITATION_FIELDS.includes(field) ? 'citation' : 'text');
    }
    changed.push({ id, changes: (['logic', 'citation', 'text'] as const).filter((change) => changes.has(change)), fields });
  }
  return {
    added: [...after.keys()].filter((id) => !before.has(id)),
    removed: [...before.keys()].filter((id) => !after.has(id)),
    changed,
  };
}

const coverageSide = (row: RuleSetDocument['coverage'][number]): CoverageSide => ({
  clause: row.clause,
  kind: row.kind,
  ...(row.conditions && { conditions: row.conditions }),
  ...(row.notes && { notes: row.notes }),
});

/**
 * What changed from rule set `a` to rule set `b` (documents as in ruleset.json; templates too). Both
 * are checked against the rule-set schema first: a `ValidationError` names the path in `a` or `b`.
 * @example diffRuleSets(template, instantiate(template, filled)).parameters.changed.map((change) => change.name)
 * //=> the template's blanks
 */
export function diffRuleSets(a: unknown, b: unknown): RuleSetDiff {
  const before = parsed(a, 'a');
  const after = parsed(b, 'b');
  const keys = new StableKeys();

  const metadata = [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((field) => !LISTS.includes(field) && field !== '$schema')
    .filter((field) => keys.of((before as Record<string, unknown>)[field]) !== keys.of((after as Record<string, unknown>)[field]))
    .map((field) => {
      const from = (before as Record<string, unknown>)[field];
      const to = (after as Record<string, unknown>)[field];
      return { field, ...(from !== undefined && { from }), ...(to !== undefined && { to }) };
    });

  const readers = readersOf(after);
  const changedParameters: ParameterChange[] = [];
  for (const [name, next] of Object.entries(after.parameters)) {
    const previous = before.parameters[name];
    if (!previous) continue;
    const changes: ParameterChange['changes'][number][] = [];
    if (keys.of(previous.value) !== keys.of(next.value)) changes.push('value');
    if (previous.citation.quote !== next.citation.quote) changes.push('quote');
    if (previous.citation.clause !== next.citation.clause) changes.push('clause');
    const definition = (parameter: typeof next) => keys.of([parameter.type, parameter.unit, parameter.min, parameter.max, parameter.withinYear]);
    if (definition(previous) !== definition(next)) changes.push('definition');
    if (keys.of(previous.description) !== keys.of(next.description)) changes.push('text');
    if (previous.unconfirmed !== next.unconfirmed) changes.push('unconfirmed');
    if (changes.length > 0) changedParameters.push({ name, changes, from: sideOf(name, previous), to: sideOf(name, next), usedBy: readers.get(name) ?? [] });
  }

  const rowsBefore = new Map(before.coverage.map((row) => [row.clause, row]));
  const rowsAfter = new Map(after.coverage.map((row) => [row.clause, row]));
  const changedRows: RuleSetDiff['coverage']['changed'][number][] = [];
  for (const [clause, next] of rowsAfter) {
    const previous = rowsBefore.get(clause);
    if (!previous) continue;
    const changes: RuleSetDiff['coverage']['changed'][number]['changes'][number][] = [];
    if (previous.kind !== next.kind) changes.push('kind');
    if (keys.of(previous.conditions) !== keys.of(next.conditions)) changes.push('conditions');
    if (keys.of(previous.notes) !== keys.of(next.notes)) changes.push('notes');
    if (keys.of(previous.note) !== keys.of(next.note)) changes.push('text');
    if (previous.unconfirmed !== next.unconfirmed) changes.push('unconfirmed');
    if (changes.length > 0) changedRows.push({ clause, changes, from: coverageSide(previous), to: coverageSide(next) });
  }

  return {
    metadata,
    parameters: {
      added: Object.entries(after.parameters).filter(([name]) => !Object.hasOwn(before.parameters, name)).map(([name, parameter]) => sideOf(name, parameter)),
      removed: Object.entries(before.parameters).filter(([name]) => !Object.hasOwn(after.parameters, name)).map(([name, parameter]) => sideOf(name, parameter)),
      changed: changedParameters,
    },
    conditions: entryChanges(before.conditions, after.conditions, keys),
    pathways: entryChanges(before.pathways ?? [], after.pathways ?? [], keys),
    notes: entryChanges(before.notes ?? [], after.notes ?? [], keys),
    coverage: {
      covered: [...rowsAfter.values()].filter((row) => !rowsBefore.has(row.clause)).map(coverageSide),
      dropped: [...rowsBefore.values()].filter((row) => !rowsAfter.has(row.clause)).map(coverageSide),
      changed: changedRows,
    },
  };
}

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);
const arraysIn = (value: unknown, keys: readonly string[]) => isObject(value) && keys.every((key) => Array.isArray(value[key]));

/** A result of `diffRuleSets`, checked by the lists its readers walk. */
export function expectDiff(value: unknown): asserts value is RuleSetDiff {
  const entries = ['added', 'removed', 'changed'];
  const ok =
    isObject(value) && Array.isArray(value.metadata) && arraysIn(value.parameters, entries) &&
    arraysIn(value.conditions, entries) && arraysIn(value.pathways, entries) && arraysIn(value.notes, entries) &&
    arraysIn(value.coverage, ['covered', 'dropped', 'changed']);
  if (!ok) throw wrongArgument('diff', value, { zh: 'diffRuleSets 的结果', en: 'a result of diffRuleSets' });
}

/** Whether two rule sets are the same in everything the diff compares. */
export function isEmptyDiff(diff: RuleSetDiff): boolean {
  expectDiff(diff);
  const entries = (changes: EntryChanges) => changes.added.length + changes.removed.length + changes.changed.length;
  return (
    diff.metadata.length + diff.parameters.added.length + diff.parameters.removed.length + diff.parameters.changed.length +
      entries(diff.conditions) + entries(diff.pathways) + entries(diff.notes) +
      diff.coverage.covered.length + diff.coverage.dropped.length + diff.coverage.changed.length ===
    0
  );
}
