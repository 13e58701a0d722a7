import { SingleBar } from 'cli-progress';
import type { Language } from '../locales/types.js';

/** Where the bar is drawn: stderr, or a test's stand-in for a terminal. */
export interface ProgressStream extends NodeJS.WritableStream {
  readonly isTTY?: boolean;
  readonly columns?: number;
}

/** What the bar knows of the input: its size, when it is a file, and the bytes read so far. */
export interface ProgressSource {
  readonly size?: number;
  bytesRead(): number;
}

export interface Progress {
  /** The records screened so far. */
  update(records: number): void;
  /** Clears the bar's line, so that the summary starts on a clean one. */
  stop(): void;
}

/**
 * A progress bar on a terminal; `undefined` elsewhere — a pipe or a log file gets nothing but the summary.
 * For a file: the share of its bytes read (as the read stream delivers them), applicants per second and
 * the time left (cli-progress estimates it from the bytes). For standard input, whose size is unknown:
 * the records and the pace only.
 */
export function startProgress(stream: ProgressStream, source: ProgressSource, language: Language): Progress | undefined {
  if (!stream.isTTY) return undefined;
  const zh = language === 'zh';
  const known = source.size !== undefined && source.size > 0;
  const pace = zh ? '{records} 人 | {rate} 人/秒' : '{records} applicants | {rate}/s';
  const bar = new SingleBar({
    stream,
    format: known ? `{bar} {percentage}% | ${pace} | ${zh ? '剩余' : 'left'} {eta_formatted}` : pace,
    barsize: 24,
    hideCursor: true,
    clearOnComplete: true,
    // Never on a pipe (checked above too), and no signal handlers of its own: the run stops the bar.
    noTTYOutput: false,
    gracefulExit: false,
  });
  const started = performance.now();
  const payload = (records: number) => {
    const seconds = (performance.now() - started) / 1_000;
    return { records: records.toLocaleString('en'), rate: seconds > 0 ? Math.round(records / seconds).toLocaleString('en') : '0' };
  };
  bar.start(known ? source.size! : 0, 0, payload(0));
  return {
    update(records) {
      bar.update(known ? Math.min(source.bytesRead(), source.size!) : 0, payload(records));
    },
    stop() {
      bar.stop();
    },
  };
}
