import type { Language, LocalizedText } from '../locales/types.js';
import type { CompiledCondition, CompiledNode } from '../ruleset/compiled.js';
import { combine, leavesOf } from '../engine/logic.js';
import { answerNeed, leafNeed, leafOutcomeFor, negatedNeed, type NeedContext } from './leaf-need.js';
import type { Need, Remedy, Shortfall } from './types.js';

/** How far a remedy is from being done: the order alternatives are offered in, and the worst of a set. */
export const REMEDY_RANK: Readonly<Record<Remedy, number>> = { possible: 0, unstated: 1, impossible: 2 };
/** Every need must be met: the set is as hard as its hardest. */
export const hardest = (remedies: Iterable<Remedy>): Remedy => {
  let worst: Remedy = 'possible';
  for (const remedy of remedies) if (REMEDY_RANK[remedy] > REMEDY_RANK[worst]) worst = remedy;
  return worst;
};

const joined = (needs: readonly Need[], context: NeedContext): LocalizedText => {
  const say = (language: Language) => needs.map((need) => need.text[language]).join(context.locales[language].shortfall.separator);
  return { zh: say('zh'), en: say('en') };
};

/**
 * What a node still needs, walking the condition's own tree: `null` once it passes. `all` needs each
 * child that does not pass; `any` needs any one of its children's sets, nearest first; `not` over a
 * comparison the profile meets needs the opposite comparison, and over a group it meets, a judgement.
 */
function nodeNeeds(node: CompiledNode, context: NeedContext): Need[] | null {
  switch (node.kind) {
    case 'leaf': {
      const need = leafNeed(leafOutcomeFor(node, context.profile), context);
      return need === null ? null : [need];
    }
    case 'not': {
      const child = node.child;
      if (child.kind === 'leaf') {
        const outcome = leafOutcomeFor(child, context.profile);
        if (outcome.status === 'pass') return [negatedNeed(outcome, context)];
        if (outcome.status === 'fail') return null;
        return [leafNeed(outcome, context)!]; // still open (or for review) either way
      }
      // A group: how it came out as a whole decides. Met where the notice needs it not to be, there is no
      // single comparison to state; still open, its answers are what is needed.
      const inner = combine(child, leavesOf(child).map((leaf) => leafOutcomeFor(leaf, context.profile)));
      if (inner.status === 'fail') return null;
      if (inner.status === 'unknown') return [answerNeed(inner.missing, undefined, context)];
      return [{ kind: 'judgement', remedy: 'unstated', text: both(context, (words) => words.judgement) }];
    }
    case 'all': {
      const needs: Need[] = [];
      for (const child of node.children) {
        const childNeeds = nodeNeeds(child, context);
        if (childNeeds) needs.push(...childNeeds);
      }
      return needs.length > 0 ? needs : null;
    }
    case 'any': {
      const options: Need[][] = [];
      for (const child of node.children) {
        const childNeeds = nodeNeeds(child, context);
        if (childNeeds === null) return null;
        // An alternative that is itself a choice offers its options here (any of any is one choice).
        const only = childNeeds.length === 1 ? childNeeds[0]! : undefined;
        if (only?.kind === 'oneOf') options.push(...only.options.map((option) => [...option]));
        else options.push(childNeeds);
      }
      if (options.length === 1) return options[0]!;
      // Nearest first: what can still be done, then fewer things to do; otherwise the notice's order.
      const ranked = options
        .map((needs, index) => ({ needs, index, remedy: hardest(needs.map((need) => need.remedy)) }))
        .sort((a, b) => REMEDY_RANK[a.remedy] - REMEDY_RANK[b.remedy] || a.needs.length - b.needs.length || a.index - b.index);
      const ordered = ranked.map((option) => option.needs);
      const remedy = ranked[0]!.remedy; // the best alternative decides
      return [
        {
          kind: 'oneOf',
          options: ordered,
          remedy,
          // Each option says for itself whether the notice is silent on it: one option may be closed by a
          // date while another is only unstated.
          text: both(context, (words, language) => words.oneOf(ordered.map((needs) => explained(needs, context)[language]))),
        },
      ];
    }
  }
}

const both = (context: NeedContext, say: (words: NeedContext['locales']['zh']['shortfall'], language: Language) => string): LocalizedText => ({
  zh: say(context.locales.zh.shortfall, 'zh'),
  en: say(context.locales.en.shortfall, 'en'),
});

/**
 * What a failed or undecided condition still needs, from its own test. A failed one: every comparison
 * that keeps it from passing, with how far off each is. An undecided one: the answers it waits for, which the evaluator has
 * already gathered once each — walking every open leaf again would repeat each path per leaf — with
 * the deadline of a date it compares, when `asOf` is given. `undefined` for a condition without a test
 * (the evaluating body's judgement).
 */
export function shortfallOf(condition: CompiledCondition, status: 'fail' | 'unknown', missing: readonly string[], context: NeedContext): Shortfall | undefined {
  if (!condition.test) return undefined;
  if (status === 'unknown') return answersNeeded(condition.test, missing, context);
  // A failed condition surely applies (while that is open the condition is `unknown`): its test says it all.
  const needs = nodeNeeds(condition.test, context);
  if (needs === null) return undefined;
  const declared = condition.remedy;
  if (declared) {
    // The notice says it itself (本年度不再受理, 取消申报资格): its word decides, and is given in its words.
    const ruled = needs.map((need) => (need.kind === 'answer' ? need : { ...need, remedy: declared.status }));
    const text = joined(ruled, context);
    return { needs: ruled, remedy: hardest(ruled.map((need) => need.remedy)), text: both(context, (words, language) => `${text[language]}${words.separator}${declared.text[language]}`) };
  }
  return { needs, remedy: hardest(needs.map((need) => need.remedy)), text: explained(needs, context) };
}

/**
 * Needs in words, with the notice's silence said once at the end where it applies: when the set's
 * remedy is `unstated` and no need gives its own reason (a window of years over says it in its own
 * words; a choice says it per option).
 */
function explained(needs: readonly Need[], context: NeedContext): LocalizedText {
  const text = joined(needs, context);
  const saysWhy = needs.some((need) => need.kind === 'oneOf' || (need.kind === 'amount' && need.window !== undefined && need.remedy === 'unstated'));
  if (hardest(needs.map((need) => need.remedy)) !== 'unstated' || saysWhy) return text;
  return both(context, (words, language) => `${text[language]}${words.separator}${words.why.unstated}`);
}

/**
 * Whether a deadline `daysLeft` away is nearer than the one kept so far: any date ahead (or today) before
 * any date past; of those ahead, the soonest; of those past, the most recent.
 */
const nearer = (daysLeft: number, kept: number | undefined): boolean =>
  kept === undefined || (daysLeft >= 0 ? kept < 0 || daysLeft < kept : kept < 0 && daysLeft > kept);

/**
 * An undecided condition: its missing answers, and the nearest deadline ahead that one of its open
 * comparisons counts to (none ahead: the latest one past, kept in the data but not said).
 */
function answersNeeded(test: CompiledNode, missing: readonly string[], context: NeedContext): Shortfall | undefined {
  if (missing.length === 0) return undefined;
  let deadline: { date: string; daysLeft: number } | undefined;
  if (context.asOf) {
    for (const leaf of leavesOf(test)) {
      if (!leaf.operator.name.startsWith('date')) continue;
      const need = leafNeed(leafOutcomeFor(leaf, context.profile), context);
      if (need?.kind === 'answer' && need.deadline && nearer(need.deadline.daysLeft, deadline?.daysLeft)) deadline = need.deadline;
    }
  }
  const need = answerNeed(missing, deadline, context);
  return { needs: [need], remedy: 'possible', text: need.text };
}

