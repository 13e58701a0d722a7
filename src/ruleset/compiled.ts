import type { FactDefinition } from '../facts/types.js';
import type { OperatorDefinition } from '../operators/index.js';
import type { LocalizedText } from '../locales/types.js';
import type { CitationDocument, RuleSetDocument } from './schema.js';

/**
 * A rule set after loading: every name resolved to its fact or operator, every parameter reference
 * replaced by its value, every date decoded. Both evaluators (the synchronous walker and
 * json-rules-engine) read this, so they cannot disagree about what a rule set says.
 */
export type CompiledValue =
  | { readonly kind: 'literal'; readonly value: unknown }
  | { readonly kind: 'fact'; readonly fact: FactDefinition; readonly params: unknown; readonly key: string };

export interface CompiledLeaf {
  readonly kind: 'leaf';
  readonly fact: FactDefinition;
  readonly params: unknown;
  /** Identifies fact + parameters, so a fact is computed once per profile however often it is named. */
  readonly key: string;
  readonly operator: OperatorDefinition;
  readonly value: CompiledValue;
  /**
   * A list the notice leaves open (it ends with 等): a value outside it is for the evaluating body to
   * judge, so the leaf comes out `review` where it would fail. Only in a condition's test.
   */
  readonly open: boolean;
  /**
   * The leaf as json-rules-engine reads it: the rule set's own JSON with parameter references replaced
   * by their values, dates still ISO strings.
   */
  readonly json: { fact: string; operator: string; value: unknown; params?: Record<string, unknown> };
}

export type CompiledNode =
  | CompiledLeaf
  | { readonly kind: 'all' | 'any'; readonly children: readonly CompiledNode[] }
  | { readonly kind: 'not'; readonly child: CompiledNode };

export interface CompiledCondition {
  readonly id: string;
  readonly title: LocalizedText;
  readonly citation: CitationDocument;
  readonly interpretation?: LocalizedText;
  readonly review?: LocalizedText;
  readonly message?: LocalizedText;
  readonly notApplicable?: LocalizedText;
  /** What the notice says of a failure of this condition (see the rule-set schema's `remedy`). */
  readonly remedy?: { readonly status: 'possible' | 'impossible'; readonly text: LocalizedText; readonly citation: CitationDocument };
  readonly appliesWhen?: CompiledNode;
  readonly test?: CompiledNode;
  /** Profile paths the test reads: where a form puts this condition's message. */
  readonly reads: readonly string[];
  /** The rule set's parameters this condition uses. */
  readonly parameters: readonly string[];
  /** The pathway route this condition belongs to, if any. */
  readonly route?: { readonly pathway: string; readonly route: string };
}

export interface CompiledRoute {
  readonly id: string;
  readonly title: LocalizedText;
  readonly conditions: readonly CompiledCondition[];
}

export interface CompiledPathway {
  readonly id: string;
  readonly title: LocalizedText;
  readonly appliesWhen?: CompiledNode;
  readonly routes: readonly CompiledRoute[];
}

export interface CompiledNote {
  readonly id: string;
  readonly text: LocalizedText;
  readonly citation: CitationDocument;
  readonly appliesWhen?: CompiledNode;
}

export interface CompiledParameter {
  readonly name: string;
  readonly type: string;
  /** Decoded: a date parameter holds a date. */
  readonly value: unknown;
  readonly description: LocalizedText;
  readonly citation: CitationDocument;
}

/** Who the notice is for; an applicant outside it gets the outcome `not_applicable`. */
export interface CompiledScope {
  readonly appliesWhen: CompiledNode;
  readonly outOfScope: LocalizedText;
  readonly citation: CitationDocument;
}

export interface RuleSet {
  readonly id: string;
  readonly title: LocalizedText;
  readonly document: RuleSetDocument;
  readonly scope?: CompiledScope;
  readonly parameters: ReadonlyMap<string, CompiledParameter>;
  readonly conditions: readonly CompiledCondition[];
  readonly pathways: readonly CompiledPathway[];
  readonly notes: readonly CompiledNote[];
}
