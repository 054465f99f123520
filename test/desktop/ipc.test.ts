// The IPC wiring with a fake ipcMain: every channel is registered, only our own window's main
// frame is served, arguments are still validated, and replies never carry the token.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { INVOKE_CHANNELS } from '../../main/contract/channels.js';
import { setupIpc } from '../../main/desktop/ipc.js';
import { makeServices, type ServicesFixture } from '../services/services-fixture.js';
import { FakeIpcMain, FakeWebContents } from './fake-electron.js';

const TOKEN = 'lexer-test-token-5f2c9a7e';

describe('setupIpc', () => {
  let f: ServicesFixture;
  let ipc: FakeIpcMain;
  let contents: FakeWebContents;
  let undo: () => void;
  before(async () => {
    f = await makeServices('http://127.0.0.1:9');
    ipc = new FakeIpcMain();
    contents = new FakeWebContents();
    undo = setupIpc({ ipcMain: ipc.asIpcMain(), services: f.services, contents: () => contents });
  });
  after(async () => {
    undo();
    await f.close();
  });

  test('registers a handler for every channel of the contract', () => {
    assert.deepEqual([...ipc.handlers.keys()].sort(), [...INVOKE_CHANNELS].sort());
  });

  test('refuses a frame that is not the window’s main frame, before doing anything', async () => {
    const iframe = { url: 'app://renderer/index.html' }; // same URL, different frame object
    const reply = await ipc.invoke('token:save', iframe, TOKEN, 'persistent');
    assert.deepEqual(reply, { ok: false, error: { code: 'forbidden', message: 'This request did not come from the app window, so it was refused.' } });
    const status = (await ipc.invoke('token:status', contents.mainFrame)) as { ok: true; value: { stored: boolean } };
    assert.equal(status.value.stored, false, 'the forbidden call stored nothing');
  });

  test('refuses the main frame once it shows a foreign page', async () => {
    const saved = contents.mainFrame.url;
    contents.mainFrame.url = 'https://evil.example.com/';
    try {
      assert.equal(((await ipc.invoke('settings:get', contents.mainFrame)) as { error: { code: string } }).error.code, 'forbidden');
    } finally {
      contents.mainFrame.url = saved;
    }
    assert.equal(((await ipc.invoke('settings:get', null)) as { error: { code: string } }).error.code, 'forbidden', 'a destroyed frame is refused');
  });

  test('validates arguments from the trusted window too', async () => {
    const r = (await ipc.invoke('settings:update', contents.mainFrame, { concurrency: 'lots' })) as { ok: boolean; error: { code: string } };
    assert.equal(r.ok, false);
    assert.equal(r.error.code, 'usage');
  });

  test('the token goes in but never comes back out', async () => {
    const replies = [
      await ipc.invoke('token:save', contents.mainFrame, TOKEN, 'session'),
      await ipc.invoke('token:status', contents.mainFrame),
      await ipc.invoke('token:save', contents.mainFrame, TOKEN, 'persistent'),
      await ipc.invoke('token:status', contents.mainFrame),
      await ipc.invoke('settings:get', contents.mainFrame),
      await ipc.invoke('history:list', contents.mainFrame),
    ];
    const text = JSON.stringify(replies);
    assert.ok(!text.includes(TOKEN));
    assert.match(text, /"last4":"9a7e"/, 'the last 4 characters tell tokens apart');
  });

  test('pushes window events to the window, and not to a destroyed one', () => {
    f.services.events.emit('jobs:progress', { jobId: 'j', bytesRead: 1, totalBytes: 2, lines: 1 });
    assert.deepEqual(contents.sent.at(-1), { channel: 'jobs:progress', payload: { jobId: 'j', bytesRead: 1, totalBytes: 2, lines: 1 } });
    contents.destroyed = true;
    const count = contents.sent.length;
    f.services.events.emit('jobs:progress', { jobId: 'k', bytesRead: 1, totalBytes: 2, lines: 1 });
    assert.equal(contents.sent.length, count);
    contents.destroyed = false;
  });
});
