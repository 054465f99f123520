import { LexerError } from '../../errors.js';
import { findRowEnd } from '../../io/row-boundary.js';

/** A quoted cell this long is a quote that never closes, not data; stop before memory grows. */
const MAX_PENDING = 64 * 1024 * 1024;

/**
 * Cuts UTF-8 CSV bytes into chunks of whole rows of at least `minBytes`, so each chunk can be
 * decoded and parsed on its own (by a worker) and rows never straddle two chunks. A cut after a
 * newline byte never splits a UTF-8 character.
 */
export class RowSplitter {
  private pending: Buffer = Buffer.alloc(0);

  constructor(
    private readonly delimiter: string,
    private readonly newline: string,
    private readonly minBytes: number,
  ) {}

  /** Adds bytes; returns a chunk of whole rows (at the start of an ArrayBuffer of its own) when enough has gathered. */
  push(bytes: Uint8Array): Uint8Array | null {
    this.pending = this.pending.length === 0 ? ownedCopy(bytes) : Buffer.concat([this.pending, bytes]);
    if (this.pending.length < this.minBytes) return null;
    const end = findRowEnd(this.pending, this.delimiter, this.newline, 'last');
    if (end <= 0) {
      if (this.pending.length > MAX_PENDING) {
        throw new LexerError('unsupported-file', 'A quoted value never closes: 64 MB passed without the closing quote.', {
          hint: 'Check the quotes in the file: each quoted value must end with " before the next delimiter or line break.',
        });
      }
      return null;
    }
    // The chunk keeps the buffer (it is transferred to a worker); the short rest is copied out.
    // Buffer.concat and ownedCopy give a buffer of its own here: 256 KiB is never pooled.
    const chunk = new Uint8Array(this.pending.buffer, this.pending.byteOffset, end);
    this.pending = Buffer.from(this.pending.subarray(end));
    return chunk;
  }

  /** Whatever is left at the end of the input (the last row may lack a newline). */
  end(): Uint8Array {
    const rest = new Uint8Array(this.pending);
    this.pending = Buffer.alloc(0);
    return rest;
  }
}

/** A copy at offset 0 of an ArrayBuffer of its own (a read's buffer may be shared), so it can be transferred. */
function ownedCopy(bytes: Uint8Array): Buffer {
  const copy = new Uint8Array(bytes);
  return Buffer.from(copy.buffer, 0, copy.length);
}
