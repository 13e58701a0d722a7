import type * as z from 'zod/mini';
import { calendarDate, profileSchema } from './schema.js';

/** The kind of value at a profile path. */
export type FieldKind = 'scalar' | 'list' | 'group';

export interface ProfileField {
  readonly path: string;
  readonly kind: FieldKind;
  /** The schema of the value at this path (with `optional` unwrapped). */
  readonly schema: z.ZodMiniType;
  /** A calendar date (`YYYY-MM-DD` in, a date after parsing). */
  readonly isDate: boolean;
}

type Def = { type: string; innerType?: z.ZodMiniType; shape?: Record<string, z.ZodMiniType>; element?: z.ZodMiniType; entries?: Record<string, string> };
const defOf = (schema: z.ZodMiniType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

function unwrapOptional(schema: z.ZodMiniType): z.ZodMiniType {
  let current = schema;
  while (defOf(current).type === 'optional') current = defOf(current).innerType!;
  return current;
}

/**
 * Every field of the applicant profile, derived from the schema so the two cannot drift. Entries of a
 * list are described under `list[]`, e.g. `titles[].obtainedOn`.
 */
function collect(schema: z.ZodMiniType, prefix: string, out: Map<string, ProfileField>): void {
  const inner = unwrapOptional(schema);
  const def = defOf(inner);
  if (def.type === 'object') {
    if (prefix) out.set(prefix, { path: prefix, kind: 'group', schema: inner, isDate: false });
    for (const [key, child] of Object.entries(def.shape!)) collect(child, prefix ? `${prefix}.${key}` : key, out);
  } else if (def.type === 'array') {
    out.set(prefix, { path: prefix, kind: 'list', schema: inner, isDate: false });
    collect(def.element!, `${prefix}[]`, out);
  } else {
    out.set(prefix, { path: prefix, kind: 'scalar', schema: inner, isDate: inner === calendarDate });
  }
}

export const PROFILE_FIELDS: ReadonlyMap<string, ProfileField> = (() => {
  const fields = new Map<string, ProfileField>();
  collect(profileSchema, '', fields);
  return fields;
})();

/** Scalar fields outside any list: what the `field` fact may read. */
export function isTopLevelScalarPath(path: string): boolean {
  const field = PROFILE_FIELDS.get(path);
  return field !== undefined && field.kind === 'scalar' && !path.includes('[]');
}

/** The closed set of values a scalar field takes (an enum), or `undefined` for an open one (text, number, date). */
export function enumValues(path: string): readonly string[] | undefined {
  const field = PROFILE_FIELDS.get(path);
  if (!field || field.kind !== 'scalar') return undefined;
  const def = defOf(field.schema);
  return def.type === 'enum' ? Object.values(def.entries!) : undefined;
}
