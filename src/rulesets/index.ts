import { loadRuleSet } from '../ruleset/load.js';
import type { RuleSet } from '../ruleset/compiled.js';
import type { RuleSetInput } from '../ruleset/schema.js';
import bazhou2022 from '../../rules/bazhou-2022/ruleset.json' with { type: 'json' };
import beijing2024 from '../../rules/beijing-2024/ruleset.json' with { type: 'json' };
import quzhou2020 from '../../rules/quzhou-2020/ruleset.json' with { type: 'json' };
import shizuishan2024 from '../../rules/shizuishan-2024/ruleset.json' with { type: 'json' };
import template2021 from '../../rules/template-2021/ruleset.json' with { type: 'json' };

/**
 * The rule sets shipped with the library, by id. Each is compiled on first use, so importing the
 * library does not pay for rule sets it never evaluates. Templates are kept apart: they have blanks
 * and become rule sets only through `instantiate`.
 */
const DOCUMENTS: Readonly<Record<string, unknown>> = {
  'shizuishan-2024': shizuishan2024,
  'quzhou-2020': quzhou2020,
  'beijing-2024': beijing2024,
  'bazhou-2022': bazhou2022,
};

const TEMPLATES: Readonly<Record<string, unknown>> = {
  'template-2021': template2021,
};

const loaded = new Map<string, RuleSet>();

export const RULE_SET_IDS: readonly string[] = Object.keys(DOCUMENTS);
export const TEMPLATE_IDS: readonly string[] = Object.keys(TEMPLATES);

/** A bundled rule set by id (e.g. `shizuishan-2024`), or `undefined` if there is none. */
export function getRuleSet(id: string): RuleSet | undefined {
  if (!Object.hasOwn(DOCUMENTS, id)) return undefined;
  let ruleSet = loaded.get(id);
  if (!ruleSet) {
    ruleSet = loadRuleSet(DOCUMENTS[id]);
    loaded.set(id, ruleSet);
  }
  return ruleSet;
}

/** A bundled template's document, to fill with `instantiate`. */
export function getTemplate(id: string): RuleSetInput | undefined {
  return Object.hasOwn(TEMPLATES, id) ? (structuredClone(TEMPLATES[id]) as RuleSetInput) : undefined;
}
