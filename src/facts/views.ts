import type { DecodedProfile } from '../profile/decoded.js';

/**
 * Views: what several facts derive from the same part of a profile — the continuing-education hours by
 * year and category, the titles as levels and days — read out of the profile once per evaluation
 * instead of once per fact. A rule set asks for the hours of nine windows and the title day of six
 * levels; each pass over the entries reads fields of objects with thousands of different shapes (one
 * per combination of filled-in fields), which is what costs, so one pass is shared by all of them.
 *
 * A view is kept only while an evaluator says it may (`shareViews` … `endSharing`): the synchronous
 * walker does, for the one profile it is evaluating, and forgets every view when it is done, so no
 * applicant's data stays behind and a profile changed between two evaluations is read afresh. Outside
 * that window (json-rules-engine, a direct `compute` call) a view is derived on every call, and the
 * answer is the same either way.
 */

interface Memo {
  profile: DecodedProfile | undefined;
  value: unknown;
}

const memos: Memo[] = [];
let sharing = false;

/** A view of a profile: `derive` runs at most once per profile per evaluation while views are shared. */
export function profileView<T>(derive: (profile: DecodedProfile) => T): (profile: DecodedProfile) => T {
  const memo: Memo = { profile: undefined, value: undefined };
  memos.push(memo);
  return (profile) => {
    if (!sharing) return derive(profile);
    if (memo.profile !== profile) {
      memo.value = derive(profile);
      memo.profile = profile;
    }
    return memo.value as T;
  };
}

/** From now until `endSharing`, a view of one profile is derived once. Evaluations must not overlap. */
export function shareViews(): void {
  sharing = true;
}

/** Stops sharing and forgets every view (and so every reference to the profile). */
export function endSharing(): void {
  sharing = false;
  for (const memo of memos) {
    memo.profile = undefined;
    memo.value = undefined;
  }
}

/**
 * Runs `work` with views shared, unless they already are (then the outer window keeps them): for
 * reading facts again after an evaluation, as a report's shortfalls do, once per view rather than once
 * per fact.
 */
export function withSharedViews<T>(work: () => T): T {
  if (sharing) return work();
  shareViews();
  try {
    return work();
  } finally {
    endSharing();
  }
}
