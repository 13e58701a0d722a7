/**
 * `-0` written in a rule set, read as 0. JSON writes `-0` as `0`, so a report carrying it would differ
 * between the evaluators in memory only (`Object.is`, `toEqual`) and no reader could tell why; the
 * notice means zero either way. Arrays and objects are walked (a list or record parameter), each once;
 * anything without a `-0` is returned as it is, the same object.
 */
export function withoutNegativeZero<T>(value: T): T {
  if (Object.is(value, -0)) return 0 as T;
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const items = value.map(withoutNegativeZero);
    return (items.every((item, index) => Object.is(item, value[index])) ? value : items) as T;
  }
  const entries = Object.entries(value);
  const cleaned = entries.map(([key, item]) => [key, withoutNegativeZero(item)] as const);
  if (cleaned.every(([, item], index) => Object.is(item, entries[index]![1]))) return value;
  // defineProperty semantics: a `__proto__` key stays an own key, never a prototype.
  return Object.fromEntries(cleaned) as T;
}
