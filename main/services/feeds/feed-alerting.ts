/**
 * A stored feed's alerts in the app: its channels (the webhook through the system's proxy, mail
 * with the password from the vault), started with the feed and stopped with it, and how they are
 * doing for the feed's row.
 */
import type { FeedAlertChannel } from '../../contract/feeds.js';
import type { AlertChannel } from '../../engine/alerts/alert-types.js';
import { emailChannel } from '../../engine/alerts/email-channel.js';
import { startFeedAlerts, type FeedAlerts } from '../../engine/alerts/feed-alerts.js';
import { webhookChannel } from '../../engine/alerts/webhook-channel.js';
import { proxyAgents } from '../../engine/api/proxy-agents.js';
import type { UploadHistory } from '../../engine/history/upload-history.js';
import type { SecretStore } from '../../engine/vault/secret-store.js';
import { toAlertSettings } from './feed-alert-settings.js';
import type { StoredFeed } from './feed-store.js';

/** The vault's name for a feed's mail password. */
export const smtpSecretName = (feedId: string): string => `smtp-${feedId}`;

export interface AlertingDeps {
  readonly secrets: SecretStore;
  readonly history: UploadHistory;
  readonly resolveProxy?: ((url: string) => Promise<string | null>) | undefined;
  /** A channel's state changed (the window is told). */
  readonly onChange: () => void;
}

/** Starts the alerts of `f` (null when it has none); `token` is masked out of every alert. */
export async function startAlertsFor(f: StoredFeed, token: string | null, d: AlertingDeps): Promise<FeedAlerts | null> {
  const a = f.settings.alerts;
  if (!a) return null;
  const settings = await toAlertSettings(a);
  const channels: AlertChannel[] = [];
  if (settings.webhookUrl) channels.push(webhookChannel(settings.webhookUrl, { agent: proxyAgents(await d.resolveProxy?.(settings.webhookUrl)) }));
  if (settings.email) channels.push(emailChannel(settings.email, settings.email.user ? await d.secrets.get(smtpSecretName(f.id)) : null));
  const last = d.history.list().find((e) => e.feed === f.settings.path);
  return startFeedAlerts({
    feed: f.settings.path, settings, channels, token, lastArrival: last ? new Date(last.createdAt) : null, onStatus: () => d.onChange(),
  });
}

/** The alert channels and the next file's due time, for the feed's row. */
export function alertView(a: FeedAlerts | null | undefined): { alerts: readonly FeedAlertChannel[]; nextFileDue: string | null } {
  return { alerts: a?.status().map((s) => ({ ...s })) ?? [], nextFileDue: a?.nextDeadline()?.toISOString() ?? null };
}
