import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { createRateLimiter } from '../../../main/engine/api/rate-limiter.js';
import { prepareUpload } from '../../../main/engine/parts/prepare-upload.js';
import { uploadFile } from '../../../main/engine/upload/upload-file.js';
import { startTestSandbox, type TestSandbox } from '../../helpers/sandbox.js';

let t: TestSandbox;
before(async () => (t = await startTestSandbox()));
after(async () => t.stop());

test('parts sent to the sandbox one by one add up, in name order, to exactly the source', async () => {
  const lines = Array.from({ length: 12_000 }, (_, i) => JSON.stringify({ link: { customer_id: `C-${i}` }, email: `p${i}@example.com`, n: randomBytes(5).toString('hex') }));
  const source = Buffer.from(`${lines.join('\n')}\n`);
  const path = join(t.work, 'customers.ndjson');
  await writeFile(path, source);
  const prepared = await prepareUpload(
    { sourcePath: path, filename: 'customers-20261129-v1.ndjson.gz', format: 'ndjson', gzip: true },
    { partBytes: 60_000, tempRoot: t.work },
  );
  try {
    assert.ok(prepared.parts.length >= 3, `${prepared.parts.length} parts`);
    const limiter = createRateLimiter({ intervalCap: 100 });
    const destination = { datasetId: 'ds_1', recordType: 'customer_record' as const };
    for (const part of prepared.parts) {
      await uploadFile({ filePath: part.path, filename: part.filename, destination }, { apiUrl: t.sandbox.apiUrl, token: t.sandbox.token, limiter, retryBaseMs: 5 });
    }
    const stored = (await t.sandbox.storedFiles()).sort((a, b) => a.key.split('/')[1]!.localeCompare(b.key.split('/')[1]!));
    assert.deepEqual(stored.map((f) => f.key.split('/')[1]), prepared.parts.map((p) => p.filename));
    const content = Buffer.concat(await Promise.all(stored.map(async (f) => gunzipSync(await readFile(f.path)))));
    assert.equal(createHash('sha256').update(content).digest('hex'), createHash('sha256').update(source).digest('hex'));
  } finally {
    await prepared.dispose();
  }
});
