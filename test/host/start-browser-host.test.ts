// The browser host over real loopback HTTP: the key, Host and Origin checks, RPC to the same
// services, files streamed to staging, and server-sent events.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { startBrowserHost, type BrowserHost } from '../../main/host/start-browser-host.js';
import { rawHttp } from '../helpers/raw-http.js';

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

/** Trades the one-time code of a host's address for its session key, as the page does. */
async function exchange(base: URL, code: string): Promise<Reply> {
  return send(base, { method: 'POST', path: '/session', headers: { 'x-lexer-code': code } });
}

describe('browser host', () => {
  let dir: string;
  let host: BrowserHost;
  let base: URL;
  let code: string;
  let key: string;
  let cookie: string;
  const rpc = (channel: string, args: unknown[], headers: Record<string, string> = {}) =>
    send(base, { method: 'POST', path: `/rpc/${channel}`, headers: { 'content-type': 'application/json', 'x-lexer-key': key, ...headers }, body: JSON.stringify(args) });

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lexer-host-'));
    await mkdir(join(dir, 'renderer'));
    await writeFile(join(dir, 'renderer', 'index.html'), '<!doctype html><title>Lexer Uploader</title>');
    await writeFile(join(dir, 'outside.txt'), 'not part of the app');
    await symlink(join(dir, 'outside.txt'), join(dir, 'renderer', 'linked.txt'));
    host = await startBrowserHost({ port: 0, configDir: join(dir, 'config'), apiUrl: 'http://127.0.0.1:9', rendererDir: join(dir, 'renderer') });
    base = new URL(host.url);
    code = base.searchParams.get('code') ?? '';
    const page = await send(base, { path: `/?code=${encodeURIComponent(code)}` });
    cookie = String(page.headers['set-cookie']).split(';')[0] ?? '';
    key = (JSON.parse((await exchange(base, code)).body) as { value: { key: string } }).value.key;
  });
  after(async () => {
    await host.close();
    await rm(dir, { recursive: true, force: true });
  });

  test('prints a loopback address carrying a one-time code, never the session key', () => {
    assert.equal(base.hostname, '127.0.0.1');
    assert.equal(host.origin, `http://127.0.0.1:${base.port}`);
    assert.ok(code.length >= 40);
    assert.ok(key.length >= 40);
    assert.ok(!host.url.includes(key), 'the key is never in an address the browser keeps in its history');
  });

  test('the code is exchanged once: a second use of the address or of the code is refused, with a plain reason', async () => {
    const again = await exchange(base, code);
    assert.equal(again.status, 403);
    assert.match(again.body, /already used/);
    assert.ok(!again.body.includes(key));
    // Opening the printed address again (a copy from the history) is refused, cookie or not.
    for (const headers of [{}, { cookie }] as Array<Record<string, string>>) {
      const page = await send(base, { path: `/?code=${encodeURIComponent(code)}`, headers });
      assert.equal(page.status, 403);
      assert.match(page.body, /already used/);
      assert.match(String(page.headers['content-type']), /text\/plain/);
    }
    assert.equal((await exchange(base, `${code.slice(0, -1)}x`)).status, 403);
    assert.equal((await send(base, { path: '/session', headers: { 'x-lexer-code': code } })).status, 405, 'only POST');
  });

  test('a fresh host gives a fresh code that opens its page before the exchange and its key after', async () => {
    const other = await startBrowserHost({ port: 0, configDir: join(dir, 'config-2'), rendererDir: join(dir, 'renderer') });
    try {
      const u = new URL(other.url);
      const c = u.searchParams.get('code') ?? '';
      const page = await send(u, { path: `/?code=${encodeURIComponent(c)}` });
      assert.equal(page.status, 200);
      assert.match(String(page.headers['set-cookie']), /HttpOnly; SameSite=Strict/);
      const granted = JSON.parse((await exchange(u, c)).body) as { ok: boolean; value: { key: string } };
      assert.equal(granted.ok, true);
      assert.notEqual(granted.value.key, key, 'each host has its own key');
      const r = await send(u, { method: 'POST', path: '/rpc/settings:get', headers: { 'x-lexer-key': granted.value.key }, body: '[]' });
      assert.equal(r.status, 200);
    } finally {
      await other.close();
    }
  });

  test('serves the page with the strict CSP to the page cookie; the cookie holds neither key nor code', async () => {
    const r = await send(base, { path: '/', headers: { cookie } });
    assert.equal(r.status, 200);
    assert.match(r.body, /Lexer Uploader/);
    assert.match(String(r.headers['content-security-policy']), /default-src 'none'; script-src 'self'/);
    assert.ok(!cookie.includes(key) && !cookie.includes(code), 'the cookie (sent to every port on 127.0.0.1) carries only a page secret');
    assert.equal((await send(base, { path: '/', headers: { cookie: `${cookie}x` } })).status, 403);
    // The page cookie opens no API call.
    assert.equal((await send(base, { method: 'POST', path: '/rpc/settings:get', headers: { cookie }, body: '[]' })).status, 403);
  });

  test('refuses the page itself without the code or the cookie, and the session key does not open it', async () => {
    assert.equal((await send(base, { path: '/' })).status, 403);
    assert.equal((await send(base, { path: '/index.html' })).status, 403);
    assert.equal((await send(base, { path: `/?key=${key}` })).status, 403);
    assert.equal((await send(base, { path: `/?code=${code.slice(0, -1)}x` })).status, 403);
  });

  test('does not follow a symlink out of the renderer folder', async () => {
    const r = await send(base, { path: '/linked.txt', headers: { cookie } });
    assert.equal(r.status, 404);
    assert.ok(!r.body.includes('not part of the app'));
  });

  test('a malformed percent-encoded channel is a 400, not a 500', async () => {
    const r = await send(base, { method: 'POST', path: '/rpc/%E0%A4%A', headers: { 'x-lexer-key': key }, body: '[]' });
    assert.equal(r.status, 400);
    assert.equal((JSON.parse(r.body) as { error: { code: string } }).error.code, 'usage');
  });

  test('answers RPC calls that carry the key, with the services’ Result', async () => {
    const r = await rpc('settings:get', []);
    assert.equal(r.status, 200);
    assert.deepEqual(JSON.parse(r.body), { ok: true, value: { apiUrl: 'http://127.0.0.1:9', defaultDatasetId: '', concurrency: 2, useSandbox: false, gzip: true, gzipLevel: 6, partSize: '' } });
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

  test('refuses a file larger than the disk can hold before copying it, saying how much is free', async () => {
    // Files over 5 GiB are taken (they go in parts); 1 PiB is more than this disk has.
    const r = await new Promise<Reply>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: base.port, method: 'POST', path: '/files?name=huge.ndjson', headers: { 'x-lexer-key': key, 'content-length': String(2 ** 50) } }, (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text });
          req.destroy(); // the body is never sent
        });
      });
      req.on('error', reject);
      req.write('x');
    });
    assert.equal(r.status, 507);
    const error = (JSON.parse(r.body) as { error: { code: string; message: string } }).error;
    assert.equal(error.code, 'disk-full');
    assert.match(error.message, /not enough free space to copy huge\.ndjson \(1,125,899,906,842,624 bytes\) to the app: [\d.,]+ GB is free/);
  });

  /** Stages a file through `POST /files`, as a drop in the page does; returns the staged path. */
  const stage = async (name: string, text: string): Promise<string> => {
    const r = await send(base, { method: 'POST', path: `/files?name=${encodeURIComponent(name)}`, headers: { 'x-lexer-key': key }, body: text });
    return (JSON.parse(r.body) as { ok: true; value: string }).value;
  };

  test('delivers events over server-sent events', async () => {
    const path = await stage('records.ndjson', `${JSON.stringify({ link: { email: 'jane@example.com' } })}\n`);
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

  test('path arguments may name only files the user gave the page: staged copies and conversion outputs', async () => {
    const outside = join(dir, 'not-given.csv');
    await writeFile(outside, 'email\nsecret@example.com\n');
    const refusedWith = async (channel: string, args: unknown[]) => {
      const r = JSON.parse((await rpc(channel, args)).body) as { ok: boolean; error?: { code: string; message: string } };
      assert.equal(r.ok, false, channel);
      assert.equal(r.error?.code, 'file-unreadable', channel);
      assert.match(r.error?.message ?? '', /not-given\.csv was not added in this window/, channel);
    };
    await refusedWith('files:inspect', [outside]);
    await refusedWith('preview:csv', [outside, 10, null, null]);
    await refusedWith('jobs:validate', ['v-out', outside, 'customer_record']);
    await refusedWith('uploads:start', [{ id: 'u-out', path: outside, filename: 'a-20260101-v1.csv', destination: null, validateFirst: false }]);
    const mapping = { columns: { email: 'email' }, unknownColumns: 'drop', inferCustomTypes: false };
    await refusedWith('jobs:convert', ['c-out', { path: outside, recordType: 'customer_record', mapping, gzip: false, stopOnFirstInvalid: false }]);
    // A way out of the staging folder by name, or through a symlink placed in it, is refused too.
    await refusedWith('files:inspect', [join(dir, 'config', 'staging', '..', '..', 'not-given.csv')]);
    await mkdir(join(dir, 'config', 'staging', 'planted'), { recursive: true });
    await symlink(outside, join(dir, 'config', 'staging', 'planted', 'not-given.csv'));
    await refusedWith('files:inspect', [join(dir, 'config', 'staging', 'planted', 'not-given.csv')]);

    const staged = await stage('given.csv', 'link.email,first_name\njane@example.com,Jane\n');
    assert.equal((JSON.parse((await rpc('preview:csv', [staged, 10, null, null])).body) as { ok: boolean }).ok, true);
    const converted = JSON.parse((await rpc('jobs:convert', ['c-in', { path: staged, recordType: 'customer_record', mapping: { columns: { 'link.email': 'link.email', first_name: 'first_name' }, unknownColumns: 'drop', inferCustomTypes: false }, gzip: false, stopOnFirstInvalid: false }])).body) as { ok: boolean; value: { output: string } };
    assert.equal(converted.ok, true);
    const validated = JSON.parse((await rpc('jobs:validate', ['v-in', converted.value.output, 'customer_record'])).body) as { ok: boolean; value: { valid: number } };
    assert.deepEqual([validated.ok, validated.value.valid], [true, 1], 'a conversion output is the user\'s too');
  });

  test('staged copies are private (folder 0700, file 0600) and their names lose bidirectional controls', async () => {
    const staged = await stage('invoice\u202Efdp.csv', 'a\n1\n');
    assert.match(staged, /[\\/]invoicefdp\.csv$/);
    assert.equal((await stat(staged)).mode & 0o777, 0o600);
    assert.equal((await stat(join(staged, '..'))).mode & 0o777, 0o700);
    assert.equal((await stat(join(dir, 'config', 'staging'))).mode & 0o777, 0o700);
    assert.equal((await stat(join(dir, 'config'))).mode & 0o777, 0o700);
    const info = JSON.parse((await rpc('files:inspect', [staged])).body) as { value: { name: string } };
    assert.equal(info.value.name, 'invoicefdp.csv');
  });

  test('an API URL is checked when saved: https, or plain http to this computer only', async () => {
    const bad = JSON.parse((await rpc('settings:update', [{ apiUrl: 'http://api.example.com' }])).body) as { ok: boolean; error: { message: string } };
    assert.equal(bad.ok, false);
    assert.match(bad.error.message, /must start with https:\/\//);
    for (const apiUrl of ['https://api.example.com', 'http://127.0.0.1:4010', 'http://localhost:4010']) {
      assert.equal((JSON.parse((await rpc('settings:update', [{ apiUrl }])).body) as { ok: boolean }).ok, true, apiUrl);
    }
    await rpc('settings:update', [{ apiUrl: 'http://127.0.0.1:9' }]);
  });
});

describe('browser host staging limit', () => {
  test('a chunked body past the limit is cut off with 413 and leaves nothing in staging', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lexer-host-limit-'));
    await mkdir(join(dir, 'renderer'));
    await writeFile(join(dir, 'renderer', 'index.html'), '<!doctype html><title>Lexer Uploader</title>');
    const host = await startBrowserHost({ port: 0, configDir: join(dir, 'config'), rendererDir: join(dir, 'renderer'), maxStagedBytes: 256 * 1024 });
    try {
      const base = new URL(host.url);
      await send(base, { path: `/?code=${base.searchParams.get('code') ?? ''}` });
      const key = (JSON.parse((await exchange(base, base.searchParams.get('code') ?? '')).body) as { value: { key: string } }).value.key;
      // No Content-Length: the body is sent chunked, 64 KiB at a time, well past the 256 KiB limit.
      const r = await new Promise<Reply>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port: base.port, method: 'POST', path: '/files?name=endless.csv', headers: { 'x-lexer-key': key, 'transfer-encoding': 'chunked' } }, (res) => {
          let text = '';
          res.on('data', (c: Buffer) => (text += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
        });
        req.on('error', (e) => (e as NodeJS.ErrnoException).code === 'EPIPE' || (e as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(e));
        const chunk = Buffer.alloc(64 * 1024, 'a');
        let sent = 0;
        const pump = (): void => {
          while (sent < 64 && !req.destroyed) {
            sent += 1;
            if (!req.write(chunk)) return void req.once('drain', pump);
          }
          req.end();
        };
        pump();
      });
      assert.equal(r.status, 413);
      const error = (JSON.parse(r.body) as { error: { code: string; message: string } }).error;
      assert.equal(error.code, 'file-too-large');
      assert.match(error.message, /endless\.csv is over the limit of 262,144 bytes/);
      assert.deepEqual(await readdir(join(dir, 'config', 'staging')).catch(() => []), [], 'nothing left behind');
    } finally {
      await host.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

test('with launchFile, a private page opens the address, and goes once the code is traded (without, there is none)', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'lexer-host-launch-'));
  const host = await startBrowserHost({ port: 0, configDir: join(dir, 'config'), apiUrl: 'http://127.0.0.1:9', rendererDir: dir, launchFile: true });
  const plain = await startBrowserHost({ port: 0, configDir: join(dir, 'config2'), apiUrl: 'http://127.0.0.1:9', rendererDir: dir });
  try {
    assert.equal(plain.launchFile, null);
    const page = host.launchFile!;
    assert.ok(page.startsWith(join(dir, 'config')), page);
    assert.equal((await stat(page)).mode & 0o777, 0o600);
    assert.match(await readFile(page, 'utf8'), new RegExp(`<meta http-equiv="refresh" content="0;url=${host.url.replace(/[.?]/g, '\\$&')}">`));
    const base = new URL(host.url);
    assert.equal((await exchange(base, base.searchParams.get('code')!)).status, 200);
    for (let i = 0; i < 50 && (await stat(page).then(() => true, () => false)); i++) await new Promise((r) => setTimeout(r, 20));
    assert.equal(await stat(page).then(() => true, () => false), false, 'the page is gone once its code is used');
  } finally {
    await host.close();
    await plain.close();
    await rm(dir, { recursive: true, force: true });
  }
});

test('a watched folder the page asks for is added only with the code shown in the terminal; deletion after sending is spelled out there', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'lexer-host-feeds-'));
  const terminal: string[] = [];
  const host = await startBrowserHost({ port: 0, configDir: join(dir, 'config'), apiUrl: 'http://127.0.0.1:9', rendererDir: dir, log: (line) => terminal.push(line) });
  try {
    const base = new URL(host.url);
    const key = (JSON.parse((await exchange(base, base.searchParams.get('code')!)).body) as { value: { key: string } }).value.key;
    const rpc = async (channel: string, args: unknown[]) => JSON.parse((await send(base, {
      method: 'POST', path: `/rpc/${channel}`, headers: { 'content-type': 'application/json', 'x-lexer-key': key }, body: JSON.stringify(args),
    })).body) as { ok: boolean; value?: { feeds: unknown[] }; error?: { code: string; message: string } };
    // Any folder the host can read, its files deleted once sent: what a script in the page would ask for.
    const folder = join(dir, 'someone-elses-exports');
    await mkdir(folder);
    const settings = { path: folder, patterns: '*', destination: null, convert: false, presetName: null, validate: false, gzip: false, quietSeconds: 1, after: 'delete', polling: false };
    const asked = await rpc('feeds:add', [settings, null]);
    assert.equal(asked.ok, false);
    assert.equal(asked.error?.code, 'confirmation-needed');
    assert.deepEqual((await rpc('feeds:list', [])).value?.feeds, [], 'nothing added');
    const line = terminal.at(-1) ?? '';
    assert.match(line, new RegExp(`the page asks to watch ${folder.replace(/[.]/g, '\\.')}, sending the files that appear there to Lexer staff and DELETE each file once it is sent\\. To allow it, type this code in the page: ([A-Z2-9]{4}-[A-Z2-9]{4})`));
    const shown = /type this code in the page: (\S+)/.exec(line)![1]!;
    const guessed = await rpc('feeds:add', [settings, 'AAAA-AAAA']);
    assert.equal(guessed.error?.code, 'confirmation-needed', 'a wrong code adds nothing');
    const other = await rpc('feeds:add', [{ ...settings, after: 'leave' }, shown]);
    assert.equal(other.error?.code, 'confirmation-needed', 'the code is for the settings shown, not others');
    const again = await rpc('feeds:add', [settings, null]);
    const fresh = /type this code in the page: (\S+)/.exec(terminal.at(-1) ?? '')![1]!;
    assert.equal(again.ok, false);
    const added = await rpc('feeds:add', [settings, fresh.toLowerCase()]);
    assert.equal(added.ok, true, JSON.stringify(added));
    assert.equal(added.value?.feeds.length, 1);
    // Alerts carry file names off this computer: where they would go is in the terminal too (the host, not the webhook's secret path).
    const another = await mkdtemp(join(dir, 'exports-'));
    const alerts = { webhookUrl: 'https://hooks.example.com/services/T0/B0/secret-path', email: null, leftOutPercent: 5, expect: null };
    await rpc('feeds:add', [{ ...settings, path: another, after: 'leave', alerts }, null]);
    assert.match(terminal.at(-1) ?? '', /sending the files that appear there to Lexer staff; alerts about its files go to a webhook at hooks\.example\.com\. To allow it/);
    assert.doesNotMatch(terminal.at(-1) ?? '', /secret-path/);

    // A folder added as "leave the files" cannot be turned into "delete them" by the page alone; a new quiet period needs no code.
    const kept = await mkdtemp(join(dir, 'kept-'));
    const keptSettings = { ...settings, path: kept, after: 'leave' };
    await rpc('feeds:add', [keptSettings, null]);
    const keptCode = /type this code in the page: (\S+)/.exec(terminal.at(-1) ?? '')![1]!;
    const withKept = await rpc('feeds:add', [keptSettings, keptCode]);
    const id = (withKept.value?.feeds as { id: string; settings: { path: string } }[]).find((f) => f.settings.path === kept)!.id;
    const lines = terminal.length;
    assert.equal((await rpc('feeds:update', [id, { ...keptSettings, quietSeconds: 5 }, null])).ok, true, 'a new quiet period is saved without a code');
    assert.equal(terminal.length, lines);
    const toDelete = await rpc('feeds:update', [id, { ...keptSettings, after: 'delete' }, null]);
    assert.equal(toDelete.error?.code, 'confirmation-needed');
    assert.match(terminal.at(-1) ?? '', new RegExp(`the page asks to watch ${kept.replace(/[.]/g, '\\.')}, .* and DELETE each file once it is sent`));
    const elsewhere = await rpc('feeds:update', [id, { ...keptSettings, destination: { datasetId: 'ds_other', recordType: 'customer_record' } }, null]);
    assert.equal(elsewhere.error?.code, 'confirmation-needed', 'another destination is asked too');
    const listed = (await rpc('feeds:list', [])).value?.feeds as { settings: { path: string; after: string; destination: unknown } }[];
    assert.deepEqual(listed.filter((f) => f.settings.path === kept).map((f) => [f.settings.after, f.settings.destination]), [['leave', null]], 'nothing changed without the code');
    const deleteCode = /type this code in the page: (\S+)/.exec(terminal.at(-2) ?? '')![1]!;
    assert.equal((await rpc('feeds:update', [id, { ...keptSettings, after: 'delete' }, deleteCode])).ok, true, 'with the code shown, it is saved');
  } finally {
    await host.close();
    await rm(dir, { recursive: true, force: true });
  }
});

describe('browser host before its code is used', () => {
  let dir: string;
  let host: BrowserHost;
  let base: URL;
  let code: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lexer-host-fresh-'));
    await mkdir(join(dir, 'renderer'));
    await writeFile(join(dir, 'renderer', 'index.html'), '<!doctype html><title>Lexer Uploader</title>');
    host = await startBrowserHost({ port: 0, configDir: join(dir, 'config'), rendererDir: join(dir, 'renderer') });
    base = new URL(host.url);
    code = base.searchParams.get('code') ?? '';
  });
  after(async () => {
    await host.close();
    await rm(dir, { recursive: true, force: true });
  });

  test('a wrong code opens neither the page nor a session, and the right one still works after it', async () => {
    const wrong = `${code.slice(0, -1)}${code.endsWith('x') ? 'y' : 'x'}`;
    assert.equal((await send(base, { path: `/?code=${encodeURIComponent(wrong)}` })).status, 403);
    assert.equal((await exchange(base, wrong)).status, 403);
    const page = await send(base, { path: `/?code=${encodeURIComponent(code)}` });
    assert.equal(page.status, 200);
    const cookie = String(page.headers['set-cookie']).split(';')[0] ?? '';
    const granted = JSON.parse((await exchange(base, code)).body) as { ok: boolean; value: { key: string } };
    assert.equal(granted.ok, true);
    const key = granted.value.key;

    // The page cookie works among the other cookies a browser sends to 127.0.0.1.
    assert.equal((await send(base, { path: '/', headers: { cookie: `theme=dark; ${cookie}; other=1` } })).status, 200);
    // Only the event stream, which cannot set headers, may carry the key in its address.
    assert.equal((await send(base, { method: 'POST', path: `/rpc/settings:get?key=${encodeURIComponent(key)}`, body: '[]' })).status, 403);
    assert.equal((await send(base, { method: 'POST', path: '/rpc/settings:get', headers: { 'x-lexer-key': key }, body: '[]' })).status, 200);
  });

  test('its page cookie is named for its port, so two hosts open in one browser keep their own', async () => {
    const other = await startBrowserHost({ port: 0, configDir: join(dir, 'config-2'), rendererDir: join(dir, 'renderer') });
    try {
      const u = new URL(other.url);
      const page = await send(u, { path: `/?code=${encodeURIComponent(u.searchParams.get('code') ?? '')}` });
      const name = String(page.headers['set-cookie']).split('=')[0];
      assert.equal(name, `lexer-page-${u.port}`);
    } finally {
      await other.close();
    }
  });

  test('a request without a Host header is refused, not answered with an error', async () => {
    const answer = await rawHttp(Number(base.port), 'GET / HTTP/1.0\r\n\r\n');
    assert.match(answer, /^HTTP\/1\.1 403 /);
  });
});
