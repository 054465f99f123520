/**
 * Checks for arguments that arrive from the renderer (or the browser host) as `unknown`.
 * Each returns the typed value or throws a `usage` LexerError naming the argument, so a
 * compromised or buggy window can never hand the engine a shape it did not expect.
 */
import { isLoopbackHost } from '../../engine/api/upload-url.js';
import { isRecordTypeName, type RecordTypeName } from '../../engine/schemas/record-type-names.js';
import { usageError } from './result.js';

/** A non-empty string no longer than `max` characters. */
export function asString(value: unknown, name: string, max = 4096): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > max) {
    throw usageError(`${name} must be a non-empty text of at most ${max} characters.`);
  }
  return value;
}

/** A string that may be empty (e.g. clearing the default dataset ID). */
export function asOptionalText(value: unknown, name: string, max = 256): string {
  if (typeof value !== 'string' || value.length > max) throw usageError(`${name} must be text of at most ${max} characters.`);
  return value;
}

/** An identifier chosen by the renderer for a card or a job: letters, digits, `-`, `_`, `.`, `:`. */
export function asId(value: unknown, name: string): string {
  if (typeof value !== 'string' || !/^[A-Za-z0-9._:-]{1,128}$/.test(value)) {
    throw usageError(`${name} must be 1 to 128 letters, digits, dots, dashes, colons or underscores.`);
  }
  return value;
}

/** A boolean, strictly. */
export function asBoolean(value: unknown, name: string): boolean {
  if (typeof value !== 'boolean') throw usageError(`${name} must be true or false.`);
  return value;
}

/** An integer in [min, max]. */
export function asInteger(value: unknown, name: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw usageError(`${name} must be a whole number from ${min} to ${max}.`);
  }
  return value;
}

/** One of the 12 record types. */
export function asRecordType(value: unknown, name = 'recordType'): RecordTypeName {
  if (!isRecordTypeName(value)) throw usageError(`${name} must be one of Lexer's record types.`);
  return value;
}

/** A plain object (not an array, not null) whose keys are all in `allowed`. */
export function asObject(value: unknown, name: string, allowed: readonly string[]): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw usageError(`${name} must be an object.`);
  const extra = Object.keys(value).filter((k) => !allowed.includes(k));
  if (extra.length > 0) throw usageError(`${name} has unexpected fields: ${extra.join(', ')}.`);
  return value as Record<string, unknown>;
}

/** An array of strings, at most `max` long. */
export function asStringArray(value: unknown, name: string, max = 10_000): string[] {
  if (!Array.isArray(value) || value.length > max || !value.every((v) => typeof v === 'string' && v.length <= 4096)) {
    throw usageError(`${name} must be a list of at most ${max} texts.`);
  }
  return value as string[];
}

/** Exactly `count` arguments, so extra arguments are a visible mistake rather than ignored. */
export function expectArgs(args: readonly unknown[], count: number, channel: string): void {
  if (args.length !== count) throw usageError(`${channel} takes ${count} argument(s), got ${args.length}.`);
}

const URL_HINT = 'Use the Lexer default, https://api.lexer.io, or the sandbox address you were given.';

/**
 * An https URL without credentials, for the API base URL setting; plain http only to this
 * machine (the sandbox). Checked when saved, not only when used: a page holding the browser
 * host's key could otherwise point the saved token at any server in clear text.
 */
export function asHttpUrl(value: unknown, name: string): string {
  const text = asString(value, name, 2048).trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw usageError(`${name} must be a web address such as https://api.lexer.io.`, URL_HINT);
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password) {
    throw usageError(`${name} must be an http or https address without a user name or password.`, URL_HINT);
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw usageError(`${name} must start with https://: with plain http the token and your files would travel unencrypted (http is allowed only for this computer, such as the local sandbox).`, URL_HINT);
  }
  return text.replace(/\/+$/, '');
}
