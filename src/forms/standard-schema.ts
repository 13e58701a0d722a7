import { evaluate, type EvaluateOptions } from '../evaluate.js';
import { expectString } from '../arguments.js';
import { ownOptions } from '../options.js';
import type { Language } from '../locales/types.js';
import { parseProfile } from '../profile/parse.js';
import type { ApplicantProfile } from '../profile/schema.js';
import type { RuleSet } from '../ruleset/compiled.js';
import { citedMessage, fieldIssues, type FieldIssueOptions } from './field-issues.js';
import { assertRuleSet } from '../ruleset/loaded.js';

/**
 * Standard Schema v1 (https://standardschema.dev), the interface form libraries validate with —
 * react-hook-form's `standardSchemaResolver`, TanStack Form, and others. The spec asks implementers to
 * copy these types rather than depend on a package for them.
 */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  readonly '~standard': {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown) => StandardSchemaV1.Result<Output> | Promise<StandardSchemaV1.Result<Output>>;
    readonly types?: { readonly input: Input; readonly output: Output } | undefined;
  };
}

export declare namespace StandardSchemaV1 {
  type Result<Output> = SuccessResult<Output> | FailureResult;
  interface SuccessResult<Output> {
    readonly value: Output;
    readonly issues?: undefined;
  }
  interface FailureResult {
    readonly issues: readonly Issue[];
  }
  interface Issue {
    readonly message: string;
    readonly path?: readonly (PropertyKey | PathSegment)[] | undefined;
  }
  interface PathSegment {
    readonly key: PropertyKey;
  }
}

export interface EligibilitySchemaOptions extends FieldIssueOptions, EvaluateOptions {
  /** The language of the issue messages (default `zh`). */
  readonly language?: Language;
}

/** `titles.0.obtainedOn` → `['titles', 0, 'obtainedOn']`, as form libraries address fields. */
export function pathSegments(path: string): (string | number)[] {
  expectString(path, 'path');
  if (path === '') return [];
  return path.split('.').map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

/**
 * A rule set as a Standard Schema: validating a profile gives, for an invalid profile, its validation
 * errors, and for a valid one, an issue on each field for each condition of the notice it fails (add
 * `unknown` to `statuses` to also flag what is still missing). Messages cite the clause.
 * Synchronous, as forms validating on every change need.
 */
export function toStandardSchema(ruleSet: RuleSet, options: EligibilitySchemaOptions = {}): StandardSchemaV1<ApplicantProfile> {
  assertRuleSet(ruleSet); // when the schema is built, not on the first keystroke
  const language = ownOptions(options).language ?? 'zh';
  return {
    '~standard': {
      version: 1,
      vendor: 'zhicheng-eligibility',
      validate(value) {
        const parsed = parseProfile(value);
        if (!parsed.success) {
          return { issues: parsed.issues.map((issue) => ({ message: issue.message[language], path: issue.path })) };
        }
        const report = evaluate(ruleSet, parsed.profile, options);
        const issues = fieldIssues(report, options).map((issue) => ({
          message: citedMessage(issue, language),
          path: pathSegments(issue.path),
        }));
        return issues.length > 0 ? { issues } : { value: value as ApplicantProfile };
      },
    },
  };
}
