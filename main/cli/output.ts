import { LexerError, toLexerError } from '../engine/errors.js';
import { printableJson, printableText } from '../engine/text/shown-text.js';

/** A mistake in how the command was called: exit code 2 and a pointer to `--help`. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Exit codes shared by every command: 0 done, 1 failed, 2 usage error. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/*
 * Every line the command prints goes through printableText: whatever a message quotes (a server's
 * words, a file's name), no escape code, carriage return or bidirectional control reaches the terminal.
 */

/** Writes one line to standard output. */
export function say(line = ''): void {
  process.stdout.write(`${printableText(line)}\n`);
}

/** Writes one line to standard error (notes, warnings, errors). */
export function warn(line: string): void {
  process.stderr.write(`${printableText(line)}\n`);
}

/** Prints a value as one line of JSON on standard output (for --json); characters a terminal obeys are escaped, the value unchanged. */
export function printJson(value: unknown): void {
  process.stdout.write(`${printableJson(JSON.stringify(value))}\n`);
}

/** Prints an error as its message and hint on standard error; never a stack trace. */
export function printError(error: unknown, prefix = 'Error'): LexerError {
  const e = toLexerError(error);
  warn(`${prefix}: ${e.message}`);
  if (e.hint) warn(`  ${e.hint}`);
  return e;
}

/** Human-readable size: 1.2 MB, 512 B. Decimal units, as file managers show them. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${Math.round(bytes)} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = -1;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** A duration in seconds as "45 s", "3 min 5 s", "1 h 2 min". */
export function formatSeconds(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}

/** Formats a count with thousands separators (1,000,000). */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

export { LexerError, printableText };
