import { crc32Combine } from './crc32-combine.js';
import type { DeflatedBlock } from './deflate-block.js';
import { FINAL_EMPTY_BLOCK, gzipHeader, gzipTrailer } from './gzip-framing.js';

/**
 * One gzip member assembled from blocks compressed apart: the header, each block's bytes, then
 * the final empty block and a trailer with the CRC-32 combined over every input byte and the
 * input length (ISIZE, modulo 2^32). Returns the bytes to write; writes nothing itself.
 */
export class GzipMember {
  private crc = 0;
  private input = 0;
  private output = 0;

  constructor(private readonly level: number) {}

  /** Bytes of input taken so far. */
  get inputBytes(): number {
    return this.input;
  }

  /** Bytes of output so far (header and blocks). */
  get outputBytes(): number {
    return this.output;
  }

  /** The 10-byte header, written first. */
  start(): Uint8Array {
    const header = gzipHeader(this.level);
    this.output += header.length;
    return header;
  }

  /** Accounts for a block of `rawBytes` input bytes; returns its compressed bytes to write. */
  add(block: DeflatedBlock, rawBytes: number): Uint8Array {
    this.crc = crc32Combine(this.crc, block.crc, rawBytes);
    this.input += rawBytes;
    this.output += block.deflated.length;
    return block.deflated;
  }

  /** The final empty block and the trailer, written last. */
  finish(): Uint8Array {
    const trailer = gzipTrailer(this.crc, this.input);
    const end = new Uint8Array(FINAL_EMPTY_BLOCK.length + trailer.length);
    end.set(FINAL_EMPTY_BLOCK, 0);
    end.set(trailer, FINAL_EMPTY_BLOCK.length);
    this.output += end.length;
    return end;
  }
}
