import type { SingleBar } from 'cli-progress';
import { escapeName } from '../engine/text/shown-text.js';
import { formatBytes } from './output.js';

/** A bar of bytes read, or nothing. */
export interface ByteProgress {
  update(bytesRead: number, totalBytes: number, count: number): void;
  stop(): void;
}

/**
 * A bar of bytes read for `validate` and `convert` on a terminal; does nothing elsewhere or with
 * --json. cli-progress is loaded only when a bar is drawn, so piped and --json runs never load it.
 */
export async function createByteProgress(label: string, o: { enabled: boolean }): Promise<ByteProgress> {
  if (!o.enabled) return { update() {}, stop() {} };
  const { default: cliProgress } = await import('cli-progress');
  let bar: SingleBar | null = null;
  return {
    update(bytesRead, totalBytes, count) {
      if (!bar) {
        bar = new cliProgress.SingleBar({
          format: `${escapeName(label)} |{bar}| {percentage}% | {read} of {size} | {count} lines | {eta_formatted} left`,
          hideCursor: true, gracefulExit: false, clearOnComplete: true, barsize: 30, stream: process.stderr,
        }, cliProgress.Presets.shades_classic);
        bar.start(Math.max(totalBytes, 1), 0, { read: '0 B', size: formatBytes(totalBytes), count: 0 });
      }
      bar.update(bytesRead, { read: formatBytes(bytesRead), count: count.toLocaleString('en-US') });
    },
    stop() {
      bar?.stop();
    },
  };
}
