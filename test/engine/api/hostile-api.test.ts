// A hostile (or wrong) API server, for real on loopback: a 300 MB reply is cut at 1 MiB and said
// to be too large (not buffered, not retried, not a vague network error), and a server's escape
// codes, carriage returns and bidirectional controls never reach a message.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkToken, requestUploadUrl } from '../../../main/engine/api/api-client.js';
import { createRateLimiter } from '../../../main/engine/api/rate-limiter.js';
import { LexerError } from '../../../main/engine/errors.js';
import { putFile } from '../../../main/engine/upload/put-file.js';
import { HOSTILE_TEXT, UNSAFE } from '../../helpers/hostile-text.js';


interface Server {
  url: string;
  requests: number;
  /** Bytes the server got to write before the client went away. */
  written: number;
  close(): Promise<void>;
}

async function serve(answer: (req: IncomingMessage, res: ServerResponse, s: Server) => void): Promise<Server> {
  const s: Server = { url: '', requests: 0, written: 0, close: async () => undefined };
  const server = createServer((req, res) => {
    s.requests += 1;
    req.resume();
    req.on('end', () => answer(req, res, s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  s.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  s.close = async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return s;
}

/** Streams `total` bytes of JSON-ish filler as fast as the client reads them, counting what went out. */
function flood(res: ServerResponse, s: Server, total: number, withLength: boolean): void {
  res.writeHead(201, { 'content-type': 'application/json', ...(withLength ? { 'content-length': String(total) } : {}) });
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  const more = (): void => {
    while (s.written < total && !res.destroyed) {
      s.written += chunk.length;
      if (!res.write(chunk)) return void res.once('drain', more);
    }
    if (!res.destroyed) res.end();
  };
  res.on('error', () => undefined);
  more();
}

const options = (apiUrl: string) => ({ apiUrl, token: 'tok-0123456789abcdef', retryBaseMs: 5, maxAttempts: 3, limiter: createRateLimiter({ intervalCap: 100 }) });
const MB = 1024 * 1024;

describe('a hostile API server on loopback', () => {
  const servers: Server[] = [];
  after(async () => Promise.all(servers.map((s) => s.close())));
  const start = async (answer: Parameters<typeof serve>[0]) => {
    const s = await serve(answer);
    servers.push(s);
    return s;
  };

  for (const withLength of [true, false]) {
    test(`a 300 MB reply ${withLength ? 'with' : 'without'} Content-Length is cut at 1 MiB, said to be too large, and not tried again`, async () => {
      const s = await start((_req, res, self) => flood(res, self, 300 * MB, withLength));
      const rss = process.memoryUsage().rss;
      await assert.rejects(requestUploadUrl({ ...options(s.url), filename: 'a.csv' }), (e: unknown) => {
        assert.ok(e instanceof LexerError, String(e));
        assert.equal(e.code, 'reply-too-large', e.message);
        assert.equal(e.message, `The Lexer API at ${s.url} sent a reply larger than 1024 KiB; it was not read further.`);
        assert.equal(e.retryable, false);
        return true;
      });
      assert.equal(s.requests, 1, 'one request: a second gets the same reply');
      // What the server got out before the connection closed: the cut point plus the sockets' buffers.
      assert.ok(s.written < 32 * MB, `the server wrote ${Math.round(s.written / MB)} MB`);
      assert.ok(process.memoryUsage().rss - rss < 200 * MB, 'memory did not grow with the reply');
    });
  }

  test('the token check is cut at 1 MiB too', async () => {
    const s = await start((_req, res, self) => flood(res, self, 50 * MB, true));
    const r = await checkToken({ apiUrl: s.url, token: 'tok-0123456789abcdef' });
    assert.deepEqual(r, { valid: false, message: `The Lexer API at ${s.url} sent a reply larger than 1024 KiB; it was not read further. Check the API URL (the default is https://api.lexer.io): Lexer's replies are a few hundred bytes.` });
  });

  test('escape codes, carriage returns and bidirectional controls in an error reply never reach the message', async () => {
    const s = await start((_req, res) => res.writeHead(422, { 'content-type': 'application/json' }).end(JSON.stringify({ error: HOSTILE_TEXT })));
    await assert.rejects(requestUploadUrl({ ...options(s.url), filename: 'a.csv' }), (e: unknown) => {
      assert.ok(e instanceof LexerError && e.code === 'request-refused', String(e));
      assert.doesNotMatch(e.describe(), UNSAFE);
      assert.match(e.message, /\[2J\[31mdataset forged OKtxt\.exe1m closed/, 'the words stay, the controls go');
      return true;
    });
  });

  test('an upload id and a Retry-After holding escape codes come back plain', async () => {
    let calls = 0;
    const s = await start((_req, res) => {
      calls += 1;
      if (calls === 1) return res.writeHead(429, { 'retry-after': '\u009b2J\u0085 99999' }).end('{}');
      res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `\u001b]0;${HOSTILE_TEXT}\u0007`, url: 'http://127.0.0.1:9/upload' }));
    });
    const err = await requestUploadUrl({ ...options(s.url), maxAttempts: 1, filename: 'a.csv' }).catch((e: unknown) => e);
    assert.ok(err instanceof LexerError && err.code === 'rate-limited', String(err));
    assert.doesNotMatch(err.message, UNSAFE);
    assert.match(err.message, /\(Retry-After: 2J 99999\)/);
    const r = await requestUploadUrl({ ...options(s.url), filename: 'a.csv' });
    assert.doesNotMatch(r.id, UNSAFE);
    assert.match(r.id, /dataset forged OK/);
  });

  test("S3's refusal with escape codes in its XML comes back plain", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hostile-s3-'));
    try {
      const file = join(dir, 'a.csv');
      await writeFile(file, 'id\n1\n');
      const s = await start((_req, res) => res.writeHead(403, { 'content-type': 'application/xml' })
        .end(`<?xml version="1.0"?><Error><Code>Access\u001b[2JDenied</Code><Message>${HOSTILE_TEXT.replace('\u0007', '')}</Message></Error>`));
      await assert.rejects(putFile({ url: `${s.url}/bucket/a.csv`, filePath: file, bytes: 5, displayName: 'a.csv' }), (e: unknown) => {
        assert.ok(e instanceof LexerError && e.code === 'upload-rejected', String(e));
        assert.doesNotMatch(e.describe(), UNSAFE);
        assert.match(e.message, /Access\[2JDenied: \[2J\[31mdataset forged OK/);
        return true;
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
