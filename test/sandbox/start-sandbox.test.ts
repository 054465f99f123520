import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { TestSandbox } from '../helpers/sandbox.js';
import { startTestSandbox } from '../helpers/sandbox.js';
import { rawHttp } from '../helpers/raw-http.js';

describe('the sandbox', () => {
  let t: TestSandbox;
  let port = 0;
  before(async () => {
    t = await startTestSandbox();
    port = Number(new URL(t.sandbox.apiUrl).port);
  });
  after(async () => t.stop());

  /** POST /v1/uploads by hand; returns the raw answer (status line, headers, body). */
  const post = (body: string, token = t.sandbox.token) =>
    rawHttp(port, `POST /v1/uploads HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAuth-Api-Token: ${token}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  const issue = async (filename: string): Promise<URL> => {
    const answer = await post(JSON.stringify({ filename }));
    const json = answer.slice(answer.indexOf('\r\n\r\n') + 4);
    return new URL((JSON.parse(json) as { url: string }).url);
  };
  const put = (u: URL, headers: string, body: string) =>
    rawHttp(port, `PUT ${u.pathname}${u.search} HTTP/1.1\r\nHost: ${u.host}\r\n${headers}Connection: close\r\n\r\n${body}`);

  test('answers 201 with the URL\'s & escaped as \\u0026, like the real service', async () => {
    const answer = await post(JSON.stringify({ filename: 'a.csv' }));
    assert.match(answer, /^HTTP\/1.1 201/);
    assert.match(answer, /X-Amz-Algorithm=AWS4-HMAC-SHA256\\u0026X-Amz-/);
    assert.ok(!/"url":"[^"]*&/.test(answer), 'no raw & in the url');
  });

  test('refuses a wrong token with 401 JSON', async () => {
    const answer = await post(JSON.stringify({ filename: 'a.csv' }), 'wrong');
    assert.match(answer, /^HTTP\/1.1 401/);
    assert.match(answer, /"error"/);
  });

  test('refuses a bad file name or record type with 422 naming the file', async () => {
    assert.match(await post(JSON.stringify({ filename: 'my file.csv' })), /^HTTP\/1.1 422[\s\S]*my file\.csv/);
    const d = { destination_type: 'dataset_load', dataset_id: 'x', record_type: 'shoes' };
    assert.match(await post(JSON.stringify({ filename: 'a.ndjson', destination: d })), /^HTTP\/1.1 422[\s\S]*record_type/);
  });

  test('a chunked PUT gets 501 NotImplemented as S3 XML, and nothing is stored', async () => {
    const u = await issue('chunked.csv');
    const answer = await put(u, 'Transfer-Encoding: chunked\r\n', '2\r\na\n\r\n0\r\n\r\n');
    assert.match(answer, /^HTTP\/1.1 501/);
    assert.match(answer, /<Code>NotImplemented<\/Code>/);
    assert.equal((await t.sandbox.storedFiles()).filter((f) => f.key.endsWith('chunked.csv')).length, 0);
  });

  test('a PUT without Content-Length gets 411 MissingContentLength', async () => {
    const answer = await put(await issue('nolength.csv'), '', '');
    assert.match(answer, /^HTTP\/1.1 411[\s\S]*<Code>MissingContentLength<\/Code>/);
  });

  test('a tampered query or Host gets 403 SignatureDoesNotMatch; the untouched URL works', async () => {
    const u = await issue('tamper.csv');
    const changed = new URL(u.href);
    changed.searchParams.set('X-Amz-Date', '20300101T000000Z');
    assert.match(await put(changed, 'Content-Length: 2\r\n', 'a\n'), /^HTTP\/1.1 403[\s\S]*<Code>SignatureDoesNotMatch<\/Code>/);
    const otherHost = new URL(u.href);
    otherHost.host = `localhost:${port}`;
    assert.match(await put(otherHost, 'Content-Length: 2\r\n', 'a\n'), /^HTTP\/1.1 403[\s\S]*SignatureDoesNotMatch/);
    const otherPath = new URL(u.href);
    otherPath.pathname = otherPath.pathname.replace('tamper.csv', 'other.csv');
    assert.match(await put(otherPath, 'Content-Length: 2\r\n', 'a\n'), /^HTTP\/1.1 403/);
    assert.match(await put(u, 'Content-Length: 2\r\n', 'a\n'), /^HTTP\/1.1 200/);
    assert.equal((await t.sandbox.storedFiles()).filter((f) => f.key.endsWith('tamper.csv')).length, 1);
  });

  test('an expired link gets AccessDenied "Request has expired" from storage', async () => {
    t.sandbox.faults.expiredLinks = true;
    const u = await issue('late.csv').finally(() => (t.sandbox.faults.expiredLinks = false));
    assert.match(await put(u, 'Content-Length: 2\r\n', 'a\n'), /^HTTP\/1.1 403[\s\S]*<Code>AccessDenied<\/Code>[\s\S]*Request has expired/);
  });

  test('logs method, path and status without the query', async () => {
    const lines: string[] = [];
    const other = await startTestSandbox({ log: (l) => lines.push(l) });
    try {
      const p = Number(new URL(other.sandbox.apiUrl).port);
      await rawHttp(p, `GET /v1/users HTTP/1.1\r\nHost: 127.0.0.1:${p}\r\nAuth-Api-Token: ${other.sandbox.token}\r\nConnection: close\r\n\r\n`);
      assert.deepEqual(lines, ['GET /v1/users 200']);
      assert.deepEqual(other.sandbox.requestLog.map(({ method, path, status }) => ({ method, path, status })), [{ method: 'GET', path: '/v1/users', status: 200 }]);
    } finally {
      await other.stop();
    }
  });
});
