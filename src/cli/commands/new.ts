import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ValidationError } from '../../errors.js';
import { buildSkeleton } from '../../maintain/skeleton.js';
import { captureBody, extractNotice, needsTransform, type NoticeTransform } from '../../maintain/normalise-notice.js';
import { loadSimplifier } from '../../maintain/opencc.js';
import type { ParsedValues } from '../options.js';
import { CommandError, EXIT, readText, runCommand, type CommandIo } from './errors.js';

export const NEW_USAGE = `  zhicheng new <id> --notice <file> [--dir <dir>] [--first-line <text>] [--last-line <text>]
               [--omit-line <text>]… [--correction <from>=<to>]… [--transform auto|none|traditional-with-pinyin] [--force]
      新通知的初稿:写出 notice.md 和 ruleset.json(每个编号条款一行覆盖表、每个日期和数字一个候选参数,均标为待确认)
      / drafts a new notice: notice.md and a ruleset.json skeleton (a coverage row per numbered clause, a candidate
      parameter per date and number, all unconfirmed, so lint refuses it until a person has confirmed each);
      --dir: 默认 / default rules/<id>; --first-line/--last-line: 正文首末行(去掉网页的其他部分)/ the body's
      first and last lines in the capture (drops the page around it); --omit-line: 正文中要去掉的网页残留行(可重复)/
      a page artefact inside the body to drop (repeatable); --correction: 抓取损坏处的更正(可重复)/ a spot corrupted
      in capture and its official text (repeatable); --transform: 默认自动识别繁体与拼音注音 /
      auto-detects traditional characters and pinyin glosses by default`;

const ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** `zhicheng new`: a notice capture in, notice.md and a ruleset.json skeleton out. */
/**
 * `zhicheng new`: a notice capture in, notice.md and a ruleset.json skeleton out. Its options come checked
 * and read from the command line's table (src/cli/options.ts), as every command's do.
 */
export function newCommand(values: ParsedValues, positionals: readonly string[], io: CommandIo): Promise<number> {
  return runCommand(io, async () => {
    const [id, ...extra] = positionals;
    if (!id || extra.length > 0) throw new CommandError(`new: 需要一个规则集编号 / expects one rule-set id\n\n${NEW_USAGE}`, EXIT.usage);
    if (!ID.test(id)) throw new CommandError(`new: 编号须为小写字母、数字和连字符(如 anytown-2025)/ the id must be kebab-case (such as anytown-2025): ${id}`, EXIT.usage);
    if (values.notice === undefined) throw new CommandError(`new: 需要 --notice <file> / expects --notice <file>\n\n${NEW_USAGE}`, EXIT.usage);
    const transformOption = values.transform ?? 'auto';
    if (transformOption !== 'auto' && transformOption !== 'none' && transformOption !== 'traditional-with-pinyin') {
      throw new CommandError(`--transform: auto | none | traditional-with-pinyin (不是 / not ${transformOption})`, EXIT.usage);
    }
    const dir = values.dir ?? join('rules', id);
    const files = { notice: join(dir, 'notice.md'), ruleSet: join(dir, 'ruleset.json') };
    for (const file of Object.values(files)) {
      if (!values.force && existsSync(file)) throw new CommandError(`文件已存在,不覆盖(覆盖请加 --force)/ file exists, not overwritten (pass --force to overwrite): ${file}`, EXIT.cantCreate);
    }

    const corrections = (values.correction ?? []).map((spec) => {
      // <from>=<to>, split at the first =: a spot corrupted in capture and the official words.
      const at = spec.indexOf('=');
      if (at <= 0 || at === spec.length - 1) throw new CommandError(`--correction: 应为 <原文>=<更正> / expected <from>=<to>: ${spec}`, EXIT.usage);
      return { from: spec.slice(0, at), to: spec.slice(at + 1) };
    });
    const lines = {
      ...(corrections.length > 0 && { corrections }),
      ...(values['first-line'] !== undefined && { firstLine: values['first-line'] }),
      ...(values['last-line'] !== undefined && { lastLine: values['last-line'] }),
      ...(values['omit-line'] !== undefined && { omitLines: values['omit-line'] }),
    };
    const capture = readText(values.notice);
    let body: string[];
    try {
      body = captureBody(capture, lines);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const option = { lastLine: '--last-line', firstLine: '--first-line', corrections: '--correction' }[String(error.issues[0]?.path[0])] ?? '--notice';
      throw new CommandError(`${option} (${values.notice}): ${error.issues[0]!.message.zh} / ${error.issues[0]!.message.en}`, EXIT.dataError);
    }
    // Detected from the body itself unless told: a traditional capture needs OpenCC, a simplified one never loads it.
    const transform: NoticeTransform = transformOption === 'auto' ? needsTransform(body.join('\n')) : transformOption;
    const simplify = transform === 'none' ? undefined : await loadSimplifier().catch((error: unknown) => {
      if (error instanceof ValidationError) throw new CommandError(`--transform ${transform}: ${error.issues[0]!.message.zh}\n  ${error.issues[0]!.message.en}`, EXIT.usage);
      throw error;
    });
    const source = { seed: basename(values.notice), firstLine: body[0]!, lastLine: body.at(-1)!, ...(lines.omitLines && { omitLines: lines.omitLines }), ...(lines.corrections && { corrections: lines.corrections }), ...(transform !== 'none' && { transform }) };
    const notice = extractNotice(capture, source, simplify);
    const skeleton = buildSkeleton(notice, { id, source });

    try {
      mkdirSync(dir, { recursive: true });
      writeFileSync(files.notice, notice);
      writeFileSync(files.ruleSet, `${JSON.stringify(skeleton, null, 2)}\n`);
    } catch (error) {
      throw new CommandError(`无法写入 / cannot write: ${dir} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, EXIT.cantCreate);
    }
    const parameters = Object.keys(skeleton.parameters).length;
    io.stdout(
      [
        `${files.notice}`,
        `${files.ruleSet}`,
        `  ${skeleton.coverage.length} 个条款待确认 / clauses to confirm; ${parameters} 个候选参数待确认或删除 / candidate parameters to confirm or remove${transform === 'none' ? '' : `; 已转为简体 / converted to simplified (${transform})`}`,
        `  下一步 / next: zhicheng lint ${files.ruleSet}`,
        '',
      ].join('\n'),
    );
    return 0;
  });
}
