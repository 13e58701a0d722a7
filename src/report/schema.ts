import * as z from 'zod/mini';
import { toJsonSchema } from '../json-schemas.js';
import type { EligibilityReport, ReportValue } from './types.js';
import type { Need } from '../remedies/types.js';

/**
 * The schema of an eligibility report (`EligibilityReport`, src/report/types.ts) as `evaluate` returns it
 * and as JSON carries it: for consumers who receive reports over the wire (a batch's JSON Lines, a
 * worker's postMessage, `zhicheng check --json`) and for the property tests, which validate every
 * report the library produces. Strict objects throughout, so a field the types do not declare is an
 * error here before it is a surprise downstream.
 *
 * It lives apart from the core entry: a web form evaluates reports, it does not need to validate them.
 */

const STATUSES = ['pass', 'fail', 'unknown', 'review', 'not_applicable'] as const;
const OUTCOMES = ['eligible', 'ineligible', 'incomplete', 'needs_review', 'not_applicable'] as const;

/** Dates in a report are calendar days written `YYYY-MM-DD` (cut-offs, the issue date). */
const isoDay = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const text = z.strictObject({ zh: z.string(), en: z.string() });
const citation = z.strictObject({ clause: z.string(), quote: z.string() });
const status = z.enum(STATUSES);
const paths = z.array(z.string());
const count = z.int().check(z.gte(0));

/** A value as a report carries it: JSON scalars, and lists of them (dates as `YYYY-MM-DD` strings). */
export const reportValueSchema: z.ZodMiniType<ReportValue> = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.null(),
  z.array(z.lazy(() => reportValueSchema)),
]);
// Named, so the generated JSON Schema calls its recursive definition `ReportValue` (not `__schema0`). A
// registry of our own: adding to zod's global one would be a side effect every zod user could see.
const names = z.registry<{ id: string }>();
names.add(reportValueSchema, { id: 'ReportValue' });

const remedy = z.enum(['possible', 'impossible', 'unstated']);
const measured = { what: text, reads: paths, operator: z.string() };
/** One thing a condition still needs (`Need`, src/remedies/types.ts); `oneOf` holds sets of them. */
export const needSchema: z.ZodMiniType<Need> = z.union([
  z.strictObject({
    kind: z.literal('amount'),
    ...measured,
    have: z.number(),
    need: z.number(),
    short: z.number(),
    window: z.optional(z.strictObject({ from: z.int(), to: z.int() })),
    metOn: z.optional(z.nullable(isoDay)),
    remedy,
    text,
  }),
  z.strictObject({
    kind: z.literal('date'),
    ...measured,
    have: z.nullable(isoDay),
    need: isoDay,
    days: z.nullable(count),
    daysLeft: z.optional(z.int()),
    remedy,
    text,
  }),
  z.strictObject({ kind: z.literal('value'), ...measured, have: reportValueSchema, need: reportValueSchema, remedy, text }),
  z.strictObject({
    kind: z.literal('answer'),
    paths,
    deadline: z.optional(z.strictObject({ date: isoDay, daysLeft: z.int() })),
    remedy,
    text,
  }),
  z.strictObject({ kind: z.literal('oneOf'), options: z.array(z.array(z.lazy(() => needSchema))), remedy, text }),
  z.strictObject({ kind: z.literal('judgement'), remedy, text }),
]);
names.add(needSchema, { id: 'Need' });

export const shortfallSchema = z.strictObject({ needs: z.array(needSchema), remedy, text });

export const conditionReportSchema = z.strictObject({
  id: z.string(),
  title: text,
  status,
  citation,
  interpretation: z.optional(text),
  actual: reportValueSchema,
  required: reportValueSchema,
  operator: z.nullable(z.string()),
  reads: paths,
  missing: paths,
  message: text,
  parameters: z.record(z.string(), reportValueSchema),
  route: z.optional(z.strictObject({ pathway: z.string(), route: z.string() })),
  shortfall: z.optional(shortfallSchema),
});

export const pathwayReportSchema = z.strictObject({
  id: z.string(),
  title: text,
  status,
  taken: z.nullable(z.string()),
  open: z.array(z.string()),
  routes: z.array(
    z.strictObject({ id: z.string(), title: text, status, conditions: z.array(z.string()), needs: z.array(z.string()), remedy: z.nullable(remedy) }),
  ),
  nearest: z.array(z.string()),
});

export const reportSchema = z.strictObject({
  ruleSet: z.strictObject({
    id: z.string(),
    title: text,
    authority: z.string(),
    documentNumber: z.nullable(z.string()),
    issued: isoDay,
    year: z.int(),
    cutoffDates: z.record(z.string(), isoDay),
  }),
  outcome: z.enum(OUTCOMES),
  message: text,
  counts: z.strictObject({ pass: count, fail: count, unknown: count, review: count, not_applicable: count }),
  conditions: z.array(conditionReportSchema),
  pathways: z.array(pathwayReportSchema),
  missing: paths,
  notes: z.array(z.strictObject({ id: z.string(), text, citation })),
  scope: z.nullable(z.strictObject({ status: z.enum(['pass', 'fail', 'unknown']), missing: paths })),
  outOfScope: z.optional(z.strictObject({ reason: text, citation })),
});

/**
 * The schema's output is `EligibilityReport` (up to `readonly`): checked when this file compiles, so the
 * schema and the types cannot drift apart silently. test/properties/reports.test.ts checks the other
 * direction too.
 */
export type ReportSchemaOutput = z.output<typeof reportSchema>;
type Holds<T extends true> = T;
export type ReportSchemaMatchesTypes = Holds<ReportSchemaOutput extends EligibilityReport ? true : false>;

/** `schema/report.schema.json`: the report as JSON (draft 2020-12), generated from `reportSchema`. */
export const reportJsonSchema = (): Record<string, unknown> =>
  toJsonSchema(reportSchema, 'https://zhicheng-eligibility.dev/schema/report.schema.json', 'Eligibility report (职称申报资格核对报告)', {
    io: 'output',
    metadata: names,
  });
