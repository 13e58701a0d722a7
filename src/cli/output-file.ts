import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { finished } from 'node:stream/promises';

/** Why an output file failed: it could not be created (or put in place), or not written. */
export class OutputFileError extends Error {
  constructor(
    readonly stage: 'create' | 'write',
    /** The file the user named (`--out`). */
    readonly target: string,
    /** The system's code (`ENOENT`, `ENOSPC`), or the message when there is none. */
    readonly reason: string,
  ) {
    super(
      stage === 'create'
        ? `无法创建输出文件 / cannot create output file: ${target} (${reason})`
        : `写入输出文件失败 / cannot write output file: ${target} (${reason})`,
    );
    this.name = 'OutputFileError';
  }
}

const reasonOf = (error: unknown) => (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));

/**
 * `--out <file>`, written so that the file never holds half a run: records go to `<file>.partial` beside
 * it (same directory, so the rename cannot cross file systems), renamed onto `<file>` only when the run
 * is complete. A run that stops early leaves its whole lines under the `.partial` name, which says what
 * it is. A target that exists and is not a regular file — `/dev/null`, `/dev/full`, a FIFO — cannot be
 * renamed onto, and is written directly.
 */
export class OutputFile {
  private failure: NodeJS.ErrnoException | undefined;

  private constructor(
    readonly target: string,
    /** Where the records go: `<target>.partial`, or the target itself when written directly. */
    readonly path: string,
    readonly stream: WriteStream,
  ) {
    // Always listened to: a write error that comes when nobody waits must not crash the process.
    stream.on('error', (error) => (this.failure ??= error));
  }

  get direct(): boolean {
    return this.path === this.target;
  }

  /** Opens the file, before any input is read: a missing directory or a read-only one fails here. */
  static async open(target: string): Promise<OutputFile> {
    const existing = await stat(target).catch(() => undefined);
    const path = existing && !existing.isFile() ? target : `${target}.partial`;
    const stream = createWriteStream(path);
    const file = new OutputFile(target, path, stream);
    try {
      await once(stream, 'open');
    } catch (error) {
      throw new OutputFileError('create', target, reasonOf(error));
    }
    return file;
  }

  /** Ends the stream and waits until every record is on disk (or the write failed). */
  private async close(): Promise<void> {
    if (this.failure) throw new OutputFileError('write', this.target, reasonOf(this.failure));
    this.stream.end();
    try {
      await finished(this.stream);
    } catch (error) {
      throw new OutputFileError('write', this.target, reasonOf(this.failure ?? error));
    }
  }

  /** The run is complete: the file is put in place of the target, whole. */
  async commit(): Promise<void> {
    await this.close();
    if (this.direct) return;
    try {
      await rename(this.path, this.target);
    } catch (error) {
      throw new OutputFileError('create', this.target, reasonOf(error));
    }
  }

  /** The run stopped early: what was written stays, under its `.partial` name. */
  async keep(): Promise<void> {
    await this.close();
  }

  /** The output failed: its file may end inside a line, so it is removed (a device is left alone). */
  async discard(): Promise<void> {
    this.stream.destroy();
    await finished(this.stream).catch(() => {}); // settles at once if it had already failed or closed
    if (!this.direct) await rm(this.path, { force: true });
  }
}
