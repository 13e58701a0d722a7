import type { Readable } from 'node:stream';

/** One input record: its position (line of a JSON Lines file, element of a JSON array) and its text. */
export interface RawRecord {
  readonly position: number;
  readonly text: string;
}

/**
 * The records of an input stream, one at a time, whatever its size: JSON Lines (one JSON value per
 * line; blank lines skipped), or a single JSON array, which is split into its elements as it streams
 * (strings and nesting tracked, so a `,` or `]` inside a value does not split it). Memory holds one
 * record at a time, plus the chunk being read.
 */
export async function* readRecords(input: Readable): AsyncGenerator<RawRecord> {
  let mode: 'unknown' | 'lines' | 'array' = 'unknown';
  let pending = '';
  let line = 0;
  // Array state
  let depth = 0;
  let inString = false;
  let escaped = false;
  let element = 0;
  let started = false;

  for await (const chunk of input) {
    // `pending` is the unfinished record carried over; it has been scanned already.
    const scanned = pending.length;
    let text = pending + (typeof chunk === 'string' ? chunk : chunk.toString('utf8'));
    pending = '';
    if (mode === 'unknown') {
      const first = text.search(/\S/);
      if (first < 0) continue;
      mode = text[first] === '[' ? 'array' : 'lines';
      if (mode === 'array') text = text.slice(first + 1);
    }
    const resumeAt = mode === 'array' && scanned > 0 ? scanned : 0;
    if (mode === 'lines') {
      let start = 0;
      for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', start)) {
        line += 1;
        const record = text.slice(start, index).trim();
        if (record) yield { position: line, text: record };
        start = index + 1;
      }
      pending = text.slice(start);
      continue;
    }
    let start = 0;
    for (let index = resumeAt; index < text.length; index += 1) {
      const char = text[index]!;
      if (inString) {
        if (escaped) escaped = false;
        else if (char === '\\') escaped = true;
        else if (char === '"') inString = false;
        continue;
      }
      if (char === '"') inString = true;
      else if (char === '{' || char === '[') depth += 1;
      else if (char === '}' || char === ']') {
        if (depth === 0 && char === ']') {
          const record = text.slice(start, index).trim();
          if (record) yield { position: ++element, text: record };
          return;
        }
        depth -= 1;
      } else if (char === ',' && depth === 0) {
        const record = text.slice(start, index).trim();
        if (record || started) yield { position: ++element, text: record };
        start = index + 1;
      }
      if (!/\s/.test(char)) started = true;
    }
    pending = text.slice(start);
  }
  if (mode === 'lines') {
    const record = pending.trim();
    if (record) yield { position: line + 1, text: record };
  } else if (mode === 'array' && pending.trim()) {
    yield { position: ++element, text: pending.trim() }; // an unterminated array: its last element, reported as malformed if it is
  }
}
