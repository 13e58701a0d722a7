/**
 * Short keys of JSON values, equal exactly when the values are equal (key order aside), for the
 * loader's caches of decoded values and the evaluators' fact slots. Valid within one compilation.
 *
 * Linear in the document (issue 14): a `{param: name}` reference resolves to the parameter's own value
 * object, so a 150,000-value list named by 6,400 leaves is the same array 6,400 times. Serialising it
 * once per reference made loading quadratic (30 s within every documented limit). Here each array or
 * object is described once, by identity, in terms of its children's keys, and the description is
 * interned to a short `#n`: an object wrapping the list (fact parameters holding a reference) costs its
 * own keys only, and no key is ever longer than one level of one value (hashing it stays cheap).
 */
export class StableKeys {
  private readonly byIdentity = new WeakMap<object, string>();
  private readonly byDescription = new Map<string, string>();

  of(value: unknown): string {
    // Scalars stand for themselves; `#` starts no JSON text, so the two kinds of key never meet.
    if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'undefined';
    const known = this.byIdentity.get(value);
    if (known !== undefined) return known;
    const description = Array.isArray(value)
      ? `[${value.map((item) => this.of(item)).join(',')}]`
      : `{${Object.keys(value)
          .sort()
          .map((name) => `${JSON.stringify(name)}:${this.of((value as Record<string, unknown>)[name])}`)
          .join(',')}}`;
    let key = this.byDescription.get(description);
    if (key === undefined) this.byDescription.set(description, (key = `#${this.byDescription.size}`));
    this.byIdentity.set(value, key);
    return key;
  }
}
