import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { resolveRendererFile } from '../../../main/services/page/renderer-files.js';

test('renderer paths stay inside the renderer folder', () => {
  const root = join('/opt', 'app', 'renderer');
  assert.equal(resolveRendererFile(root, '/'), join(root, 'index.html'));
  assert.equal(resolveRendererFile(root, '/app.js'), join(root, 'app.js'));
  for (const bad of ['/../main/app.js', '/%2e%2e/secret', '/..%2fsecret', '/a%5c..%5c..%5csecret', '/%00', '/%E0%A4%A']) {
    assert.equal(resolveRendererFile(root, bad), null, bad);
  }
});
