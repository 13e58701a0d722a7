import { ValidationError } from '../../errors.js';
import { readTextFile, UnreadableFile } from '../files.js';
import { describeIssues } from '../../errors.js';

/**
 * What `new` and `diff` share with the rest of the command line: failures said in Chinese and English
 * with the file or option they concern, an exit code from sysexits.h, never a stack trace.
 */
export class CommandError extends Error {
  constructor(
    message: string,
    readonly code: number,
  ) {
    super(message);
  }
}

export const EXIT = { usage: 64, dataError: 65, noInput: 66, cantCreate: 73 } as const;

export interface CommandIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Runs a command, turning its expected failures into a message on stderr and an exit code. */
export async function runCommand(io: CommandIo, work: () => Promise<number> | number): Promise<number> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof CommandError) {
      io.stderr(`${error.message}\n`);
      return error.code;
    }
    // A library function refused what it was given (a notice without clauses, a rule set that is not one).
    if (error instanceof ValidationError) {
      io.stderr(`${error.message}\n`);
      return EXIT.dataError;
    }
    throw error;
  }
}

/** A file's text: unreadable is 66, too large or not UTF-8 is 65, each naming the file. */
export function readText(file: string): string {
  let read;
  try {
    read = readTextFile(file);
  } catch (error) {
    if (error instanceof UnreadableFile) throw new CommandError(`无法读取文件 / cannot read file: ${file} (${error.reason})`, EXIT.noInput);
    throw error;
  }
  if ('problem' in read) throw new CommandError(`${file}\n${describeIssues([read.problem])}`, EXIT.dataError);
  return read.text;
}
