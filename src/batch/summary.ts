import { LOCALES } from '../locales/index.js';
import type { Language, Outcome } from '../locales/types.js';
import type { Tally } from './tally.js';

/** The end of a batch run, in one language: counts by outcome, the most-failed clauses, errors, and the pace. */
export function renderBatchSummary(tally: Tally, elapsedMs: number, language: Language = 'zh'): string {
  const zh = language === 'zh';
  const locale = LOCALES[language];
  const perSecond = Math.round((tally.records / Math.max(elapsedMs, 1)) * 1_000);
  const lines = [zh ? `共 ${tally.records} 条,用时 ${(elapsedMs / 1_000).toFixed(1)} 秒(${perSecond}/秒)` : `${tally.records} records in ${(elapsedMs / 1_000).toFixed(1)} s (${perSecond}/s)`];
  for (const [outcome, count] of Object.entries(tally.outcomes).sort((a, b) => b[1] - a[1])) {
    const label = outcome === 'invalid' ? (zh ? '无效输入' : 'invalid input') : locale.outcome[outcome as Outcome];
    lines.push(`  ${String(count).padStart(9)}  ${label}`);
  }
  const failed = Object.values(tally.failed).sort((a, b) => b.count - a.count).slice(0, 10);
  if (failed.length > 0) {
    lines.push(zh ? '最常不符合的条款:' : 'most-failed clauses:');
    // Clause and title, as the notice has them: a clerk looks the clause up, never a condition id.
    for (const { count, ruleSet, clause, title } of failed) lines.push(`  ${String(count).padStart(9)}  ${ruleSet} ${clause} ${title[language]}`);
  }
  if (tally.errorCount > 0) {
    lines.push(zh ? `无效记录 ${tally.errorCount} 条,例如:` : `${tally.errorCount} invalid record(s), e.g.:`);
    for (const { position, error } of tally.errors.slice(0, 5)) lines.push(`  #${position}: ${error[language].slice(0, 200)}`);
  }
  return lines.join('\n');
}

/**
 * How far a run that stopped before the end of its input got: the records written (all whole, in input
 * order) and the input position — line, or array element — of the last, so the rest can be run again.
 */
export function renderHowFar(written: number, lastPosition: number, why: 'interrupted' | 'failed', language: Language = 'zh'): string {
  if (language === 'zh') {
    return `${why === 'interrupted' ? '已中断' : '已停止'}:已写出 ${written} 条记录${written > 0 ? `,至输入第 ${lastPosition} 条(位置)为止` : ''}`;
  }
  return `${why === 'interrupted' ? 'interrupted' : 'stopped'}: ${written} record(s) written${written > 0 ? `, up to input position ${lastPosition}` : ''}`;
}
