/**
 * What the desktop shows while uploads run: taskbar/dock progress (`setProgressBar`), the
 * machine kept awake (`powerSaveBlocker`, so a sleeping laptop does not kill a 5 GB upload),
 * and a native notification when a batch ends while the window is not focused.
 */
import type { BrowserWindow, NotificationConstructorOptions, PowerSaveBlocker } from 'electron';
import type { AppActivity, EventHub, QueueOutcome, ServiceEvents } from '../services/channels/event-hub.js';

export interface ShellDeps {
  events: EventHub<ServiceEvents>;
  window: () => Pick<BrowserWindow, 'setProgressBar' | 'isFocused' | 'isDestroyed'> | null;
  powerSaveBlocker: Pick<PowerSaveBlocker, 'start' | 'stop' | 'isStarted'>;
  notify: (options: NotificationConstructorOptions) => void;
}

/** The notification for a settled batch, in plain words. */
export function outcomeNotice(o: QueueOutcome): NotificationConstructorOptions {
  const done = `${o.succeeded} ${o.succeeded === 1 ? 'file' : 'files'} uploaded`;
  if (o.failed > 0) return { title: 'Some uploads failed', body: `${done}; ${o.failed} failed. Open Lexer Uploader to see why.` };
  return { title: 'Uploads finished', body: `${done}${o.cancelled > 0 ? `; ${o.cancelled} cancelled` : ''}.` };
}

/** Subscribes to the services' activity; returns a function that stops and cleans up. */
export function setupShellActivity(d: ShellDeps): () => void {
  let blocker: number | null = null;
  let active = 0;
  const onActivity = (a: AppActivity): void => {
    active = a.activeUploads;
    const win = d.window();
    if (win && !win.isDestroyed()) win.setProgressBar(a.activeUploads === 0 ? -1 : (a.progress ?? 2)); // 2: indeterminate
    if (a.activeUploads > 0 && blocker === null) blocker = d.powerSaveBlocker.start('prevent-app-suspension');
    if (a.activeUploads === 0 && blocker !== null) {
      if (d.powerSaveBlocker.isStarted(blocker)) d.powerSaveBlocker.stop(blocker);
      blocker = null;
    }
  };
  const onSettled = (o: QueueOutcome): void => {
    const win = d.window();
    if (active === 0 && (!win || win.isDestroyed() || !win.isFocused())) d.notify(outcomeNotice(o));
  };
  const offs = [d.events.on('activity', onActivity), d.events.on('queue:settled', onSettled)];
  return () => {
    for (const off of offs) off();
    onActivity({ activeUploads: 0, progress: null });
  };
}
