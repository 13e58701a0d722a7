import type { ParsedProfileData } from '../profile/schema.js';
import { ownValue, readPath } from '../profile/read.js';

/**
 * The profile fields one rule set reads (`application.targetLevel`, `employment.evidence.laborContract`
 * …), grouped by the section that holds them, and a per-profile table of their values.
 *
 * Why a table rather than reading each field where a fact asks for it: profiles have as many hidden
 * classes as there are combinations of filled-in fields (thousands in a realistic population), so each
 * `section[key]` with a varying key is a megamorphic load that often misses V8's stub cache and falls
 * back to a runtime lookup. Enumerating a section once with `for…in` reads every present field by its
 * index in the object's own enum cache, with no lookup at all; the rule set's fields are then looked up
 * by name in a small Map. Measured on the Shizuishan rule set: the library's report got 12–15% faster.
 */

interface SectionLayout {
  /** The path from the profile's root to the section (`[]` for the root itself). */
  readonly segments: readonly string[];
  /** The keys of this section that the rule set reads, each with its index in the value table. */
  readonly indexOfKey: Map<string, number>;
}

/** Where a field's value sits: which section holds it, and its index in the value table. */
export interface FieldSlot {
  readonly section: number;
  readonly index: number;
}

/** Built while a rule set is compiled: which fields it reads, and where each one's value goes. */
export class FieldLayout {
  readonly sections: SectionLayout[] = [];
  #sectionIndex = new Map<string, number>();
  #fieldCount = 0;

  get fieldCount(): number {
    return this.#fieldCount;
  }

  /** The slot of a dotted field path, the same slot each time the same path is asked for. */
  slotOf(path: string): FieldSlot {
    const dot = path.lastIndexOf('.');
    const sectionPath = dot < 0 ? '' : path.slice(0, dot);
    const key = internalized(path.slice(dot + 1));
    let section = this.#sectionIndex.get(sectionPath);
    if (section === undefined) {
      section = this.sections.length;
      this.sections.push({ segments: sectionPath === '' ? [] : sectionPath.split('.'), indexOfKey: new Map() });
      this.#sectionIndex.set(sectionPath, section);
    }
    const { indexOfKey } = this.sections[section]!;
    let index = indexOfKey.get(key);
    if (index === undefined) {
      index = this.#fieldCount++;
      indexOfKey.set(key, index);
    }
    return { section, index };
  }
}

/**
 * The same string as a property key: V8 keeps property names internalized (one copy per distinct
 * string), and the keys `for…in` yields are those copies. A Map compares an internalized key with
 * another by pointer; a sliced string such as `path.slice(…)` is compared character by character.
 */
function internalized(key: string): string {
  return Object.keys({ [key]: true })[0]!;
}

/** One profile's field values, filled a section at a time on first use; reused from profile to profile. */
export interface FieldValues {
  readonly layout: FieldLayout;
  readonly values: unknown[];
  /** 1 where a section has been read for the current profile. */
  readonly read: Uint8Array;
}

export function fieldValues(layout: FieldLayout): FieldValues {
  return { layout, values: new Array<unknown>(layout.fieldCount).fill(undefined), read: new Uint8Array(layout.sections.length) };
}

/** Forget the current profile's values (nothing of an applicant stays behind between evaluations). */
export function clearFieldValues(table: FieldValues): void {
  table.values.fill(undefined);
  table.read.fill(0);
}

/** A field's value in this profile (`undefined` when absent), reading its section on first use. */
export function fieldValue(table: FieldValues, profile: ParsedProfileData, slot: FieldSlot): unknown {
  if (table.read[slot.section] === 0) readSection(table, profile, slot.section);
  return table.values[slot.index];
}

function readSection(table: FieldValues, profile: ParsedProfileData, sectionIndex: number): void {
  table.read[sectionIndex] = 1;
  const { segments, indexOfKey } = table.layout.sections[sectionIndex]!;
  const section = segments.length === 0 ? profile : readPath(profile, segments);
  if (section === null || typeof section !== 'object') return;
  const values = table.values;
  if (Object.getPrototypeOf(section) === null) {
    // A parsed profile: every section has no prototype, so for…in sees own keys only.
    for (const key in section) {
      const index = indexOfKey.get(key);
      if (index !== undefined) values[index] = (section as Record<string, unknown>)[key];
    }
    return;
  }
  // Data validated some other way (evaluateParsed with a schema's output): own properties only.
  for (const [key, index] of indexOfKey) values[index] = ownValue(section, key);
}
