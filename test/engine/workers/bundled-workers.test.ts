// The engine's worker threads ship as self-contained files (dist/workers/*.cjs, scripts/build.mjs):
// the packaged app reads them from outside its asar, where no node_modules can be found. So each
// must do its whole job from a folder of its own: here, a conversion worker alone in an empty
// temp folder decodes a Windows-1252 line (iconv-lite, loaded lazily on the main thread, must be
// inside the worker's file), and a gzip worker compresses a block. Needs `npm run build` first.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { inflateRawSync } from 'node:zlib';
import { completeMapping, suggestColumns } from '../../../main/engine/pipeline/column-mapping.js';
import type { ChunkOutcome, RunnerSetup } from '../../../main/engine/pipeline/convert/chunk-runner.js';
import { planColumns } from '../../../main/engine/pipeline/convert/column-plan.js';
import { createFieldLookup } from '../../../main/engine/pipeline/convert/field-lookup.js';
import { getRecordFields } from '../../../main/engine/schemas/record-fields.js';

const WORKERS = fileURLToPath(new URL('../../../dist/workers/', import.meta.url));
let alone = '';

/** Starts the bundled worker `name` from the empty folder, sends one message and returns its reply. */
function ask<T>(name: string, workerData: unknown, message: unknown): Promise<T> {
  const file = join(alone, `${name}.cjs`);
  copyFileSync(join(WORKERS, `${name}.cjs`), file);
  return new Promise((resolve, reject) => {
    const worker = new Worker(file, { workerData });
    worker.once('error', reject);
    worker.once('message', (reply: T) => {
      resolve(reply);
      void worker.terminate();
    });
    worker.postMessage(message);
  });
}

describe('bundled worker files, alone in a folder', () => {
  before(() => {
    if (!existsSync(WORKERS)) throw new Error(`${WORKERS} is missing: run \`npm run build\` first`);
    alone = mkdtempSync(join(tmpdir(), 'lexer-workers-alone-'));
  });
  after(() => rmSync(alone, { recursive: true, force: true }));

  test('the conversion worker reads a line that is not UTF-8 as Windows-1252', async () => {
    const headers = ['link.email', 'first_name'];
    const lookup = createFieldLookup(getRecordFields('customer_record'));
    const mapping = completeMapping(undefined, suggestColumns(headers, lookup));
    const setup: RunnerSetup = {
      recordType: 'customer_record',
      gzip: false,
      config: {
        plan: planColumns(headers, lookup, mapping, 'customer_record'), headerCount: 2, delimiter: ',', newline: '\n',
        infer: false, decimalComma: false, stopOnFirstInvalid: false, leaveOutInvalidFields: false, fallback: 'windows-1252', headers,
        constants: [], hashEmails: false, group: null,
      },
    };
    const bytes = Buffer.concat([Buffer.from('zoe@example.com,Zo\u00eb\n'), Buffer.from('jose@example.com,Jos\xe9\n', 'latin1')]);
    const reply = await ask<{ outcome?: ChunkOutcome; error?: string }>('convert-worker', setup, { seq: 0, task: { kind: 'rows', bytes: new Uint8Array(bytes) } });
    assert.equal(reply.error, undefined);
    const records = Buffer.from(reply.outcome!.output).toString('utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as unknown);
    assert.deepEqual(records, [
      { link: { email: 'zoe@example.com' }, first_name: 'Zo\u00eb' },
      { link: { email: 'jose@example.com' }, first_name: 'Jos\u00e9' },
    ]);
    assert.deepEqual(reply.outcome!.fallbackLines, [1]);
  });

  test('the gzip worker deflates a block', async () => {
    const raw = new Uint8Array(Buffer.from('{"link":{"email":"jane@example.com"}}\n'.repeat(1000)));
    const reply = await ask<{ deflated?: Uint8Array; error?: string }>('deflate-worker', { level: 6 }, { id: 1, raw, dictionary: null });
    assert.equal(reply.error, undefined);
    // A sync-flushed raw deflate block: inflating it gives the input back.
    assert.deepEqual(new Uint8Array(inflateRawSync(reply.deflated!, { finishFlush: 2 })), raw);
  });
});
