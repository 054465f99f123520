// The conversion ledger: what a conversion left out, found again for the very file it wrote and
// for nothing else.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFile, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_CONVERSIONS, findConversion, recordConversion } from '../../../main/engine/history/conversion-ledger.js';

describe('conversion ledger', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lexer-ledger-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  test('a recorded conversion is found for its output, with the report’s counts', async () => {
    const output = join(dir, 'customers.ndjson');
    await writeFile(output, '{"link":{"email":"a@example.com"}}\n');
    await recordConversion(join(dir, 'config'), { output, source: join(dir, 'customers.csv'), recordType: 'customer_record', rows: 3500, written: 2620, rejected: 880 });
    const found = await findConversion(join(dir, 'config'), output);
    assert.deepEqual(
      found && { rows: found.rows, written: found.written, rejected: found.rejected, source: found.source },
      { rows: 3500, written: 2620, rejected: 880, source: join(dir, 'customers.csv') },
    );
    assert.equal((await stat(join(dir, 'config', 'conversions.json'))).mode & 0o777, 0o600);
  });

  test('an output edited since, or another file, has no entry', async () => {
    const output = join(dir, 'edited.ndjson');
    await writeFile(output, '{"a":1}\n');
    await recordConversion(join(dir, 'config'), { output, source: join(dir, 'edited.csv'), recordType: 'customer_record', rows: 2, written: 1, rejected: 1 });
    await appendFile(output, '{"a":2}\n');
    assert.equal(await findConversion(join(dir, 'config'), output), null);
    assert.equal(await findConversion(join(dir, 'config'), join(dir, 'never.ndjson')), null);
  });

  test('a damaged ledger reads as empty and is replaced on the next conversion; it stays bounded', async () => {
    const config = join(dir, 'damaged');
    await recordConversion(config, { output: await write(dir, 'x.ndjson'), source: 'x.csv', recordType: 'product', rows: 1, written: 1, rejected: 0 });
    await writeFile(join(config, 'conversions.json'), '{ not json');
    const output = await write(dir, 'y.ndjson');
    assert.equal(await findConversion(config, output), null);
    for (let i = 0; i <= MAX_CONVERSIONS; i += 1) {
      await recordConversion(config, { output: await write(dir, `n${i}.ndjson`), source: 'n.csv', recordType: 'product', rows: 1, written: 1, rejected: 0 });
    }
    const kept = (JSON.parse(await readFile(join(config, 'conversions.json'), 'utf8')) as { conversions: unknown[] }).conversions;
    assert.equal(kept.length, MAX_CONVERSIONS);
  });
});

async function write(dir: string, name: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, `${name}\n`);
  return path;
}
