/**
 * Reading profile fields by path, own properties only: nothing inherited (`__proto__`, `constructor`,
 * or anything another script put on `Object.prototype`) is ever read.
 */

/** `object[key]` if it is the object's own property; `undefined` otherwise (or if it is no object). */
export function ownValue(object: unknown, key: string): unknown {
  if (object === null || typeof object !== 'object') return undefined;
  const value = (object as Record<string, unknown>)[key];
  // Absent fields are the common case and need no ownership check; a value found must be the object's own.
  return value !== undefined && Object.hasOwn(object, key) ? value : undefined;
}

/** Reads a dotted path (`application.targetLevel`); `undefined` when any step is absent. */
export function readPath(root: unknown, path: string | readonly string[]): unknown {
  const segments = typeof path === 'string' ? path.split('.') : path;
  let current: unknown = root;
  for (let index = 0; index < segments.length && current !== undefined; index += 1) current = ownValue(current, segments[index]!);
  return current;
}

/**
 * A reader for one path, made once (when a rule set is loaded) and called for every profile: profile
 * fields are one or two levels deep, and a reader made for its depth does no splitting and no looping.
 */
export function pathReader(path: string): (root: unknown) => unknown {
  const segments = path.split('.');
  if (segments.length === 1) {
    const [first] = segments as [string];
    return (root) => ownValue(root, first);
  }
  if (segments.length === 2) {
    const [first, second] = segments as [string, string];
    return (root) => ownValue(ownValue(root, first), second);
  }
  return (root) => readPath(root, segments);
}
