// Taskbar progress, keeping awake, the end-of-batch notification and the quit question.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import type { App, BrowserWindow, Dialog } from 'electron';
import { createEventHub, type ServiceEvents } from '../../main/app/event-hub.js';
import { setupShellActivity } from '../../main/electron/shell-activity.js';
import { setupQuitGuard } from '../../main/electron/quit-guard.js';

describe('shell activity', () => {
  test('progress bar, power-save blocker and notification follow the uploads', () => {
    const events = createEventHub<ServiceEvents>();
    const bars: number[] = [];
    const notes: string[] = [];
    let started = 0;
    let stopped = 0;
    let focused = false;
    const win = { setProgressBar: (p: number) => void bars.push(p), isFocused: () => focused, isDestroyed: () => false };
    const off = setupShellActivity({
      events,
      window: () => win,
      powerSaveBlocker: { start: () => ++started, stop: () => (++stopped, true), isStarted: () => true },
      notify: (o) => void notes.push(`${o.title}: ${o.body}`),
    });
    events.emit('activity', { activeUploads: 2, progress: null });
    events.emit('activity', { activeUploads: 2, progress: 0.5 });
    events.emit('activity', { activeUploads: 0, progress: null });
    events.emit('queue:settled', { succeeded: 1, failed: 1, cancelled: 0 });
    assert.deepEqual(bars, [2, 0.5, -1]);
    assert.equal(started, 1, 'one blocker for the whole batch');
    assert.equal(stopped, 1);
    assert.deepEqual(notes, ['Some uploads failed: 1 file uploaded; 1 failed. Open Lexer Uploader to see why.']);
    focused = true;
    events.emit('queue:settled', { succeeded: 1, failed: 0, cancelled: 0 });
    assert.equal(notes.length, 1, 'no notification while the person is looking at the window');
    off();
  });
});

describe('quit guard', () => {
  function setup(active: number, answer: number) {
    let beforeQuit: ((e: { preventDefault(): void }) => void) | null = null;
    const calls = { quit: 0, stopAll: 0, asked: 0 };
    const app = { on: (_: string, fn: typeof beforeQuit) => void (beforeQuit = fn), quit: () => void calls.quit++ } as unknown as App;
    const dialog = { showMessageBox: async () => (calls.asked++, { response: answer, checkboxChecked: false }) } as unknown as Dialog;
    setupQuitGuard({ app, dialog, window: () => null as BrowserWindow | null, activeUploads: () => active, stopAll: () => void calls.stopAll++ });
    let prevented = false;
    (beforeQuit as unknown as (e: { preventDefault(): void }) => void)({ preventDefault: () => void (prevented = true) });
    return { calls, prevented: () => prevented };
  }

  test('quits without asking when nothing uploads', () => {
    const { calls, prevented } = setup(0, 0);
    assert.equal(prevented(), false);
    assert.equal(calls.asked, 0);
  });

  test('asks first while uploading, and keeps uploading unless told to quit', async () => {
    const keep = setup(2, 0);
    assert.equal(keep.prevented(), true);
    await new Promise((r) => setImmediate(r));
    assert.deepEqual(keep.calls, { quit: 0, stopAll: 0, asked: 1 });
    const quit = setup(1, 1);
    await new Promise((r) => setImmediate(r));
    assert.deepEqual(quit.calls, { quit: 1, stopAll: 1, asked: 1 });
  });
});
