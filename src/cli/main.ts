import { readlinkSync } from 'node:fs';
import { runCli } from './run.js';

/** Where standard output goes, for a message: the file's path where the system says it (Linux), else "standard output". */
function stdoutTarget(): string {
  try {
    return readlinkSync('/proc/self/fd/1');
  } catch {
    return '-';
  }
}

/**
 * Output that cannot be written. A reader that stops early (`… | head`) closes the pipe: that ends the
 * run quietly, it is no error. Anything else (a full disk, a file closed under us) is said plainly, with
 * the file and the system's reason, and exit 74 (EX_IOERR) — never a stack trace.
 */
function outputFailed(error: NodeJS.ErrnoException): never {
  if (error.code === 'EPIPE') process.exit(0);
  process.stderr.write(`写入输出失败 / cannot write output: ${stdoutTarget()} (${error.code ?? error.message})\n`);
  process.exit(74);
}

process.stdout.on('error', outputFailed);

const io = {
  // Writes to a file are synchronous, and fail by throwing here rather than by an 'error' event.
  stdout: (text: string) => {
    try {
      process.stdout.write(text);
    } catch (error) {
      outputFailed(error as NodeJS.ErrnoException);
    }
  },
  stderr: (text: string) => process.stderr.write(text),
};

runCli(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // A bug of ours, not bad input: say so plainly, with what is needed to report it.
    process.stderr.write(`内部错误 / internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 70;
  },
);
