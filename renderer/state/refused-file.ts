/**
 * A card for a file main could not take (unreadable, or refused before it was copied), so the
 * refusal shows on the file's own card like any other blocker instead of vanishing.
 */
import type { ErrorInfo, FileInfo } from '../../preload/contract.js';
import { fileKind } from '../../preload/file-kind.js';

/**
 * S3's limit for one PUT, the vendor's stated maximum (5 GiB = 5,368,709,120 bytes). Main checks
 * it again; the renderer looks first only so the browser host does not copy a file it must refuse.
 */
export const MAX_UPLOAD_BYTES = 5_368_709_120;

/** The refusal for a file over the limit, in the same words main uses. */
export function tooLargeError(name: string, size: number): ErrorInfo {
  return {
    code: 'file-too-large',
    message: `${name} is ${size.toLocaleString('en')} bytes, over the 5 GiB (5,368,709,120 bytes) limit of one upload.`,
    hint: 'Split the file into smaller files and upload each one.',
  };
}

/** A FileInfo that carries only a blocker: what the card shows for a file that was not taken. */
export function refusedFile(path: string, name: string, size: number, blocker: ErrorInfo): FileInfo {
  return { path, name, size, kind: fileKind(name), nameCheck: { valid: true, fixed: name, problems: [] }, blocker };
}
