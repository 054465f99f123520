/**
 * `lexer-upload watch`'s alerts: the options turned into a feed's alert settings (the mail
 * password from --smtp-password-file, LEXER_UPLOAD_SMTP_PASSWORD or the stored one, never the
 * command line), the channels, and the log lines that say what was raised and how each channel is
 * doing. Loaded only when a watch has alerts, so nodemailer and the cron library stay out of
 * every other command's start.
 */
import { readFile, stat } from 'node:fs/promises';
import { configDir } from '../engine/config/paths.js';
import { checkCron, checkEmailSettings, checkWebhookUrl, parseAddresses, parseInterval, type AlertSettings, type EmailSettings, type Expectation, type SmtpSecurity } from '../engine/alerts/alert-settings.js';
import type { AlertChannel, AlertChannelStatus } from '../engine/alerts/alert-types.js';
import { emailChannel } from '../engine/alerts/email-channel.js';
import { startFeedAlerts, type FeedAlerts } from '../engine/alerts/feed-alerts.js';
import { webhookChannel } from '../engine/alerts/webhook-channel.js';
import { toLexerError } from '../engine/errors.js';
import type { UploadHistory } from '../engine/history/upload-history.js';
import { UsageError, warn } from './output.js';
import type { WatchLog } from './watch-log.js';

/** The alert options of `lexer-upload watch`, as commander parsed them. */
export interface AlertOptions {
  alertWebhook?: string; alertEmail?: string; smtpHost?: string; smtpPort?: number; smtpSecurity?: SmtpSecurity; smtpUser?: string;
  smtpFrom?: string; smtpPasswordFile?: string; alertLeftOut: number; expectEvery?: string; expectBy?: string; testAlert?: boolean; once?: boolean;
}

/** The stored mail password's name (`lexer-upload token set --smtp-password`, commands/token.ts). */
const SMTP_SECRET = 'smtp-password';

const DEFAULT_PORT: Readonly<Record<SmtpSecurity, number>> = { starttls: 587, tls: 465, none: 25 };

/** A checked setting, or the engine's refusal as a usage error naming the option. */
function usage<T>(option: string, check: () => T): T {
  try {
    return check();
  } catch (error) {
    const e = toLexerError(error);
    throw new UsageError(`${option}: ${e.message}${e.hint ? ` ${e.hint}` : ''}`);
  }
}

async function smtpPassword(o: AlertOptions, env: NodeJS.ProcessEnv): Promise<string | null> {
  if (o.smtpPasswordFile !== undefined) {
    const info = await stat(o.smtpPasswordFile).catch(() => null);
    if (!info?.isFile()) throw new UsageError(`--smtp-password-file: ${o.smtpPasswordFile} does not exist or is not a file.`);
    if (process.platform !== 'win32' && (info.mode & 0o077) !== 0) warn(`warning: ${o.smtpPasswordFile} can be read by other users of this computer; run \`chmod 600 ${o.smtpPasswordFile}\`.`);
    return (await readFile(o.smtpPasswordFile, 'utf8')).replace(/\r?\n$/, '') || null;
  }
  if (env.LEXER_UPLOAD_SMTP_PASSWORD) return env.LEXER_UPLOAD_SMTP_PASSWORD;
  const { createDefaultSecrets } = await import('../engine/vault/secret-store.js');
  return (await createDefaultSecrets(configDir(env), env)).get(SMTP_SECRET);
}

async function emailSettings(o: AlertOptions, env: NodeJS.ProcessEnv): Promise<{ email: EmailSettings; password: string | null } | null> {
  const smtpGiven = [o.smtpHost, o.smtpPort, o.smtpSecurity, o.smtpUser, o.smtpFrom, o.smtpPasswordFile].some((v) => v !== undefined);
  if (o.alertEmail === undefined) {
    if (smtpGiven) throw new UsageError('The --smtp-... options go with --alert-email (who gets the alerts).');
    return null;
  }
  if (!o.smtpHost) throw new UsageError('--alert-email needs --smtp-host (the mail server that sends them).');
  const to = usage('--alert-email', () => parseAddresses(o.alertEmail ?? '', 'The recipients'));
  const from = o.smtpFrom ?? (o.smtpUser && o.smtpUser.includes('@') ? o.smtpUser : undefined);
  if (!from) throw new UsageError('--alert-email needs --smtp-from (the sender\'s address), unless --smtp-user is one.');
  const security = o.smtpSecurity ?? 'starttls';
  const password = o.smtpUser ? await smtpPassword(o, env) : null;
  if (o.smtpUser && password === null) {
    throw new UsageError(`--smtp-user ${o.smtpUser} needs a password: --smtp-password-file FILE, env LEXER_UPLOAD_SMTP_PASSWORD, or store it with \`lexer-upload token set --smtp-password\`.`);
  }
  const email = usage('--smtp-host', () => checkEmailSettings({ host: o.smtpHost ?? '', port: o.smtpPort ?? DEFAULT_PORT[security], security, user: o.smtpUser ?? null, from, to }, password !== null));
  return { email, password };
}

/** The alert settings the options give (null: none asked for), and the mail password. */
export async function alertsFromOptions(o: AlertOptions, env: NodeJS.ProcessEnv = process.env): Promise<{ settings: AlertSettings; password: string | null } | null> {
  const mail = await emailSettings(o, env);
  const webhookUrl = o.alertWebhook === undefined ? null : usage('--alert-webhook', () => checkWebhookUrl(o.alertWebhook ?? ''));
  if (o.expectEvery !== undefined && o.expectBy !== undefined) throw new UsageError('Give --expect-every or --expect-by, not both.');
  let expect: Expectation | null = null;
  if (o.expectEvery !== undefined) expect = { kind: 'every', ms: usage('--expect-every', () => parseInterval(o.expectEvery ?? '', 'The interval')) };
  if (o.expectBy !== undefined) {
    const expression = o.expectBy;
    expect = { kind: 'cron', expression: await checkCron(expression).catch((error: unknown) => usage('--expect-by', () => { throw error; })) };
  }
  if (!webhookUrl && !mail) {
    if (expect || o.testAlert) throw new UsageError(`${expect ? '--expect-every and --expect-by need' : '--test-alert needs'} somewhere to send alerts: --alert-webhook URL or --alert-email ADDRESSES.`);
    return null;
  }
  if (expect && o.once) throw new UsageError('--expect-every and --expect-by watch the folder over time, so they do not go with --once.');
  return { settings: { webhookUrl, email: mail?.email ?? null, leftOutPercent: o.alertLeftOut, expect }, password: mail?.password ?? null };
}

/** The channels of `settings`. */
export function alertChannels(settings: AlertSettings, password: string | null): AlertChannel[] {
  return [
    ...(settings.webhookUrl ? [webhookChannel(settings.webhookUrl)] : []),
    ...(settings.email ? [emailChannel(settings.email, password)] : []),
  ];
}

const channelName = (s: Pick<AlertChannelStatus, 'kind' | 'target'>): string => `${s.kind === 'webhook' ? 'webhook' : 'mail'} ${s.target}`;

/** Sends a test alert on every channel and prints how each did; 0 when all delivered it. */
export async function sendTestAlert(folder: string, settings: AlertSettings, password: string | null, log: WatchLog): Promise<boolean> {
  const alerts = await startFeedAlerts({ feed: folder, settings: { ...settings, expect: null }, channels: alertChannels(settings, password), token: null, lastArrival: null });
  const results = await alerts.test();
  for (const r of results) log.line(r.state === 'ok' ? `test alert delivered: ${channelName(r)}` : `test alert NOT delivered: ${channelName(r)}: ${r.message ?? ''}`);
  await alerts.close(0);
  return results.every((r) => r.state === 'ok');
}

/** Starts the feed's alerts, the log saying each alert raised and each change in a channel's state. */
export async function startWatchAlerts(folder: string, a: { settings: AlertSettings; password: string | null }, o: { token: string; history: UploadHistory | null; log: WatchLog }): Promise<FeedAlerts> {
  const last = o.history?.list().find((e) => e.feed === folder);
  let failing = new Set<string>();
  return startFeedAlerts({
    feed: folder, settings: a.settings, channels: alertChannels(a.settings, a.password), token: o.token,
    lastArrival: last ? new Date(last.createdAt) : null,
    onAlert: (alert) => o.log.line(`alert (${alert.kind}): ${alert.text}`),
    onStatus: (s) => {
      const name = channelName(s);
      if (s.state === 'failing') {
        failing = new Set(failing).add(name);
        o.log.line(`alert channel failing: ${name}: ${s.message ?? ''}`);
      } else if (s.state === 'ok' && failing.has(name)) {
        failing.delete(name);
        o.log.line(`alert channel working again: ${name}`);
      }
    },
  });
}
