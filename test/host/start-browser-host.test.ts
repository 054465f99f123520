// The browser host over real loopback HTTP: the key, Host and Origin checks, RPC to the same
// services, files streamed to staging, and server-sent events.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { startBrowserHost } from '../../main/host/start-browser-host.js';

interface Reply { status: number; headers: Record<string, string | string[] | undefined>; body: string }

/** A raw request, so tests can set Host and Origin as a hostile page or rebinding DNS would. */
function send(base: URL, o: { method?: string; path: string; headers?: Record<string, string>; body?: string | Readable }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: base.port, method: o.method ?? 'GET', path: o.path, headers: o.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    if (o.body instanceof Readable) o.body.pipe(req);
    else req.end(o.body);
  });
}

describe('browser host', () => {
  let dir: string;
  let host: { url: string; close(): Promise<void> };
  let base: URL;
  let key: string;
  const rpc = (channel: string, args: unknown[], headers: Record<string, string> = {}) =>
    send(base, { method: 'POST', path: `/rpc/${channel}`, headers: { 'content-type': 'application/json', 'x-lexer-key': key, ...headers }, body: JSON.stringify(args) });

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lexer-host-'));
    await mkdir(join(dir, 'renderer'));
    await writeFile(join(dir, 'renderer', 'index.html'), '<!doctype html><title>Lexer Uploader</title>');
    host = await startBrowserHost({ port: 0, configDir: join(dir, 'config'), apiUrl: 'http://127.0.0.1:9', rendererDir: join(dir, 'renderer') });
    base = new URL(host.url);
    key = base.searchParams.get('key') ?? '';
  });
  after(async () => {
    await host.close();
    await rm(dir, { recursive: true, force: true });
  });

  test('prints a loopback URL carrying a long random key', () => {
    assert.equal(base.hostname, '127.0.0.1');
    assert.ok(key.length >= 40);
  });

  test('serves the page with the strict CSP only at the keyed address, then to the page cookie', async () => {
    const r = await send(base, { path: `/?key=${encodeURIComponent(key)}` });
    assert.equal(r.status, 200);
    assert.match(r.body, /Lexer Uploader/);
    assert.match(String(r.headers['content-security-policy']), /default-src 'none'; script-src 'self'/);
    const setCookie = String(r.headers['set-cookie']);
    assert.match(setCookie, /HttpOnly; SameSite=Strict/);
    assert.ok(!setCookie.includes(key), 'the cookie (sent to every port on 127.0.0.1) never carries the API key');
    // The page's own files and a reload come back with the cookie instead of the key.
    const cookie = setCookie.split(';')[0] ?? '';
    assert.equal((await send(base, { path: '/', headers: { cookie } })).status, 200);
    assert.equal((await send(base, { path: '/', headers: { cookie: `${cookie}x` } })).status, 403);
    // The page cookie opens no API call.
    assert.equal((await send(base, { method: 'POST', path: '/rpc/settings:get', headers: { cookie }, body: '[]' })).status, 403);
  });

  test('refuses the page itself without the key', async () => {
    assert.equal((await send(base, { path: '/' })).status, 403);
    assert.equal((await send(base, { path: '/index.html' })).status, 403);
    assert.equal((await send(base, { path: `/?key=${key.slice(0, -1)}x` })).status, 403);
  });

  test('answers RPC calls that carry the key, with the services’ Result', async () => {
    const r = await rpc('settings:get', []);
    assert.equal(r.status, 200);
    assert.deepEqual(JSON.parse(r.body), { ok: true, value: { apiUrl: 'http://127.0.0.1:9', defaultDatasetId: '', concurrency: 2, useSandbox: false } });
    const bad = JSON.parse((await rpc('settings:update', [{ concurrency: 7 }])).body) as { ok: boolean; error: { code: string } };
    assert.equal(bad.error.code, 'usage');
  });

  test('refuses calls without the key, with a wrong key, from a foreign Origin or Host', async () => {
    const noKey = await send(base, { method: 'POST', path: '/rpc/settings:get', body: '[]' });
    assert.equal(noKey.status, 403);
    assert.equal((await rpc('settings:get', [], { 'x-lexer-key': `${key.slice(0, -1)}x` })).status, 403);
    assert.equal((await rpc('settings:get', [], { origin: 'https://evil.example.com' })).status, 403);
    assert.equal((await rpc('settings:get', [], { origin: `http://127.0.0.1:${Number(base.port) + 1}` })).status, 403);
    assert.equal((await rpc('settings:get', [], { host: `evil.example.com:${base.port}` })).status, 403, 'DNS rebinding');
    assert.equal((await send(base, { path: '/', headers: { host: 'evil.example.com' } })).status, 403);
    assert.equal((await rpc('settings:get', [], { origin: `http://localhost:${base.port}`, host: `localhost:${base.port}` })).status, 200);
    assert.equal((await send(base, { path: '/events' })).status, 403, 'the event stream needs the key too');
    assert.equal((await send(base, { method: 'POST', path: '/files?name=a.csv', body: 'a' })).status, 403);
  });

  test('streams a dropped file into staging under its own name', async () => {
    const chunk = Buffer.alloc(64 * 1024, 'a');
    const body = Readable.from((function* () { for (let i = 0; i < 48; i++) yield chunk; })());
    const r = await send(base, { method: 'POST', path: `/files?name=${encodeURIComponent('../My Customers (1).csv')}`, headers: { 'x-lexer-key': key }, body });
    const result = JSON.parse(r.body) as { ok: true; value: string };
    assert.equal(result.ok, true);
    assert.ok(result.value.startsWith(join(dir, 'config', 'staging')), result.value);
    assert.match(result.value, /[\\/]My Customers \(1\)\.csv$/);
    assert.equal((await stat(result.value)).size, 48 * chunk.length);
    const info = JSON.parse((await rpc('files:inspect', [result.value])).body) as { value: { name: string; size: number; nameCheck: { valid: boolean } } };
    assert.equal(info.value.name, 'My Customers (1).csv');
    assert.equal(info.value.nameCheck.valid, false);
  });

  test('refuses a file over 5 GiB before copying it', async () => {
    const r = await new Promise<Reply>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: base.port, method: 'POST', path: '/files?name=huge.ndjson', headers: { 'x-lexer-key': key, 'content-length': String(6 * 1024 ** 3) } }, (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text });
          req.destroy(); // the 6 GiB body is never sent
        });
      });
      req.on('error', reject);
      req.write('x');
    });
    assert.equal(r.status, 413);
    assert.equal((JSON.parse(r.body) as { error: { code: string } }).error.code, 'file-too-large');
  });

  test('delivers events over server-sent events', async () => {
    const path = join(dir, 'records.ndjson');
    await writeFile(path, `${JSON.stringify({ link: { email: 'jane@example.com' } })}\n`);
    const controller = new AbortController();
    const events = await fetch(new URL(`/events?key=${encodeURIComponent(key)}`, base), { signal: controller.signal });
    assert.equal(events.status, 200);
    assert.match(events.headers.get('content-type') ?? '', /text\/event-stream/);
    const reader = events.body!.getReader();
    await reader.read(); // ": connected"
    await rpc('jobs:validate', ['sse-job', path, 'customer_record']);
    let text = '';
    for (let i = 0; i < 20 && !text.includes('sse-job'); i++) text += new TextDecoder().decode((await reader.read()).value);
    controller.abort();
    assert.match(text, /event: jobs:progress\ndata: \{"jobId":"sse-job"/);
  });
});
