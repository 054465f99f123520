/**
 * A feed's alert settings, as the CLI's `watch` options and the app's feed form give them, and
 * the checks that refuse what cannot work (a webhook over plain http to another computer, a
 * password sent unencrypted, an interval that is not one) with a message naming the setting.
 */
import { isLocalApiUrl } from '../api/local-api-url.js';
import { LexerError } from '../errors.js';

/** How the mail server's connection is encrypted: STARTTLS (port 587), TLS from the start (465), or none (a relay on this computer). */
export type SmtpSecurity = 'starttls' | 'tls' | 'none';

export const SMTP_SECURITY: readonly SmtpSecurity[] = ['starttls', 'tls', 'none'];

/** Mail over SMTP; the password is not here: it is kept in the vault, like the API token. */
export interface EmailSettings {
  readonly host: string;
  readonly port: number;
  readonly security: SmtpSecurity;
  /** Who logs in (null: the server takes mail without a login). */
  readonly user: string | null;
  readonly from: string;
  readonly to: readonly string[];
}

/** When a file is expected: at most every `ms`, or by each time of a cron expression ("0 9 * * 1-5": every weekday by 09:00). */
export type Expectation =
  | { readonly kind: 'every'; readonly ms: number }
  | { readonly kind: 'cron'; readonly expression: string };

export interface AlertSettings {
  readonly webhookUrl: string | null;
  readonly email: EmailSettings | null;
  /** Alert when more than this percentage of a converted file's rows is left out as invalid. */
  readonly leftOutPercent: number;
  /** No file within this: alert once, and again when files arrive. Null: never. */
  readonly expect: Expectation | null;
}

export const DEFAULT_LEFT_OUT_PERCENT = 1;

/** Whether any alert can go anywhere. */
export const alertsOn = (s: AlertSettings | null | undefined): s is AlertSettings => Boolean(s && (s.webhookUrl || s.email));

const refuse = (message: string, hint: string): LexerError => new LexerError('usage', message, { hint });

const UNITS: Readonly<Record<string, number>> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Parses an interval such as `24h`, `90m`, `1.5d` or `30s` into milliseconds. */
export function parseInterval(text: string, setting: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([smhd])\s*$/i.exec(text);
  const ms = m ? Number(m[1]) * (UNITS[(m[2] ?? '').toLowerCase()] ?? 0) : 0;
  if (!m || ms < 1000 || ms > 366 * UNITS.d!) {
    throw refuse(`${setting} "${text}" is not an interval.`, 'Write a number and a unit: s, m, h or d, e.g. 24h for a daily file (at least 1s, at most 366d).');
  }
  return ms;
}

/** Checks a webhook address: https, or http to this computer only (the alert would travel unencrypted). */
export function checkWebhookUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw refuse('The webhook address is not a URL.', 'Paste the whole incoming-webhook URL from Slack or Teams, starting with https://.');
  }
  if (url.protocol === 'https:' || (url.protocol === 'http:' && isLocalApiUrl(url.href))) return url.href;
  throw refuse(`The webhook address on ${url.host} does not use https, so alerts would travel unencrypted.`, 'Use the https:// address the chat service gives.');
}

const ADDRESS = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;

/** Splits and checks a list of mail addresses (commas or spaces between them). */
export function parseAddresses(text: string, setting: string): string[] {
  const list = text.split(/[\s,;]+/).filter((a) => a !== '');
  const bad = list.find((a) => !ADDRESS.test(a));
  if (bad !== undefined) throw refuse(`${setting}: "${bad}" is not a mail address.`, 'Write addresses like alerts@example.com, separated by commas.');
  if (list.length === 0) throw refuse(`${setting} is empty.`, 'Give at least one mail address.');
  return list;
}

/** Checks the mail settings; a password over an unencrypted connection to another computer is refused. */
export function checkEmailSettings(s: EmailSettings, hasPassword: boolean): EmailSettings {
  if (!/^[a-z0-9.-]+$/i.test(s.host) && !/^\[[0-9a-f:.]+\]$/i.test(s.host)) throw refuse(`The mail server "${s.host}" is not a host name.`, 'Give the SMTP server\'s name, e.g. smtp.example.com.');
  if (!Number.isInteger(s.port) || s.port < 1 || s.port > 65_535) throw refuse(`The mail server's port ${s.port} is not a port.`, 'Use 587 for STARTTLS, 465 for TLS, 25 for a relay.');
  parseAddresses(s.from, 'The sender');
  if (s.to.length === 0) throw refuse('No one to send alerts to.', 'Give at least one mail address to send alerts to.');
  for (const a of s.to) parseAddresses(a, 'The recipients');
  if (s.security === 'none' && (hasPassword || s.user) && !isLocalApiUrl(`smtp://${s.host}`)) {
    throw refuse(`The login to ${s.host} would travel unencrypted.`, 'Choose STARTTLS (port 587) or TLS (port 465); an unencrypted connection is only for a relay on this computer.');
  }
  return s;
}

/** Checks a cron expression (five fields, as crontab), loading the cron library only now. */
export async function checkCron(expression: string): Promise<string> {
  const { Cron } = await import('croner');
  try {
    const next = new Cron(expression.trim(), { paused: true }).nextRun();
    if (next) return expression.trim();
  } catch {
    // refused below
  }
  throw refuse(`"${expression}" is not a schedule.`, 'Write it as crontab does: minute hour day month weekday, e.g. "0 9 * * 1-5" for every weekday by 09:00.');
}
