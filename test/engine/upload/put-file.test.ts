import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { truncate, writeFile } from 'node:fs/promises';
import { createServer as createHttpServer } from 'node:http';
import { join } from 'node:path';
import { createServer } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';
import { requestUploadUrl } from '../../../main/engine/api/api-client.js';
import { createRateLimiter } from '../../../main/engine/api/rate-limiter.js';
import { repairUploadUrl } from '../../../main/engine/api/upload-url.js';
import { LexerError } from '../../../main/engine/errors.js';
import { putFile } from '../../../main/engine/upload/put-file.js';
import type { TestSandbox } from '../../helpers/sandbox.js';
import { sha256File, startTestSandbox, writeTestFile } from '../../helpers/sandbox.js';

const failsWith = (code: string, words: RegExp) => (e: unknown) => e instanceof LexerError && e.code === code && words.test(e.message);

describe('putFile', () => {
  let t: TestSandbox;
  before(async () => (t = await startTestSandbox()));
  after(async () => t.stop());
  const freshUrl = (filename: string) =>
    requestUploadUrl({ apiUrl: t.sandbox.apiUrl, token: t.sandbox.token, filename, limiter: createRateLimiter({ intervalCap: 100 }) });

  test('a URL still holding \\u0026 is refused by the sandbox as S3 would (url-mangled), and repairing it works', async () => {
    const path = await writeTestFile(t.work, 'mangled.csv', 'a,b\n1,2\n');
    const { url } = await freshUrl('mangled.csv');
    const mangled = url.replace(/&/g, '\\u0026');
    await assert.rejects(
      putFile({ url: mangled, filePath: path, bytes: 8, displayName: 'mangled.csv' }),
      failsWith('url-mangled', /AuthorizationQueryParametersError: X-Amz-Algorithm only supports "AWS4-HMAC-SHA256"/),
    );
    await putFile({ url: repairUploadUrl(mangled), filePath: path, bytes: 8, displayName: 'mangled.csv' });
    const file = (await t.sandbox.storedFiles()).find((f) => f.key.endsWith('/mangled.csv'));
    assert.ok(file);
    assert.equal(await sha256File(file.path), await sha256File(path));
  });

  test('a URL with &amp; is refused too, and messages never carry the signature', async () => {
    const path = await writeTestFile(t.work, 'amp.csv', 'a\n');
    const { url } = await freshUrl('amp.csv');
    const signature = new URL(url).searchParams.get('X-Amz-Signature') ?? '';
    await assert.rejects(putFile({ url: url.replace(/&/g, '&amp;'), filePath: path, bytes: 2, displayName: 'amp.csv' }), (e: unknown) => {
      assert.ok(e instanceof LexerError && e.code === 'url-mangled');
      assert.ok(!e.describe().includes(signature));
      return true;
    });
  });

  test('a tampered query (a changed expiry) gets SignatureDoesNotMatch', async () => {
    const path = await writeTestFile(t.work, 'tamper.csv', 'a\n');
    const { url } = await freshUrl('tamper.csv');
    const u = new URL(url);
    u.searchParams.set('X-Amz-Expires', '604800');
    await assert.rejects(putFile({ url: u.href, filePath: path, bytes: 2, displayName: 'tamper.csv' }), failsWith('signature-mismatch', /tamper\.csv/));
  });

  test('plain http to a host that is not this machine is refused before sending', async () => {
    const path = await writeTestFile(t.work, 'clear.csv', 'a\n');
    await assert.rejects(putFile({ url: 'http://bucket.example.com/k?X-Amz-Signature=s', filePath: path, bytes: 2, displayName: 'clear.csv' }), failsWith('insecure-url', /https/));
  });

  test('the PUT carries no header the URL did not sign: only Host, Content-Length and Connection, never chunked', async () => {
    let seen: string[] = [];
    const server = createHttpServer((req, res) => {
      seen = req.rawHeaders.filter((_, i) => i % 2 === 0).map((h) => h.toLowerCase());
      req.resume();
      req.on('end', () => res.end());
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    try {
      const path = await writeTestFile(t.work, 'headers.csv', 'a,b\n1,2\n');
      const port = (server.address() as AddressInfo).port;
      await putFile({ url: `http://127.0.0.1:${port}/k.csv?X-Amz-SignedHeaders=host`, filePath: path, bytes: 8, displayName: 'headers.csv' });
      assert.deepEqual([...seen].sort(), ['connection', 'content-length', 'host']);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    }
  });

  test('a server that takes the bytes and never answers is a stall, retryable', async () => {
    const sockets: Socket[] = [];
    const silent = createServer((s) => {
      sockets.push(s);
      s.resume(); // read and never answer
    });
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
    try {
      const path = await writeTestFile(t.work, 'stall.csv', 'a\n');
      const port = (silent.address() as AddressInfo).port;
      await assert.rejects(putFile({ url: `http://127.0.0.1:${port}/k?x=1`, filePath: path, bytes: 2, displayName: 'stall.csv', stallTimeoutMs: 200 }), (e: unknown) => {
        assert.ok(e instanceof LexerError && e.code === 'upload-stalled' && e.retryable);
        assert.match(e.message, /no progress/);
        return true;
      });
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => silent.close(() => r()));
    }
  });

  test('S3 refusing the PUT before the body has arrived is reported as its refusal, not as a lost connection', async () => {
    // S3 answers a bad signature as soon as it has the headers, then closes the connection while
    // the client is still sending; the answer is what the user must see (not retried, not "lost").
    const xml = '<?xml version="1.0" encoding="UTF-8"?><Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match the signature you provided.</Message></Error>';
    let received = 0;
    const server = createHttpServer((req, res) => {
      req.on('data', (c: Buffer) => (received += c.length));
      res.writeHead(403, { 'content-type': 'application/xml', connection: 'close' });
      res.end(xml, () => setTimeout(() => req.socket.destroy(), 20));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    try {
      const path = join(t.work, 'refused-early.csv');
      await writeFile(path, 'x');
      await truncate(path, 64 * 1024 * 1024);
      const port = (server.address() as AddressInfo).port;
      await assert.rejects(
        putFile({ url: `http://127.0.0.1:${port}/k.csv?X-Amz-Signature=bad`, filePath: path, bytes: 64 * 1024 * 1024, displayName: 'refused-early.csv' }),
        (e: unknown) => {
          assert.ok(e instanceof LexerError, String(e));
          assert.equal(e.code, 'signature-mismatch', e.message);
          assert.equal(e.retryable, false);
          assert.match(e.message, /SignatureDoesNotMatch/);
          return true;
        },
      );
      assert.ok(received < 64 * 1024 * 1024, 'the rest of the body was not sent');
    } finally {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    }
  });

  test('a redirect is S3\'s answer, never followed: the file goes nowhere else', async () => {
    let elsewhere = 0;
    const other = createHttpServer((req, res) => {
      elsewhere += 1;
      req.resume();
      req.on('end', () => res.end());
    });
    await new Promise<void>((r) => other.listen(0, '127.0.0.1', () => r()));
    const otherPort = (other.address() as AddressInfo).port;
    const redirecting = createHttpServer((req, res) => {
      req.resume();
      req.on('end', () => res.writeHead(307, { location: `http://127.0.0.1:${otherPort}/stolen` }).end());
    });
    await new Promise<void>((r) => redirecting.listen(0, '127.0.0.1', () => r()));
    try {
      const path = await writeTestFile(t.work, 'redirected.csv', 'a,b\n1,2\n');
      const port = (redirecting.address() as AddressInfo).port;
      await assert.rejects(
        putFile({ url: `http://127.0.0.1:${port}/k.csv?X-Amz-Signature=s`, filePath: path, bytes: 8, displayName: 'redirected.csv' }),
        failsWith('upload-rejected', /redirected\.csv \(HTTP 307\)/),
      );
      assert.equal(elsewhere, 0);
    } finally {
      for (const s of [redirecting, other]) {
        s.closeAllConnections();
        await new Promise<void>((r) => s.close(() => r()));
      }
    }
  });
});
