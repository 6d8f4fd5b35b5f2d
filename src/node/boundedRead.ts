import * as fs from 'node:fs';
import { statRefusal, type FileRefusal } from '../core/fileRefusal';

export type BoundedRead = { readonly ok: true; readonly bytes: Uint8Array } | { readonly ok: false; readonly refusal: FileRefusal };

/** Absent on Windows, where opening a file never waits for a writer. */
const NON_BLOCKING = fs.constants.O_NONBLOCK ?? 0;

/**
 * A file's bytes, when it is a regular file of at most `limit` bytes: a device (`/dev/zero`), a pipe or a huge file
 * is refused from its stat, before any read. It is opened without blocking (a pipe put in its place after the stat
 * would wait for a writer), checked again once open, and never more than `limit` + 1 bytes of it are read, so that a
 * file growing meanwhile is refused too. Throws what the file system throws (a file that is gone, or not readable).
 */
export function readBounded(file: string, limit: number): BoundedRead {
  const refused = refusalOf(fs.statSync(file), limit);
  if (refused) return { ok: false, refusal: refused };
  const fd = fs.openSync(file, fs.constants.O_RDONLY | NON_BLOCKING);
  try {
    const stat = fs.fstatSync(fd);
    const changed = refusalOf(stat, limit);
    if (changed) return { ok: false, refusal: changed };
    // As large as the stat says, and one byte more: a file that grew since fills it, and is read on up to the limit.
    let buffer = Buffer.allocUnsafe(stat.size + 1);
    let length = readInto(fd, buffer, 0);
    if (length === buffer.length && length <= limit) {
      buffer = Buffer.concat([buffer, Buffer.allocUnsafe(limit + 1 - length)]);
      length = readInto(fd, buffer, length);
    }
    if (length > limit) return { ok: false, refusal: { kind: 'too-large', bytes: length } };
    return { ok: true, bytes: buffer.subarray(0, length) };
  } finally {
    fs.closeSync(fd);
  }
}

/** Reads from `fd` into `buffer` from `length` on until it is full or the file ends; returns how much it holds. */
function readInto(fd: number, buffer: Buffer, length: number): number {
  while (length < buffer.length) {
    const read = fs.readSync(fd, buffer, length, buffer.length - length, null);
    if (read === 0) break;
    length += read;
  }
  return length;
}

function refusalOf(stat: fs.Stats, limit: number): FileRefusal | undefined {
  return statRefusal({ isFile: stat.isFile(), size: stat.size }, limit);
}
