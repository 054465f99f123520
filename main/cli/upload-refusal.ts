import { checkSupportedFile } from '../engine/files/supported-file.js';
import { assertReadableFile } from './readable-file.js';

/**
 * Checks every file of an `upload` run before anything else (the token, the names, a request):
 * a file that is missing or a folder, or of a kind Lexer cannot load (an Excel workbook, an
 * image, a zip...), decided by content as well as name, refuses the whole run with one sentence
 * naming it. The first problem a person hears is then the file they typed, not "No API token"
 * or a rename of a file that is not there.
 */
export async function checkFilesFirst(files: readonly string[]): Promise<void> {
  for (const file of files) {
    await assertReadableFile(file);
    const refusal = await checkSupportedFile(file, { audience: 'cli', sending: true });
    if (refusal) throw refusal;
  }
}
