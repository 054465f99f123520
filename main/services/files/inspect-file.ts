/**
 * `files:inspect`: what the renderer shows on a file's card before anything is sent: its kind
 * from the extension, its size, its name checked against Lexer's naming rules with a fixed name
 * offered, and a blocker when it cannot be uploaded (empty, unreadable, or content Lexer cannot
 * load, such as an Excel workbook, whatever its name says). Any size: a file over one upload's
 * 5 GiB is sent in parts.
 */
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { FileInfo, NameCheck } from '../../contract/files.js';
import type { ErrorInfo } from '../../contract/result.js';
import { fileKind } from '../../engine/files/file-kind.js';
import { checkSupportedFile } from '../../engine/files/supported-file.js';
import { checkFileName, fixFileName } from '../../engine/names/file-name-rules.js';
import { checkReadableFile } from '../../engine/upload/preflight.js';
import { toErrorInfo } from '../channels/result.js';
import { showBidiControls } from './visible-text.js';

/** A name checked against the vendor's rules, with the fixed name (equal to it when valid). */
export function checkName(name: string): NameCheck {
  const check = checkFileName(name);
  // A problem quotes the characters it found; a bidirectional control there would reorder the sentence.
  return { valid: check.valid, fixed: check.valid ? name : fixFileName(name), problems: check.problems.map(showBidiControls) };
}

/**
 * An engine error as the card shows it: named by the file's own name rather than its path, since
 * in the browser host the path is an internal staged copy the person never chose.
 */
export function withFileName(error: ErrorInfo, path: string, name: string): ErrorInfo {
  const swap = (text: string): string => text.split(path).join(name);
  return error.hint ? { ...error, message: swap(error.message), hint: swap(error.hint) } : { ...error, message: swap(error.message) };
}

/**
 * Inspects a file on disk; never throws for a bad file, which becomes the card's blocker. The
 * name shown has any bidirectional control written out (the name check sees the real name).
 */
export async function inspectFile(path: string): Promise<FileInfo> {
  const realName = basename(path);
  const name = showBidiControls(realName);
  let size = 0;
  let blocker: FileInfo['blocker'] = null;
  try {
    size = (await checkReadableFile(path)).bytes;
    const unsupported = await checkSupportedFile(path, { name, audience: 'app' });
    if (unsupported) blocker = toErrorInfo(unsupported);
  } catch (error) {
    blocker = withFileName(toErrorInfo(error), path, name);
    size = await stat(path).then((s) => s.size, () => 0);
  }
  return { path, name, size, kind: fileKind(realName), nameCheck: checkName(realName), blocker };
}
