import { once } from 'node:events';
import type { Readable, Writable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import type { Language } from '../locales/types.js';
import { ruleSetsFor, type RuleSetSource } from './rule-source.js';
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
  /**
   * A rule set's JSON text (and the notice it quotes), used for every record in place of `rules`: what
   * `zhicheng batch --rules file.json` reads. Text, not a loaded rule set: workers load it themselves (a
   * compiled rule set holds functions, which cannot be sent to a thread).
   */
  readonly ruleSetSource?: RuleSetSource;
  /** Worker threads; 1 screens on the calling thread. */
  readonly workers: number;
  /** The worker script (the built `batch-worker.js`), needed when `workers` > 1. */
  readonly workerUrl?: URL;
  /**
   * Stops the run early (Ctrl-C): reading stops — a read still waiting for input is abandoned and the
   * input destroyed — the records already screened are written, in order, and the run returns with
   * `interrupted` set. Batches a worker holds are waited for and written; records read but not yet sent
   * to a worker are dropped (the last position written says where to start again).
   */
  readonly signal?: AbortSignal;
  /** The language of error texts and CSV condition titles: `zh` (the default) or `en`. */
  readonly lang?: Language;
  /** JSON Lines: a compact record per applicant (the default), or the `full` report. */
  readonly report?: 'compact' | 'full';
  /** The day deadlines are counted from (`EvaluateOptions.asOf`, YYYY-MM-DD); none: reports depend on the profile only. */
  readonly asOf?: string;
  /** Called now and then with the records done so far (for a progress bar). */
  readonly onProgress?: (records: number) => void;
}

/** The tally of what was written, how far the run got, and whether it was stopped before the end. */
export interface BatchResult extends Tally {
  /** The input position (line, or array element) of the last record written; 0 if none was. */
  lastPosition: number;
  interrupted: boolean;
}

/**
 * A run that could not go on: a worker thread died (`worker`), or the output could not be written
 * (`output`). `result` is what was written before it, in order and whole — so a caller can say how far
 * the run got and keep it.
 */
export class BatchFailure extends Error {
  constructor(
    readonly kind: 'worker' | 'output',
    /** What went wrong, short: an error code (`ENOSPC`) or the worker's message. */
    readonly reason: string,
    readonly result: BatchResult,
    options?: { cause?: unknown },
  ) {
    super(`${kind}: ${reason}`, options);
    this.name = 'BatchFailure';
  }
}

/** An output stream that failed; turned into a BatchFailure with the tally at the end. */
class OutputFailed extends Error {
  constructor(readonly error: NodeJS.ErrnoException) {
    super(error.message);
  }
}

const BATCH_SIZE = 256;
/** Screened batches that may wait for the output before reading pauses. */
const MAX_UNWRITTEN_BATCHES = 4;

/**
 * Writes `text` and waits for the output to drain if it asks to. A stream that has failed, or fails
 * while waited on, rejects — never a wait for a 'drain' that will not come.
 */
async function write(output: Writable, text: string): Promise<void> {
  if (output.errored) throw new OutputFailed(output.errored as NodeJS.ErrnoException);
  if (!text || output.write(text)) return;
  await new Promise<void>((resolve, reject) => {
    const done = (error?: Error | null) => {
      output.off('drain', onDrain).off('error', done).off('close', onClose);
      if (error) reject(new OutputFailed(error as NodeJS.ErrnoException));
      else resolve();
    };
    const onDrain = () => done();
    const onClose = () => done(output.errored ?? Object.assign(new Error('output closed'), { code: 'ERR_STREAM_DESTROYED' }));
    output.on('drain', onDrain).on('error', done).on('close', onClose);
  });
}

/**
 * The records of `input` until `stop` is aborted. Whatever is then waiting for input (a terminal, a pipe
 * kept open) is not waited for: the input is destroyed, which ends the pending read, so the run — and the
 * process — can end. `read.toEnd` is set when the input's end was reached.
 *
 * One listener for the whole run, not a race per record: a promise raced against every read would keep
 * a reaction for each record until the run ends — memory growing with the input.
 */
async function* untilStopped(input: Readable, format: InputFormat | undefined, stop: AbortSignal, read: { toEnd: boolean }): AsyncGenerator<RawRecord> {
  const onAbort = () => input.destroy();
  if (stop.aborted) return void input.destroy();
  stop.addEventListener('abort', onAbort, { once: true });
  try {
    for await (const record of readRecords(input, format)) {
      if (stop.aborted) return;
      yield record;
    }
    read.toEnd = !stop.aborted;
  } catch (error) {
    // The destroyed input's read fails once stopped: expected. Before that, it is the input's own error.
    if (!stop.aborted) throw error;
  } finally {
    stop.removeEventListener('abort', onAbort);
    if (!read.toEnd) input.destroy();
  }
}

/**
 * Screens every record of `input` and writes one line each to `output`, in input order, whatever the
 * input's size: records stream in, at most a few batches per worker are in flight, and writing waits
 * for the output to drain. A record that is not valid JSON, or not a valid profile, becomes an error
 * line with its position, and the run goes on. Stopped by `signal`, it returns what it wrote; a worker
 * that dies or an output that fails rejects with a BatchFailure — never a hang.
 */
export async function runBatch(options: BatchOptions): Promise<BatchResult> {
  const result: BatchResult = { ...emptyTally(), lastPosition: 0, interrupted: false };
  // Whether the input was read to its end: a signal that comes later (while the last batches are
  // written) interrupts nothing.
  const read = { toEnd: false };
  // Stops reading on the caller's signal, or when a worker dies (a pipe may be idle for long).
  const stop = new AbortController();
  const onAbort = () => stop.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    if (options.format === 'csv') await write(options.output, CSV_HEADER);
    if (options.workers <= 1) await screenHere(options, result, stop.signal, read);
    else await screenInWorkers(options, result, stop, read);
  } catch (error) {
    if (error instanceof OutputFailed) throw new BatchFailure('output', error.error.code ?? error.message, result, { cause: error.error });
    throw error;
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
  }
  result.interrupted = !read.toEnd;
  return result;
}

async function screenHere(options: BatchOptions, result: BatchResult, stop: AbortSignal, read: { toEnd: boolean }): Promise<void> {
  const { ruleSetFor, rules } = ruleSetsFor(options.ruleSetSource, options.rules);
  let since = 0;
  for await (const record of untilStopped(options.input, options.inputFormat, stop, read)) {
    const screened = screen(record, ruleSetFor, rules, options.asOf);
    await write(options.output, formatScreened(screened, options));
    count(result, screened);
    result.lastPosition = record.position;
    if (++since === 1_000) {
      since = 0;
      options.onProgress?.(result.records);
    }
  }
  options.onProgress?.(result.records);
}

async function screenInWorkers(options: BatchOptions, result: BatchResult, stop: AbortController, read: { toEnd: boolean }): Promise<void> {
  const workers = Array.from({ length: options.workers }, () => new Worker(options.workerUrl!, { workerData: { ruleSetSource: options.ruleSetSource, asOf: options.asOf } }));
  const idle = [...workers];
  // The batch each busy worker holds: when a worker dies, only its batch is lost.
  const inFlight = new Map<Worker, number>();
  const done = new Map<number, { output: string; tally: Tally }>();
  // The last input position of each batch sent, to say how far the output got.
  const lastPositions = new Map<number, number>();
  let nextToWrite = 0;
  let waiting: (() => void) | undefined;
  let failure: { reason: string; cause?: unknown } | undefined;
  let terminating = false;
  const wake = () => {
    const resolve = waiting;
    waiting = undefined;
    resolve?.();
  };
  const wait = () => new Promise<void>((resolve) => (waiting = resolve));
  const died = (worker: Worker, reason: string, cause?: unknown) => {
    if (terminating) return;
    inFlight.delete(worker);
    if (idle.includes(worker)) idle.splice(idle.indexOf(worker), 1);
    failure ??= { reason, cause };
    stop.abort();
    wake();
  };
  stop.signal.addEventListener('abort', wake, { once: true });
  for (const worker of workers) {
    worker.on('message', (message: { sequence: number; output: string; tally: Tally }) => {
      done.set(message.sequence, message);
      inFlight.delete(worker);
      idle.push(worker);
      void flush();
      wake();
    });
    // An exception in the worker, or its running out of memory.
    worker.on('error', (error) => died(worker, error.message || String(error), error));
    worker.on('messageerror', (error) => died(worker, error.message, error));
    // Any exit we did not ask for (process.exit in the worker, a crash): its batch would never come back.
    worker.on('exit', (code) => died(worker, `worker exited with code ${code}`));
  }
  // Writes the batches ready in order. Run as each batch comes back — not only when the next is read —
  // so that output keeps up with an input that pauses (a pipe kept open); chained, so never two at once.
  let flushing = Promise.resolve();
  let outputError: unknown;
  const writeReady = async () => {
    for (let ready = done.get(nextToWrite); ready; ready = done.get(nextToWrite)) {
      await write(options.output, ready.output);
      done.delete(nextToWrite);
      merge(result, ready.tally);
      result.lastPosition = lastPositions.get(nextToWrite) ?? result.lastPosition;
      lastPositions.delete(nextToWrite);
      nextToWrite += 1;
    }
    options.onProgress?.(result.records);
  };
  const flush = () =>
    (flushing = flushing.then(writeReady).catch((error: unknown) => {
      outputError ??= error;
      stop.abort();
      wake();
    }));
  const send = async (records: RawRecord[], sequence: number) => {
    // A batch goes out when a worker is free — and only while few screened batches wait to be written:
    // with an output slower than the workers (a pipe to a slow reader), reading waits for the output,
    // so memory stays bounded however long the input.
    while (!stop.signal.aborted && (idle.length === 0 || done.size >= MAX_UNWRITTEN_BATCHES)) {
      const written = nextToWrite;
      await flush();
      // Nothing could be written (the next batch in order is still being screened): wait for a worker.
      if (nextToWrite === written && (idle.length === 0 || done.size >= MAX_UNWRITTEN_BATCHES)) await wait();
    }
    if (stop.signal.aborted) {
      read.toEnd = false; // a batch read but never screened: the run is not complete
      return;
    }
    const worker = idle.pop()!;
    lastPositions.set(sequence, records.at(-1)!.position);
    inFlight.set(worker, sequence);
    worker.postMessage({ sequence, records, rules: options.rules, format: options.format, lang: options.lang, report: options.report });
  };

  try {
    let sequence = 0;
    let batch: RawRecord[] = [];
    for await (const record of untilStopped(options.input, options.inputFormat, stop.signal, read)) {
      batch.push(record);
      if (batch.length === BATCH_SIZE) {
        await send(batch, sequence++);
        batch = [];
      }
    }
    if (batch.length > 0) await send(batch, sequence++);
    // Every batch a live worker holds comes back — also when stopped, so that what was read before a
    // Ctrl-C or a dead worker is kept. Only a dead worker's batch is lost, and the output stops before it.
    while (inFlight.size > 0) {
      await wait();
      await flush();
    }
    await flush();
    if (outputError) throw outputError;
    if (failure) throw new BatchFailure('worker', failure.reason, result, { cause: failure.cause });
  } finally {
    terminating = true;
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
