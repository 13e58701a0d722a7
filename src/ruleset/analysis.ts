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

/** Whether a tree can come out `fail`: an open leaf (等) never does, it comes out `review` instead. */
function mayFail(node: CompiledNode): boolean {
  if (node.kind === 'leaf') return !node.open;
  if (node.kind === 'not') return true;
  return node.kind === 'all' ? node.children.some(mayFail) : node.children.every(mayFail);
}

/** Whether a tree holds an open list (等): it can come out `review`. */
export function hasOpenLeaf(node: CompiledNode): boolean {
  if (node.kind === 'leaf') return node.open;
  if (node.kind === 'not') return hasOpenLeaf(node.child);
  return node.children.some(hasOpenLeaf);
}

/** The statuses a condition can take, judged from its structure. */
export function possibleStatuses(condition: CompiledCondition): Set<string> {
  const test = condition.test;
  const statuses = new Set<string>(test ? ['pass'] : ['review']);
  if (test && mayFail(test)) statuses.add('fail');
  if (test && hasOpenLeaf(test)) statuses.add('review');
  if (condition.appliesWhen) statuses.add('not_applicable');
  if (mayBeUnknown(condition.test) || mayBeUnknown(condition.appliesWhen)) statuses.add('unknown');
  return statuses;
}
