import { closeSync, openSync, readSync } from 'node:fs';
import { textIssue, type ValidationIssue } from '../errors.js';
import { JSON_LIMITS } from '../ruleset/json-guard.js';

/**
 * Files the command line reads whole (rule sets, notices, profiles): at most this many bytes. The
 * largest bundled rule set is 73 KB; the limit is there so that a 50 MB file, or `/dev/zero`, is refused
 * after reading 5 MB, not after filling the memory.
 */
export const MAX_FILE_BYTES = JSON_LIMITS.maxTextLength;

const CHUNK = 64 * 1024;

export type FileText = { readonly text: string } | { readonly problem: ValidationIssue };

/** Thrown when a file cannot be opened or read at all (exit code 66). */
export class UnreadableFile extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}

/** Reads at most `MAX_FILE_BYTES + 1` bytes, so an oversize file is known without reading it all. */
function readBounded(file: string): Buffer {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    throw new UnreadableFile(file, (error as NodeJS.ErrnoException).code ?? String(error));
  }
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    while (total <= MAX_FILE_BYTES) {
      const chunk = Buffer.allocUnsafe(CHUNK);
      const read = readSync(fd, chunk, 0, CHUNK, null);
      if (read === 0) break;
      chunks.push(chunk.subarray(0, read));
      total += read;
    }
    return Buffer.concat(chunks, total);
  } catch (error) {
    throw new UnreadableFile(file, (error as NodeJS.ErrnoException).code ?? String(error));
  } finally {
    closeSync(fd);
  }
}

/** The offset of the first byte that is not part of well-formed UTF-8 (RFC 3629), or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index]!;
    if (lead < 0x80) {
      index += 1;
      continue;
    }
    const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0) return index;
    // The second byte's range excludes overlong forms, surrogates and code points above U+10FFFF.
    const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    for (let next = 1; next < length; next += 1) {
      const byte = bytes[index + next];
      if (byte === undefined || byte < (next === 1 ? low : 0x80) || byte > (next === 1 ? high : 0xbf)) return index;
    }
    index += length;
  }
  return -1;
}

function notUtf8(bytes: Buffer, offset: number): ValidationIssue {
  const lineStart = bytes.lastIndexOf(0x0a, offset - 1) + 1;
  let line = 1;
  for (let at = bytes.indexOf(0x0a); at !== -1 && at < offset; at = bytes.indexOf(0x0a, at + 1)) line += 1;
  const column = bytes.toString('utf8', lineStart, offset).length + 1;
  const byte = `0x${bytes[offset]!.toString(16).toUpperCase().padStart(2, '0')}`;
  return {
    ...textIssue(
      [],
      `不是 UTF-8 编码:第 ${line} 行第 ${column} 列有无效字节 ${byte};请将文件保存为 UTF-8(不接受 GBK/GB18030)`,
      `not UTF-8: invalid byte ${byte} at line ${line}, column ${column}; save the file as UTF-8 (GBK/GB18030 is not accepted)`,
    ),
    line,
    column,
  };
}

/**
 * A file's text, or the problem that keeps it from being one: larger than `MAX_FILE_BYTES`, or not
 * UTF-8. A byte-order mark is kept, for the JSON scanner to name. Throws `UnreadableFile`.
 */
export function readTextFile(file: string): FileText {
  return readTextBytes(readBounded(file));
}

/**
 * Standard input (`check -`), read as a file is: at most `MAX_FILE_BYTES + 1` bytes are kept, so a
 * stream without end is refused at the limit, not after filling the memory. Read as a stream, not with
 * readSync on fd 0, which fails with EAGAIN when the shell hands over a non-blocking pipe.
 */
export async function readStream(input: NodeJS.ReadableStream): Promise<FileText> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of input) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    chunks.push(bytes);
    total += bytes.length;
    if (total > MAX_FILE_BYTES) break;
  }
  return readTextBytes(Buffer.concat(chunks, total));
}

/** The same checks for bytes however they were read: the size, then UTF-8. */
export function readTextBytes(bytes: Buffer): FileText {
  if (bytes.length > MAX_FILE_BYTES) {
    const limit = MAX_FILE_BYTES.toLocaleString('en');
    return {
      problem: {
        ...textIssue([], `文件过大:超过 ${limit} 字节(5 MB);规则集和档案都远小于此`, `file too large: more than ${limit} bytes (5 MB); rule sets and profiles are far smaller`),
        line: 1,
        column: 1,
      },
    };
  }
  const invalid = firstInvalidUtf8(bytes);
  if (invalid !== -1) return { problem: notUtf8(bytes, invalid) };
  return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) };
}
