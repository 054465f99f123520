// What another user of the machine, or a web page open in the user's browser, can reach of a
// running sandbox (issue 10): one port only, a guarded one; no way out of the storage folder;
// nothing readable by other users; nothing left in the temp folder after it stops.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEmbeddedSandbox } from '../../main/app/embedded-sandbox.js';
import { startSandbox, type Sandbox } from '../../main/sandbox/start-sandbox.js';
import { listeningPorts } from '../helpers/listening-sockets.js';
import { rawHttp } from '../helpers/raw-http.js';

const portOf = (url: string): number => Number(new URL(url).port);

/** The ports a sandbox started by `start` opened in this process. */
async function portsOpenedBy(start: () => Promise<unknown>): Promise<number[] | null> {
  const before = await listeningPorts();
  await start();
  const after = await listeningPorts();
  return before && after ? after.filter((p) => !before.includes(p)) : null;
}

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

  const request = (head: string, body = '') =>
    rawHttp(port, `${head}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  const issue = async (filename: string): Promise<URL> => {
    const body = JSON.stringify({ filename });
    const answer = await request(`POST /v1/uploads HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAuth-Api-Token: ${sandbox.token}\r\nContent-Type: application/json`, body);
    return new URL((JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as { url: string }).url);
  };

  test('listens on exactly one port, the API\'s: s3rver has none of its own', async (t) => {
    let other: Sandbox | null = null;
    const opened = await portsOpenedBy(async () => (other = await startSandbox()));
    try {
      if (opened === null) return t.skip('needs Linux /proc to list listening sockets');
      assert.deepEqual(opened, [portOf((other as unknown as Sandbox).apiUrl)]);
    } finally {
      await (other as Sandbox | null)?.close();
    }
  });

  test('the sandbox embedded in the app listens on exactly one port too', async (t) => {
    const dir = join(root, 'app-data');
    const embedded = createEmbeddedSandbox(dir);
    let apiUrl = '';
    const opened = await portsOpenedBy(async () => ({ apiUrl } = await embedded.ensure()));
    try {
      if (opened === null) return t.skip('needs Linux /proc to list listening sockets');
      assert.deepEqual(opened, [portOf(apiUrl)]);
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
  });

  test('on no port it opened can stored files be listed, read or deleted without the guard', async () => {
    let other: Sandbox | null = null;
    const opened = await portsOpenedBy(async () => (other = await startSandbox()));
    const s = other as unknown as Sandbox;
    try {
      const p = portOf(s.apiUrl);
      const body = JSON.stringify({ filename: 'customers.csv' });
      const issued = await rawHttp(p, `POST /v1/uploads HTTP/1.1\r\nHost: 127.0.0.1:${p}\r\nAuth-Api-Token: ${s.token}\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`);
      const u = new URL((JSON.parse(issued.slice(issued.indexOf('\r\n\r\n') + 4)) as { url: string }).url);
      assert.match(await rawHttp(p, `PUT ${u.pathname}${u.search} HTTP/1.1\r\nHost: ${u.host}\r\nContent-Length: 4\r\nConnection: close\r\n\r\na,b\n`), /^HTTP\/1.1 200/);
      const key = u.pathname.replace(/^\/s3\/uploads\//, '');
      // Whatever ports there are (one, if all is well), try them all the way another user would.
      for (const port of opened ?? [p]) {
        for (const head of ['GET /uploads', `GET /uploads/${key}`, 'GET /s3/uploads', `GET /s3/uploads/${key}`, `DELETE /uploads/${key}`, `DELETE /s3/uploads/${key}`]) {
          const answer = await rawHttp(port, `${head} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`);
          assert.doesNotMatch(answer, /^HTTP\/1.1 2/, `${head} on port ${port}`);
        }
      }
      assert.equal((await s.storedFiles()).filter((f) => f.key.endsWith('customers.csv')).length, 1, 'still there');
    } finally {
      await (other as Sandbox | null)?.close();
    }
  });

  test('received files are readable by their owner only: folders 0700, files 0600', async () => {
    const u = await issue('private.csv');
    assert.match(await request(`PUT ${u.pathname}${u.search} HTTP/1.1\r\nHost: ${u.host}`, 'email\nj@example.com\n'), /^HTTP\/1.1 200/);
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
      const p = portOf(small.apiUrl);
      const issueOn = async (filename: string): Promise<URL> => {
        const body = JSON.stringify({ filename });
        const a = await rawHttp(p, `POST /v1/uploads HTTP/1.1\r\nHost: 127.0.0.1:${p}\r\nAuth-Api-Token: ${small.token}\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`);
        return new URL((JSON.parse(a.slice(a.indexOf('\r\n\r\n') + 4)) as { url: string }).url);
      };
      const put = (u: URL) => rawHttp(p, `PUT ${u.pathname}${u.search} HTTP/1.1\r\nHost: ${u.host}\r\nContent-Length: 2\r\nConnection: close\r\n\r\na\n`);
      const [first, , third] = [await issueOn('a.csv'), await issueOn('b.csv'), await issueOn('c.csv')];
      assert.match(await put(first!), /^HTTP\/1.1 403[\s\S]*SignatureDoesNotMatch/);
      assert.match(await put(third!), /^HTTP\/1.1 200/);
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
