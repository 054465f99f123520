import { DICTIONARY_BYTES } from './deflate-block.js';

/**
 * The last (up to) 32 KiB of a byte stream, kept in one buffer: the dictionary for the next
 * block, updated in place rather than copied into a new array per block (garbage that V8 would
 * let pile up to tens of MB).
 */
export class TailWindow {
  private readonly bytes = new Uint8Array(DICTIONARY_BYTES);
  private held = 0;

  /** The bytes held, oldest first: a view that the next change overwrites. */
  get view(): Uint8Array {
    return this.bytes.subarray(DICTIONARY_BYTES - this.held);
  }

  get length(): number {
    return this.held;
  }

  /** Appends `data`, keeping only the last 32 KiB. */
  push(data: Uint8Array): this {
    if (data.length >= DICTIONARY_BYTES) {
      this.bytes.set(data.subarray(data.length - DICTIONARY_BYTES));
      this.held = DICTIONARY_BYTES;
    } else {
      this.bytes.copyWithin(0, data.length);
      this.bytes.set(data, DICTIONARY_BYTES - data.length);
      this.held = Math.min(DICTIONARY_BYTES, this.held + data.length);
    }
    return this;
  }

  /** Makes this window hold what `other` holds. */
  copy(other: TailWindow): this {
    this.bytes.set(other.bytes);
    this.held = other.held;
    return this;
  }

  /** Empties it. */
  clear(): this {
    this.held = 0;
    return this;
  }
}
