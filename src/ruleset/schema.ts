import * as z from 'zod/mini';
import { decodedCalendarDate } from '../dates/codec.js';
import { SERIES, TITLE_LEVELS } from '../profile/enums.js';
import { CONTROL_CHARACTER, CONTROL_CHARACTER_BUT_TAB_OR_LINE_FEED } from '../text/control.js';

/**
 * The format of `rules/<id>/ruleset.json`: one notice, encoded. Strict everywhere, so a misspelt key
 * is an error and not a silently ignored rule.
 */

/** No control character (see text/control.ts): rule-set texts are printed, and come from anywhere. */
const noControl = z.refine<string>((text) => !CONTROL_CHARACTER.test(text), { params: { expected: 'plain_text' } });
const nonEmpty = z.string().check(z.minLength(1), z.maxLength(2000), noControl);
export const localizedText = z.strictObject({ zh: nonEmpty, en: nonEmpty });

/** kebab-case, e.g. `tenure-deputy-senior`. */
const matching = (pattern: RegExp, expected: string) =>
  z.string().check(z.refine((text) => pattern.test(text), { params: { expected } }));

const conditionId = matching(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, 'identifier');
/** camelCase, e.g. `tenureCutoffDeputySenior`. */
const parameterName = matching(/^[a-z][A-Za-z0-9]*$/, 'identifier');

/**
 * A clause as the notice numbers it: `二、`, `二、(一)`, `二、(一)3`; `前言` for the text before the
 * first numbered clause. The citation test checks the clause exists in the notice.
 */
export const CLAUSE_PATTERN = /^(前言|[一二三四五六七八九十]+、(\([一二三四五六七八九十]+\)(\d+)?)?)$/;
const clause = matching(CLAUSE_PATTERN, 'clause');

/**
 * Characters other than whitespace a quote must have. Quotes are matched whitespace aside, so a quote of
 * spaces alone (`"　　"`, NBSP, `" \n\t "`) would fold to nothing and be "found" in any clause; and a
 * quote of two or three characters (`申报`, `不少于`) stands in almost every clause, so it proves nothing
 * either. The shortest quote of a bundled rule set has 6.
 */
export const QUOTE_MINIMUM = 4;

export const citationSchema = z.strictObject({
  clause,
  /** Verbatim from `notice.md` (whitespace aside), and within the cited clause. */
  quote: z.string().check(
    z.refine((text) => text.replace(/\s+/g, '').length >= QUOTE_MINIMUM, { abort: true, params: { expected: 'quote' } }),
    // Implied by the refinement (never reported after it); what JSON Schema can say of it.
    z.minLength(QUOTE_MINIMUM),
    z.maxLength(2000),
    // A quote may break a line where the notice does (it is matched whitespace aside), nothing else.
    z.refine((text) => !CONTROL_CHARACTER_BUT_TAB_OR_LINE_FEED.test(text), { params: { expected: 'plain_quote' } }),
  ),
});

/** A reference to a named parameter of the rule set, usable wherever a value is. */
export const parameterRef = z.strictObject({ param: parameterName });

/**
 * A condition in json-rules-engine's format: `{all: [...]}`, `{any: [...]}`, `{not: {...}}`, or a leaf
 * `{fact, operator, value, params?}` over our named facts and operators. `value` may be a literal, a
 * parameter reference `{param}`, or another fact `{fact, params?}`. json-rules-engine's `path`,
 * `priority`, `name` and condition references are deliberately not part of the format.
 */
export interface ConditionNodeInput {
  all?: ConditionNodeInput[];
  any?: ConditionNodeInput[];
  not?: ConditionNodeInput;
  fact?: string;
  operator?: string;
  value?: unknown;
  params?: Record<string, unknown>;
  /** The notice's list ends with 等: a value outside it is `review` (the evaluating body decides), not `fail`. */
  open?: boolean;
}

/**
 * Structure only: which keys a node may have. Whether a node has exactly one shape (all / any / not /
 * leaf) is checked when the rule set is compiled, where the error can name the node.
 */
export const conditionNode: z.ZodMiniType<ConditionNodeInput> = z.strictObject({
  get all() {
    return z.optional(z.array(conditionNode).check(z.minLength(1), z.maxLength(100)));
  },
  get any() {
    return z.optional(z.array(conditionNode).check(z.minLength(1), z.maxLength(100)));
  },
  get not() {
    return z.optional(conditionNode);
  },
  fact: z.optional(z.string().check(z.maxLength(100))),
  operator: z.optional(z.string().check(z.maxLength(100))),
  value: z.optional(z.unknown()),
  params: z.optional(z.record(z.string(), z.unknown())),
  open: z.optional(z.literal(true)),
});

const PARAMETER_TYPES = ['date', 'number', 'integer', 'boolean', 'string', 'list', 'place'] as const;

export const parameterSchema = z.strictObject({
  type: z.enum(PARAMETER_TYPES),
  /** Absent in a template: a blank the notice left to be filled (`x月xx日`). */
  value: z.optional(z.unknown()),
  unit: z.optional(z.enum(['hours', 'years', 'months', 'yuan', 'percent'])),
  /** Bounds for a number (a percentage within 0–100, a count of days at least 1, a month 1–12). */
  min: z.optional(z.number()),
  max: z.optional(z.number()),
  /** A date that must fall in the notice's `year` (a deadline the notice sets for itself). */
  withinYear: z.optional(z.boolean()),
  description: localizedText,
  citation: citationSchema,
  /** A candidate `zhicheng new` found in the notice: refused until a person confirms it (deletes this) or removes the parameter. */
  unconfirmed: z.optional(z.literal(true)),
});

export const conditionSchema = z
  .strictObject({
    id: conditionId,
    title: localizedText,
    citation: citationSchema,
    /** How an ambiguous clause was read; shown with the condition. */
    interpretation: z.optional(localizedText),
    appliesWhen: z.optional(conditionNode),
    test: z.optional(conditionNode),
    /**
     * For what a person must judge: why, and against which document. With a `test`, what the
     * evaluating body judges when the test comes out `review` (a value outside an open list).
     */
    review: z.optional(localizedText),
    /** Says the check with `{actual}` and `{required}`; a generic sentence is used otherwise. */
    message: z.optional(localizedText),
    /** Why the condition does not apply, when `appliesWhen` is false (a generic sentence otherwise). */
    notApplicable: z.optional(localizedText),
    /**
     * What the notice itself says of a failure of this condition, in its words: that it closes the notice
     * to the applicant (本年度不再受理, 取消申报资格, 不再适用) or that it may be put right. It decides the
     * shortfall's `remedy`, which is otherwise measured from the comparison.
     */
    remedy: z.optional(z.strictObject({ status: z.enum(['possible', 'impossible']), text: localizedText, citation: citationSchema })),
  })
  .check(
    z.refine((condition) => condition.test !== undefined || condition.review !== undefined, {
      params: { expected: 'test_or_review' },
    }),
  );

export const routeSchema = z.strictObject({
  id: conditionId,
  title: localizedText,
  /** Met when every listed condition that applies passes. */
  conditions: z.array(conditionId).check(z.minLength(1)),
});

/** Alternatives the notice allows (normal tenure, 提前一年, 破格 …): met when any route is. */
export const pathwaySchema = z.strictObject({
  id: conditionId,
  title: localizedText,
  appliesWhen: z.optional(conditionNode),
  routes: z.array(routeSchema).check(z.minLength(1)),
});

/** Something the report should tell an applicant that is not a condition: a window, an entitlement. */
export const noteSchema = z.strictObject({
  id: conditionId,
  text: localizedText,
  citation: citationSchema,
  appliesWhen: z.optional(conditionNode),
});

export const coverageSchema = z
  .strictObject({
    clause,
    kind: z.enum(['condition', 'procedural', 'informational']),
    conditions: z.optional(z.array(conditionId).check(z.minLength(1))),
    notes: z.optional(z.array(conditionId).check(z.minLength(1))),
    note: z.optional(localizedText),
    /** A row `zhicheng new` wrote for a clause it found: refused until a person has read the clause and says what it is. */
    unconfirmed: z.optional(z.literal(true)),
  })
  .check(
    z.refine((row) => (row.kind === 'condition') === (row.conditions !== undefined), {
      params: { expected: 'coverage_conditions' },
    }),
    z.refine((row) => row.kind === 'condition' || row.note !== undefined, {
      params: { expected: 'coverage_note' },
    }),
  );

/** The top-level parts a skeleton may leave unconfirmed (its root `unconfirmed` list). */
export const UNCONFIRMABLE = ['title', 'jurisdiction', 'authority', 'documentNumber', 'basis', 'issued', 'year', 'source', 'scope'] as const;

export const ruleSetSchema = z.strictObject({
  $schema: z.optional(z.string()),
  id: conditionId,
  title: localizedText,
  jurisdiction: z.strictObject({
    /** Province-level region, as the profile's `employment.region` writes it. */
    region: nonEmpty,
    /** City or prefecture, as the profile's `employment.city` writes it. */
    city: z.optional(nonEmpty),
    /** Other names of the city or region (巴州 for 巴音郭楞蒙古自治州). */
    aliases: z.optional(z.array(nonEmpty)),
  }),
  /** A template leaves blanks (parameters without values) to be filled by `instantiate`. */
  template: z.optional(z.boolean()),
  authority: nonEmpty,
  /** The notice's own document number (文号), where it has one. */
  documentNumber: z.optional(nonEmpty),
  /** Documents the notice implements (上级文件). */
  basis: z.optional(z.array(nonEmpty)),
  issued: decodedCalendarDate,
  /** The year whose applications the notice governs. */
  year: z.int().check(z.gte(2000), z.lte(2100)),
  /**
   * Where `notice.md` comes from: a capture (the file `seed` names in `shared/seeds/`, carried as
   * `rules/<id>/source.txt`), and the first and last lines of the
   * notice body in it (`scripts/notices.mjs` extracts the text between them, inclusive).
   */
  source: z.strictObject({
    seed: nonEmpty,
    firstLine: nonEmpty,
    lastLine: nonEmpty,
    /** Capture artefacts inside the body (a repeated page title) to drop. */
    omitLines: z.optional(z.array(nonEmpty)),
    /** Spots corrupted in capture, replaced by the official text. */
    corrections: z.optional(z.array(z.strictObject({ from: nonEmpty, to: nonEmpty }))),
    /** How to turn the capture into simplified Chinese (see scripts/notices.mjs). */
    transform: z.optional(z.enum(['traditional-with-pinyin'])),
    note: z.optional(nonEmpty),
  }),
  scope: z.strictObject({
    levels: z.array(z.enum(TITLE_LEVELS)).check(z.minLength(1)),
    series: z.optional(z.array(z.enum(SERIES))),
    note: z.optional(localizedText),
    /**
     * Who the notice is for at all. An applicant it does not cover gets the outcome `not_applicable`
     * and every condition `not_applicable` with `outOfScope` as the reason — not a failure.
     */
    appliesWhen: z.optional(conditionNode),
    outOfScope: z.optional(localizedText),
    citation: z.optional(citationSchema),
  }).check(
    z.refine((scope) => (scope.appliesWhen === undefined) === (scope.outOfScope === undefined) && (scope.appliesWhen === undefined) === (scope.citation === undefined), {
      params: { expected: 'scope_together' },
    }),
  ),
  parameters: z.record(parameterName, parameterSchema),
  // At least one, checked when compiled (unconfirmed.ts): a skeleton from `zhicheng new` has none yet,
  // and its unconfirmed rows already say what is to do.
  conditions: z.array(conditionSchema).check(z.maxLength(500)),
  pathways: z.optional(z.array(pathwaySchema)),
  notes: z.optional(z.array(noteSchema)),
  coverage: z.array(coverageSchema).check(z.minLength(1)),
  /** Top-level parts `zhicheng new` guessed (the jurisdiction, the authority …): refused until confirmed and removed from this list. */
  unconfirmed: z.optional(z.array(z.enum(UNCONFIRMABLE)).check(z.minLength(1))),
});

export type RuleSetInput = z.input<typeof ruleSetSchema>;
export type RuleSetDocument = z.output<typeof ruleSetSchema>;
export type ConditionDocument = z.output<typeof conditionSchema>;
export type CitationDocument = z.output<typeof citationSchema>;
