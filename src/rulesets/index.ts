import { loadRuleSet } from '../ruleset/load.js';
import type { RuleSet } from '../ruleset/compiled.js';
import type { RuleSetInput } from '../ruleset/schema.js';
import { BUNDLED_RULE_SETS as DOCUMENTS, BUNDLED_TEMPLATES as TEMPLATES } from './bundled.js';

/**
 * The rule sets shipped with the library (every rules/<id>/ruleset.json, through the generated
 * `bundled.ts`), by id. Each is compiled on first use, so importing the library does not pay for rule
 * sets it never evaluates. Templates are kept apart: they have blanks and become rule sets only
 * through `instantiate`.
 */
const loaded = new Map<string, RuleSet>();

export const RULE_SET_IDS: readonly string[] = Object.keys(DOCUMENTS);
export const TEMPLATE_IDS: readonly string[] = Object.keys(TEMPLATES);

/** A bundled rule set by id (e.g. `shizuishan-2024`), or `undefined` if there is none. */
export function getRuleSet(id: string): RuleSet | undefined {
  if (typeof id !== 'string' || !Object.hasOwn(DOCUMENTS, id)) return undefined;
  let ruleSet = loaded.get(id);
  if (!ruleSet) {
    // Bundled documents are validated in full by the test suite (test/citations.test.ts lints each with
    // its notice), so they are compiled without checking them again.
    ruleSet = loadRuleSet(DOCUMENTS[id], { prevalidated: true });
    loaded.set(id, ruleSet);
  }
  return ruleSet;
}

/** A bundled template's document, to fill with `instantiate`. */
export function getTemplate(id: string): RuleSetInput | undefined {
  return typeof id === 'string' && Object.hasOwn(TEMPLATES, id) ? (structuredClone(TEMPLATES[id]) as RuleSetInput) : undefined;
}
