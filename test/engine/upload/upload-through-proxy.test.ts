// Behind a corporate proxy: the API call and the upload each go through the proxy the system
// names for their URL, over a real CONNECT tunnel on loopback, and the file still lands whole.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { uploadFile } from '../../../main/engine/upload/upload-file.js';
import { startConnectProxy, type ConnectProxy } from '../../helpers/connect-proxy.js';
import { sha256File, startTestSandbox, writeTestFile, type TestSandbox } from '../../helpers/sandbox.js';

let t: TestSandbox;
let apiProxy: ConnectProxy;
let uploadProxy: ConnectProxy;
before(async () => {
  t = await startTestSandbox();
  apiProxy = await startConnectProxy();
  uploadProxy = await startConnectProxy();
});
after(async () => {
  await apiProxy.close();
  await uploadProxy.close();
  await t.stop();
});

test('the API call and the PUT each use the proxy named for their own URL', async () => {
  const path = await writeTestFile(t.work, 'proxied-20261126-v1.csv', randomBytes(256 * 1024 + 3));
  const asked: string[] = [];
  const proxyFor = async (url: string): Promise<string> => {
    const api = url === t.sandbox.apiUrl;
    asked.push(api ? 'api' : 'upload');
    return api ? apiProxy.url : uploadProxy.url;
  };
  const result = await uploadFile({ filePath: path, filename: 'proxied-20261126-v1.csv' }, { apiUrl: t.sandbox.apiUrl, token: t.sandbox.token, proxyFor });
  assert.deepEqual(asked, ['api', 'upload']);
  const host = new URL(t.sandbox.apiUrl).host;
  assert.deepEqual(apiProxy.tunnels, [host], 'the API request went through the API proxy');
  assert.equal(uploadProxy.tunnels.length, 1, 'the PUT went through the upload proxy');
  const stored = (await t.sandbox.storedFiles()).find((f) => f.key === `${result.uploadId}/proxied-20261126-v1.csv`);
  assert.ok(stored, 'the file landed');
  assert.equal(await sha256File(stored.path), await sha256File(path));
});
