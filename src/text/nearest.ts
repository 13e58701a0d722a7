/**
 * "Did you mean": the known words nearest to one that was mistyped. Written here rather than taken from
 * a package (`leven`, `fastest-levenshtein`): it is a dozen lines, `leven` is ESM-only (the library also
 * ships CommonJS), and the browser bundle, which carries the profile's messages, has a size budget.
 */

/**
 * Edits between two strings — insert, delete, substitute, or swap two neighbours (`titel` → `title` is
 * one edit, the commonest typing slip) — by UTF-16 unit: the names compared here are ASCII.
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, before[j - 2]! + 1);
      current[j] = best;
    }
    before = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The candidates close enough to `word` to be what was meant, nearest first (at most `limit`). Close
 * enough, compared without case: one edit for a word of up to three letters (`zh`, not every two-letter
 * word), else two or a third of its length — so `Title` finds `title`, `titel` finds `titles`,
 * `engineerin` finds `engineering`, and `salary` finds nothing among the profile's keys.
 * A word or candidate longer than 64 characters is never compared: a hostile 10,000-character key must
 * not cost 10,000 × n steps, and no name is that long.
 */
export function nearest(word: string, candidates: Iterable<string>, limit = 3): string[] {
  if (word.length === 0 || word.length > 64) return [];
  const folded = word.toLowerCase();
  const allowed = word.length <= 3 ? 1 : Math.max(2, Math.floor(word.length / 3));
  const found: { candidate: string; distance: number }[] = [];
  for (const candidate of candidates) {
    if (candidate === word || candidate.length > 64 || Math.abs(candidate.length - word.length) > allowed) continue;
    const distance = editDistance(folded, candidate.toLowerCase());
    if (distance <= allowed) found.push({ candidate, distance });
  }
  // Stable: candidates at the same distance keep their given order.
  return found.sort((a, b) => a.distance - b.distance).slice(0, limit).map((entry) => entry.candidate);
}
