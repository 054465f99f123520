import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { runCli, tempConfig } from './cli-helpers.js';

const TOKEN = 'tok_live_0123456789abcdefWXYZ';

describe('lexer-upload token', () => {
  let config: Awaited<ReturnType<typeof tempConfig>>;
  before(async () => { config = await tempConfig(); });
  after(async () => { await config.cleanup(); });

  test('set reads the token from standard input and never prints it', async () => {
    const r = await runCli(['token', 'set'], { env: config.env, stdin: `  ${TOKEN}\n` });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Token saved in .*token \(ends in …WXYZ\)/);
    assert.match(r.stderr, /not encrypted/);
    assert.ok(!(r.stdout + r.stderr).includes(TOKEN.slice(0, -4)));
    assert.equal((await stat(join(config.dir, 'token'))).mode & 0o777, 0o600);
  });

  test('status says where and how it is kept, with the last 4 characters only', async () => {
    const r = await runCli(['token', 'status'], { env: config.env });
    assert.equal(r.code, 0);
    assert.match(r.stdout, /A token is stored in .*token \(ends in …WXYZ\)/);
    assert.match(r.stdout, /plain file .* not encrypted/);
    assert.ok(!r.stdout.includes(TOKEN.slice(0, -4)));
    const json = JSON.parse((await runCli(['token', 'status', '--json'], { env: config.env })).stdout) as Record<string, unknown>;
    assert.deepEqual([json.stored, json.backend, json.encrypted, json.last4], [true, 'file', false, 'WXYZ']);
  });

  test('the token as an argument is refused (exit 2) and nothing changes', async () => {
    const r = await runCli(['token', 'set', 'other-token-value-1234'], { env: config.env });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /never taken as an argument/);
    const status = JSON.parse((await runCli(['token', 'status', '--json'], { env: config.env })).stdout) as { last4: string };
    assert.equal(status.last4, 'WXYZ');
  });

  test('an empty token is refused', async () => {
    const r = await runCli(['token', 'set'], { env: config.env, stdin: '   \n' });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /The token is empty\. Nothing was saved\./);
  });

  test('clear removes it', async () => {
    const r = await runCli(['token', 'clear'], { env: config.env });
    assert.equal(r.code, 0);
    assert.match(r.stdout, /Token removed/);
    const status = await runCli(['token', 'status'], { env: config.env });
    assert.match(status.stdout, /No token is stored/);
  });

  test('a mistyped `lexer-upload set` points at `token set` and stores nothing', async () => {
    const r = await runCli(['set'], { env: config.env, stdin: `${TOKEN}\n` });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /did you mean `lexer-upload token set`\?/);
    assert.doesNotMatch(r.stderr, /lexer-upload set --help|add --help/);
    const status = await runCli(['token', 'status'], { env: config.env });
    assert.match(status.stdout, /No token is stored/);
    assert.doesNotMatch((await runCli(['--help'])).stdout, /^\s+set\b/m, 'the pointer is not listed as a command');
  });
});
