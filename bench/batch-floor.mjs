// The floor of screening a file (npm run bench:batch): read it as a stream, cut it into lines and
// JSON.parse each — what any screening must do at least.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

let lines = 0;
for await (const line of createInterface({ input: createReadStream(process.argv[2]), crlfDelay: Infinity })) {
  lines += 1;
  try {
    JSON.parse(line);
  } catch {
    // a malformed line costs its parse attempt, as in a batch
  }
}
process.stderr.write(`${lines} lines\n`);
