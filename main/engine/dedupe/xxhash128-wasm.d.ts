/**
 * hash-wasm's xxHash128 on its own (one small file, not the package's index, which loads every
 * algorithm it has: ~30 ms of start-up for nothing used).
 */
declare module 'hash-wasm/dist/xxhash128.umd.min.js' {
  import type { createXXHash128 } from 'hash-wasm';

  const hashWasm: { createXXHash128: typeof createXXHash128 };
  export default hashWasm;
}
