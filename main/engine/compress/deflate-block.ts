import { constants, crc32, deflateRawSync } from 'node:zlib';

/** Deflate looks back at most 32 KiB; a block's dictionary is the 32 KiB before it (RFC 1951). */
export const DICTIONARY_BYTES = 32 * 1024;

/** Compression levels zlib takes (0 stores, 9 is the smallest and slowest). */
export const MIN_LEVEL = 0;
export const MAX_LEVEL = 9;

/** One block compressed: raw deflate ending on a byte boundary, and the CRC-32 of its input. */
export interface DeflatedBlock {
  deflated: Uint8Array;
  crc: number;
}

/**
 * Compresses one block as pigz does: raw deflate primed with the 32 KiB that precede it (so the
 * ratio matches one long stream), ended with a sync flush (an empty stored block that byte-aligns
 * it, not final), so blocks compressed apart can be concatenated into one deflate stream.
 */
export function deflateBlock(raw: Uint8Array, dictionary: Uint8Array | null, level: number): DeflatedBlock {
  const out = deflateRawSync(raw, {
    level,
    finishFlush: constants.Z_SYNC_FLUSH,
    ...(dictionary && dictionary.length > 0 ? { dictionary } : {}),
  });
  return { deflated: new Uint8Array(out.buffer, out.byteOffset, out.byteLength), crc: crc32(raw) };
}
