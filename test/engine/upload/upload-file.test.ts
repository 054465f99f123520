import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { appendFileSync, closeSync, openSync, writeSync } from 'node:fs';
import { mkdtemp, rm, truncate, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRateLimiter } from '../../../main/engine/api/rate-limiter.js';
import { LexerError } from '../../../main/engine/errors.js';
import { MAX_UPLOAD_BYTES } from '../../../main/engine/upload/preflight.js';
import type { UploadEvent } from '../../../main/engine/upload/upload-events.js';
import type { UploadFileOptions } from '../../../main/engine/upload/upload-file.js';
import { uploadFile } from '../../../main/engine/upload/upload-file.js';
import { startStandIn, type StandIn } from '../../helpers/api-stand-in.js';
import type { TestSandbox } from '../../helpers/sandbox.js';
import { sha256File, startTestSandbox, writeTestFile } from '../../helpers/sandbox.js';
import type { TcpResetProxy } from '../../helpers/tcp-reset-proxy.js';
import { startTcpResetProxy } from '../../helpers/tcp-reset-proxy.js';

const failsWith = (code: string, words: RegExp) => (e: unknown) => e instanceof LexerError && e.code === code && words.test(e.message);

describe('uploadFile against the sandbox', () => {
  let t: TestSandbox;
  before(async () => (t = await startTestSandbox()));
  after(async () => t.stop());
  const opts = (extra: Partial<UploadFileOptions> = {}): UploadFileOptions => ({
    apiUrl: t.sandbox.apiUrl,
    token: t.sandbox.token,
    retryBaseMs: 5,
    limiter: createRateLimiter({ intervalCap: 100 }),
    ...extra,
  });
  const stored = async (uploadId: string) => (await t.sandbox.storedFiles()).find((f) => f.key.startsWith(`${uploadId}/`));

  test('an NDJSON file with a destination lands byte for byte, with events in order', async () => {
    const lines = Array.from({ length: 2000 }, (_, i) => JSON.stringify({ link: { customer_id: `C${i}` }, email: `p${i}@example.com` }));
    const path = await writeTestFile(t.work, 'd1_customer_record_1700000000.ndjson', `${lines.join('\n')}\n`);
    const events: UploadEvent[] = [];
    let started: { bytes: number } | null = null;
    const r = await uploadFile(
      { filePath: path, filename: 'd1_customer_record_1700000000.ndjson', destination: { datasetId: 'd1', recordType: 'customer_record' } },
      opts({ onEvent: (e) => events.push(e), onStart: (i) => (started = i) }),
    );
    const file = await stored(r.uploadId);
    assert.ok(file, 'stored');
    assert.equal(file.key, `${r.uploadId}/d1_customer_record_1700000000.ndjson`);
    assert.equal(await sha256File(file.path), await sha256File(path));
    assert.deepEqual(started, { bytes: r.bytes });
    assert.deepEqual(events.slice(0, 2), [{ kind: 'checking-file' }, { kind: 'requesting-url', attempt: 1 }]);
    const last = events.at(-1);
    assert.ok(last?.kind === 'uploading' && last.progress.bytesSent === r.bytes && last.progress.totalBytes === r.bytes);
  });

  test('a CSV without a destination lands byte for byte, never with chunked encoding', async () => {
    const path = await writeTestFile(t.work, 'customers-20250101-v1.csv', randomBytes(3 * 1024 * 1024 + 17));
    const r = await uploadFile({ filePath: path, filename: 'customers-20250101-v1.csv' }, opts());
    const file = await stored(r.uploadId);
    assert.ok(file);
    assert.equal(await sha256File(file.path), await sha256File(path));
    const puts = t.sandbox.requestLog.filter((e) => e.method === 'PUT');
    assert.ok(puts.length > 0);
    assert.ok(puts.every((e) => e.transferEncoding === undefined), 'no PUT used Transfer-Encoding');
  });

  test('a rejected token: one request, nothing stored', async () => {
    const path = await writeTestFile(t.work, 'tok.csv', 'a\n1\n');
    const logBefore = t.sandbox.requestLog.length;
    const storedBefore = (await t.sandbox.storedFiles()).length;
    await assert.rejects(uploadFile({ filePath: path, filename: 'tok.csv' }, opts({ token: 'wrong-token' })), failsWith('token-rejected', /token/));
    assert.equal(t.sandbox.requestLog.length - logBefore, 1);
    assert.equal((await t.sandbox.storedFiles()).length, storedBefore);
  });

  test('a file over 5 GiB is refused before any request', async () => {
    const path = join(t.work, 'huge.ndjson');
    await writeFile(path, '');
    await truncate(path, MAX_UPLOAD_BYTES + 1);
    const logBefore = t.sandbox.requestLog.length;
    await assert.rejects(uploadFile({ filePath: path, filename: 'huge.ndjson' }, opts()), failsWith('file-too-large', /5,368,709,120 bytes/));
    assert.equal(t.sandbox.requestLog.length, logBefore);
  });

  test('an empty file is refused before any request', async () => {
    const path = await writeTestFile(t.work, 'empty.csv', '');
    const logBefore = t.sandbox.requestLog.length;
    await assert.rejects(uploadFile({ filePath: path, filename: 'empty.csv' }, opts()), failsWith('file-empty', /empty\.csv/));
    assert.equal(t.sandbox.requestLog.length, logBefore);
  });

  test('429 then two 503s on the API, then success', async () => {
    t.sandbox.faults.apiResponses.push({ status: 429, retryAfter: 0 }, { status: 503 }, { status: 503 });
    const path = await writeTestFile(t.work, 'retry.csv', 'a\n1\n');
    const events: UploadEvent[] = [];
    const r = await uploadFile({ filePath: path, filename: 'retry.csv' }, opts({ onEvent: (e) => events.push(e) }));
    assert.ok(await stored(r.uploadId));
    const retries = events.filter((e) => e.kind === 'retrying');
    assert.equal(retries.length, 3);
    assert.match(retries.map((e) => (e.kind === 'retrying' ? e.reason : '')).join(' '), /429.*503.*503/);
  });

  test('a link that is always expired: bounded tries, a message that says it expired, nothing stored', async () => {
    t.sandbox.faults.expiredLinks = true;
    const path = await writeTestFile(t.work, 'late.csv', 'a\n1\n');
    const before = t.sandbox.requestLog.length;
    const storedBefore = (await t.sandbox.storedFiles()).length;
    try {
      await assert.rejects(uploadFile({ filePath: path, filename: 'late.csv' }, opts({ maxAttempts: 3 })), failsWith('link-expired', /expired.*3 tries/));
    } finally {
      t.sandbox.faults.expiredLinks = false;
    }
    const log = t.sandbox.requestLog.slice(before);
    assert.equal(log.filter((e) => e.method === 'POST').length, 3);
    assert.deepEqual(log.filter((e) => e.method === 'PUT').map((e) => e.status), [403, 403, 403]);
    assert.equal((await t.sandbox.storedFiles()).length, storedBefore);
  });

  test('cancelling mid-upload ends with "cancelled" and stores nothing', async () => {
    const path = join(t.work, 'big.ndjson');
    await writeFile(path, 'x');
    await truncate(path, 256 * 1024 * 1024); // sparse: quick to make, still 256 MiB to send
    const storedBefore = (await t.sandbox.storedFiles()).length;
    const controller = new AbortController();
    let sentWhenCancelled = 0;
    const onEvent = (e: UploadEvent): void => {
      if (e.kind === 'uploading' && e.progress.bytesSent > 0 && !controller.signal.aborted) {
        sentWhenCancelled = e.progress.bytesSent;
        controller.abort();
      }
    };
    await assert.rejects(uploadFile({ filePath: path, filename: 'big.ndjson' }, opts({ signal: controller.signal, onEvent })), failsWith('cancelled', /cancelled/));
    assert.ok(sentWhenCancelled > 0 && sentWhenCancelled < 256 * 1024 * 1024);
    assert.equal((await t.sandbox.storedFiles()).length, storedBefore);
  });

  test('a file that changes before it is sent fails clearly and sends nothing', async () => {
    const path = await writeTestFile(t.work, 'moving.csv', 'a\n1\n');
    const before = t.sandbox.requestLog.length;
    // Another program appends a line between our check and the first request.
    const onStart = (): void => appendFileSync(path, '2\n');
    await assert.rejects(uploadFile({ filePath: path, filename: 'moving.csv' }, opts({ onStart })), failsWith('file-changed', /moving\.csv changed/));
    assert.equal(t.sandbox.requestLog.slice(before).filter((e) => e.method === 'PUT').length, 0);
  });

  test('a file overwritten during the PUT (same size) fails as changed and is never stored as a mix', async () => {
    const path = join(t.work, 'rewritten.ndjson');
    await writeFile(path, 'x');
    await truncate(path, 64 * 1024 * 1024); // sparse; the PUT is still far from its end at the first progress report
    const old = new Date('2020-01-01T00:00:00Z');
    await utimes(path, old, old); // so the write below surely changes the mtime, whatever the clock's granularity
    const storedBefore = (await t.sandbox.storedFiles()).length;
    const before = t.sandbox.requestLog.length;
    let rewritten = false;
    const onEvent = (e: UploadEvent): void => {
      if (e.kind !== 'uploading' || e.progress.bytesSent === 0 || rewritten) return;
      rewritten = true;
      // Another program rewrites the start of the file; its size does not change.
      const fd = openSync(path, 'r+');
      writeSync(fd, 'changed', 0);
      closeSync(fd);
    };
    await assert.rejects(uploadFile({ filePath: path, filename: 'rewritten.ndjson' }, opts({ onEvent })), failsWith('file-changed', /rewritten\.ndjson changed/));
    assert.ok(rewritten);
    assert.equal(t.sandbox.requestLog.slice(before).filter((e) => e.method === 'PUT').length, 1, 'not retried');
    assert.equal((await t.sandbox.storedFiles()).length, storedBefore);
  });
});

describe('uploadFile when the connection is reset mid-body', () => {
  let t: TestSandbox;
  let proxy: TcpResetProxy;
  before(async () => {
    // The proxy comes first: the sandbox signs its links for the proxy's Host.
    proxy = await startTcpResetProxy({ cutAfterBytes: 256 * 1024 });
    t = await startTestSandbox({ s3Origin: proxy.origin });
    proxy.targetPort = Number(new URL(t.sandbox.apiUrl).port);
  });
  after(async () => {
    await proxy.close();
    await t.stop();
  });

  test('a fresh URL and a new PUT from byte 0 deliver the file intact', async () => {
    const path = await writeTestFile(t.work, 'reset.csv', randomBytes(2 * 1024 * 1024));
    const events: UploadEvent[] = [];
    const r = await uploadFile(
      { filePath: path, filename: 'reset.csv' },
      { apiUrl: t.sandbox.apiUrl, token: t.sandbox.token, retryBaseMs: 5, onEvent: (e) => events.push(e) },
    );
    assert.equal(proxy.cuts, 1);
    const retry = events.find((e) => e.kind === 'retrying');
    assert.ok(retry?.kind === 'retrying' && /lost/.test(retry.reason) && /cannot resume/.test(retry.reason), JSON.stringify(retry));
    const files = await t.sandbox.storedFiles();
    assert.deepEqual(files.map((f) => f.key), [`${r.uploadId}/reset.csv`]);
    assert.equal(await sha256File(files[0]!.path), await sha256File(path));
    assert.equal(t.sandbox.requestLog.filter((e) => e.method === 'POST').length, 2);
  });
});

describe('uploadFile when the network stalls mid-body', () => {
  let t: TestSandbox;
  let proxy: TcpResetProxy;
  before(async () => {
    proxy = await startTcpResetProxy({ cutAfterBytes: 256 * 1024, mode: 'stall' });
    t = await startTestSandbox({ s3Origin: proxy.origin });
    proxy.targetPort = Number(new URL(t.sandbox.apiUrl).port);
  });
  after(async () => {
    await proxy.close();
    await t.stop();
  });

  test('a stall gets a fresh URL and a new PUT from byte 0, and the file lands intact', async () => {
    const path = await writeTestFile(t.work, 'stalled.csv', randomBytes(16 * 1024 * 1024));
    const events: UploadEvent[] = [];
    const r = await uploadFile(
      { filePath: path, filename: 'stalled.csv' },
      { apiUrl: t.sandbox.apiUrl, token: t.sandbox.token, retryBaseMs: 5, stallTimeoutMs: 1000, onEvent: (e) => events.push(e) },
    );
    assert.equal(proxy.cuts, 1);
    const retry = events.find((e) => e.kind === 'retrying');
    assert.ok(retry?.kind === 'retrying' && /no progress/.test(retry.reason) && /cannot resume/.test(retry.reason), JSON.stringify(retry));
    const files = await t.sandbox.storedFiles();
    assert.deepEqual(files.map((f) => f.key), [`${r.uploadId}/stalled.csv`]);
    assert.equal(await sha256File(files[0]!.path), await sha256File(path));
    assert.equal(t.sandbox.requestLog.filter((e) => e.method === 'POST').length, 2);
  });
});

describe('uploadFile when S3 answers 500 InternalError', () => {
  let s3: StandIn;
  let api: StandIn;
  let work = '';
  let puts = 0;
  before(async () => {
    work = await mkdtemp(join(tmpdir(), 'lexer-s3-500-'));
    // S3 fails the first PUT as it does now and then under load, then takes the second.
    s3 = await startStandIn((_req, res) => {
      puts += 1;
      if (puts === 1) {
        res.writeHead(500, { 'content-type': 'application/xml' })
          .end('<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>InternalError</Code><Message>We encountered an internal error. Please try again.</Message></Error>');
      } else {
        res.writeHead(200).end();
      }
    });
    let ids = 0;
    api = await startStandIn((_req, res) => {
      ids += 1;
      res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `u${ids}`, url: `${s3.url}/u${ids}/flaky.csv?X-Amz-Signature=sig${ids}` }));
    });
  });
  after(async () => {
    await api.close();
    await s3.close();
    await rm(work, { recursive: true, force: true });
  });

  test('the PUT is tried again with a fresh link, and the upload succeeds', async () => {
    const path = await writeTestFile(work, 'flaky.csv', 'a\n1\n');
    const events: UploadEvent[] = [];
    const r = await uploadFile(
      { filePath: path, filename: 'flaky.csv' },
      { apiUrl: api.url, token: 'token-0123456789', retryBaseMs: 5, limiter: createRateLimiter({ intervalCap: 100 }), onEvent: (e) => events.push(e) },
    );
    assert.equal(r.uploadId, 'u2', 'the second link was used');
    assert.deepEqual(s3.requests.map((q) => `${q.method} ${q.path.split('?')[0]}`), ['PUT /u1/flaky.csv', 'PUT /u2/flaky.csv']);
    const retry = events.find((e) => e.kind === 'retrying');
    assert.ok(retry?.kind === 'retrying' && /InternalError/.test(retry.reason), JSON.stringify(retry));
  });
});
