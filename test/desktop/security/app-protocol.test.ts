import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveAppRequest } from '../../../main/desktop/security/app-protocol.js';

test('app:// serves the renderer with the strict CSP and nothing outside it', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'lexer-proto-'));
  try {
    const root = join(dir, 'renderer');
    await import('node:fs/promises').then((fs) => fs.mkdir(root));
    await writeFile(join(root, 'index.html'), '<!doctype html><title>x</title>');
    await writeFile(join(dir, 'secret.txt'), 'secret');
    const page = await serveAppRequest(root, new Request('app://renderer/index.html'));
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /text\/html/);
    const csp = page.headers.get('content-security-policy') ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'self'/);
    assert.doesNotMatch(csp, /unsafe-eval|unsafe-inline|https?:/);
    for (const url of ['app://renderer/../secret.txt', 'app://renderer/%2e%2e/secret.txt', 'app://other/index.html', 'app://renderer/missing.js']) {
      const r = await serveAppRequest(root, new Request(url));
      assert.equal(r.status, 404, url);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
