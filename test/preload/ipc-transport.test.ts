// The preload's IPC transport with a fake ipcRenderer and webUtils.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import type { IpcRenderer, WebUtils } from 'electron';
import { createIpcTransport } from '../../preload/ipc-transport.js';
import { createApi } from '../../preload/create-api.js';

function fakeIpc() {
  const bus = new EventEmitter();
  const invoked: unknown[][] = [];
  const ipc = {
    invoke: async (...args: unknown[]) => (invoked.push(args), { ok: true, value: 'answer' }),
    on: (c: string, l: (...a: unknown[]) => void) => bus.on(c, l),
    removeListener: (c: string, l: (...a: unknown[]) => void) => bus.removeListener(c, l),
  } as unknown as Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;
  return { bus, invoked, ipc };
}

test('calls go through invoke; a subscription ends with the function it returned', async () => {
  const { bus, invoked, ipc } = fakeIpc();
  const api = createApi(createIpcTransport(ipc, { getPathForFile: () => '' } as Pick<WebUtils, 'getPathForFile'>));
  assert.deepEqual(await api.jobs.cancel('j1'), { ok: true, value: 'answer' });
  assert.deepEqual(invoked, [['jobs:cancel', 'j1']]);
  const seen: string[] = [];
  const off = api.uploads.onState((e) => seen.push(e.id));
  bus.emit('uploads:state', {}, { id: 'a', state: { kind: 'pending' } });
  off();
  bus.emit('uploads:state', {}, { id: 'b', state: { kind: 'pending' } });
  assert.deepEqual(seen, ['a']);
  assert.equal(bus.listenerCount('uploads:state'), 0);
});

test('a dropped file becomes its real path; a file with no path is refused plainly', async () => {
  const { ipc } = fakeIpc();
  const file = new File(['x'], 'people.csv');
  const withPath = createIpcTransport(ipc, { getPathForFile: () => '/home/me/people.csv' });
  assert.deepEqual(await withPath.resolveFile(file), { ok: true, value: '/home/me/people.csv' });
  const without = await createIpcTransport(ipc, { getPathForFile: () => '' }).resolveFile(file);
  assert.ok(!without.ok && without.error.code === 'file-unreadable' && without.error.message.includes('people.csv'));
});
