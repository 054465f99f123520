// The command's retry line names the attempt about to start, once (the engine's
// `retrying` event already carries the next attempt's number; adding one said "attempt 3").
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTcpResetProxy, type TcpResetProxy } from '../helpers/tcp-reset-proxy.js';
import { startTestSandbox, writeTestFile, type TestSandbox } from '../helpers/sandbox.js';
import { runCli, tempConfig } from './cli-helpers.js';

describe('lexer-upload upload through a connection that breaks once', () => {
  let proxy: TcpResetProxy;
  let sb: TestSandbox;
  let config: Awaited<ReturnType<typeof tempConfig>>;
  before(async () => {
    proxy = await startTcpResetProxy({ cutAfterBytes: 64 * 1024, cutConnections: 1 });
    sb = await startTestSandbox({ s3Origin: proxy.origin });
    proxy.targetPort = Number(new URL(sb.sandbox.apiUrl).port);
    config = await tempConfig();
  });
  after(async () => {
    await sb.stop();
    await proxy.close();
    await config.cleanup();
  });

  test('says "attempt 2" for the second try', async () => {
    const path = await writeTestFile(sb.work, 'retry-20260101-v1.csv', `a\n${'1\n'.repeat(200_000)}`);
    const r = await runCli(['upload', path], { env: { ...config.env, LEXER_API_URL: sb.sandbox.apiUrl, LEXER_UPLOAD_API_TOKEN: sb.sandbox.token } });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(proxy.cuts, 1);
    const line = `${r.stdout}${r.stderr}`.split('\n').find((l) => l.includes('retrying:')) ?? '';
    assert.match(line, /\(attempt 2, in /, line);
  });
});
