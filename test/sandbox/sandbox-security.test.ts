// What another user of the machine, or a web page open in the user's browser, can reach of a
// running sandbox: one port only, a guarded one; no way out of the storage folder;
// nothing readable by other users; nothing left in the temp folder after it stops.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEmbeddedSandbox } from '../../main/services/settings/embedded-sandbox.js';
import { startSandbox, type Sandbox } from '../../main/sandbox/start-sandbox.js';
import { listeningPorts } from '../helpers/listening-sockets.js';
import { rawHttp } from '../helpers/raw-http.js';

const portOf = (url: string): number => Number(new URL(url).port);

/** The ports `start` opened in this process (null without /proc), and what it started. */
async function portsOpenedBy<T>(start: () => Promise<T>): Promise<{ started: T; opened: number[] | null }> {
  const before = await listeningPorts();
  const started = await start();
  const after = await listeningPorts();
  return { started, opened: before && after ? after.filter((p) => !before.includes(p)) : null };
}

/** Sends a request by hand: `head` is the request line and headers; the body gets its length. */
const send = (port: number, head: string, body = ''): Promise<string> =>
  rawHttp(port, `${head}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);

/** Asks a sandbox for an upload URL, as a client would. */
async function issueOn(s: Sandbox, filename: string): Promise<URL> {
  const p = portOf(s.apiUrl);
  const answer = await send(p, `POST /v1/uploads HTTP/1.1\r\nHost: 127.0.0.1:${p}\r\nAuth-Api-Token: ${s.token}\r\nContent-Type: application/json`, JSON.stringify({ filename }));
  return new URL((JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as { url: string }).url);
}

/** PUTs a body to an issued URL, with the Host it was signed for. */
const putTo = (u: URL, body: string): Promise<string> => send(Number(u.port), `PUT ${u.pathname}${u.search} HTTP/1.1\r\nHost: ${u.host}`, body);

describe('the sandbox as seen from the rest of the machine', () => {
  let root: string;
  let sandbox: Sandbox;
  let port = 0;
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'lexer-sandbox-sec-'));
    sandbox = await startSandbox({ dir: join(root, 'storage', 'received') });
    port = portOf(sandbox.apiUrl);
  });
  after(async () => {
    await sandbox.close();
    await rm(root, { recursive: true, force: true });
  });

  const request = (head: string, body = '') => send(port, head, body);
  const issue = (filename: string): Promise<URL> => issueOn(sandbox, filename);

  test('listens on exactly one port, the API\'s: s3rver has none of its own', async (t) => {
    const { started: other, opened } = await portsOpenedBy(() => startSandbox());
    try {
      if (opened === null) return t.skip('needs Linux /proc to list listening sockets');
      assert.deepEqual(opened, [portOf(other.apiUrl)]);
    } finally {
      await other.close();
    }
  });

  test('the sandbox embedded in the app listens on exactly one port too', async (t) => {
    const embedded = createEmbeddedSandbox(join(root, 'app-data'));
    const { started, opened } = await portsOpenedBy(() => embedded.ensure());
    try {
      if (opened === null) return t.skip('needs Linux /proc to list listening sockets');
      assert.deepEqual(opened, [portOf(started.apiUrl)]);
    } finally {
      await embedded.close();
    }
  });

  test('a key with ".." segments, plain or percent-encoded, is refused and nothing is written outside', async () => {
    for (const path of ['/s3/uploads/..%2F..%2F..%2Fescaped/x', '/s3/uploads/%2e%2e/%2E%2E/escaped/x', '/s3/uploads/1/../../../escaped/x', '/s3/uploads/a%5C..%5C..%5Cescaped/x']) {
      const answer = await request(`PUT ${path}?X-Amz-Algorithm=AWS4-HMAC-SHA256 HTTP/1.1\r\nHost: 127.0.0.1:${port}`, 'evil');
      assert.match(answer, /^HTTP\/1.1 400[\s\S]*<Code>InvalidArgument<\/Code>[\s\S]*segments are refused/, path);
    }
    assert.match(await request(`PUT /s3/uploads/%E0%A4%A HTTP/1.1\r\nHost: 127.0.0.1:${port}`, 'x'), /^HTTP\/1.1 400[\s\S]*InvalidURI/);
    const everything = await readdir(root, { recursive: true });
    assert.ok(!everything.some((p) => String(p).includes('escaped')), everything.join('\n'));
  });

  test('"." and ".." are not file names the API hands out URLs for', async () => {
    for (const filename of ['.', '..']) {
      const body = JSON.stringify({ filename });
      const answer = await request(`POST /v1/uploads HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAuth-Api-Token: ${sandbox.token}\r\nContent-Type: application/json`, body);
      assert.match(answer, /^HTTP\/1.1 422/, filename);
    }
  });

  test('a foreign Host (DNS rebinding) or a web page\'s Origin is refused, token or not', async () => {
    const token = `Auth-Api-Token: ${sandbox.token}`;
    assert.match(await request(`GET /v1/users HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n${token}`), /^HTTP\/1.1 200/);
    assert.match(await request(`GET /v1/users HTTP/1.1\r\nHost: localhost:${port}\r\n${token}`), /^HTTP\/1.1 200/);
    assert.match(await request(`GET /v1/users HTTP/1.1\r\nHost: rebound.example.com:${port}\r\n${token}`), /^HTTP\/1.1 403/);
    assert.match(await request(`GET /v1/users HTTP/1.1\r\n${token}`), /^HTTP\/1.1 (400|403)/, 'no Host at all');
    assert.match(await request(`GET /v1/users HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: https://evil.example.com\r\n${token}`), /^HTTP\/1.1 403/);
    // What a page's no-cors form post looks like: refused before s3rver sees it.
    const form = await request(`POST /s3/uploads HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: null\r\nContent-Type: multipart/form-data; boundary=x`, '--x--\r\n');
    assert.match(form, /^HTTP\/1.1 403[\s\S]*<Code>AccessDenied<\/Code>/);
    // A signed URL sent with a foreign Host is refused too.
    const u = await issue('rebound.csv');
    assert.match(await request(`PUT ${u.pathname}${u.search} HTTP/1.1\r\nHost: rebound.example.com:${port}`, 'a\n'), /^HTTP\/1.1 403/);
    assert.match(await putTo(u, 'a\n'), /^HTTP\/1.1 200/, 'the same PUT with its own Host goes through');
  });

  test('on no port it opened can stored files be listed, read or deleted without the guard', async () => {
    const { started: other, opened } = await portsOpenedBy(() => startSandbox());
    try {
      const u = await issueOn(other, 'customers.csv');
      assert.match(await putTo(u, 'a,b\n'), /^HTTP\/1.1 200/);
      const key = u.pathname.replace(/^\/s3\/uploads\//, '');
      // Whatever ports there are (one, if all is well), try them all the way another user would.
      for (const p of opened ?? [portOf(other.apiUrl)]) {
        for (const head of ['GET /uploads', `GET /uploads/${key}`, 'GET /s3/uploads', `GET /s3/uploads/${key}`, `DELETE /uploads/${key}`, `DELETE /s3/uploads/${key}`]) {
          assert.doesNotMatch(await send(p, `${head} HTTP/1.1\r\nHost: 127.0.0.1:${p}`), /^HTTP\/1.1 2/, `${head} on port ${p}`);
        }
      }
      assert.equal((await other.storedFiles()).filter((f) => f.key.endsWith('customers.csv')).length, 1, 'still there');
    } finally {
      await other.close();
    }
  });

  test('received files are readable by their owner only: folders 0700, files 0600', async () => {
    assert.match(await putTo(await issue('private.csv'), 'email\nj@example.com\n'), /^HTTP\/1.1 200/);
    const storage = sandbox.storageDir;
    assert.equal((await stat(storage)).mode & 0o777, 0o700, 'the --dir folder the sandbox created');
    for (const rel of await readdir(storage, { recursive: true })) {
      const info = await stat(join(storage, String(rel)));
      assert.equal(info.mode & 0o777, info.isDirectory() ? 0o700 : 0o600, String(rel));
    }
  });

  test('only the newest issued URLs are remembered; an older one is then refused', async () => {
    const small = await startSandbox({ maxIssuedUrls: 2 });
    try {
      const [first, , third] = [await issueOn(small, 'a.csv'), await issueOn(small, 'b.csv'), await issueOn(small, 'c.csv')];
      assert.match(await putTo(first!, 'a\n'), /^HTTP\/1.1 403[\s\S]*SignatureDoesNotMatch/);
      assert.match(await putTo(third!, 'a\n'), /^HTTP\/1.1 200/);
    } finally {
      await small.close();
    }
  });
});

test('the default storage folder in the temp folder is removed when the sandbox stops; a --dir one is kept', async () => {
  const temp = await startSandbox();
  assert.ok(temp.storageDir.startsWith(tmpdir()));
  assert.equal((await stat(temp.storageDir)).mode & 0o777, 0o700);
  await temp.close();
  await assert.rejects(stat(temp.storageDir), { code: 'ENOENT' });

  const root = await mkdtemp(join(tmpdir(), 'lexer-sandbox-keep-'));
  try {
    const kept = await startSandbox({ dir: join(root, 'kept') });
    await kept.close();
    assert.ok((await stat(join(root, 'kept'))).isDirectory());
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
