/**
 * A caller's options, own properties only, in an object without a prototype: an option another script
 * put on Object.prototype (`messages`, `language`, `prevalidated` …) is never read as if the caller had
 * passed it. Anything that is not an object gives no options.
 */
export function ownOptions<T extends object>(options: T | undefined): T {
  const own = Object.create(null) as T;
  return options !== null && typeof options === 'object' ? Object.assign(own, options) : own;
}
