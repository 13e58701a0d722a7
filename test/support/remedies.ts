import { isDeepStrictEqual } from 'node:util';
import { evaluate, type RuleSet } from '../../src/index.js';
import { leavesOf } from '../../src/engine/logic.js';
import { enumValues } from '../../src/profile/paths.js';
import type { Need, Shortfall } from '../../src/remedies/types.js';
import type { CompiledCondition, CompiledLeaf } from '../../src/ruleset/compiled.js';

/**
 * Applying a shortfall to a profile by hand, as an applicant would: add the hours, change the answer,
 * move the date — only where the need names a profile field (or a year of continuing education) that
 * can simply be set. Everything else (a title's date, years since a certificate, a place, an answer
 * still to give) is not mechanical, and is reported as skipped with its kind.
 */

/** The comparison each operator is the opposite of: a need from a `not` states the opposite one. */
const OPPOSITE: Readonly<Record<string, string>> = {
  equal: 'notEqual', notEqual: 'equal', in: 'notIn', notIn: 'in',
  lessThan: 'greaterThanInclusive', greaterThanInclusive: 'lessThan', lessThanInclusive: 'greaterThan', greaterThan: 'lessThanInclusive',
  dateBefore: 'dateOnOrAfter', dateOnOrAfter: 'dateBefore', dateAfter: 'dateOnOrBefore', dateOnOrBefore: 'dateAfter',
};
const RISING = new Set(['greaterThanInclusive', 'greaterThan']);

export type Profile = Record<string, unknown>;

/** Why a need could not be applied: its kind, and what it compares. */
export type SkipReason =
  | 'answer' // answers still to give: nothing to set them to
  | 'amount:yearsSinceEntry' // years since a certificate: only time can add them
  | `amount:${string}` // any other counted fact
  | `value:${string}` // an answer of a derived fact (a place, a title, a record in force)
  | `date:${string}` // a title's date, etc.
  | 'unmatched'; // no leaf of the condition states this need (should not happen)

export type Applied =
  | { readonly kind: 'applied'; readonly profile: Profile; readonly needs: readonly Need[]; readonly judgement: boolean; readonly notes: readonly string[] }
  | { readonly kind: 'skipped'; readonly reason: SkipReason };

const labelOf = (leaf: CompiledLeaf) => leaf.fact.label?.(leaf.params) ?? leaf.fact.description;

/** The leaf of the condition a need was measured from: same fact label, same reads, same (or opposite) operator. */
export function leafOf(condition: CompiledCondition, need: Extract<Need, { what: unknown }>): CompiledLeaf | undefined {
  if (!condition.test) return undefined;
  return leavesOf(condition.test).find(
    (leaf) =>
      isDeepStrictEqual(labelOf(leaf), need.what) &&
      isDeepStrictEqual([...leaf.fact.reads(leaf.params)], [...need.reads]) &&
      (leaf.operator.name === need.operator || OPPOSITE[leaf.operator.name] === need.operator),
  );
}

const fieldPath = (leaf: CompiledLeaf): string | undefined => (leaf.fact.name === 'field' ? (leaf.params as { path: string }).path : undefined);

export function setPath(profile: Profile, path: string, value: unknown): void {
  const keys = path.split('.');
  let at: Record<string, unknown> = profile;
  for (const key of keys.slice(0, -1)) {
    if (typeof at[key] !== 'object' || at[key] === null) at[key] = {};
    at = at[key] as Record<string, unknown>;
  }
  at[keys.at(-1)!] = value;
}

/** A value the field may take that is not any of `excluded`: a boolean's other value, an enum's first other value. */
function otherValue(path: string, have: unknown, excluded: readonly unknown[]): unknown {
  if (typeof have === 'boolean') return !have;
  const values = enumValues(path);
  return values?.find((value) => !excluded.includes(value));
}

/** The hours of one category, added as a new entry for the window's last year (entries for one year add up). */
function addHours(profile: Profile, year: number, category: string, hours: number): void {
  const list = Array.isArray(profile.continuingEducation) ? [...(profile.continuingEducation as unknown[])] : [];
  list.push({ year, [`${category}Hours`]: hours });
  profile.continuingEducation = list;
}

/**
 * Applies one need to a (cloned) profile, or says why it cannot. `amount` of a field: the field set to
 * `have ± short`; of continuing-education hours: `short` hours in the first category the leaf counts,
 * in the window's last year. `value` of a field: `need` (`in`: its first value; `notEqual`/`notIn`:
 * the boolean's other value, or the first enum value not excluded). `date` of a field: `need`.
 * `oneOf`: its first (nearest) option only. `judgement`: nothing to apply; noted, so the caller expects
 * review rather than pass.
 */
function applyNeed(condition: CompiledCondition, need: Need, profile: Profile, out: { needs: Need[]; judgement: boolean; notes: string[] }, amountOverride?: (need: Need) => number | undefined): SkipReason | undefined {
  switch (need.kind) {
    case 'judgement':
      out.judgement = true;
      return undefined;
    case 'answer':
      return 'answer';
    case 'oneOf': {
      for (const option of need.options.slice(0, 1)) {
        for (const inner of option) {
          const reason = applyNeed(condition, inner, profile, out, amountOverride);
          if (reason) return reason;
        }
      }
      return undefined;
    }
    case 'amount': {
      const leaf = leafOf(condition, need);
      if (!leaf) return 'unmatched';
      const short = amountOverride?.(need) ?? need.short;
      const path = fieldPath(leaf);
      if (path !== undefined) {
        const value = RISING.has(need.operator) ? need.have + short : need.have - short;
        setPath(profile, path, Math.round(value * 100) / 100);
      } else if (leaf.fact.name === 'continuingEducationHours' && need.window) {
        const category = (leaf.params as { categories: readonly string[] }).categories[0]!;
        addHours(profile, need.window.to, category, short);
        out.notes.push(`${short} ${category} hours in ${need.window.to}`);
      } else return `amount:${leaf.fact.name}`;
      out.needs.push(need);
      return undefined;
    }
    case 'value': {
      const leaf = leafOf(condition, need);
      if (!leaf) return 'unmatched';
      const path = fieldPath(leaf);
      if (path === undefined) return `value:${leaf.fact.name}`;
      let value: unknown;
      if (need.operator === 'equal') value = need.need;
      else if (need.operator === 'in') value = (need.need as unknown[])[0];
      else if (need.operator === 'notEqual') value = otherValue(path, need.have, [need.need]);
      else if (need.operator === 'notIn') value = otherValue(path, need.have, need.need as unknown[]);
      else return `value:${leaf.fact.name}:${need.operator}`;
      if (value === undefined) return `value:${leaf.fact.name}:${need.operator}`;
      setPath(profile, path, value);
      out.needs.push(need);
      return undefined;
    }
    case 'date': {
      const leaf = leafOf(condition, need);
      if (!leaf) return 'unmatched';
      const path = fieldPath(leaf);
      if (path === undefined) return `date:${leaf.fact.name}`;
      setPath(profile, path, need.need);
      out.needs.push(need);
      return undefined;
    }
  }
}

/** All of a shortfall's needs applied to a copy of the profile, or the first reason one of them cannot be. */
export function applyShortfall(condition: CompiledCondition, shortfall: Shortfall, profile: unknown, amountOverride?: (need: Need) => number | undefined): Applied {
  const copy = structuredClone(profile ?? {}) as Profile;
  const out = { needs: [] as Need[], judgement: false, notes: [] as string[] };
  for (const need of shortfall.needs) {
    const reason = applyNeed(condition, need, copy, out, amountOverride);
    if (reason) return { kind: 'skipped', reason };
  }
  return { kind: 'applied', profile: copy, ...out };
}

/** The day a rule set was issued, as `YYYY-MM-DD`: the `asOf` the fixture checks read on. */
export function issuedOf(ruleSet: RuleSet): string {
  return evaluate(ruleSet, {} as never).ruleSet.issued as string;
}

/** One condition's report for a profile read on `asOf`. */
export function conditionReport(ruleSet: RuleSet, profile: unknown, id: string, asOf: string) {
  const report = evaluate(ruleSet, profile as never, { asOf });
  const condition = report.conditions.find((candidate) => candidate.id === id);
  if (!condition) throw new Error(`no condition ${id}`);
  return condition;
}
