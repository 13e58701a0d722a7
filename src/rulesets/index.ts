import { loadRuleSet } from '../ruleset/load.js';
import type { RuleSet } from '../ruleset/compiled.js';
import shizuishan2024 from '../../rules/shizuishan-2024/ruleset.json' with { type: 'json' };

/**
 * The rule sets shipped with the library, by id. Each is compiled on first use, so importing the
 * library costs nothing per rule set.
 */
const DOCUMENTS: Readonly<Record<string, unknown>> = {
  'shizuishan-2024': shizuishan2024,
};

const loaded = new Map<string, RuleSet>();

export const RULE_SET_IDS: readonly string[] = Object.keys(DOCUMENTS);

/** A bundled rule set by id (e.g. `shizuishan-2024`), or `undefined` if there is none. */
export function getRuleSet(id: string): RuleSet | undefined {
  if (!Object.prototype.hasOwnProperty.call(DOCUMENTS, id)) return undefined;
  let ruleSet = loaded.get(id);
  if (!ruleSet) {
    ruleSet = loadRuleSet(DOCUMENTS[id]);
    loaded.set(id, ruleSet);
  }
  return ruleSet;
}
