import type { Readable } from 'node:stream';
import type { LocalizedText } from '../locales/types.js';
import * as say from './messages.js';

/**
 * One input record: its position (line of a JSON Lines file, element of a JSON array) and its text —
 * or, for a line that is not UTF-8, why there is no text (the record becomes an error row, never a
 * verdict).
 */
export interface RawRecord {
  readonly position: number;
  readonly text: string;
  /** In both languages: the run's `--lang` picks one when the record is written. */
  readonly error?: LocalizedText;
}

const NEWLINE = 0x0a;
/**
 * The longest line read, in bytes: far above any profile the schema accepts (its lists hold at most 200
 * entries), and small enough that a corrupt or hostile line costs bounded memory. Past it, the line's
 * bytes are dropped as they arrive and it becomes an error row: linear time, however long it is.
 */
export const MAX_LINE_BYTES = 4 * 1024 * 1024;
const BOM = '\uFEFF';
const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);
/** One strict decoder for every line: without `stream`, each call starts afresh. */
const STRICT = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** What the input holds: JSON Lines (one value a line), or one JSON array of values. */
export type InputFormat = 'jsonl' | 'json';

/** Bytes as the chunk came (a string chunk, from a test or a string stream, is UTF-8 encoded). */
const bytesOf = (chunk: unknown): Buffer => (typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : (chunk as Buffer));

/**
 * A line's bytes as text, or where its UTF-8 breaks. Decoded whole — never a chunk at a time — so a
 * character the read split across two chunks is read as one character, and strictly (`fatal`), so a
 * GBK line is an error, not mojibake that could still be screened.
 */
function decodeLine(bytes: Buffer, first: boolean): { text: string } | { badByte: number } {
  try {
    const text = STRICT.decode(bytes);
    return { text: first && text.startsWith(BOM) ? text.slice(1) : text };
  } catch {
    return { badByte: firstBadByte(bytes) };
  }
}

/** The 1-based offset of the first byte that does not start or continue a valid UTF-8 character. */
function firstBadByte(bytes: Buffer): number {
  for (let index = 0; index < bytes.length; ) {
    const byte = bytes[index]!;
    const length = byte < 0x80 ? 1 : byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xf0 && byte <= 0xf4 ? 4 : 0;
    if (length === 0) return index + 1;
    for (let next = 1; next < length; next += 1) if (index + next >= bytes.length || (bytes[index + next]! & 0xc0) !== 0x80) return index + 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(index, index + length));
    } catch {
      return index + 1; // an overlong or surrogate form
    }
    index += length;
  }
  return bytes.length;
}

const notUtf8 = (position: number, badByte: number): RawRecord => ({ position, text: '', error: say.notUtf8(badByte) });

const lineTooLong = (position: number): RawRecord => ({ position, text: '', error: say.lineTooLong(MAX_LINE_BYTES / 1024 / 1024) });

/**
 * The records of an input stream, one at a time, whatever its size: JSON Lines (`jsonl`: one JSON value
 * per line; blank lines skipped, their numbers still counted), or (`json`) a single JSON array, which is
 * split into its elements as it streams — a `json` document that is not an array is one record (strings and nesting tracked, so a `,` or `]` inside a value does not split
 * it). Lines are cut on bytes and each decoded whole, so characters split across reads survive; a UTF-8
 * BOM at the start is accepted. Memory holds one record at a time, plus the chunk being read.
 */
export async function* readRecords(input: Readable, format: InputFormat = 'jsonl'): AsyncGenerator<RawRecord> {
  // Decided by the caller (the file's name, or an option), never by the first character: a JSON Lines
  // file whose first line is an array is still JSON Lines, and that line is one bad record.
  let mode: 'unknown' | 'lines' | 'array' | 'document' = format === 'json' ? 'unknown' : 'lines';
  let line = 0;
  // Lines: the bytes of the unfinished line carried over (never scanned twice: a newline is looked
  // for only in the new chunk).
  let carried: Buffer[] = [];
  let carriedBytes = 0;
  let tooLong = false; // the unfinished line is past MAX_LINE_BYTES: its bytes are dropped
  // Array: decoded as a stream (a character split across chunks waits for its other bytes).
  const decoder = new TextDecoder('utf-8', { ignoreBOM: false });
  let pending = '';
  let depth = 0;
  let inString = false;
  let escaped = false;
  let element = 0;
  let started = false;

  for await (const chunk of input) {
    let bytes = bytesOf(chunk);
    if (mode === 'unknown') {
      // A .json input: one array of records, or else one document (a single record, never dropped).
      carried.push(bytes);
      const all = carried.length > 1 ? Buffer.concat(carried) : bytes;
      let first = all[0] === 0xef && all[1] === 0xbb && all[2] === 0xbf ? 3 : 0;
      while (first < all.length && WHITESPACE.has(all[first]!)) first += 1;
      if (first >= all.length) {
        carried = [all];
        continue;
      }
      carried = [];
      if (all[first] === 0x5b /* [ */) {
        mode = 'array';
        bytes = all.subarray(first + 1);
      } else {
        mode = 'document';
        bytes = all.subarray(first);
      }
    }
    if (mode === 'document') {
      carriedBytes += bytes.length;
      if (carriedBytes > MAX_LINE_BYTES) tooLong = true;
      if (!tooLong) carried.push(bytes);
      continue;
    }
    if (mode === 'lines') {
      let start = 0;
      for (let index = bytes.indexOf(NEWLINE); index >= 0; index = bytes.indexOf(NEWLINE, start)) {
        line += 1;
        if (tooLong || carriedBytes + index - start > MAX_LINE_BYTES) {
          yield lineTooLong(line);
          [carried, carriedBytes, tooLong, start] = [[], 0, false, index + 1];
          continue;
        }
        const whole = carried.length > 0 ? Buffer.concat([...carried, bytes.subarray(start, index)]) : bytes.subarray(start, index);
        carried = [];
        carriedBytes = 0;
        const decoded = decodeLine(whole, line === 1);
        if ('badByte' in decoded) yield notUtf8(line, decoded.badByte);
        else {
          const record = decoded.text.trim();
          if (record) yield { position: line, text: record };
        }
        start = index + 1;
      }
      if (start < bytes.length && !tooLong) {
        carried.push(bytes.subarray(start));
        carriedBytes += bytes.length - start;
        if (carriedBytes > MAX_LINE_BYTES) [carried, carriedBytes, tooLong] = [[], 0, true];
      }
      continue;
    }
    const scanned = pending.length;
    const text = pending + decoder.decode(bytes, { stream: true });
    pending = '';
    let start = 0;
    for (let index = scanned; index < text.length; index += 1) {
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
  if (mode === 'document') {
    if (tooLong) yield lineTooLong(1);
    else {
      const decoded = decodeLine(Buffer.concat(carried), true);
      yield 'badByte' in decoded ? notUtf8(1, decoded.badByte) : { position: 1, text: decoded.text.trim() };
    }
    return;
  }
  if (mode === 'lines' && tooLong) yield lineTooLong(line + 1);
  else if (mode === 'lines' && carried.length > 0) {
    line += 1;
    const decoded = decodeLine(Buffer.concat(carried), line === 1);
    if ('badByte' in decoded) yield notUtf8(line, decoded.badByte);
    else {
      const record = decoded.text.trim();
      if (record) yield { position: line, text: record };
    }
  } else if (mode === 'array') {
    const rest = (pending + decoder.decode()).trim();
    if (rest) yield { position: ++element, text: rest }; // an unterminated array: its last element, reported as malformed if it is
  }
}
