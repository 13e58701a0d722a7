import { once } from 'node:events';
import type { Readable, Writable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import type { Language } from '../locales/types.js';
import { getRuleSet } from '../rulesets/index.js';
import { readRecords, type InputFormat, type RawRecord } from './records.js';
import { CSV_HEADER, formatScreened, screen } from './screen.js';
import { count, emptyTally, merge, type Tally } from './tally.js';

export interface BatchOptions {
  readonly input: Readable;
  readonly output: Writable;
  readonly format: 'jsonl' | 'csv';
  /** What the input holds: JSON Lines (the default), or one JSON array (`json`). */
  readonly inputFormat?: InputFormat;
  readonly rules?: string;
  /** Worker threads; 1 screens on the calling thread. */
  readonly workers: number;
  /** The worker script (the built `batch-worker.js`), needed when `workers` > 1. */
  readonly workerUrl?: URL;
  /** The language of error texts and CSV condition titles: `zh` (the default) or `en`. */
  readonly lang?: Language;
  /** JSON Lines: a compact record per applicant (the default), or the `full` report. */
  readonly report?: 'compact' | 'full';
  /** Called now and then with the records done so far (for a progress bar). */
  readonly onProgress?: (records: number) => void;
}

const BATCH_SIZE = 256;

async function write(output: Writable, text: string): Promise<void> {
  if (text && !output.write(text)) await once(output, 'drain');
}

/**
 * Screens every record of `input` and writes one line each to `output`, in input order, whatever the
 * input's size: records stream in, at most a few batches per worker are in flight, and writing waits
 * for the output to drain. A record that is not valid JSON, or not a valid profile, becomes an error
 * line with its position, and the run goes on.
 */
export async function runBatch(options: BatchOptions): Promise<Tally> {
  const tally = emptyTally();
  if (options.format === 'csv') await write(options.output, CSV_HEADER);

  if (options.workers <= 1) {
    let since = 0;
    for await (const record of readRecords(options.input, options.inputFormat)) {
      const screened = screen(record, getRuleSet, options.rules);
      count(tally, screened);
      await write(options.output, formatScreened(screened, options));
      if (++since === 1_000) {
        since = 0;
        options.onProgress?.(tally.records);
      }
    }
    options.onProgress?.(tally.records);
    return tally;
  }

  const workers = Array.from({ length: options.workers }, () => new Worker(options.workerUrl!));
  const idle = [...workers];
  const done = new Map<number, { output: string; tally: Tally }>();
  let nextToWrite = 0;
  let waiting: (() => void) | undefined;
  let failure: unknown;
  const wake = () => {
    const resolve = waiting;
    waiting = undefined;
    resolve?.();
  };
  for (const worker of workers) {
    worker.on('message', (message: { sequence: number; output: string; tally: Tally }) => {
      done.set(message.sequence, message);
      idle.push(worker);
      wake();
    });
    worker.on('error', (error) => {
      failure = error;
      wake();
    });
  }
  const flush = async () => {
    for (let ready = done.get(nextToWrite); ready; ready = done.get(nextToWrite)) {
      done.delete(nextToWrite);
      nextToWrite += 1;
      merge(tally, ready.tally);
      await write(options.output, ready.output);
    }
    options.onProgress?.(tally.records);
  };
  const send = async (records: RawRecord[], sequence: number) => {
    while (idle.length === 0) {
      if (failure) throw failure;
      await new Promise<void>((resolve) => (waiting = resolve));
      await flush();
    }
    idle.pop()!.postMessage({ sequence, records, rules: options.rules, format: options.format, lang: options.lang, report: options.report });
  };

  try {
    let sequence = 0;
    let batch: RawRecord[] = [];
    for await (const record of readRecords(options.input, options.inputFormat)) {
      batch.push(record);
      if (batch.length === BATCH_SIZE) {
        await send(batch, sequence++);
        batch = [];
      }
    }
    if (batch.length > 0) await send(batch, sequence++);
    while (nextToWrite < sequence) {
      if (failure) throw failure;
      if (!done.has(nextToWrite)) await new Promise<void>((resolve) => (waiting = resolve));
      await flush();
    }
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return tally;
}
