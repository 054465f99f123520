/**
 * A watched folder's alert settings as they arrive from the window: every field checked as
 * unknown, the engine's own checks applied (https webhooks, no password in the clear, a real
 * interval or schedule), and the mail password taken out to be kept in the vault.
 */
import type { FeedAlertSettings, FeedEmailSettings } from '../../contract/feeds.js';
import { DEFAULT_LEFT_OUT_PERCENT, SMTP_SECURITY, checkCron, checkEmailSettings, checkWebhookUrl, parseAddresses, parseInterval, type AlertSettings, type Expectation, type SmtpSecurity } from '../../engine/alerts/alert-settings.js';
import { toLexerError } from '../../engine/errors.js';
import { usageError } from '../channels/result.js';
import { asInteger, asObject, asOptionalText } from '../channels/validators.js';

/** The settings as checked, and the password given with them (kept apart: it never goes into feeds.json). */
export interface ParsedAlerts {
  readonly alerts: FeedAlertSettings;
  readonly password: string | null;
}

/** The engine's refusal, as a usage error for the form. */
function engineCheck<T>(check: () => T): T {
  try {
    return check();
  } catch (error) {
    const e = toLexerError(error);
    throw usageError(e.message, e.hint);
  }
}

function parseEmail(value: unknown): { email: FeedEmailSettings; password: string | null } | null {
  if (value === null || value === undefined) return null;
  const o = asObject(value, 'alerts.email', ['host', 'port', 'security', 'user', 'from', 'to', 'password']);
  if (typeof o.security !== 'string' || !SMTP_SECURITY.includes(o.security as SmtpSecurity)) throw usageError("The mail connection must be 'starttls', 'tls' or 'none'.");
  const user = asOptionalText(o.user ?? '', 'Mail user', 320).trim() || null;
  const password = o.password === undefined || o.password === '' ? null : asOptionalText(o.password, 'Mail password', 1024);
  const email: FeedEmailSettings = {
    host: asOptionalText(o.host, 'Mail server', 255).trim(), port: asInteger(o.port, 'Mail server port', 1, 65_535), security: o.security as SmtpSecurity,
    user, from: asOptionalText(o.from, 'Sender', 320).trim(), to: asOptionalText(o.to, 'Send alerts to', 2000).trim(),
  };
  return { email, password };
}

/** Checks a feed's alert settings; `hasStoredPassword` says a password kept earlier may serve. */
export function parseAlertSettings(value: unknown, hasStoredPassword = false): ParsedAlerts | null {
  if (value === null || value === undefined) return null;
  const o = asObject(value, 'alerts', ['webhookUrl', 'email', 'leftOutPercent', 'expect']);
  const webhook = asOptionalText(o.webhookUrl ?? '', 'Webhook address', 2000).trim();
  const mail = parseEmail(o.email);
  const percent = o.leftOutPercent ?? DEFAULT_LEFT_OUT_PERCENT;
  if (typeof percent !== 'number' || !Number.isFinite(percent) || percent < 0 || percent > 100) throw usageError('Rows left out must be a percentage from 0 to 100.');
  const expect = asOptionalText(o.expect ?? '', 'Expect a file', 200).trim() || null;
  if (!webhook && !mail) return null;
  const alerts: FeedAlertSettings = { webhookUrl: webhook ? engineCheck(() => checkWebhookUrl(webhook)) : null, email: mail?.email ?? null, leftOutPercent: percent, expect };
  if (mail) {
    engineCheck(() => checkEmailSettings({ ...mail.email, to: parseAddresses(mail.email.to, 'Send alerts to') }, mail.password !== null || hasStoredPassword));
    if (mail.email.user && mail.password === null && !hasStoredPassword) throw usageError(`The mail user ${mail.email.user} needs a password.`, 'Type the mail password; it is kept like the API token.');
  }
  return { alerts, password: mail?.password ?? null };
}

/** An expectation as typed: an interval ("24h") or a cron schedule ("0 9 * * 1-5"). */
export async function parseExpectation(text: string): Promise<Expectation> {
  if (/^\s*\d+(\.\d+)?\s*[smhd]\s*$/i.test(text)) return { kind: 'every', ms: engineCheck(() => parseInterval(text, 'Expect a file')) };
  return { kind: 'cron', expression: await checkCron(text).catch((error: unknown) => engineCheck(() => { throw error; })) };
}

/** The engine's alert settings for a stored feed's. */
export async function toAlertSettings(a: FeedAlertSettings): Promise<AlertSettings> {
  return {
    webhookUrl: a.webhookUrl, leftOutPercent: a.leftOutPercent, expect: a.expect ? await parseExpectation(a.expect) : null,
    email: a.email ? { ...a.email, to: parseAddresses(a.email.to, 'Send alerts to') } : null,
  };
}
