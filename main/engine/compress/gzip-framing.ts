/**
 * The bytes around a raw deflate stream that make it a gzip member (RFC 1952): a 10-byte header,
 * the deflate blocks, an empty final block, and the trailer (CRC-32 and length of the input).
 */

/** The header's length (no name, no comment, no extra field). */
export const GZIP_HEADER_BYTES = 10;

/**
 * A final, empty deflate block with fixed codes (BFINAL=1, BTYPE=01, end-of-block), what zlib
 * writes when a stream ends with nothing left to compress. Every block before it ends with a
 * sync flush (byte-aligned), so appending these two bytes ends the stream wherever the writer
 * decides to, after the blocks were compressed: a part is cut without compressing anything again.
 */
export const FINAL_EMPTY_BLOCK: Uint8Array = Uint8Array.of(0x03, 0x00);

/** Bytes that end a member after its last block: the final empty block and the 8-byte trailer. */
export const MEMBER_END_BYTES = FINAL_EMPTY_BLOCK.length + 8;

/**
 * A gzip header: deflate, no name or time (the name sent is the upload's own), XFL saying
 * fastest/best as gzip does, OS 255 (unknown), since the same bytes come from every platform.
 */
export function gzipHeader(level: number): Uint8Array {
  const xfl = level >= 9 ? 2 : level <= 1 ? 4 : 0;
  return Uint8Array.of(0x1f, 0x8b, 8, 0, 0, 0, 0, 0, xfl, 0xff);
}

/** The trailer: CRC-32 of the input and its length modulo 2^32, both little-endian. */
export function gzipTrailer(crc: number, inputBytes: number): Uint8Array {
  const trailer = new Uint8Array(8);
  const view = new DataView(trailer.buffer);
  view.setUint32(0, crc >>> 0, true);
  view.setUint32(4, inputBytes % 2 ** 32, true);
  return trailer;
}
