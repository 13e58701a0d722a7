import { issue, REPORT_INPUT, type ValidationIssue } from '../errors.js';
import { isRecord } from './load.js';
import { conditionSchema, coverageSchema, noteSchema, pathwaySchema, ruleSetSchema, type RuleSetDocument } from './schema.js';

/**
 * What the semantic checks may take for granted about a document, when it is only partly valid.
 * A fully valid document knows everything it names; a salvaged one also knows the ids and names written
 * in its invalid parts, so a reference to them is not reported as unknown.
 */
export interface CompileContext {
  /** `undefined` when the list is not an array (or the parameters not an object): nothing can be called unknown. */
  readonly conditionIds: ReadonlySet<string> | undefined;
  readonly noteIds: ReadonlySet<string> | undefined;
  readonly parameterNames: ReadonlySet<string> | undefined;
  /** Whether every coverage row was read: only then can a clause or condition be missing from it. */
  readonly coverageComplete: boolean;
}

const LISTS = { conditions: conditionSchema, notes: noteSchema, pathways: pathwaySchema, coverage: coverageSchema } as const;
type List = keyof typeof LISTS;
const LIST_NAMES: readonly List[] = ['conditions', 'notes', 'pathways', 'coverage'];

export interface Salvaged {
  /** The parts that are valid on their own; placeholders where a part the checks need is not. */
  readonly document: RuleSetDocument;
  readonly context: CompileContext;
  /** For each list, the index in the original document of each entry kept. */
  readonly indexes: Readonly<Record<List, readonly number[]>>;
}


const idsOf = (entries: unknown) =>
  Array.isArray(entries) ? new Set(entries.flatMap((entry) => (isRecord(entry) && typeof entry.id === 'string' ? [entry.id] : []))) : undefined;

/**
 * For `lint`, when the document as a whole does not match the schema: keeps every condition, note,
 * pathway, coverage row and parameter that is valid on its own, so that their semantic checks (facts,
 * operators, parameters, ids, citations) still run and a maintainer sees every problem in one pass.
 * `undefined` when the root is not an object (nothing to salvage). Expects a document `guardJson` passed.
 */
export function salvage(json: unknown): Salvaged | undefined {
  if (!isRecord(json)) return undefined;
  const lists = {} as Record<List, unknown[]>;
  const indexes = {} as Record<List, number[]>;
  let coverageComplete = Array.isArray(json.coverage);
  for (const name of LIST_NAMES) {
    const raw = Array.isArray(json[name]) ? (json[name] as unknown[]) : [];
    lists[name] = [];
    indexes[name] = [];
    raw.forEach((entry, index) => {
      const parsed = LISTS[name].safeParse(entry, REPORT_INPUT);
      if (parsed.success) {
        lists[name].push(parsed.data);
        indexes[name].push(index);
      } else if (name === 'coverage') {
        coverageComplete = false;
      }
    });
  }
  const rawParameters = isRecord(json.parameters) ? json.parameters : {};
  const parameters = Object.fromEntries(
    Object.keys(rawParameters).flatMap((name) => {
      const parsed = ruleSetSchema.shape.parameters.safeParse({ [name]: rawParameters[name] });
      return parsed.success ? Object.entries(parsed.data) : [];
    }),
  );
  const scope = ruleSetSchema.shape.scope.safeParse(json.scope);
  const unconfirmed = ruleSetSchema.shape.unconfirmed.safeParse(json.unconfirmed);
  // Only the parts the checks read are real; the rest are placeholders no check looks at.
  const document = {
    id: '',
    title: { zh: '', en: '' },
    scope: scope.success ? scope.data : { levels: [] },
    parameters,
    ...(unconfirmed.success && unconfirmed.data !== undefined && { unconfirmed: unconfirmed.data }),
    ...lists,
  } as unknown as RuleSetDocument;
  return {
    document,
    indexes,
    context: {
      conditionIds: idsOf(json.conditions),
      noteIds: json.notes === undefined ? new Set() : idsOf(json.notes),
      parameterNames: isRecord(json.parameters) ? new Set(Object.keys(json.parameters)) : undefined,
      coverageComplete,
    },
  };
}

/** Issues found on a salvaged document, with their paths pointing into the original one. */
export function toOriginalPaths(issues: readonly ValidationIssue[], indexes: Salvaged['indexes']): ValidationIssue[] {
  return issues.map((problem) => {
    const [list, index, ...rest] = problem.path;
    if (typeof list !== 'string' || typeof index !== 'number' || !Object.hasOwn(indexes, list)) return problem;
    return issue([list, indexes[list as List][index]!, ...rest], problem.detail);
  });
}
