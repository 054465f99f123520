import { createRequire } from 'node:module';
import type Iconv from 'iconv-lite';

// iconv-lite costs ~11 ms of start-up; only UTF-16 files and lines that are not UTF-8 need it,
// so a preview or a conversion of a UTF-8 file never loads it.
let iconv: typeof Iconv | undefined;

/**
 * Hands over an iconv-lite already loaded: the conversion worker's entry imports it, so the
 * worker's self-contained bundle carries it and never looks it up on disk (a packaged worker
 * reads nothing from app.asar; see workers/worker-entry.ts).
 */
export function provideIconv(lib: typeof Iconv): void {
  iconv = lib;
}

/** iconv-lite, loaded on first use. */
export function iconvLite(): typeof Iconv {
  iconv ??= createRequire(import.meta.url)('iconv-lite') as typeof Iconv;
  return iconv;
}
