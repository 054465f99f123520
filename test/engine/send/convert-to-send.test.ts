// Converting to send (main/engine/send/convert-to-send.ts), as the app's Convert, `lexer-upload
// convert` and a watched folder do: into a folder only this user can read (or where the person
// asked), with the counts in the conversion ledger so the upload can say what was left out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { access, mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { findConversion } from '../../../main/engine/history/conversion-ledger.js';
import { convertToSend } from '../../../main/engine/send/convert-to-send.js';

const CSV = 'link.email,first_name\njane@example.com,Jane\nnot-an-email,Bob\n';
const mode = async (path: string): Promise<number> => (await stat(path)).mode & 0o777;
const exists = (path: string): Promise<boolean> => access(path).then(() => true, () => false);

test('into a private folder: 0700 and 0600, the counts noted, and gone again once disposed', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'convert-to-send-'));
  try {
    const source = join(dir, 'people.csv');
    await writeFile(source, CSV);
    const root = join(dir, 'converted');
    await mkdir(root);
    const converted = await convertToSend(source, {
      target: { kind: 'private-folder', root, prefix: 'convert-', name: 'people.ndjson' }, ledgerDir: join(dir, 'config'), recordType: 'customer_record',
    });
    const { output } = converted.result;
    assert.equal(dirname(dirname(output)), root);
    if (process.platform !== 'win32') {
      assert.equal(await mode(dirname(output)), 0o700);
      assert.equal(await mode(output), 0o600, 'customer data, for its owner only');
    }
    const noted = await findConversion(join(dir, 'config'), output);
    assert.deepEqual([noted?.rows, noted?.written, noted?.rejected], [2, 1, 1]);
    await converted.dispose();
    assert.deepEqual(await readdir(root), [], 'the folder is gone with the file');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('where the person asked: the file stays after dispose; a failed conversion leaves no private folder', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'convert-to-send-'));
  try {
    const source = join(dir, 'people.csv');
    await writeFile(source, CSV);
    const output = join(dir, 'out.ndjson');
    const named = await convertToSend(source, { target: { kind: 'named', path: output }, ledgerDir: join(dir, 'config'), recordType: 'customer_record' });
    assert.equal(named.result.output, output);
    await named.dispose();
    assert.ok(await exists(output));
    assert.equal((await findConversion(join(dir, 'config'), output))?.written, 1);

    const root = join(dir, 'temp');
    await mkdir(root);
    await assert.rejects(convertToSend(join(dir, 'missing.csv'), {
      target: { kind: 'private-folder', root, prefix: 'lexer-feed-', name: 'missing.ndjson' }, ledgerDir: join(dir, 'config'), recordType: 'customer_record',
    }));
    assert.deepEqual(await readdir(root), []);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
