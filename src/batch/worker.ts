import { parentPort } from 'node:worker_threads';
import { getRuleSet } from '../rulesets/index.js';
import type { RawRecord } from './records.js';
import { formatScreened, screen } from './screen.js';
import { count, emptyTally } from './tally.js';

/** A batch worker: screens the records it is sent and returns their output lines and tally. */
parentPort!.on('message', (message: { sequence: number; records: RawRecord[]; rules?: string; format: 'jsonl' | 'csv' }) => {
  const tally = emptyTally();
  let output = '';
  for (const record of message.records) {
    const screened = screen(record, getRuleSet, message.rules);
    count(tally, screened);
    output += formatScreened(screened, message.format);
  }
  parentPort!.postMessage({ sequence: message.sequence, output, tally });
});
