/**
 * A copy of JSON data — already guarded (`guardJson`: plain, bounded, no forbidden keys) — made of
 * objects without a prototype. Read from such a copy, a key the document does not have is `undefined`,
 * whatever another script has put on `Object.prototype` (a page shares its realm with every script on
 * it): `leaf.all` of a leaf is never an inherited `all`. zod, given the copy, sees own keys only; its
 * output gets the same treatment (`dropPrototypes`) before the compiler reads it.
 */
/** The object itself, given no prototype: what it does not have is `undefined`, whatever is on Object.prototype. */
export const withoutPrototype = <T extends object>(object: T): T => Object.setPrototypeOf(object, null) as T;

export function ownCopy(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value === 0 ? 0 : value; // -0 read as 0, as a profile's
  if (Array.isArray(value)) return value.map(ownCopy);
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) copy[key] = ownCopy((value as Record<string, unknown>)[key]);
  // Given no prototype once filled: `Object.create(null)` would make a slow dictionary-mode object.
  return withoutPrototype(copy);
}
