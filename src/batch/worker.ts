import { parentPort, workerData } from 'node:worker_threads';
import { ruleSetsFor, type RuleSetSource } from './rule-source.js';
import type { RawRecord } from './records.js';
import { formatScreenedAll, screen, type OutputOptions, type Screened } from './screen.js';
import { count, emptyTally } from './tally.js';

/** What a worker is sent: a batch of records, and how to screen and write them. */
export interface WorkerRequest extends OutputOptions {
  readonly sequence: number;
  readonly records: RawRecord[];
  readonly rules?: string;
}

// A rule-set file given to the batch, and the day deadlines count from, come with the thread's start,
// once, not with every batch.
const started = workerData as { ruleSetSource?: RuleSetSource; asOf?: string } | null;
const { ruleSetFor, rules } = ruleSetsFor(started?.ruleSetSource, undefined);

/** A batch worker: screens the records it is sent and returns their output lines and tally. */
parentPort!.on('message', (message: WorkerRequest) => {
  const tally = emptyTally();
  const screened: Screened[] = [];
  for (const record of message.records) {
    const one = screen(record, ruleSetFor, rules ?? message.rules, started?.asOf);
    count(tally, one);
    screened.push(one);
  }
  // The batch's lines in one go: one CSV call for all its rows costs less than one per row.
  parentPort!.postMessage({ sequence: message.sequence, output: formatScreenedAll(screened, message), tally });
});
