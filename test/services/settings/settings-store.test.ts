import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_API_URL, openSettings } from '../../../main/services/settings/settings-store.js';

describe('settings store', () => {
  test('defaults to Lexer’s API, or the environment’s URL until one is saved', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lexer-settings-'));
    try {
      assert.equal((await openSettings(dir)).get().apiUrl, DEFAULT_API_URL);
      assert.equal((await openSettings(dir, 'http://127.0.0.1:4010')).get().apiUrl, 'http://127.0.0.1:4010');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('saved settings survive a restart, and the file is private', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lexer-settings-'));
    try {
      const s = await openSettings(dir);
      await s.update({ apiUrl: 'http://127.0.0.1:4010/', defaultDatasetId: ' ds-9 ', concurrency: 3, useSandbox: true, hashEmails: true });
      const again = await openSettings(dir, 'https://ignored.example');
      assert.deepEqual(again.get(), { apiUrl: 'http://127.0.0.1:4010', defaultDatasetId: 'ds-9', concurrency: 3, useSandbox: true, gzip: true, gzipLevel: 6, partSize: '', hashEmails: true });
      if (process.platform !== 'win32') assert.equal((await stat(join(dir, 'settings.json'))).mode & 0o777, 0o600);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('a damaged field falls back to its default instead of breaking the app', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lexer-settings-'));
    try {
      await writeFile(join(dir, 'settings.json'), JSON.stringify({ apiUrl: 'ftp://x', concurrency: 99, defaultDatasetId: 'kept', useSandbox: 'yes', hashEmails: 'yes' }));
      assert.deepEqual((await openSettings(dir)).get(), { apiUrl: DEFAULT_API_URL, defaultDatasetId: 'kept', concurrency: 2, useSandbox: false, gzip: true, gzipLevel: 6, partSize: '', hashEmails: false });
      await writeFile(join(dir, 'settings.json'), '{ not json');
      assert.equal((await openSettings(dir)).get().concurrency, 2);
      assert.match(await readFile(join(dir, 'settings.json'), 'utf8'), /not json/, 'reading never rewrites the file');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

test('saving other settings does not freeze the API URL taken from the environment', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'lexer-settings-'));
  try {
    await (await openSettings(dir, 'http://127.0.0.1:1111')).update({ concurrency: 1 });
    assert.equal((await openSettings(dir, 'http://127.0.0.1:2222')).get().apiUrl, 'http://127.0.0.1:2222');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
