// The token on the command line: out of the process list (a file or standard input
// instead of an argument), and out of `upload --json` and the history even when the API quotes it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startTokenEchoingApi, type StandIn } from '../helpers/api-stand-in.js';
import { startTestSandbox, writeTestFile, type TestSandbox } from '../helpers/sandbox.js';
import { runCli, tempConfig } from './cli-helpers.js';

describe('lexer-upload upload and the token', () => {
  let sb: TestSandbox;
  let echo: StandIn;
  let config: Awaited<ReturnType<typeof tempConfig>>;
  before(async () => {
    sb = await startTestSandbox();
    echo = await startTokenEchoingApi(422);
    config = await tempConfig();
  });
  after(async () => {
    await echo.close();
    await sb.stop();
    await config.cleanup();
  });

  test('an API that quotes the token: --json output and history.json carry it masked', async () => {
    const token = 'cli-secret-token-0123456789abcdef';
    const path = await writeTestFile(sb.work, 'echo-20261126-v1.csv', 'a\n1\n');
    const r = await runCli(['upload', path, '--json'], { env: { ...config.env, LEXER_API_URL: echo.url, LEXER_UPLOAD_API_TOKEN: token } });
    assert.equal(r.code, 1);
    const out = JSON.parse(r.stdout) as { ok: boolean; error: { message: string } };
    assert.match(out.error.message, /the token \[token hidden\] may not upload files/);
    assert.ok(!r.stdout.includes(token) && !r.stderr.includes(token), 'neither output carries the token');
    const history = await readFile(join(config.dir, 'history.json'), 'utf8');
    assert.ok(!history.includes(token), 'history.json does not carry the token');
  });

  test('--api-token-file reads the token from a file, and warns when others can read that file', async () => {
    const path = await writeTestFile(sb.work, 'from-file-20261126-v1.csv', 'from-file\n1\n');
    const file = join(sb.work, 'token.txt');
    await writeFile(file, `${sb.sandbox.token}\n`, { mode: 0o600 });
    await chmod(file, 0o600);
    const env = { ...config.env, LEXER_API_URL: sb.sandbox.apiUrl };
    const r = await runCli(['upload', path, '--api-token-file', file, '--json'], { env });
    assert.equal(r.code, 0, r.stderr);
    assert.equal((JSON.parse(r.stdout) as { ok: boolean }).ok, true);
    assert.doesNotMatch(r.stderr, /other users/);
    await chmod(file, 0o644);
    const open = await runCli(['upload', path, '--api-token-file', file, '--json', '--allow-duplicate'], { env });
    assert.equal(open.code, 0, open.stderr);
    assert.match(open.stderr, /token\.txt can be read by other users.*chmod 600/);
  });

  test('--api-token - reads the token from standard input', async () => {
    const path = await writeTestFile(sb.work, 'from-stdin-20261126-v1.csv', 'from-stdin\n1\n');
    const r = await runCli(['upload', path, '--api-token', '-', '--json'], { env: { ...config.env, LEXER_API_URL: sb.sandbox.apiUrl }, stdin: `${sb.sandbox.token}\n` });
    assert.equal(r.code, 0, r.stderr);
    assert.equal((JSON.parse(r.stdout) as { ok: boolean }).ok, true);
    assert.doesNotMatch(r.stderr, /process list/, 'no warning: the token was not an argument');
  });

  test('--api-token with the token itself still works for scripts, with a warning about the process list', async () => {
    const path = await writeTestFile(sb.work, 'from-arg-20261126-v1.csv', 'from-arg\n1\n');
    const r = await runCli(['upload', path, '--api-token', sb.sandbox.token, '--json'], { env: { ...config.env, LEXER_API_URL: sb.sandbox.apiUrl } });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /other users of this computer can see .*process list/);
    assert.ok(!r.stderr.includes(sb.sandbox.token));
  });

  test('an empty or missing token file, or two token options at once, is a usage error naming the problem', async () => {
    const path = await writeTestFile(sb.work, 'bad-20261126-v1.csv', 'bad\n1\n');
    const empty = join(sb.work, 'empty.txt');
    await writeFile(empty, '\n', { mode: 0o600 });
    const env = { ...config.env, LEXER_API_URL: sb.sandbox.apiUrl };
    const e = await runCli(['upload', path, '--api-token-file', empty], { env });
    assert.equal(e.code, 2);
    assert.match(e.stderr, /empty\.txt is empty/);
    const missing = await runCli(['upload', path, '--api-token-file', join(sb.work, 'nope.txt')], { env });
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /nope\.txt/);
    const both = await runCli(['upload', path, '--api-token', 'x', '--api-token-file', empty], { env });
    assert.equal(both.code, 2);
    assert.match(both.stderr, /either --api-token or --api-token-file/);
    const help = await runCli(['upload', '--help']);
    assert.match(help.stdout, /--api-token-file <file>/);
    assert.match(help.stdout, /process list/);
  });
});
