import { existsSync } from 'node:fs';
import packageJson from '../../package.json' with { type: 'json' };
import { visibleLines } from '../text/control.js';
import { dirname, join } from 'node:path';
import { parseCommandLine, type ParsedValues } from './options.js';
import { nearest } from '../text/nearest.js';
import { describeIssues, ValidationError, type ValidationIssue } from '../errors.js';
import { readStream, readTextFile, UnreadableFile, type FileText } from './files.js';
import { lintRuleSetText, loadRuleSetText } from '../ruleset/text.js';
import { scanJsonText } from '../ruleset/json-text.js';
import { parseProfile } from '../profile/parse.js';
import { renderText } from '../report/text.js';
import { renderSummary } from '../report/summary.js';
import { availableParallelism } from 'node:os';
import { createReadStream, type ReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { once } from 'node:events';
import type { Readable } from 'node:stream';
import { BatchFailure, runBatch, type BatchResult } from '../batch/run.js';
import type { InputFormat } from '../batch/records.js';
import { renderBatchSummary, renderHowFar } from '../batch/summary.js';
import { OutputFile, OutputFileError } from './output-file.js';
import { startProgress } from './progress.js';
import { checkAll } from '../check-all.js';
import type { RuleSet } from '../ruleset/compiled.js';
import { getRuleSet, RULE_SET_IDS } from '../rulesets/index.js';
import type { Language } from '../locales/types.js';
import type { Outcome } from '../locales/types.js';
import { parseCalendarDate } from '../dates/calendar-date.js';
import { DIFF_USAGE, diffCommand } from './commands/diff.js';
import { NEW_USAGE, newCommand } from './commands/new.js';

/** The package's version, taken from package.json when the command line is built (`zhicheng --version`). */
const PACKAGE_VERSION: string = packageJson.version;

/**
 * Exit codes: the outcome, or why there is none (64+ as in sysexits.h). `incomplete` and `needs_review`
 * have codes of their own: with the bundled notices `needs_review` is what a fully qualified applicant
 * gets (ethics and the series' standards are for a person), so CI must tell it from missing data. 3
 * keeps the meaning it had before 4 was added, so scripts that test for it keep working.
 */
export const EXIT = {
  eligible: 0,
  ineligible: 1,
  incomplete: 2,
  notCovered: 3,
  needsReview: 4,
  usage: 64,
  dataError: 65,
  noInput: 66,
  /** A bug, or a worker thread that died. */
  software: 70,
  /** `--out` cannot be created (a missing directory, no permission). */
  cantCreate: 73,
  /** `--out` cannot be written (a full disk). */
  ioError: 74,
  /** Stopped by Ctrl-C (SIGINT), or by SIGTERM: 128 + the signal's number, as shells report it. */
  interrupted: 130,
  terminated: 143,
} as const;

const OUTCOME_EXIT: Record<Outcome, number> = {
  eligible: EXIT.eligible,
  ineligible: EXIT.ineligible,
  incomplete: EXIT.incomplete,
  needs_review: EXIT.needsReview,
  not_applicable: EXIT.notCovered,
};

/** With `--all`, the best outcome under any rule set decides the code: the applicant may apply there. */
const BEST_FIRST: readonly Outcome[] = ['eligible', 'needs_review', 'incomplete', 'ineligible', 'not_applicable'];

const USAGE = `用法 / usage:
  zhicheng check <profile.json|-> [--rules <id|ruleset.json> | --all] [--lang zh|en] [--json] [--as-of YYYY-MM-DD]
      评估申报人档案(- 为标准输入)/ evaluate an applicant profile (- reads standard input; a fixture file works too);
      --all: 按所在地核对全部适用的规则集 / against every rule set for the applicant's location
      --as-of: 剩余天数从哪一天算起,默认为本机时区的今天 / the day days left are counted from (default: today,
      in this machine's time zone); the text report says which day it was
      退出码 / exit code: 0 eligible, 1 ineligible, 2 incomplete (data missing), 3 not covered by the notice,
      4 needs review (everything checkable passed), 64 usage, 65 invalid input, 66 unreadable file,
      74 output that cannot be written (a full disk)
  zhicheng batch <profiles.jsonl|profiles.json|-> [--rules <id|ruleset.json>] [--format jsonl|csv] [--report compact|full]
                 [--lang zh|en] [--out <file>] [--workers <n|auto>] [--input-format jsonl|json] [--as-of YYYY-MM-DD]
      批量筛查:逐行读取(JSON Lines;文件名以 .json 结尾的为一个 JSON 数组),按输入顺序每条输出一行,最后给出汇总
      / screen many applicants as a stream (JSON Lines; a file named *.json is one JSON array);
      one line per record, in input order, then a summary on stderr
      --format jsonl: 每人一条精简记录(--report full:完整报告)/ a compact record each (--report full: the whole report)
      --format csv: 带 BOM,可用 Excel 打开;列 / with a BOM, for Excel; columns:
        position,id,rule_set,outcome,failed_conditions,missing_fields,error
      --lang: 错误信息和条款标题的语言 / the language of error texts and clause titles (zh default)
      --as-of: 同 check,默认为今天 / as for check (default: today); the full report's shortfalls count from it
      字段说明 / fields: docs/batch.md
      --input-format: 输入格式,优先于文件名(标准输入 - 默认为 JSON Lines)/ the input's format, over the file's name
      (stdin, -, is JSON Lines unless told): jsonl = one JSON value a line, json = one JSON array
      --out: 先写入 <file>.partial,完成后才改名为 <file>;中断时保留 .partial / written to <file>.partial,
      renamed onto <file> only when the run completes; a stopped run keeps the .partial (whole lines only)
      退出码只反映运行本身,不反映申报人的结论 / the exit code is the run's, not the applicants' outcomes:
      0 all screened, 65 some records invalid (each reported with its position),
      70 a worker thread failed, 73 --out cannot be created, 74 --out cannot be written,
      130 interrupted (Ctrl-C), 143 terminated (SIGTERM)
  zhicheng lint <ruleset.json> [--notice <notice.md>] [--json]
      列出规则集的全部问题,按在文件中的位置排列 / list every problem of a rule set, in file order,
      each with its JSON path and line (the notice.md beside it is used if present); --json: an array of issues
      退出码 / exit code: 0 no problems, 65 problems found
${NEW_USAGE}
${DIFF_USAGE}
  zhicheng list [--json]
      列出内置规则集 / list the bundled rule sets (--json: id, title, jurisdiction, year, authority, issued)
  zhicheng --version
      版本号 / the version

内置规则集 / bundled rule sets: ${RULE_SET_IDS.join(', ')}`;

/** A failure with its exit code and a message for the person at the terminal: never a stack trace. */
class CliError extends Error {
  constructor(
    message: string,
    readonly code: number,
  ) {
    super(message);
  }
}

/** A file's text, or the problem with it (over 5 MB, not UTF-8) as a lint issue. */
function readFile(file: string): { text: string } | { problem: ValidationIssue } {
  try {
    return readTextFile(file);
  } catch (error) {
    if (error instanceof UnreadableFile) throw new CliError(`无法读取文件 / cannot read file: ${file} (${error.reason})`, EXIT.noInput);
    throw error;
  }
}

/** A file's text; a file over the size limit or not in UTF-8 is bad input (65). */
function readText(file: string): string {
  return textOrThrow(file, readFile(file));
}

function textOrThrow(file: string, read: FileText): string {
  if ('problem' in read) throw new CliError(`${file}\n${describeIssues([read.problem])}`, EXIT.dataError);
  return read.text;
}

/** How messages name standard input, which `-` stands for. */
const STDIN_NAME = '-(标准输入 / standard input)';

/**
 * Parses a profile's JSON file (or standard input, `-`) strictly, as rule sets are read: a syntax error,
 * or a key given twice (which `JSON.parse` would silently settle by keeping the last), names the file,
 * the path, line and column.
 */
async function readJson(io: CliIo, file: string): Promise<unknown> {
  const name = file === '-' ? STDIN_NAME : file;
  let read: FileText;
  if (file === '-') {
    try {
      read = await readStream(io.stdin ?? process.stdin);
    } catch (error) {
      throw new CliError(`无法读取 / cannot read: ${name} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, EXIT.noInput);
    }
  } else read = readFile(file);
  // A profile saved by a Windows editor starts with a byte-order mark: accepted, as batch accepts it.
  // (A rule set is still refused one, by lint and load: a rule set is written for the repository.)
  const text = textOrThrow(name, read).replace(/^\uFEFF/, '');
  const scanned = scanJsonText(text);
  if (scanned.issues.length > 0) throw new CliError(`${name}: 不是有效的 JSON / not valid JSON\n${describeIssues(scanned.issues)}`, EXIT.dataError);
  return JSON.parse(text);
}

/** No bundled rule set and no file by that name: the ids nearest to it, and every bundled id. */
function noRuleSet(spec: string): CliError {
  const near = nearest(spec, RULE_SET_IDS);
  const hint = near.length > 0 ? `\n是否指 / did you mean: ${near.join(', ')}` : '';
  return new CliError(`没有规则集,也没有此文件 / no rule set or file named ${spec}${hint}\n内置规则集 / bundled: ${RULE_SET_IDS.join(', ')}`, EXIT.usage);
}

/** A rule-set file's text, and the notice.md beside it if there is one (its quotes are checked against it). */
function readRuleSetFile(spec: string): { text: string; notice?: string } {
  const noticeFile = join(dirname(spec), 'notice.md');
  const text = readText(spec);
  return existsSync(noticeFile) ? { text, notice: readText(noticeFile) } : { text };
}

/** Strictly, from the text: duplicate keys are refused, and each problem has its line. */
function loadRuleSetFile(spec: string, source: { text: string; notice?: string }): RuleSet {
  try {
    return loadRuleSetText(source.text, source.notice === undefined ? {} : { notice: source.notice });
  } catch (error) {
    if (error instanceof ValidationError) throw new CliError(`${spec}\n${error.message}`, EXIT.dataError);
    throw error;
  }
}

/** A bundled rule set by id, or a rule-set file (checked against the notice.md beside it, if any). */
function resolveRuleSet(spec: string): RuleSet {
  const bundled = getRuleSet(spec);
  if (bundled) return bundled;
  if (!existsSync(spec)) throw noRuleSet(spec);
  return loadRuleSetFile(spec, readRuleSetFile(spec));
}

async function check(io: CliIo, file: string, options: { rules?: string; all: boolean; lang: Language; json: boolean; asOf: string }): Promise<number> {
  const document = await readJson(io, file);
  // A fixture file carries the profile under `profile`; a profile itself never has that key.
  const input =
    document !== null && typeof document === 'object' && !Array.isArray(document) && Object.hasOwn(document, 'profile')
      ? (document as { profile: unknown }).profile
      : document;
  const parsed = parseProfile(input);
  if (!parsed.success) {
    throw new CliError(`${file === '-' ? STDIN_NAME : file}: 申报人档案无效 / invalid applicant profile\n${describeIssues(parsed.issues)}`, EXIT.dataError);
  }
  if (options.all) {
    if (options.rules) throw new CliError(`--all 与 --rules 不能同时使用 / --all and --rules exclude each other\n\n${USAGE}`, EXIT.usage);
    const result = checkAll(parsed.profile, undefined, { asOf: options.asOf });
    io.stdout(options.json ? `${JSON.stringify(result, null, 2)}\n` : `${renderSummary(result, options.lang)}\n`);
    const outcomes = new Set(result.results.map((entry) => entry.report.outcome));
    return OUTCOME_EXIT[BEST_FIRST.find((outcome) => outcomes.has(outcome)) ?? 'not_applicable'];
  }
  const ruleSetId = options.rules ?? parsed.profile.application?.jurisdiction;
  if (!ruleSetId) {
    throw new CliError(
      `未指定规则集 / no rule set: pass --rules <id> or set application.jurisdiction (bundled: ${RULE_SET_IDS.join(', ')})`,
      EXIT.usage,
    );
  }
  // Loaded here, not at start: only `check` runs json-rules-engine, and `batch` and `list` start without it.
  const { evaluateWithEngine } = await import('../evaluate-with-engine.js');
  const report = await evaluateWithEngine(resolveRuleSet(ruleSetId), parsed.profile, { asOf: options.asOf });
  io.stdout(options.json ? `${JSON.stringify(report, null, 2)}\n` : `${renderText(report, options.lang, { asOf: options.asOf })}\n`);
  return OUTCOME_EXIT[report.outcome];
}

/** The signals that stop a batch run, and the exit code each ends it with (128 + the signal's number). */
const STOP_SIGNALS = { SIGINT: EXIT.interrupted, SIGTERM: EXIT.terminated } as const;

async function batch(
  io: CliIo,
  file: string,
  options: { format: 'jsonl' | 'csv'; inputFormat?: InputFormat; workers: number; lang: Language; report: 'compact' | 'full'; rules?: string; out?: string; asOf: string },
): Promise<number> {
  // `--rules` as `check` takes it: a bundled id, else a rule-set file — read and validated now, before
  // any output file is made, so a bad rule set is one error (65), not an error row per applicant.
  let ruleSetSource: { text: string; notice?: string } | undefined;
  if (options.rules !== undefined && !getRuleSet(options.rules)) {
    if (!existsSync(options.rules)) throw noRuleSet(options.rules);
    ruleSetSource = readRuleSetFile(options.rules);
    loadRuleSetFile(options.rules, ruleSetSource);
  }
  let input: Readable;
  let size: number | undefined;
  if (file === '-') input = io.stdin ?? process.stdin;
  else {
    input = createReadStream(file);
    try {
      await once(input, 'open');
      const stats = await stat(file);
      // A directory opens, but fails at the first read: say so now, before an output file is made.
      if (stats.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
      if (stats.isFile()) size = stats.size;
    } catch (error) {
      throw new CliError(`无法读取文件 / cannot read file: ${file} (${(error as NodeJS.ErrnoException).code ?? error})`, EXIT.noInput);
    }
  }
  let out: OutputFile | undefined;
  try {
    // Opened before any input is read: a missing directory fails now, not after an hour's screening.
    out = options.out === undefined ? undefined : await OutputFile.open(options.out);
  } catch (error) {
    input.destroy();
    if (error instanceof OutputFileError) throw new CliError(error.message, EXIT.cantCreate);
    throw error;
  }

  // Ctrl-C (or a TERM from a supervisor) stops the reading; what was screened is still written whole.
  // Repeated signals change nothing: the stop is already under way, and a kill would tear a line. The
  // handlers stay until the output is closed, and are removed then: signals are the shell's again.
  const stop = new AbortController();
  let stoppedBy: keyof typeof STOP_SIGNALS | undefined;
  const handlers = (Object.keys(STOP_SIGNALS) as (keyof typeof STOP_SIGNALS)[]).map((signal) => {
    const handler = () => {
      stoppedBy ??= signal;
      stop.abort();
    };
    process.on(signal, handler);
    return [signal, handler] as const;
  });
  try {
    // A progress bar on a terminal only; a pipe or a log stays quiet.
    // Bytes delivered to the reader: read from the file, less what waits in the stream's buffer.
    const delivered = () => ((input as ReadStream).bytesRead ?? 0) - input.readableLength;
    const progress = startProgress(process.stderr, { ...(size !== undefined && { size }), bytesRead: delivered }, options.lang);
    const started = performance.now();
    let result: BatchResult | BatchFailure;
    try {
      result = await runBatch({
        input,
        // As told, else by the file's name, never by its first character (a JSON Lines file may start
        // with an array line).
        inputFormat: options.inputFormat ?? (file.toLowerCase().endsWith('.json') ? 'json' : 'jsonl'),
        output: out?.stream ?? process.stdout,
        format: options.format,
        workers: options.workers,
        lang: options.lang,
        report: options.report,
        asOf: options.asOf,
        workerUrl: new URL('./batch-worker.js', import.meta.url),
        signal: stop.signal,
        ...(ruleSetSource !== undefined ? { ruleSetSource } : options.rules !== undefined && { rules: options.rules }),
        ...(progress && { onProgress: (records: number) => progress.update(records) }),
      });
    } catch (error) {
      if (error instanceof BatchFailure) result = error;
      else if (typeof (error as NodeJS.ErrnoException).code === 'string' && (error as NodeJS.ErrnoException).syscall === 'read') {
        // The input failed mid-way (a directory, an I/O error): what was written is kept, as .partial.
        await closeOutput(out, 'keep');
        throw new CliError(`无法读取文件 / cannot read file: ${file} (${(error as NodeJS.ErrnoException).code})`, EXIT.noInput);
      } else throw error;
    } finally {
      progress?.stop(); // before anything else is printed: the bar's line is cleared
    }
    const elapsed = performance.now() - started;
    if (result instanceof BatchFailure) return await batchFailed(io, result, out, options.lang, elapsed);
    if (result.interrupted) {
      await closeOutput(out, 'keep');
      const lines = [renderBatchSummary(result, elapsed, options.lang), renderHowFar(result.records, result.lastPosition, 'interrupted', options.lang)];
      if (out && !out.direct) lines.push(`部分结果 / partial output: ${out.path}`);
      io.stderr(`${lines.join('\n')}\n`);
      return STOP_SIGNALS[stoppedBy ?? 'SIGINT'];
    }
    await closeOutput(out, 'commit');
    io.stderr(`${renderBatchSummary(result, elapsed, options.lang)}\n`);
    return result.errorCount > 0 ? EXIT.dataError : 0;
  } finally {
    for (const [signal, handler] of handlers) process.off(signal, handler);
  }
}

/**
 * Ends `--out`: put in place when the run is complete, kept under its `.partial` name when it stopped
 * early. A write that failed late (a full disk) is an I/O error (74), and its file is removed.
 */
async function closeOutput(out: OutputFile | undefined, how: 'commit' | 'keep'): Promise<void> {
  if (!out) return;
  try {
    await (how === 'commit' ? out.commit() : out.keep());
  } catch (error) {
    if (!(error instanceof OutputFileError)) throw error;
    if (error.stage === 'write') await out.discard();
    throw new CliError(error.message, error.stage === 'write' ? EXIT.ioError : EXIT.cantCreate);
  }
}

/** A run that could not go on: what was written is kept (whole lines), and the user is told how far it got. */
async function batchFailed(io: CliIo, failure: BatchFailure, out: OutputFile | undefined, lang: Language, elapsed: number): Promise<number> {
  if (failure.kind === 'output') {
    await out?.discard();
    // No how-far line: records handed to a failing stream may not have reached the file.
    io.stderr(`写入输出文件失败 / cannot write output file: ${out?.target ?? '-'} (${failure.reason})\n`);
    return EXIT.ioError;
  }
  await closeOutput(out, 'keep');
  const lines = [lang === 'zh' ? `批量筛查中断:工作线程失败:${failure.reason}` : `batch stopped: a worker thread failed: ${failure.reason}`, renderBatchSummary(failure.result, elapsed, lang), renderHowFar(failure.result.records, failure.result.lastPosition, 'failed', lang)];
  if (out && !out.direct) lines.push(`部分结果 / partial output: ${out.path}`);
  io.stderr(`${lines.join('\n')}\n`);
  return EXIT.software;
}

function lint(io: CliIo, file: string, options: { notice?: string; json: boolean }): number {
  const besideNotice = join(dirname(file), 'notice.md');
  const noticeFile = options.notice ?? (existsSync(besideNotice) ? besideNotice : undefined);
  const notice = noticeFile === undefined ? undefined : readText(noticeFile);
  const read = readFile(file);
  const issues = 'problem' in read ? [read.problem] : lintRuleSetText(read.text, notice === undefined ? {} : { notice });
  if (options.json) io.stdout(`${JSON.stringify(issues, null, 2)}\n`);
  else if (issues.length === 0) {
    io.stdout(`${file}: 没有问题 / no problems${notice === undefined ? ' (未核对引文 / citations not checked: no notice)' : ''}\n`);
  } else {
    io.stdout(renderLint(file, issues, notice !== undefined));
  }
  return issues.length === 0 ? 0 : EXIT.dataError;
}

/** The part of the document an issue is in: `conditions[3]`, `parameters.cutoff`, `coverage` … */
function sectionOf(issue: ValidationIssue): string {
  const [first, second] = issue.path;
  if (first === undefined) return '(根对象 / root)';
  if (second !== undefined && (typeof second === 'number' || first === 'parameters')) return formatSection(first, second);
  return String(first);
}

const formatSection = (first: string | number, second: string | number) => (typeof second === 'number' ? `${first}[${second}]` : `${first}.${second}`);

/**
 * Lint's report for a person: issues grouped by the part of the document they are in, in the order of
 * the file (so fixing top to bottom works), each with `file:line:column` (which editors and terminals
 * open), its path, and the message in Chinese and English; the count last.
 */
function renderLint(file: string, issues: readonly ValidationIssue[], citationsChecked: boolean): string {
  const sections = new Map<string, ValidationIssue[]>();
  for (const issue of issues) {
    const section = sectionOf(issue);
    if (!sections.has(section)) sections.set(section, []);
    sections.get(section)!.push(issue);
  }
  const lines: string[] = [];
  for (const [section, members] of sections) {
    lines.push(section);
    for (const issue of members) {
      const where = issue.line === undefined ? file : `${file}:${issue.line}:${issue.column}`;
      lines.push(`  ${where}  ${issue.at || '(根对象 / root)'}`, `    ${issue.message.zh}`, `    ${issue.message.en}`);
    }
    lines.push('');
  }
  const unchecked = citationsChecked ? '' : '\n(未核对引文 / citations not checked: no notice)';
  lines.push(`${file}: ${issues.length} 个问题 / problem(s)${unchecked}`);
  return `${lines.join('\n')}\n`;
}

/** Where the command line writes: the terminal, or a test's buffers. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** What `-` reads (`check -`, `batch -`): the process's standard input unless given. */
  readonly stdin?: Readable;
}

/**
 * Runs the command line with `argv` (without node and the script) and returns the exit code. Bad input
 * is reported on stderr with a code of 64 or more; it never throws for the user's mistakes.
 */
export async function runCli(argv: readonly string[], terminal: CliIo): Promise<number> {
  // Nothing the CLI writes through io carries a raw control character, whatever a rule set or profile
  // holds: renderers escape their own lines; this is the backstop for every other path (and JSON, whose
  // \u escapes read back as the same value).
  const io: CliIo = {
    stdout: (text) => terminal.stdout(visibleLines(text)),
    stderr: (text) => terminal.stderr(visibleLines(text)),
    ...(terminal.stdin && { stdin: terminal.stdin }),
  };
  try {
    return await dispatch(argv, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr(`${error.message}\n`);
      return error.code;
    }
    throw error;
  }
}

async function dispatch(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCommandLine(argv);
  if (!parsed.ok) throw new CliError(`${parsed.message}\n\n${USAGE}`, EXIT.usage);
  const { command, values, files } = parsed;
  if (values.version) {
    io.stdout(`${PACKAGE_VERSION}\n`);
    return 0;
  }
  if (values.help || !command) {
    io.stdout(`${USAGE}\n`);
    return values.help ? 0 : EXIT.usage;
  }
  const lang = languageOf(values);
  const one = () => {
    if (files.length !== 1) throw new CliError(`${command}: 需要一个文件 / expects one file\n\n${USAGE}`, EXIT.usage);
    return files[0]!;
  };
  switch (command) {
    case 'check':
      return check(io, one(), { ...(values.rules !== undefined && { rules: values.rules }), all: values.all ?? false, lang, json: values.json ?? false, asOf: asOfOf(values) });
    case 'lint':
      return lint(io, one(), { ...(values.notice !== undefined && { notice: values.notice }), json: values.json ?? false });
    case 'batch': {
      const format = values.format ?? 'jsonl';
      const report = values.report ?? 'compact';
      if (format !== 'jsonl' && format !== 'csv') throw new CliError(`--format: jsonl | csv${didYouMean(format, ['jsonl', 'csv'])}\n\n${USAGE}`, EXIT.usage);
      if (report !== 'compact' && report !== 'full') throw new CliError(`--report: compact | full${didYouMean(report, ['compact', 'full'])}\n\n${USAGE}`, EXIT.usage);
      const inputFormat = values['input-format'];
      if (inputFormat !== undefined && inputFormat !== 'jsonl' && inputFormat !== 'json') {
        throw new CliError(`--input-format: jsonl | json (不是 / not ${inputFormat})\n\n${USAGE}`, EXIT.usage);
      }
      const workersOption = values.workers ?? '1';
      const workers = workersOption === 'auto' ? availableParallelism() : Number(workersOption);
      if (!Number.isInteger(workers) || workers < 1 || workers > 256) throw new CliError(`--workers: a number from 1, or auto\n\n${USAGE}`, EXIT.usage);
      return batch(io, one(), { format, ...(inputFormat !== undefined && { inputFormat }), workers, lang, report, ...(values.rules !== undefined && { rules: values.rules }), ...(values.out !== undefined && { out: values.out }), asOf: asOfOf(values) });
    }
    case 'list':
      if (files.length > 0) throw new CliError(`list: 不需要文件 / takes no file\n\n${USAGE}`, EXIT.usage);
      return list(io, values.json ?? false);
    case 'new':
      return newCommand(values, files, io);
    case 'diff':
      return diffCommand(values, files, io);
  }
}

/** `--lang zh|en`, for the commands that take it. */
function languageOf(values: ParsedValues): Language {
  const lang = values.lang ?? 'zh';
  if (lang !== 'zh' && lang !== 'en') throw new CliError(`--lang: zh | en${didYouMean(lang, ['zh', 'en'])}\n\n${USAGE}`, EXIT.usage);
  return lang;
}

/**
 * `--as-of YYYY-MM-DD`: the day deadlines and days left are counted from. Without it, today in this
 * machine's time zone — a person at a terminal wants the days left from the day they read them, and
 * their day is the local one, not UTC's (which is still yesterday, or already tomorrow, for hours of it).
 */
function asOfOf(values: ParsedValues): string {
  const given = values['as-of'];
  if (given === undefined) return localToday(new Date());
  if (parseCalendarDate(given) === undefined) {
    throw new CliError(`--as-of: 应为 YYYY-MM-DD 格式的真实日期,而不是 ${JSON.stringify(given)} / a real date written YYYY-MM-DD, not ${JSON.stringify(given)}\n\n${USAGE}`, EXIT.usage);
  }
  return given;
}

/** A moment's day in the local time zone, written YYYY-MM-DD. */
export function localToday(now: Date): string {
  const two = (value: number) => String(value).padStart(2, '0');
  return `${String(now.getFullYear()).padStart(4, '0')}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}

/** " (did you mean csv?)" after a value that is not one of an option's few, or nothing. */
function didYouMean(value: string, choices: readonly string[]): string {
  const near = nearest(value, choices);
  return near.length > 0 ? `(是否指 / did you mean: ${near.join(', ')}?)` : '';
}

/** The bundled rule sets: for a person, id and title; with `--json`, what a script needs to choose one. */
function list(io: CliIo, json: boolean): number {
  const ruleSets = RULE_SET_IDS.map((id) => getRuleSet(id)!);
  if (!json) {
    for (const ruleSet of ruleSets) io.stdout(`${ruleSet.id}\t${ruleSet.title.zh}\n`);
    return 0;
  }
  const entries = ruleSets.map(({ id, title, document }) => ({
    id,
    title,
    jurisdiction: document.jurisdiction,
    year: document.year,
    authority: document.authority,
    issued: document.issued,
  }));
  io.stdout(`${JSON.stringify(entries, null, 2)}\n`);
  return 0;
}
