import { existsSync } from 'node:fs';
import { describeIssues, ValidationError } from '../../errors.js';
import { diffRuleSets } from '../../maintain/diff.js';
import { renderDiff } from '../../maintain/diff-text.js';
import { isEmptyDiff } from '../../maintain/diff.js';
import { scanJsonText } from '../../ruleset/json-text.js';
import { getRuleSet, getTemplate, RULE_SET_IDS, TEMPLATE_IDS } from '../../rulesets/index.js';
import type { ParsedValues } from '../options.js';
import { CommandError, EXIT, readText, runCommand, type CommandIo } from './errors.js';

export const DIFF_USAGE = `  zhicheng diff <a> <b> [--lang zh|en] [--json]
      两个规则集的差异(规则集编号、模板编号或 ruleset.json 文件)/ what changed from rule set a to b (a bundled id,
      a template id, or a ruleset.json file): parameters, conditions (logic or text), pathways, notes, coverage;
      --json: 见 / see RuleSetDiff in docs/new-notice.md; 退出码 / exit code: 0 the same, 1 different`;

/** A rule-set document: bundled (a rule set or a template) by id, or a file read strictly. */
function documentOf(spec: string, side: 'a' | 'b'): unknown {
  const bundled = getRuleSet(spec)?.document ?? getTemplate(spec);
  if (bundled) return bundled;
  if (!existsSync(spec)) {
    throw new CommandError(`diff <${side}>: 没有规则集 / no rule set named ${spec} (bundled: ${[...RULE_SET_IDS, ...TEMPLATE_IDS].join(', ')})`, EXIT.usage);
  }
  const text = readText(spec);
  const scanned = scanJsonText(text);
  if (scanned.issues.length > 0) throw new CommandError(`${spec}: 不是有效的 JSON / not valid JSON\n${describeIssues(scanned.issues)}`, EXIT.dataError);
  return JSON.parse(text);
}

/** `zhicheng diff <a> <b>`: what changed, as text or JSON; exit 1 when anything did, as diff(1). */
export function diffCommand(values: ParsedValues, positionals: readonly string[], io: CommandIo): Promise<number> {
  return runCommand(io, () => {
    const lang = values.lang ?? 'zh';
    if (positionals.length !== 2) throw new CommandError(`diff: 需要两个规则集 / expects two rule sets\n\n${DIFF_USAGE}`, EXIT.usage);
    if (lang !== 'zh' && lang !== 'en') throw new CommandError(`--lang: zh | en (不是 / not ${lang})`, EXIT.usage);
    const [a, b] = positionals as [string, string];
    let diff;
    try {
      diff = diffRuleSets(documentOf(a, 'a'), documentOf(b, 'b'));
    } catch (error) {
      // The library names the side (a.…, b.…); the person at the terminal needs the file too.
      if (error instanceof ValidationError) throw new CommandError(`a = ${a}, b = ${b}\n${error.message}`, EXIT.dataError);
      throw error;
    }
    io.stdout(values.json ? `${JSON.stringify(diff, null, 2)}\n` : renderDiff(diff, lang));
    return isEmptyDiff(diff) ? 0 : 1;
  });
}
