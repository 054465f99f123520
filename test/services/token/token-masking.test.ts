// An API that quotes the token in its error: the app's event stream to the page and
// its history file get the masked text, not only the RPC answers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startTokenEchoingApi } from '../../helpers/api-stand-in.js';
import { makeServices } from '../services-fixture.js';

test('a token quoted in an API error reaches neither the uploads:state events nor history.json', async () => {
  const api = await startTokenEchoingApi(422);
  const f = await makeServices(api.url);
  const token = 'app-secret-token-fedcba9876543210';
  try {
    await f.value('token:save', token, 'session');
    const path = await f.file('customers-20260101-v1.csv', 'email\njane@example.com\n');
    const state = await f.value('uploads:start', { id: 'echo-1', path, filename: 'customers-20260101-v1.csv', destination: null, validateFirst: false });
    assert.equal(state.kind, 'failed');
    const failed = f.states.find((s) => s.id === 'echo-1' && s.state.kind === 'failed');
    assert.ok(failed, 'the page is told the upload failed');
    assert.match(JSON.stringify(failed), /the token \[token hidden\] may not upload files/);
    assert.ok(!f.transcript.some((line) => line.includes(token)), 'no event or answer carries the token');
    const history = await readFile(join(f.dir, 'user-data', 'history.json'), 'utf8');
    assert.match(history, /\[token hidden\]/);
    assert.ok(!history.includes(token), 'history.json does not carry the token');
  } finally {
    await f.close();
    await api.close();
  }
});
