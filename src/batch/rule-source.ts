import type { RuleSet } from '../ruleset/compiled.js';
import { loadRuleSetText } from '../ruleset/text.js';
import { getRuleSet } from '../rulesets/index.js';

/** A rule set given as a file's text, with the notice beside it when there is one. */
export interface RuleSetSource {
  readonly text: string;
  readonly notice?: string;
}

/**
 * How a batch finds each record's rule set: the bundled ones by id, or — when a rule-set file was
 * given — that one for every record, whatever its id (a local edit of a bundled rule set keeps its id,
 * and must win over the bundled copy). Loaded once per thread; the caller has already validated it.
 */
export function ruleSetsFor(source: RuleSetSource | undefined, rules: string | undefined): { ruleSetFor: (id: string) => RuleSet | undefined; rules: string | undefined } {
  if (source === undefined) return { ruleSetFor: getRuleSet, rules };
  const loaded = loadRuleSetText(source.text, source.notice === undefined ? {} : { notice: source.notice });
  return { ruleSetFor: (id) => (id === loaded.id ? loaded : undefined), rules: loaded.id };
}
