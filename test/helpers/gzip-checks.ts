import assert from 'node:assert/strict';
import { crc32, inflateRawSync } from 'node:zlib';

/**
 * Asserts `gz` is exactly one gzip member holding `content`: the header says deflate, the raw
 * deflate body inflates to the whole content (a second member would stop it short), and the
 * trailer holds the CRC-32 and length of all of it.
 */
export function assertSingleGzipMember(gz: Uint8Array, content: Uint8Array, label = 'gzip'): void {
  const bytes = Buffer.from(gz.buffer, gz.byteOffset, gz.byteLength);
  assert.deepEqual([...bytes.subarray(0, 3)], [0x1f, 0x8b, 8], `${label}: gzip header, deflate`);
  assert.ok(inflateRawSync(bytes.subarray(10, bytes.length - 8)).equals(content), `${label}: one deflate stream holds the whole content`);
  assert.equal(bytes.readUInt32LE(bytes.length - 8), crc32(content), `${label}: CRC-32 of the whole content`);
  assert.equal(bytes.readUInt32LE(bytes.length - 4), content.length % 2 ** 32, `${label}: ISIZE`);
}
