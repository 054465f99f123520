// The one upload sequence (main/engine/send/send-file.ts) against the real sandbox: gzip on the way,
// parts with one History line each, a failed part retried alone, the duplicate guard, and no
// temporary file left behind whichever way an upload ends.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import Papa from 'papaparse';
import { createRateLimiter } from '../../../main/engine/api/rate-limiter.js';
import { fingerprintFile } from '../../../main/engine/dedupe/fingerprint.js';
import { openHistory, type UploadHistory } from '../../../main/engine/history/upload-history.js';
import { sendFile } from '../../../main/engine/send/send-file.js';
import type { SendContext, SendEvent, SendOutcome, SendRequest } from '../../../main/engine/send/send-types.js';
import { takeFingerprint } from '../../../main/engine/send/taken-fingerprint.js';
import { createUploadQueue } from '../../../main/engine/upload/upload-queue.js';
import { startTestSandbox, xxh128File, type TestSandbox } from '../../helpers/sandbox.js';

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

function customers(count: number, seed = ''): Buffer {
  const lines = Array.from({ length: count }, (_, i) => JSON.stringify({ link: { customer_id: `C-${seed}${i}` }, email: `p${i}@example.com`, note: randomBytes(8).toString('hex') }));
  return Buffer.from(`${lines.join('\n')}\n`);
}

describe('sendFile', () => {
  let t: TestSandbox;
  let history: UploadHistory;
  let temp: string;
  let n = 0;
  before(async () => {
    t = await startTestSandbox();
    history = await openHistory(join(t.work, 'history.json'));
    temp = join(t.work, 'temp');
    await mkdir(temp);
  });
  after(async () => t.stop());

  const file = async (name: string, content: string | Buffer): Promise<string> => {
    const dir = join(t.work, `f${(n += 1)}`);
    await mkdir(dir);
    const path = join(dir, name);
    await writeFile(path, content);
    return path;
  };
  const send = (
    req: Partial<SendRequest> & Pick<SendRequest, 'path' | 'filename'>,
    o: { concurrency?: number; signal?: AbortSignal; onEvent?: (e: SendEvent) => void; apiUrl?: string; sandbox?: boolean } = {},
  ): Promise<SendOutcome> => {
    const ctx: SendContext = {
      apiUrl: o.apiUrl ?? t.sandbox.apiUrl, token: t.sandbox.token, limiter: createRateLimiter({ intervalCap: 1000 }),
      queue: createUploadQueue({ concurrency: o.concurrency ?? 2 }), history, sandbox: o.sandbox ?? true, ledgerDir: t.work, tempRoot: temp,
      audience: 'cli', signal: o.signal ?? new AbortController().signal, tuning: { retryBaseMs: 5, maxAttempts: 2 },
      onEvent: o.onEvent ?? (() => undefined),
    };
    return sendFile({ label: req.path, destination: null, validate: 'off', allowDuplicate: false, ...req }, ctx);
  };
  /** Stored objects whose name contains `text`, in name order (parts sort in part order). */
  const stored = async (text: string) => (await t.sandbox.storedFiles())
    .filter((f) => f.key.includes(text))
    .sort((a, b) => (a.key.split('/')[1] ?? '').localeCompare(b.key.split('/')[1] ?? ''));
  const tempLeft = async (): Promise<string[]> => readdir(temp);

  test('NDJSON is gzipped on the way: the name gets .gz, the object gunzips to the file, History keeps its content hash', async () => {
    const source = customers(500);
    const path = await file('people.ndjson', source);
    const events: SendEvent['kind'][] = [];
    const r = await send({ path, filename: 'people-20261129-v1.ndjson' }, { onEvent: (e) => events.push(e.kind) });
    assert.equal(r.kind, 'success', JSON.stringify(r));
    assert.ok(r.kind === 'success' && r.compressed && r.bytes < r.sourceBytes && r.filename === 'people-20261129-v1.ndjson.gz');
    assert.ok(events.includes('compressing'), events.join());
    const [object] = await stored('people-20261129-v1.ndjson.gz');
    assert.ok(object);
    assert.equal(sha256(gunzipSync(await readFile(object.path))), sha256(source));
    const entry = history.list().find((e) => e.filename === 'people-20261129-v1.ndjson.gz');
    assert.equal(entry?.status, 'Success');
    assert.deepEqual(entry?.contentHash, await xxh128File(path), 'the source\'s own XXH3-128, from the read that compressed it');
    assert.equal(entry?.sourceSha256, undefined, 'no sha256 is taken any more');
    assert.equal(entry?.compressed, true);
    assert.deepEqual(await tempLeft(), [], 'the compressed copy is gone');
  });

  test('a file sent as it is is hashed while it is sent (no second read) and lands byte for byte', async () => {
    const source = Buffer.from('id,amount\n1,10\n2,20\n');
    const path = await file('plain.csv', source);
    const r = await send({ path, filename: 'plain-20261129-v1.csv' });
    assert.ok(r.kind === 'success' && !r.compressed);
    assert.deepEqual(r.contentHash, await xxh128File(path));
    const [object] = await stored('plain-20261129-v1.csv');
    assert.deepEqual(await readFile(object!.path), source);
    assert.deepEqual(history.list().find((e) => e.filename === 'plain-20261129-v1.csv')?.contentHash, await xxh128File(path));
  });

  test('the duplicate guard and Retry go by connection: a copy tried on the sandbox still goes to the API, and parts sent there are sent again', async () => {
    const source = customers(3000, 'conn');
    const path = await file('tried.ndjson', source);
    const name = 'tried-20261129-v1.ndjson';
    // The API below is this same server taken for a real one (sandbox: false): what counts is the connection, not the port.
    const api = { sandbox: false, apiUrl: `${t.sandbox.apiUrl}/` };
    assert.equal((await send({ path, filename: name })).kind, 'success', 'tried on the sandbox first');
    const toApi = await send({ path, filename: name }, api);
    assert.equal(toApi.kind, 'success', 'not held back as "already sent": the earlier copy went to the sandbox');
    const entry = history.list().find((e) => e.status === 'Success' && e.sandbox === false && e.filename === `${name}.gz`);
    assert.equal(entry?.apiUrl, t.sandbox.apiUrl, 'History names the API the upload went through');
    const dup = await send({ path, filename: name }, api);
    assert.match(dup.kind === 'duplicate' ? dup.error.message : dup.kind, new RegExp(`^This file was already sent to ${t.sandbox.apiUrl.replace(/[.]/g, '\\.')} on `));

    const parts = customers(6000, 'conn-parts');
    const big = await file('parts.ndjson', parts);
    t.sandbox.faults.refuseUploads.push({ filenameIncludes: 'conn-part02of', status: 400 });
    assert.equal((await send({ path: big, filename: 'conn-20261129-v1.ndjson', partBytes: 30_000 }, { concurrency: 1 })).kind, 'failed');
    const events: SendEvent[] = [];
    assert.equal((await send({ path: big, filename: 'conn-20261129-v1.ndjson', partBytes: 30_000 }, { ...api, onEvent: (e) => events.push(e) })).kind, 'success');
    const plan = events.find((e) => e.kind === 'parts-planned');
    assert.deepEqual(plan?.kind === 'parts-planned' && plan.earlier, [], 'the part the sandbox took is not on the API: every part is sent');
  });

  test('parts: a refused part fails alone, the rest wait; Retry sends only the parts not sent, and every record lands once', async () => {
    const source = customers(6000);
    const path = await file('big.ndjson', source);
    const name = 'big-20261129-v1.ndjson';
    // Lexer refuses the second part's upload once; the first is sent, the others are not started.
    t.sandbox.faults.refuseUploads.push({ filenameIncludes: 'big-part02of', status: 400 });
    const planned: number[] = [];
    const first = await send({ path, filename: name, partBytes: 30_000 }, { concurrency: 1, onEvent: (e) => void (e.kind === 'parts-planned' && planned.push(e.parts.length)) });
    assert.equal(first.kind, 'failed', JSON.stringify(first));
    const count = planned[0] ?? 0;
    assert.ok(count >= 3, `${count} parts`);
    assert.ok(first.kind === 'failed' && first.parts);
    assert.deepEqual(first.parts.map((p) => p.status), ['Success', 'Failed', ...Array<string>(count - 2).fill('Cancelled')]);
    assert.match(first.error.message, /^Part 2 of \d+ \(big-part02of\d+-20261129-v1\.ndjson\.gz\) was not sent/);
    assert.match(first.error.hint ?? '', /Retry sends only the parts not sent yet/);
    const failed = history.list().find((e) => e.filename === `${name}.gz` && e.status === 'Failed');
    assert.deepEqual(failed?.parts?.map((p) => p.status), ['Success', 'Failed', ...Array<string>(count - 2).fill('Cancelled')], 'History: one line per part');
    assert.ok(failed?.parts?.[0]?.uploadId);
    assert.deepEqual(await tempLeft(), [], 'the parts are gone after a failure');
    const putsOfPart1 = (): number => t.sandbox.requestLog.filter((l) => l.method === 'PUT' && l.path.includes('big-part01of')).length;
    assert.equal(putsOfPart1(), 1);

    const events: SendEvent[] = [];
    const again = await send({ path, filename: name, partBytes: 30_000 }, { onEvent: (e) => events.push(e) });
    assert.equal(again.kind, 'success', JSON.stringify(again));
    assert.equal(putsOfPart1(), 1, 'the part already sent is not sent again');
    const plan = events.find((e) => e.kind === 'parts-planned');
    assert.ok(plan?.kind === 'parts-planned' && plan.earlier.length === 1 && plan.earlier[0]?.index === 1);
    const objects = await stored('big-part');
    assert.equal(objects.length, count, 'each part stored once');
    const content = Buffer.concat(await Promise.all(objects.map(async (o) => gunzipSync(await readFile(o.path)))));
    assert.equal(sha256(content), sha256(source), 'every record exactly once, in order');
    const done = history.list().find((e) => e.filename === `${name}.gz` && e.status === 'Success');
    assert.equal(done?.parts?.length, count);
    assert.ok(done?.parts?.every((p) => p.status === 'Success' && p.uploadId), 'every part with its upload id');
    assert.equal(done?.parts?.[0]?.uploadId, failed?.parts?.[0]?.uploadId, 'the first part keeps the id it was sent under');
    assert.deepEqual(await tempLeft(), []);
  });

  test('CSV parts each start with the header, and a quoted cell with line breaks is never cut', async () => {
    const rows = Array.from({ length: 800 }, (_, i) => [`C-${i}`, i % 5 === 0 ? `line one ${i}\nline two, "quoted"\nline three` : `plain ${i} ${randomBytes(4).toString('hex')}`]);
    const csv = Papa.unparse({ fields: ['id', 'note'], data: rows }, { newline: '\n' }) + '\n';
    const path = await file('notes.csv', csv);
    const r = await send({ path, filename: 'notes-20261129-v1.csv', partBytes: 8_000 });
    assert.ok(r.kind === 'success' && r.parts.length >= 3 && !r.compressed, JSON.stringify(r));
    const parts = await stored('notes-part');
    const parsed = await Promise.all(parts.map(async (p) => Papa.parse<string[]>((await readFile(p.path, 'utf8')).trimEnd(), { newline: '\n' }).data));
    for (const p of parsed) assert.deepEqual(p[0], ['id', 'note'], 'every part starts with the header');
    assert.deepEqual(parsed.flatMap((p) => p.slice(1)), rows, 'the rows, each whole, once, in order');
  });

  test('the duplicate guard: same content under another name is caught, one byte changed is not, allowDuplicate sends', async () => {
    const source = customers(300, 'dup');
    const a = await file('export-a.ndjson', source);
    assert.equal((await send({ path: a, filename: 'export-20261126-v1.ndjson' })).kind, 'success');
    const storedBefore = (await t.sandbox.storedFiles()).length;
    const b = await file('renamed.ndjson', source);
    const dup = await send({ path: b, filename: 'renamed-20261129-v1.ndjson' });
    assert.equal(dup.kind, 'duplicate');
    assert.ok(dup.kind === 'duplicate' && dup.error.code === 'duplicate');
    assert.match(dup.kind === 'duplicate' ? dup.error.message : '', /^This file was already sent to the sandbox on this computer \(not Lexer\) on \d+ \w+ \d{4} at \d\d:\d\d as export-20261126-v1\.ndjson\.gz \(upload id \d+\)\.$/);
    assert.equal(history.list().filter((e) => e.filename === 'renamed-20261129-v1.ndjson.gz').length, 0, 'a refused duplicate adds nothing to History');
    const elsewhere = await send({ path: b, filename: 'renamed-20261129-v1.ndjson', destination: { datasetId: 'ds_other', recordType: 'customer_record' } });
    assert.equal(elsewhere.kind, 'success', 'the same content to another destination is not a duplicate');
    const changed = Buffer.from(source);
    changed[Math.floor(changed.length / 2)] = 0x20; // one byte in the middle: same fingerprint, other content
    const c = await file('changed.ndjson', changed);
    assert.equal((await send({ path: c, filename: 'changed-20261129-v1.ndjson' })).kind, 'success');
    assert.equal((await send({ path: b, filename: 'again-20261129-v1.ndjson', allowDuplicate: true })).kind, 'success');
    assert.equal((await t.sandbox.storedFiles()).length, storedBefore + 3);
  });

  test('a fingerprint its caller took is used while the file is unchanged, and taken again once it changed', async () => {
    const path = await file('feed.ndjson', customers(50, 'fp'));
    const taken = await takeFingerprint(path);
    const kept = await send({ path, filename: 'feed-20261129-v1.ndjson', fingerprint: { ...taken, value: 'fp1:as-taken' } });
    assert.equal(kept.kind, 'success', JSON.stringify(kept));
    assert.equal(history.list().find((e) => e.filename === 'feed-20261129-v1.ndjson.gz')?.fingerprint, 'fp1:as-taken', 'the file was not read again for it');
    await writeFile(path, customers(60, 'fp2'));
    const changed = await send({ path, filename: 'feed-20261129-v2.ndjson', fingerprint: { ...taken, value: 'fp1:as-taken' } });
    assert.equal(changed.kind, 'success', JSON.stringify(changed));
    assert.equal(history.list().find((e) => e.filename === 'feed-20261129-v2.ndjson.gz')?.fingerprint, await fingerprintFile(path));
  });

  test('cancelled while it waits for its link: Cancelled, and the compressed copy is gone', async () => {
    // The first 429 meets the link asked for while compressing (which gives up at once), the second the upload's own ask.
    t.sandbox.faults.apiResponses.push({ status: 429, retryAfter: 60 }, { status: 429, retryAfter: 60 });
    const path = await file('wait.ndjson', customers(200, 'wait'));
    const stop = new AbortController();
    let sawTemp = false;
    const r = await send({ path, filename: 'wait-20261129-v1.ndjson' }, {
      signal: stop.signal,
      onEvent: (e) => {
        if (e.kind !== 'retrying') return;
        void tempLeft().then((left) => {
          sawTemp = left.length > 0;
          stop.abort();
        });
      },
    });
    t.sandbox.faults.apiResponses.length = 0;
    assert.equal(r.kind, 'cancelled');
    assert.ok(sawTemp, 'a compressed copy existed while it waited');
    assert.deepEqual(await tempLeft(), [], 'and is gone after the cancel');
    assert.equal(history.list().find((e) => e.filename === 'wait-20261129-v1.ndjson.gz')?.status, 'Cancelled');
  });

  test('a compressed file\'s link is asked for while it compresses; progress still reads compressing, started, uploading, sent', async () => {
    const path = await file('ahead.ndjson', customers(120_000, 'ahead'));
    const events: Array<{ kind: SendEvent['kind']; at: number }> = [];
    const logged = t.sandbox.requestLog.length;
    const r = await send({ path, filename: 'ahead-20261129-v1.ndjson' }, { onEvent: (e) => events.push({ kind: e.kind, at: Date.now() }) });
    assert.equal(r.kind, 'success', JSON.stringify(r));
    const posts = t.sandbox.requestLog.slice(logged).filter((l) => l.method === 'POST');
    assert.equal(posts.length, 1, 'one API call');
    const started = events.find((e) => e.kind === 'started');
    assert.ok(started && (posts[0]?.at ?? Infinity) <= started.at, 'the API call arrived before compressing ended');
    const kinds = [...new Set(events.map((e) => e.kind))];
    assert.deepEqual(kinds.filter((k) => ['compressing', 'started', 'requesting-url', 'uploading', 'part-done'].includes(k)), ['compressing', 'started', 'requesting-url', 'uploading', 'part-done']);
    assert.deepEqual(gunzipSync(await readFile((await stored('ahead-20261129-v1.ndjson.gz'))[0]!.path)), await readFile(path));
  });

  test('a link asked for ahead that expired before the PUT: the send retries with a fresh link and succeeds', async () => {
    const path = await file('expired.ndjson', customers(2000, 'expired'));
    t.sandbox.faults.expiredLinks = true;
    // Links stay expired until the first one (the one asked for ahead) has been issued.
    const logged = t.sandbox.requestLog.length;
    const watch = setInterval(() => {
      if (t.sandbox.requestLog.slice(logged).some((l) => l.method === 'POST')) t.sandbox.faults.expiredLinks = false;
    }, 1);
    const events: SendEvent['kind'][] = [];
    const r = await send({ path, filename: 'expired-20261129-v1.ndjson' }, { onEvent: (e) => events.push(e.kind) }).finally(() => {
      clearInterval(watch);
      t.sandbox.faults.expiredLinks = false;
    });
    assert.equal(r.kind, 'success', JSON.stringify(r));
    assert.ok(events.includes('retrying'), events.join());
    assert.equal(t.sandbox.requestLog.slice(logged).filter((l) => l.method === 'POST').length, 2, 'a fresh link for the second try');
    assert.equal((await stored('expired-20261129-v1.ndjson.gz')).length, 1);
  });

  test('cancelled while it compresses (its link asked for ahead): Cancelled, nothing stored, no copy left', async () => {
    const path = await file('stop.ndjson', customers(120_000, 'stop'));
    const stop = new AbortController();
    const r = await send({ path, filename: 'stop-20261129-v1.ndjson' }, { signal: stop.signal, onEvent: (e) => e.kind === 'compressing' && stop.abort() });
    assert.equal(r.kind, 'cancelled', JSON.stringify(r));
    assert.deepEqual(await stored('stop-20261129-v1'), []);
    // The outcome comes as soon as the cancel does; the compressing stops and cleans up just after.
    for (let waited = 0; (await tempLeft()).length > 0 && waited < 10_000; waited += 50) await new Promise((done) => setTimeout(done, 50));
    assert.deepEqual(await tempLeft(), [], 'no compressed copy left');
    assert.equal(history.list().find((e) => e.filename === 'stop-20261129-v1.ndjson.gz')?.status, 'Cancelled');
  });
});
