import type { CompiledCondition, CompiledNode } from './compiled.js';

/** Whether a compiled tree can come out `unknown` for some profile: some fact it reads can be unknown. */
export function mayBeUnknown(node: CompiledNode | undefined): boolean {
  if (!node) return false;
  if (node.kind === 'not') return mayBeUnknown(node.child);
  if (node.kind !== 'leaf') return node.children.some(mayBeUnknown);
  const left = node.fact.mayBeUnknown?.(node.params) ?? true;
  const right = node.value.kind === 'fact' && (node.value.fact.mayBeUnknown?.(node.value.params) ?? true);
  return left || right;
}

/** The statuses a condition can take, judged from its structure. */
export function possibleStatuses(condition: CompiledCondition): Set<string> {
  const statuses = new Set<string>(condition.test ? ['pass', 'fail'] : ['review']);
  if (condition.appliesWhen) statuses.add('not_applicable');
  if (mayBeUnknown(condition.test) || mayBeUnknown(condition.appliesWhen)) statuses.add('unknown');
  return statuses;
}
