// Taskbar progress, keeping awake, the end-of-batch notification and the quit question.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import type { App, BrowserWindow, Dialog } from 'electron';
import { createEventHub, type ServiceEvents } from '../../main/services/channels/event-hub.js';
import { setupShellActivity } from '../../main/desktop/shell-activity.js';
import { setupQuitGuard } from '../../main/desktop/quit-guard.js';

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
  /**
   * A stand-in for the pieces of Electron the guard uses, with Electron's order of events on
   * Windows and Linux: closing the window emits `close` (which can be prevented); if it is not,
   * the window is destroyed and, being the last one, `window-all-closed` calls app.quit(), which
   * emits `before-quit` (which can be prevented too). app.quit() closes the windows itself, and
   * then Electron does not emit `window-all-closed`.
   */
  function setup(o: { active: number; answer: number; platform?: NodeJS.Platform }) {
    const appEvents = new EventEmitter();
    const calls = { quit: 0, stopAll: 0, stopped: 0, asked: [] as Array<'window' | 'none'> };
    let active = o.active;
    let destroyed = false;
    const winEvents = new EventEmitter();
    const win = { on: (e: string, fn: (...a: unknown[]) => void) => winEvents.on(e, fn), isDestroyed: () => destroyed } as unknown as BrowserWindow;
    const app = {
      on: (e: string, fn: (...a: unknown[]) => void) => appEvents.on(e, fn),
      quit: () => {
        calls.quit++;
        let prevented = false;
        appEvents.emit('before-quit', { preventDefault: () => void (prevented = true) });
        if (!prevented && !destroyed) close(true);
      },
    } as unknown as App;
    const dialog = {
      showMessageBox: async (...args: unknown[]) => {
        calls.asked.push(args.length === 2 && args[0] === win && !destroyed ? 'window' : 'none');
        return { response: o.answer, checkboxChecked: false };
      },
    } as unknown as Dialog;
    const guard = setupQuitGuard({
      app, dialog, platform: o.platform ?? 'linux', window: () => (destroyed ? null : win), activeUploads: () => active,
      stopAll: async () => {
        calls.stopAll++;
        await new Promise((r) => setTimeout(r, 10));
        active = 0;
        calls.stopped++;
      },
    });
    guard.guardWindow(win);
    /** The person clicks the window's close button; answers whether the window went away. */
    function close(byQuit = false): boolean {
      let prevented = false;
      winEvents.emit('close', { preventDefault: () => void (prevented = true) });
      if (prevented) return false;
      destroyed = true;
      if (!byQuit && (o.platform ?? 'linux') !== 'darwin') app.quit(); // window-all-closed
      return true;
    }
    const settle = () => new Promise((r) => setTimeout(r, 50));
    return { calls, close, settle, isDestroyed: () => destroyed, quitFromMenu: () => app.quit() };
  }

  test('closing the window quits without asking when nothing uploads', async () => {
    const s = setup({ active: 0, answer: 0 });
    assert.equal(s.close(), true);
    await s.settle();
    assert.deepEqual(s.calls, { quit: 1, stopAll: 0, stopped: 0, asked: [] });
  });

  test('closing the window while uploading asks over the window; Keep uploading keeps the window', async () => {
    const s = setup({ active: 2, answer: 0 });
    assert.equal(s.close(), false, 'the window stays until the person answers');
    await s.settle();
    assert.deepEqual(s.calls.asked, ['window'], 'asked once, with the window as the dialog’s parent');
    assert.equal(s.isDestroyed(), false, 'the window is still there after Keep uploading');
    assert.equal(s.calls.quit, 0);
    assert.equal(s.calls.stopAll, 0);
  });

  test('Quit anyway stops the uploads first, then quits and closes the window, asking once', async () => {
    const s = setup({ active: 1, answer: 1 });
    assert.equal(s.close(), false);
    await s.settle();
    assert.equal(s.calls.stopped, 1, 'uploads stopped');
    assert.equal(s.calls.quit, 1, 'then the app quit');
    assert.equal(s.isDestroyed(), true, 'and the window closed');
    assert.equal(s.calls.asked.length, 1, 'before-quit did not ask a second time');
  });

  test('Quit from the menu while uploading asks too, and Keep uploading keeps everything', async () => {
    const keep = setup({ active: 1, answer: 0 });
    keep.quitFromMenu();
    await keep.settle();
    assert.deepEqual(keep.calls.asked, ['window']);
    assert.equal(keep.isDestroyed(), false);
    const quit = setup({ active: 1, answer: 1 });
    quit.quitFromMenu();
    await quit.settle();
    assert.equal(quit.calls.stopped, 1);
    assert.equal(quit.isDestroyed(), true);
  });

  test('on macOS closing the window does not ask (the app and its uploads stay in the dock)', async () => {
    const s = setup({ active: 1, answer: 0, platform: 'darwin' });
    assert.equal(s.close(), true);
    await s.settle();
    assert.deepEqual(s.calls.asked, []);
    s.quitFromMenu(); // Cmd+Q: asked without a window
    await s.settle();
    assert.deepEqual(s.calls.asked, ['none']);
  });
});
