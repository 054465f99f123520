import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkName, inspectFile } from '../../../main/services/files/inspect-file.js';
import { showBidiControls } from '../../../main/services/files/visible-text.js';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

test('bidirectional controls are written out wherever a file name is shown, so they cannot reorder it', async () => {
  assert.equal(showBidiControls('invoice\u202Efdp.exe'), 'invoice<U+202E>fdp.exe');
  assert.equal(showBidiControls('plain-20260101-v1.csv'), 'plain-20260101-v1.csv');
  const dir = await mkdtemp(join(tmpdir(), 'lexer-bidi-'));
  try {
    const path = join(dir, 'invoice\u202Efdp.csv');
    await writeFile(path, 'a\n1\n');
    const info = await inspectFile(path);
    assert.equal(info.name, 'invoice<U+202E>fdp.csv');
    assert.equal(info.kind, 'csv');
    assert.ok(!JSON.stringify(info.nameCheck.problems).includes('\u202E'), 'the problems quote it written out');
    assert.ok(!checkName('a\u202Eb.csv').fixed.includes('\u202E'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
