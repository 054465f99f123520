// `lexer-upload upload` refuses what Lexer cannot load before any request:
// exit 1, `--json` error code `unsupported-file`, one sentence saying what to do.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeTestFile, type TestSandbox } from '../helpers/sandbox.js';
import { pngFile, xlsxFile } from '../helpers/office-files.js';
import { join } from 'node:path';
import { runCli, useSandboxForCli } from './cli-helpers.js';

describe('lexer-upload upload refuses unsupported files', () => {
  let sb: TestSandbox;
  let env: NodeJS.ProcessEnv;
  useSandboxForCli((s) => ({ sb, env } = s));

  test('an Excel workbook: exit 1, code unsupported-file, the Save As hint, nothing requested', async () => {
    const path = await writeTestFile(sb.work, 'customers_export.xlsx', xlsxFile());
    const r = await runCli(['upload', path, '--json'], { env });
    assert.equal(r.code, 1, r.stderr);
    const out = JSON.parse(r.stdout) as { ok: boolean; error: { code: string; message: string; hint: string } };
    assert.equal(out.ok, false);
    assert.equal(out.error.code, 'unsupported-file');
    assert.match(out.error.message, /customers_export\.xlsx is an Excel workbook/);
    assert.equal(out.error.hint, "Excel workbooks can't be loaded: in Excel choose File > Save As > CSV UTF-8, then upload the .csv.");
    assert.match(r.stderr, /File > Save As > CSV UTF-8/);
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    assert.equal(sb.sandbox.requestLog.length, 0, 'no request reached the API');
  });

  test('a PNG named .csv among good files: nothing of the run is sent', async () => {
    const good = await writeTestFile(sb.work, 'good-20260101-v1.csv', 'email\na@example.com\n');
    const png = await writeTestFile(sb.work, 'photo-20260101-v1.csv', pngFile());
    const r = await runCli(['upload', good, png], { env });
    assert.equal(r.code, 1);
    assert.match(r.stderr, /photo-20260101-v1\.csv is an image/);
    assert.equal(sb.sandbox.requestLog.length, 0);
  });
});

describe('lexer-upload upload checks the files first', () => {
  let sb: TestSandbox;
  let env: NodeJS.ProcessEnv;
  useSandboxForCli((s) => ({ sb, env } = s));

  test('a missing file with no token says the file is missing, not "No API token"', async () => {
    const missing = join(sb.work, 'no such export.csv');
    const r = await runCli(['upload', missing], { env: { ...env, LEXER_UPLOAD_API_TOKEN: '' } });
    assert.equal(r.code, 1);
    assert.match(r.stderr, /Cannot read .*no such export\.csv: there is no such file\./);
    assert.doesNotMatch(r.stderr, /No API token/);
  });

  test('a missing file with a token: no "renamed:" line for it, and nothing of the run is sent', async () => {
    const good = await writeTestFile(sb.work, 'first-20260101-v1.csv', 'email\na@example.com\n');
    const missing = join(sb.work, 'my export.csv');
    const r = await runCli(['upload', good, missing], { env });
    assert.equal(r.code, 1);
    assert.match(r.stderr, /Cannot read .*my export\.csv: there is no such file\./);
    assert.doesNotMatch(r.stderr, /renamed:/);
    assert.equal(sb.sandbox.requestLog.length, 0, 'no request reached the API');
  });
});
