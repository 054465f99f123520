import { basename } from 'node:path';
import type CliProgress from 'cli-progress';
import type { MultiBar, SingleBar } from 'cli-progress';
import { partsNotice } from '../engine/parts/parts-notice.js';
import type { PartRef, SendEvent } from '../engine/send/send-types.js';
import type { TransferProgress } from '../engine/upload/upload-events.js';
import { escapeName } from '../engine/text/shown-text.js';
import { formatBytes, formatCount, formatSeconds, printableText, say } from './output.js';
import { framingSentence } from './validation-report.js';

/** Where an `upload` run shows its progress: a bar per transfer, plain lines, or nothing (--json). */
export interface UploadReporter {
  event(label: string, e: SendEvent): void;
  /** A line that must not be overwritten by the bars (a note, a finished file). */
  line(text: string): void;
  stop(): void;
}

/**
 * Picks the reporter: bars on a terminal, plain lines when piped, silence for --json.
 * cli-progress (and the word wrapper its lines need) is loaded only for the bars, which are
 * drawn on `stream` (standard error unless a test gives another terminal).
 */
export async function createUploadReporter(mode: { json: boolean; tty: boolean }, stream: NodeJS.WriteStream = process.stderr): Promise<UploadReporter> {
  if (mode.json) return { event() {}, line() {}, stop() {} };
  if (!mode.tty) return createLineReporter();
  const [{ default: cliProgress }, { default: wrapAnsi }] = await Promise.all([import('cli-progress'), import('wrap-ansi')]);
  // While bars are drawn cli-progress turns the terminal's own line wrapping off, so a line
  // wider than the terminal is cut ("... 4 parts, eac."): every line is wrapped at words first.
  const wrap = (text: string): string => wrapAnsi(text, Math.max(20, stream.columns || 80), { hard: true, trim: false });
  return createBarReporter(cliProgress, stream, wrap);
}

/** The name a transfer goes by: the file, or the file and which part. */
function transferName(label: string, part: PartRef): string {
  return part.count > 1 ? `${label} [part ${part.index}/${part.count}]` : label;
}

function describeProgress(p: TransferProgress): string {
  const rate = p.bytesPerSecond > 0 ? `, ${formatBytes(p.bytesPerSecond)}/s` : '';
  const eta = p.etaSeconds !== null && p.bytesSent < p.totalBytes ? `, about ${formatSeconds(p.etaSeconds)} left` : '';
  return `${formatBytes(p.bytesSent)} of ${formatBytes(p.totalBytes)}${rate}${eta}`;
}

function retryLine(name: string, e: Extract<SendEvent, { kind: 'retrying' }>): string {
  return `${name}: retrying: ${e.reason} (attempt ${e.attempt}, in ${formatSeconds(e.delayMs / 1000)})`;
}

/** Lines said once, whatever the reporter: the cleaned copy, the parts notice, parts sent earlier. */
function noteFor(label: string, e: SendEvent): string | null {
  switch (e.kind) {
    case 'cleaned':
      return `${label}: removed ${framingSentence(e.framing) ?? 'blank lines'}, which Lexer counts as invalid rows, and uploaded a cleaned copy.`;
    case 'parts-planned': {
      const lines = [`${label}: ${partsNotice(e, formatBytes) ?? ''}`];
      if (e.earlier.length > 0) {
        lines.push(`${label}: ${formatCount(e.earlier.length)} of ${formatCount(e.parts.length)} parts were sent by an earlier try `
          + `(upload ids ${e.earlier.map((p) => p.uploadId).join(', ')}); sending only the other ${formatCount(e.parts.length - e.earlier.length)}.`);
      }
      return lines.join('\n');
    }
    default:
      return null;
  }
}

/** Plain lines for logs and pipes: every 10% rather than every tick, plus retries. */
function createLineReporter(): UploadReporter {
  const lastDecile = new Map<string, number>();
  /** Says `text` when `done` of `total` reached a new tenth for `key`. */
  const decile = (key: string, done: number, total: number, text: () => string): void => {
    const d = total > 0 ? Math.floor((done / total) * 10) : 10;
    if (d <= (lastDecile.get(key) ?? 0) || d === 0) return;
    lastDecile.set(key, d);
    say(`${key}: ${d * 10}% (${text()})`);
  };
  return {
    event(label, e) {
      const note = noteFor(label, e);
      if (note) return say(note);
      switch (e.kind) {
        case 'compressing':
          return decile(`${label}: compressing`, e.bytesRead, e.totalBytes, () => `${formatBytes(e.bytesRead)} -> ${formatBytes(e.bytesWritten)} so far`);
        case 'splitting':
          return decile(`${label}: cutting into parts`, e.bytesRead, e.totalBytes, () => `${formatBytes(e.bytesRead)} read, part ${e.parts}`);
        case 'started':
          return say(`${label}: uploading ${formatBytes(e.bytes)}`);
        case 'uploading':
          return decile(transferName(label, e.part), e.progress.bytesSent, e.progress.totalBytes, () => describeProgress(e.progress));
        case 'retrying':
          lastDecile.delete(transferName(label, e.part)); // a retry sends the file from byte 0 again
          return say(retryLine(transferName(label, e.part), e));
        case 'part-done':
          if (e.part.count > 1) say(`${transferName(label, e.part)}: sent as ${e.part.filename} (upload id ${e.uploadId})`);
          return;
        case 'checking-duplicate':
        case 'queued':
        case 'validating':
        case 'cleaned':
        case 'parts-planned':
        case 'requesting-url':
        case 'part-failed':
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

/** A cli-progress bar per transfer (and one while compressing) on standard error: bytes, percent, speed, time left. */
function createBarReporter(cliProgress: typeof CliProgress, stream: NodeJS.WriteStream, wrap: (text: string) => string): UploadReporter {
  const multibar: MultiBar = new cliProgress.MultiBar({
    // {eta} is cli-progress's own (and reads INF at the start); ours comes from the engine's meter.
    format: '{name} |{bar}| {percentage}% | {sent} of {size} | {speed} | {left}',
    hideCursor: true,
    gracefulExit: false,
    clearOnComplete: false,
    barsize: 30,
    stream,
  }, cliProgress.Presets.shades_classic);
  const bars = new Map<string, SingleBar>();
  const bar = (key: string, title: string, total: number): SingleBar => {
    const existing = bars.get(key);
    if (existing) return existing;
    const name = cut(escapeName(title), 28).padEnd(20);
    const created = multibar.create(Math.max(total, 1), 0, { name, sent: '0 B', size: formatBytes(total), speed: '', left: '' });
    bars.set(key, created);
    return created;
  };
  // MultiBar.log only shows while bars are drawn; before the first bar, write directly.
  const line = (text: string): void => {
    const shown = wrap(printableText(text));
    void (bars.size > 0 ? multibar.log(`${shown}\n`) : stream.write(`${shown}\n`));
  };
  return {
    event(label, e) {
      const note = noteFor(label, e);
      if (note) return line(note);
      switch (e.kind) {
        case 'compressing':
        case 'splitting': {
          const title = `${basename(label)} ${e.kind === 'compressing' ? 'gzip' : 'parts'}`;
          bar(`${label}#prepare`, title, e.totalBytes).update(e.bytesRead, { sent: formatBytes(e.bytesRead), speed: `-> ${formatBytes(e.bytesWritten)}` });
          return;
        }
        case 'requesting-url':
          bar(transferName(label, e.part), transferName(basename(label), e.part), e.part.bytes);
          return;
        case 'uploading': {
          const p = e.progress;
          bar(transferName(label, e.part), transferName(basename(label), e.part), p.totalBytes).update(p.bytesSent, {
            sent: formatBytes(p.bytesSent),
            speed: p.bytesPerSecond > 0 ? `${formatBytes(p.bytesPerSecond)}/s` : '',
            left: p.etaSeconds !== null && p.bytesSent < p.totalBytes ? `${formatSeconds(p.etaSeconds)} left` : '',
          });
          return;
        }
        case 'retrying':
          bars.get(transferName(label, e.part))?.update(0, { sent: '0 B', speed: '', left: 'retrying' });
          line(retryLine(transferName(label, e.part), e));
          return;
        case 'checking-duplicate':
        case 'queued':
        case 'validating':
        case 'cleaned':
        case 'parts-planned':
        case 'started':
        case 'part-done':
        case 'part-failed':
          return;
        default: {
          const _exhaustive: never = e;
          return _exhaustive;
        }
      }
    },
    line,
    stop: () => multibar.stop(),
  };
}

function cut(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}
