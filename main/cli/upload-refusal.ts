import { checkSupportedFile } from '../engine/files/supported-file.js';

/**
 * Refuses the whole `upload` run before anything is sent when a file is of a kind Lexer cannot
 * load (an Excel workbook, an image, a zip...), decided by content as well as name: the thrown
 * `unsupported-file` error exits 1 with one sentence saying what to do.
 */
export async function refuseUnsupportedFiles(files: readonly string[]): Promise<void> {
  for (const file of files) {
    const refusal = await checkSupportedFile(file, { audience: 'cli', sending: true });
    if (refusal) throw refusal;
  }
}
