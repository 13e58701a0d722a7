import { parseArgs } from 'node:util';
import { nearest } from '../text/nearest.js';

/**
 * Which options each command takes. An option of another command (`check --out x`) or an unknown one
 * is a usage error naming the option and the command: silently ignoring it would let a user believe a
 * report went to a file, or that a rule set was used, when neither happened.
 */
type OptionSpec = { readonly type: 'string' | 'boolean'; readonly short?: string; readonly multiple?: boolean };

const OPTIONS = {
  rules: { type: 'string' },
  all: { type: 'boolean' },
  lang: { type: 'string' },
  json: { type: 'boolean' },
  notice: { type: 'string' },
  format: { type: 'string' },
  'input-format': { type: 'string' },
  report: { type: 'string' },
  out: { type: 'string' },
  workers: { type: 'string' },
  'as-of': { type: 'string' },
  // zhicheng new (src/cli/commands/new.ts reads their values)
  dir: { type: 'string' },
  'first-line': { type: 'string' },
  'last-line': { type: 'string' },
  'omit-line': { type: 'string', multiple: true },
  correction: { type: 'string', multiple: true },
  transform: { type: 'string' },
  force: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const satisfies Record<string, OptionSpec>;

type OptionName = keyof typeof OPTIONS;

export const COMMANDS = {
  check: ['rules', 'all', 'lang', 'json', 'as-of'],
  lint: ['notice', 'json'],
  batch: ['rules', 'format', 'report', 'lang', 'input-format', 'workers', 'out', 'as-of'],
  list: ['json'],
  new: ['notice', 'dir', 'first-line', 'last-line', 'omit-line', 'correction', 'transform', 'force'],
  diff: ['json', 'lang'],
} as const satisfies Record<string, readonly OptionName[]>;

export type Command = keyof typeof COMMANDS;

/** Taken by every command, and without one. */
const EVERYWHERE: readonly OptionName[] = ['help', 'version'];

type ValueOf<Spec> = Spec extends { multiple: true } ? string[] : Spec extends { type: 'string' } ? string : boolean;
export type ParsedValues = { -readonly [name in OptionName]?: ValueOf<(typeof OPTIONS)[name]> };

export type CommandLine =
  | { readonly ok: true; readonly command: Command | undefined; readonly values: ParsedValues; readonly files: readonly string[] }
  | { readonly ok: false; readonly message: string };

const isCommand = (word: string | undefined): word is Command => word !== undefined && Object.hasOwn(COMMANDS, word);

const dashed = (name: string) => (name.length === 1 ? `-${name}` : `--${name}`);

/**
 * Reads argv in two passes: the first, lenient, finds the command and every option's name (an unknown
 * option does not stop it); the second, strict, with the command's own options only, reads the values
 * (a string option without one, a value given to a flag). The command may stand anywhere among the
 * options, as it always could.
 */
export function parseCommandLine(argv: readonly string[]): CommandLine {
  let tokens;
  try {
    ({ tokens } = parseArgs({ args: [...argv], allowPositionals: true, strict: false, tokens: true, options: OPTIONS }));
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
  const positionals = tokens.filter((token) => token.kind === 'positional').map((token) => token.value);
  const word = positionals[0];
  const command = isCommand(word) ? word : undefined;
  if (word !== undefined && !command) {
    const near = nearest(word, Object.keys(COMMANDS));
    const hint = near.length > 0 ? `\n是否指 / did you mean: ${near.join(', ')}` : '';
    return { ok: false, message: `未知命令 / unknown command: ${word}${hint}` };
  }
  const allowed: readonly string[] = [...(command ? COMMANDS[command] : []), ...EVERYWHERE];
  for (const token of tokens) {
    if (token.kind !== 'option' || allowed.includes(token.name)) continue;
    return { ok: false, message: notAccepted(token.rawName, token.name, command) };
  }
  try {
    const options = Object.fromEntries(allowed.map((name) => [name, OPTIONS[name as OptionName]]));
    const { values } = parseArgs({ args: [...argv], allowPositionals: true, strict: true, options });
    return { ok: true, command, values: values as ParsedValues, files: positionals.slice(1) };
  } catch (error) {
    // Node's own words ("Option '--rules <value>' argument missing") are exact, but English only: the
    // Chinese says which of the two mistakes it can be.
    return { ok: false, message: `${word ?? 'zhicheng'}: 选项缺少取值,或开关选项带了取值 / ${(error as Error).message}` };
  }
}

/** `check --out x`: which command takes it instead, or the option nearest to a misspelt one. */
function notAccepted(raw: string, name: string, command: Command | undefined): string {
  const where = command ?? 'zhicheng';
  const own: readonly string[] = command ? [...COMMANDS[command], ...EVERYWHERE] : EVERYWHERE;
  const accepts = own.map(dashed).join(' ');
  const elsewhere = (Object.keys(COMMANDS) as Command[]).filter((other) => (COMMANDS[other] as readonly string[]).includes(name));
  if (elsewhere.length > 0) {
    const others = elsewhere.join(', ');
    return `${where} 不接受选项 ${raw}(它属于 ${others});可用的选项:${accepts}\n${where} does not take ${raw} (that is an option of ${others}); it takes: ${accepts}`;
  }
  const near = nearest(name, own).map(dashed);
  const hint = near.length > 0 ? { zh: `(是否指 ${near.join(' 或 ')}?)`, en: ` (did you mean ${near.join(' or ')}?)` } : { zh: '', en: '' };
  return `${where} 没有选项 ${raw}${hint.zh};可用的选项:${accepts}\n${where} has no option ${raw}${hint.en}; it takes: ${accepts}`;
}
