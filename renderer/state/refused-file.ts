/**
 * A card for a file main could not take (unreadable, or refused before it was copied), so the
 * refusal shows on the file's own card like any other blocker instead of vanishing.
 */
import { fileKind, type FileInfo } from '../../main/contract/files.js';
import type { ErrorInfo } from '../../main/contract/result.js';

/** A FileInfo that carries only a blocker: what the card shows for a file that was not taken. */
export function refusedFile(path: string, name: string, size: number, blocker: ErrorInfo): FileInfo {
  return { path, name, size, kind: fileKind(name), nameCheck: { valid: true, fixed: name, problems: [] }, blocker };
}
