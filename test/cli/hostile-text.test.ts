// What reaches the terminal from outside: a hostile API's words with escape codes, carriage returns
// and bidirectional controls are printed without them (text and --json); a name with a line break
// in a watched folder cannot forge a line of `watch`'s log; and an API that is not on this computer
// cannot have a file sent to a port here (a loopback link, or a name that resolves to loopback).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { lookup } from 'node:dns/promises';
import { lstat, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDiscardServer } from '../helpers/discard-server.js';
import { startStandIn } from '../helpers/api-stand-in.js';
import { makeTestCertificate, outsideAddress } from '../helpers/test-certificate.js';
import { HOSTILE_TEXT, UNSAFE_OUTPUT } from '../helpers/hostile-text.js';
import { runCli, tempConfig, useSandboxForCli, type SandboxForCli } from './cli-helpers.js';

const TOKEN = 'tok-0123456789abcdef';

async function csvIn(dir: string, name = 'customers-20260101-v1.csv'): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, 'id,email\n1,a@example.com\n');
  return path;
}

describe("a hostile API's words in the terminal", () => {
  test('an error reply with escape codes, CR and bidi controls is printed without them, as text and as --json', async () => {
    const api = await startStandIn((_req, res) => res.writeHead(422, { 'content-type': 'application/json' }).end(JSON.stringify({ error: HOSTILE_TEXT })));
    const config = await tempConfig();
    const dir = await mkdtemp(join(tmpdir(), 'hostile-text-'));
    try {
      const file = await csvIn(dir);
      const env = { ...config.env, LEXER_API_URL: api.url, LEXER_UPLOAD_API_TOKEN: TOKEN };
      const text = await runCli(['upload', file], { env });
      assert.equal(text.code, 1, text.stdout + text.stderr);
      assert.match(text.stdout, /Failed +.*: Lexer refused the request \(HTTP 422\): \[2J\[31mdataset forged OKtxt\.exe1m closed\./);
      assert.doesNotMatch(text.stdout + text.stderr, UNSAFE_OUTPUT);
      const json = await runCli(['upload', file, '--json'], { env });
      assert.doesNotMatch(json.stdout, UNSAFE_OUTPUT, 'JSON.stringify leaves C1 and bidi controls raw; they are escaped');
      assert.match((JSON.parse(json.stdout) as { error: { message: string } }).error.message, /dataset forged OK/);
    } finally {
      await api.close();
      await config.cleanup();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("a name in a watched folder cannot forge a line of watch's log", () => {
  let s: SandboxForCli;
  useSandboxForCli((x) => (s = x));

  test('a line break, a carriage return or an escape code in a name is written out in watch and history; every line is one event', async () => {
    const dir = await mkdtemp(join(s.sb.work, 'forge-'));
    const forged = '2099-01-01T00:00:00.000Z sent: payroll-20990101-v1.csv as payroll (upload id 1, 1 kB); moved to sent';
    await writeFile(join(dir, `x\n${forged}\r\u001b[2K.csv`), 'id\n1\n');
    const run = await runCli(['watch', dir, '--once', '--quiet-seconds', '0'], { env: s.env });
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const lines = run.stdout.trimEnd().split('\n');
    for (const line of lines) assert.match(line, /^\d{4}-\d\d-\d\dT[\d:.]+Z (watching|waiting|sending|sent|stopped)\b/, line);
    assert.ok(!lines.some((l) => l.startsWith('2099-')), 'no forged line');
    assert.match(run.stdout, /sending: x<U\+000A>2099-01-01T00:00:00\.000Z sent: payroll-20990101-v1\.csv .*<U\+000D><U\+001B>\[2K\.csv/);
    assert.doesNotMatch(run.stdout + run.stderr, UNSAFE_OUTPUT);

    // The run log keeps the name as it was; `history` writes it out the same way.
    const history = await runCli(['history'], { env: s.env });
    assert.equal(history.code, 0, history.stderr);
    const rows = history.stdout.trimEnd().split('\n');
    for (const row of rows) assert.match(row, /^\d{4}-\d\d-\d\dT[\d:.]+Z {2}/, row);
    assert.ok(rows.some((r) => r.includes('x<U+000A>2099-01-01T00:00:00.000Z sent: payroll-20990101-v1.csv')), history.stdout);
    assert.doesNotMatch(history.stdout, UNSAFE_OUTPUT);
  });

  test('a link in the folder gets one line saying it was left where it is, and stays', async () => {
    const dir = await mkdtemp(join(s.sb.work, 'link-'));
    await symlink('/etc/passwd', join(dir, 'passwd-20260101-v1.csv'));
    const storedBefore = (await s.sb.sandbox.storedFiles()).length;
    const run = await runCli(['watch', dir, '--once', '--quiet-seconds', '0'], { env: s.env });
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const lines = run.stdout.split('\n').filter((l) => l.includes('passwd-20260101-v1.csv') && !l.includes(' waiting: '));
    assert.deepEqual(lines.map((l) => l.replace(/^\S+ /, '')), [
      'not taken: passwd-20260101-v1.csv is a link; a watched folder never follows links, so it was left where it is. Put the file itself in the folder.',
    ]);
    assert.ok((await lstat(join(dir, 'passwd-20260101-v1.csv'))).isSymbolicLink());
    assert.equal((await s.sb.sandbox.storedFiles()).length, storedBefore, 'nothing sent');
  });
});

describe('an API that is not on this computer cannot send a file to a port here', () => {
  const address = outsideAddress();
  test('an upload link to loopback, or to a name that resolves here, is refused and nothing connects', { skip: address === null && 'this machine has no address but loopback to serve a "remote" API on' }, async (t) => {
    const here = hostname();
    const resolvesHere = await lookup(here).then((a) => a.address.startsWith('127.') || a.address === '::1', () => false);
    const cert = await makeTestCertificate([address!, '127.0.0.1', here]);
    if (!cert) return t.skip('openssl is not installed to make the test server a certificate');
    const discard = await startDiscardServer();
    // An HTTPS server on loopback under this machine's name, counting every connection made to it.
    let connections = 0;
    const local = createHttpsServer({ key: cert.key, cert: cert.cert }, (_req, res) => res.end());
    local.on('secureConnection', () => (connections += 1));
    await new Promise<void>((resolve) => local.listen(0, '127.0.0.1', resolve));
    const links = [discard.url, `https://${here}:${(local.address() as AddressInfo).port}/bucket/x`];
    let asked = 0;
    const api = createHttpsServer({ key: cert.key, cert: cert.cert }, (req, res) => {
      req.resume();
      req.on('end', () => res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ id: 7, url: links[asked++ % 2] })));
    });
    await new Promise<void>((resolve) => api.listen(0, address!, resolve));
    const config = await tempConfig();
    const dir = await mkdtemp(join(tmpdir(), 'loopback-link-'));
    try {
      const file = await csvIn(dir);
      const env = { ...config.env, LEXER_UPLOAD_API_TOKEN: TOKEN, NODE_EXTRA_CA_CERTS: cert.certFile };
      const apiUrl = `https://${address!}:${(api.address() as AddressInfo).port}`;
      const first = await runCli(['upload', file, '--api-url', apiUrl], { env });
      assert.equal(first.code, 1, first.stdout + first.stderr);
      assert.match(first.stdout, new RegExp(`answered with an upload link to this computer \\(127\\.0\\.0\\.1:${new URL(discard.url).port}\\); nothing was sent there\\.`));
      assert.equal(discard.received(), 0);
      if (!resolvesHere) return t.skip(`${here} does not resolve to loopback here, so the second half cannot run`);
      const second = await runCli(['upload', file, '--api-url', apiUrl], { env });
      assert.equal(second.code, 1, second.stdout + second.stderr);
      assert.match(second.stdout, /leads to this computer; nothing was sent there\./);
      assert.equal(connections, 0, 'no connection reached the server here');
    } finally {
      api.close();
      local.close();
      await discard.close();
      await cert.remove();
      await config.cleanup();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
