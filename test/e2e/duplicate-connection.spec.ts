/**
 * The duplicate guard goes by connection: a file History says went to Lexer's API is not held
 * back from the sandbox as "already sent" (nor the other way round), and when it does ask, it
 * names where the earlier copy went (big-files.spec.ts).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fingerprintFile, sha256File } from '../../main/engine/dedupe/fingerprint.js';
import { test, expect, addFiles, card, saveToken } from './fixtures.js';

test('a file sent to Lexer before is not "already sent" when tried on the sandbox', async ({ page, configDir, sandbox, startHost }, info) => {
  const path = info.outputPath('stores-20260101-v1.ndjson');
  await writeFile(path, `${JSON.stringify({ link: { customer_id: 'c-1' }, email: 'c1@example.com' })}\n`);
  const sentAt = '2026-01-05T09:30:00.000Z';
  // History from an earlier day: this content went to Lexer's own API, to the staff inbox.
  await writeFile(join(configDir, 'history.json'), JSON.stringify({
    version: 1,
    entries: [{
      id: 'earlier', uploadId: '4711', filePath: path, filename: 'stores-20260101-v1.ndjson.gz', datasetId: null, recordType: null, bytes: 60,
      status: 'Success', createdAt: sentAt, startedAt: sentAt, finishedAt: sentAt, error: null, interrupted: false,
      sandbox: false, apiUrl: 'https://api.lexer.io', fingerprint: await fingerprintFile(path), sourceSha256: await sha256File(path),
    }],
  }));
  const host = await startHost();
  await page.goto(host.url);
  await saveToken(page, sandbox.token);
  await addFiles(page, [path]);
  const c = card(page, 'stores-20260101-v1.ndjson');
  await c.getByRole('button', { name: 'Upload', exact: true }).click();
  await expect(c.getByTestId('upload-result')).toHaveText('Success');
  await expect(page.getByRole('dialog', { name: 'Send this file again?' })).toHaveCount(0);
  expect((await sandbox.storedFiles()).some((f) => f.key.includes('stores-20260101-v1'))).toBe(true);
});
