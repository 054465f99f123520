/**
 * CRC-32 of two pieces put together, from the CRC of each and the length of the second, so the
 * workers can each check their own block and the writer join the values in order (pigz's method;
 * the gzip trailer needs the CRC of the whole input, RFC 1952 section 2.3.1).
 *
 * Polynomial arithmetic modulo the CRC-32 polynomial, as zlib's crc32_combine (1.2.12 and later)
 * does it: crc(A‖B) = crc(A)·x^(8·len(B)) + crc(B). No npm package offers this under an open
 * licence (the one that does, @balena/node-crc-utils, is proprietary), and Node's zlib has
 * crc32() but not the combine.
 */

/** The reflected CRC-32 polynomial (gzip, zlib, PNG). */
const POLY = 0xedb88320;

/** a·b modulo the polynomial, both in the reflected bit order zlib uses. */
function multiplyModP(a: number, b: number): number {
  let m = 0x80000000;
  let p = 0;
  for (;;) {
    if (a & m) {
      p ^= b;
      if ((a & (m - 1)) === 0) break;
    }
    m >>>= 1;
    b = b & 1 ? (b >>> 1) ^ POLY : b >>> 1;
  }
  return p >>> 0;
}

/** X2N[k] = x^(2^k) modulo the polynomial. */
const X2N: readonly number[] = (() => {
  const table = [0x40000000]; // x^1
  for (let k = 1; k < 64; k++) table.push(multiplyModP(table[k - 1] as number, table[k - 1] as number));
  return table;
})();

/** x^(n·2^k) modulo the polynomial: x^(8n) for n bytes with k = 3. */
function xPowerModP(n: number, k: number): number {
  let p = 0x80000000; // x^0
  while (n > 0) {
    if (n % 2 === 1) p = multiplyModP(X2N[k % 64] as number, p);
    n = Math.floor(n / 2);
    k++;
  }
  return p;
}

/**
 * The CRC-32 of A followed by B, given crc(A), crc(B) and B's length in bytes (any length a
 * file can have: lengths are exact up to 2^53).
 */
export function crc32Combine(crcA: number, crcB: number, lengthB: number): number {
  return (multiplyModP(xPowerModP(lengthB, 3), crcA) ^ crcB) >>> 0;
}
