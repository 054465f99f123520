import { basename } from 'node:path';
import type CliProgress from 'cli-progress';
import type { MultiBar, SingleBar } from 'cli-progress';
import type { TransferProgress, UploadEvent } from '../upload/upload-events.js';
import { formatBytes, formatSeconds, say } from './output.js';

/** Where an `upload` run shows its progress: a bar per file, plain lines, or nothing (--json). */
export interface UploadReporter {
  started(label: string, bytes: number): void;
  event(label: string, e: UploadEvent): void;
  /** A line that must not be overwritten by the bars (a note, a finished file). */
  line(text: string): void;
  stop(): void;
}

/**
 * Picks the reporter: bars on a terminal, plain lines when piped, silence for --json.
 * cli-progress is loaded only for the bars.
 */
export async function createUploadReporter(mode: { json: boolean; tty: boolean }): Promise<UploadReporter> {
  if (mode.json) return { started() {}, event() {}, line() {}, stop() {} };
  if (!mode.tty) return createLineReporter();
  const { default: cliProgress } = await import('cli-progress');
  return createBarReporter(cliProgress);
}

function describeProgress(p: TransferProgress): string {
  const rate = p.bytesPerSecond > 0 ? `, ${formatBytes(p.bytesPerSecond)}/s` : '';
  const eta = p.etaSeconds !== null && p.bytesSent < p.totalBytes ? `, about ${formatSeconds(p.etaSeconds)} left` : '';
  return `${formatBytes(p.bytesSent)} of ${formatBytes(p.totalBytes)}${rate}${eta}`;
}

function retryLine(label: string, e: Extract<UploadEvent, { kind: 'retrying' }>): string {
  return `${label}: retrying: ${e.reason} (attempt ${e.attempt}, in ${formatSeconds(e.delayMs / 1000)})`;
}

/** Plain lines for logs and pipes: every 10% rather than every tick, plus retries. */
function createLineReporter(): UploadReporter {
  const lastDecile = new Map<string, number>();
  return {
    started(label, bytes) {
      say(`${label}: uploading ${formatBytes(bytes)}`);
    },
    event(label, e) {
      switch (e.kind) {
        case 'checking-file':
        case 'requesting-url':
          return;
        case 'uploading': {
          const { bytesSent, totalBytes } = e.progress;
          const decile = totalBytes > 0 ? Math.floor((bytesSent / totalBytes) * 10) : 10;
          if (decile <= (lastDecile.get(label) ?? 0) || decile === 0) return;
          lastDecile.set(label, decile);
          say(`${label}: ${decile * 10}% (${describeProgress(e.progress)})`);
          return;
        }
        case 'retrying':
          lastDecile.delete(label); // a retry sends the file from byte 0 again
          say(retryLine(label, e));
          return;
        default: {
          const _exhaustive: never = e;
          return _exhaustive;
        }
      }
    },
    line: (text) => say(text),
    stop() {},
  };
}

/** A cli-progress bar per file on standard error: bytes, percent, speed, time left. */
function createBarReporter(cliProgress: typeof CliProgress): UploadReporter {
  const multibar: MultiBar = new cliProgress.MultiBar({
    // {eta} is cli-progress's own (and reads INF at the start); ours comes from the engine's meter.
    format: '{name} |{bar}| {percentage}% | {sent} of {size} | {speed} | {left}',
    hideCursor: true,
    gracefulExit: false,
    clearOnComplete: false,
    barsize: 30,
    stream: process.stderr,
  }, cliProgress.Presets.shades_classic);
  const bars = new Map<string, SingleBar>();
  return {
    started(label, bytes) {
      const name = cut(basename(label), 28).padEnd(20);
      bars.set(label, multibar.create(Math.max(bytes, 1), 0, { name, sent: '0 B', size: formatBytes(bytes), speed: '', left: '' }));
    },
    event(label, e) {
      const bar = bars.get(label);
      if (!bar) return;
      switch (e.kind) {
        case 'checking-file':
        case 'requesting-url':
          return;
        case 'uploading': {
          const p = e.progress;
          bar.update(p.bytesSent, {
            sent: formatBytes(p.bytesSent),
            speed: p.bytesPerSecond > 0 ? `${formatBytes(p.bytesPerSecond)}/s` : '',
            left: p.etaSeconds !== null && p.bytesSent < p.totalBytes ? `${formatSeconds(p.etaSeconds)} left` : '',
          });
          return;
        }
        case 'retrying':
          bar.update(0, { sent: '0 B', speed: '', left: 'retrying' });
          multibar.log(`${retryLine(label, e)}\n`);
          return;
        default: {
          const _exhaustive: never = e;
          return _exhaustive;
        }
      }
    },
    // MultiBar.log only shows while bars are drawn; before the first bar, write directly.
    line: (text) => (bars.size > 0 ? multibar.log(`${text}\n`) : process.stderr.write(`${text}\n`)),
    stop: () => multibar.stop(),
  };
}

function cut(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}
