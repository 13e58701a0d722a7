import { issue, type ValidationIssue } from '../errors.js';
import { nearest } from '../text/nearest.js';
import { PROFILE_FIELDS } from './paths.js';

/** The keys a profile object may have, by its generic path (`''` the root, `titles[]` an entry). */
let childKeys: Map<string, string[]> | undefined;

function keysUnder(generic: string): readonly string[] {
  if (!childKeys) {
    // Built on the first misspelt key, not at import: a valid profile never needs it.
    childKeys = new Map();
    for (const path of PROFILE_FIELDS.keys()) {
      const match = /^(?:(.*)\.)?([^.[\]]+)$/.exec(path);
      if (!match) continue;
      const parent = match[1] ?? '';
      if (!childKeys.has(parent)) childKeys.set(parent, []);
      childKeys.get(parent)!.push(match[2]!);
    }
  }
  return childKeys.get(generic) ?? [];
}

/**
 * A profile's issues, with "did you mean" added to each unknown key that is a near miss of a key the
 * schema has at that place (`titel` → `titles`, `obtainedon` → `obtainedOn`): the strict schema refuses
 * a misspelt key, and the user should not have to look up the right one.
 */
export function withKeySuggestions(issues: readonly ValidationIssue[]): ValidationIssue[] {
  return issues.map((problem) => {
    if (problem.detail.kind !== 'unrecognized_keys') return problem;
    const generic = problem.path.map((key) => (typeof key === 'number' ? '[]' : `.${key}`)).join('').replace(/^\./, '');
    const known = keysUnder(generic);
    const didYouMean = problem.detail.keys.slice(0, 10).flatMap((key) => {
      const [meant] = nearest(key, known, 1);
      return meant === undefined ? [] : [{ key, meant }];
    });
    return didYouMean.length === 0 ? problem : issue(problem.path, { ...problem.detail, didYouMean });
  });
}
