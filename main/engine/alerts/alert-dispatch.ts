/**
 * Hands each alert to every channel without waiting for any: a feed calls {@link AlertDispatch.send}
 * and goes on with its files at once. Each channel delivers its alerts one at a time, in order
 * (a failure is not overtaken by its "back to normal"), and its state (delivered, failing and
 * why) is kept for the feed's row and the watch log.
 */
import PQueue from 'p-queue';
import type { Alert, AlertChannel, AlertChannelStatus } from './alert-types.js';

/** Alerts waiting for one channel beyond this are dropped (oldest kept): a channel down for days must not grow without end. */
const MAX_WAITING = 100;

export interface AlertDispatch {
  /** Queues `alert` on every channel; returns at once. */
  send(alert: Alert): void;
  /** Delivers `alert` on every channel and resolves with each channel's result (for "Send a test alert"). */
  sendNow(alert: Alert): Promise<readonly AlertChannelStatus[]>;
  status(): readonly AlertChannelStatus[];
  /** Waits up to `waitMs` for alerts under way, then abandons the rest. */
  close(waitMs: number): Promise<void>;
}

/** A dispatch over `channels`; `onStatus` hears each change of a channel's state. */
export function createAlertDispatch(channels: readonly AlertChannel[], onStatus: (s: AlertChannelStatus) => void = () => undefined): AlertDispatch {
  const abort = new AbortController();
  const lanes = channels.map((channel) => {
    let status: AlertChannelStatus = { kind: channel.kind, target: channel.target, state: 'idle', message: null, lastDeliveredAt: null };
    const set = (next: Partial<AlertChannelStatus>): void => {
      status = { ...status, ...next };
      onStatus(status);
    };
    const deliver = async (alert: Alert): Promise<AlertChannelStatus> => {
      try {
        await channel.send(alert, { signal: abort.signal, onRetry: (message) => set({ state: 'failing', message: `${message} Trying again.` }) });
        set({ state: 'ok', message: null, lastDeliveredAt: new Date().toISOString() });
      } catch (error) {
        if (!abort.signal.aborted) set({ state: 'failing', message: `${(error as Error).message.replace(/([^.!?])$/, '$1.')} The ${alert.kind} alert${alert.file ? ` about ${alert.file}` : ''} was not delivered.` });
      }
      return status;
    };
    return { queue: new PQueue({ concurrency: 1 }), deliver, status: () => status };
  });
  return {
    send(alert) {
      if (abort.signal.aborted) return;
      for (const lane of lanes) {
        if (lane.queue.size >= MAX_WAITING) continue;
        void lane.queue.add(() => lane.deliver(alert));
      }
    },
    async sendNow(alert) {
      return Promise.all(lanes.map((lane) => lane.deliver(alert)));
    },
    status: () => lanes.map((lane) => lane.status()),
    async close(waitMs) {
      const idle = Promise.all(lanes.map((lane) => lane.queue.onIdle()));
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([idle, new Promise<void>((resolve) => { timer = setTimeout(resolve, waitMs); })]);
      clearTimeout(timer);
      for (const lane of lanes) lane.queue.clear();
      abort.abort();
      await idle;
    },
  };
}
