/**
 * The app and `lexer-upload` share one History: an upload the command made while the window was
 * open is known to the app's duplicate guard at once, without opening History first.
 */
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { test, expect, addFiles, card, saveToken, snap } from './fixtures.js';

const run = promisify(execFile);

test('a file lexer-upload sent while the app is open is held back by the app as already sent', async ({ app: page, sandbox, configDir }, info) => {
  const name = 'members-20260101-v1.ndjson';
  const path = info.outputPath(name);
  await writeFile(path, `${JSON.stringify({ link: { email: 'ann@example.com' } })}\n`);
  await saveToken(page, sandbox.token);
  // The app is open (its History read); now the command sends the same file, as a script would.
  await run(process.execPath, ['dist/main/cli/bin.js', 'upload', path, '--json'], {
    env: { ...process.env, LEXER_UPLOAD_CONFIG_DIR: configDir, LEXER_UPLOAD_VAULT: 'file', LEXER_API_URL: sandbox.apiUrl, LEXER_UPLOAD_API_TOKEN: sandbox.token },
  });
  expect(await sandbox.storedFiles()).toHaveLength(1);

  await addFiles(page, [path]);
  await card(page, name).getByRole('button', { name: 'Upload', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Send this file again?' });
  await expect(dialog).toContainText(`as ${name}`);
  await snap(page, info, 'duplicate-from-cli');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(card(page, name).getByTestId('upload-result')).toHaveText('Not sent');
  expect(await sandbox.storedFiles()).toHaveLength(1);
});
