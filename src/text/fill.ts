/**
 * Fills `{name}` placeholders of a template in one pass over the template.
 *
 * Values are inserted through a replacer function, never as a replacement string, so `$&`, `` $` ``,
 * `$'` and `$$` in a value (an applicant's district name, a parameter's value) stay as written; and a
 * value once inserted is never scanned again, so a value reading `{required}` is not filled a second
 * time. A placeholder `value` does not know (returns `undefined`) is left as it stands.
 */
const PLACEHOLDER = /\{(actual|required|param:[A-Za-z0-9]+)\}/g;

export function fillPlaceholders(template: string, value: (name: string, whole: string) => string | undefined): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => value(name, whole) ?? whole);
}
