/**
 * Names the app makes from a file's name (`NAME.error.txt`, `NAME-2.csv`, a stored object's
 * `NAME._S3rver_object`) must still fit the file system: 255 bytes a name on Linux and macOS
 * (UTF-8), 255 UTF-16 units on Windows. A name near the limit made the write fail with
 * ENAMETOOLONG, and with it the reason the file was moved aside. The start of the name is kept
 * (that is how a person finds it), then a short hash of the whole so two long names stay apart.
 */
import { createHash } from 'node:crypto';

/** The longest name, in UTF-8 bytes, that every common file system takes. */
export const NAME_MAX_BYTES = 255;

const bytes = (text: string): number => Buffer.byteLength(text, 'utf8');

/**
 * `stem + tail` when it fits in `max` bytes; otherwise the stem cut (never inside a character)
 * and marked with `~` and 8 hex digits of its hash, then `tail` whole.
 */
export function fitName(stem: string, tail: string, max = NAME_MAX_BYTES): string {
  if (bytes(stem) + bytes(tail) <= max) return stem + tail;
  const mark = `~${createHash('sha256').update(stem).digest('hex').slice(0, 8)}`;
  const room = max - bytes(tail) - bytes(mark);
  let kept = '';
  let used = 0;
  for (const c of stem) {
    used += bytes(c);
    if (used > room) break;
    kept += c;
  }
  return `${kept}${mark}${tail}`;
}
