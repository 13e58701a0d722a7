/**
 * Reads a dotted path (`application.targetLevel`) from a parsed profile, walking own properties only:
 * nothing inherited (`__proto__`, `constructor`) is ever read. `undefined` when any step is absent.
 */
export function readPath(root: unknown, path: string | readonly string[]): unknown {
  let current: unknown = root;
  for (const key of typeof path === 'string' ? path.split('.') : path) {
    if (current === null || typeof current !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
