// A watched folder's alerts against a loopback webhook and a real SMTP server (smtp-server), with
// the feed runner sending to the sandbox: a failure, a file tried again, a silence and its
// recovery each give exactly one alert with its facts; a webhook that never answers does not
// hold up the feed's files.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AlertSettings } from '../../../main/engine/alerts/alert-settings.js';
import type { AlertChannel } from '../../../main/engine/alerts/alert-types.js';
import { emailChannel } from '../../../main/engine/alerts/email-channel.js';
import { startFeedAlerts, type FeedAlerts } from '../../../main/engine/alerts/feed-alerts.js';
import { webhookChannel } from '../../../main/engine/alerts/webhook-channel.js';
import { createRateLimiter } from '../../../main/engine/api/rate-limiter.js';
import type { FeedConfig } from '../../../main/engine/feeds/feed-config.js';
import type { FeedEvent } from '../../../main/engine/feeds/feed-events.js';
import { startFeed } from '../../../main/engine/feeds/feed-runner.js';
import { openHistory, type UploadHistory } from '../../../main/engine/history/upload-history.js';
import { createUploadQueue } from '../../../main/engine/upload/upload-queue.js';
import { UNSAFE } from '../../helpers/hostile-text.js';
import { startSmtpCatcher, type SmtpCatcher } from '../../helpers/smtp-catcher.js';
import { startTestSandbox, type TestSandbox } from '../../helpers/sandbox.js';
import { startWebhookServer, type WebhookServer } from '../../helpers/webhook-server.js';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const LOGIN = { user: 'alerts@example.com', pass: 'correct horse battery' };
const FIELDS = ['text', 'kind', 'feed', 'file', 'filename', 'outcome', 'error', 'recordsSent', 'recordsLeftOut', 'uploadIds', 'historyId', 'time'];

describe('feed alerts', () => {
  let t: TestSandbox;
  let hook: WebhookServer;
  let smtp: SmtpCatcher;
  before(async () => {
    t = await startTestSandbox();
    hook = await startWebhookServer();
    smtp = await startSmtpCatcher({ login: LOGIN });
  });
  after(async () => {
    await hook.close();
    await smtp.close();
    await t.stop();
  });

  const channels = (o: { webhook?: WebhookServer; timeoutMs?: number } = {}): AlertChannel[] => [
    webhookChannel((o.webhook ?? hook).url, { timeoutMs: o.timeoutMs ?? 2000, retries: 2, retryBaseMs: 20 }),
    emailChannel({ host: '127.0.0.1', port: smtp.port, security: 'starttls', user: LOGIN.user, from: LOGIN.user, to: ['ops@example.com'] }, LOGIN.pass, { ca: smtp.cert, retries: 2, retryBaseMs: 20 }),
  ];

  /** A feed of `dir` with alerts on both channels; events are kept in order. */
  const run = async (dir: string, o: { token?: string; settings?: Partial<AlertSettings>; channels?: AlertChannel[]; retryDelaysMs?: number[] } = {}) => {
    const feed: FeedConfig = { path: dir, patterns: ['*.csv'], destination: null, convert: null, validate: false, quietSeconds: 0.1, after: 'sent', polling: false };
    const history: UploadHistory = await openHistory(join(dir, '..', `${Date.now()}-history.json`));
    const token = o.token ?? t.sandbox.token;
    const alerts: FeedAlerts = await startFeedAlerts({
      feed: dir, settings: { leftOutPercent: 1, expect: null, ...o.settings }, channels: o.channels ?? channels(), token, lastArrival: null,
    });
    const seen: FeedEvent[] = [];
    const runner = startFeed({
      feed, concurrency: 2, retryDelaysMs: o.retryDelaysMs ?? [30, 30],
      send: {
        apiUrl: t.sandbox.apiUrl, token, limiter: createRateLimiter({ intervalCap: 1000 }), queue: createUploadQueue({ concurrency: 2 }),
        history, sandbox: true, ledgerDir: join(dir, '..'), audience: 'cli', tuning: { maxAttempts: 1, retryBaseMs: 5 },
      },
      onEvent: (e) => {
        seen.push(e);
        alerts.onEvent(e);
      },
    });
    const until = async (ok: () => boolean): Promise<void> => {
      for (let i = 0; i < 500 && !ok(); i++) await sleep(20);
      assert.ok(ok(), 'timed out waiting');
    };
    return { runner, alerts, seen, history, until };
  };
  /** Alerts delivered since `mark` on each channel. */
  const since = (mark: { hooks: number; mails: number }) => ({ hooks: hook.delivered.slice(mark.hooks), mails: smtp.mails.slice(mark.mails) });
  const mark = () => ({ hooks: hook.delivered.length, mails: smtp.mails.length });

  test('a failed/ that is a link is refused: the alert says the file was left where it is, and names no reason file', async () => {
    const dir = await mkdtemp(join(t.work, 'failed-link-'));
    const elsewhere = await mkdtemp(join(t.work, 'elsewhere-'));
    await symlink(elsewhere, join(dir, 'failed'));
    const m = mark();
    await writeFile(join(dir, 'shop-20261130-v1.csv'), 'id\n1\n');
    const { runner, alerts, seen, until } = await run(dir, { token: 'wrong-token-0123456789abcdef', channels: [channels()[0]!] });
    await until(() => seen.some((e) => e.kind === 'failed'));
    await until(() => since(m).hooks.length === 1);
    await runner.stop();
    await alerts.close(2000);
    const text = String(since(m).hooks[0]?.text);
    assert.match(text, /shop-20261130-v1\.csv in the watched folder .* was not sent to Lexer and was left where it is\./);
    assert.doesNotMatch(text, /moved to failed\/|The reason is also in/);
    assert.deepEqual(await readdir(elsewhere), [], 'nothing written through the link');
  });

  test('a file moved to failed/: one alert on each channel, with its facts and never the token', async () => {
    const dir = await mkdtemp(join(t.work, 'failed-'));
    const m = mark();
    const wrong = 'wrong-token-0123456789abcdef';
    await writeFile(join(dir, 'shop-20261129-v1.csv'), 'id\n1\n');
    const { runner, alerts, seen, history, until } = await run(dir, { token: wrong });
    await until(() => seen.some((e) => e.kind === 'failed'));
    await until(() => since(m).hooks.length === 1 && since(m).mails.length === 1);
    await runner.stop();
    await alerts.close(2000);
    const { hooks, mails } = since(m);
    assert.equal(hooks.length, 1);
    const body = hooks[0] ?? {};
    assert.deepEqual(Object.keys(body), FIELDS);
    const entry = history.list()[0];
    assert.equal(body.kind, 'failed');
    assert.equal(body.outcome, 'failed');
    assert.equal(body.feed, dir);
    assert.equal(body.file, 'shop-20261129-v1.csv');
    assert.equal((body.error as { code: string }).code, 'token-rejected');
    assert.equal(body.historyId, entry?.id);
    assert.match(String(body.text), /shop-20261129-v1\.csv in the watched folder .* was not sent to Lexer and was moved to failed\//);
    assert.ok(!JSON.stringify(body).includes(wrong));
    assert.equal(mails.length, 1);
    const mail = mails[0];
    assert.equal(mail?.user, LOGIN.user);
    assert.ok(mail?.secure, 'sent after STARTTLS');
    assert.deepEqual(mail?.to, ['ops@example.com']);
    assert.match(mail?.subject ?? '', /Failed: shop-20261129-v1\.csv/);
    assert.match(mail?.text ?? '', new RegExp(`History id: ${entry?.id}`));
    assert.match(mail?.text ?? '', /Error: token-rejected: /);
    assert.ok(!mail?.text.includes(wrong));
  });

  test('a file tried again twice, then sent: one "retrying" alert, not one per try', async () => {
    const dir = await mkdtemp(join(t.work, 'retry-'));
    const m = mark();
    t.sandbox.faults.apiResponses.push({ status: 503 }, { status: 503 });
    await writeFile(join(dir, 'pos-20261129-v1.csv'), 'id\n2\n');
    const { runner, alerts, seen, until } = await run(dir);
    await until(() => seen.some((e) => e.kind === 'sent'));
    await until(() => since(m).hooks.length >= 1 && since(m).mails.length >= 1);
    await runner.stop();
    await alerts.close(2000);
    assert.equal(seen.filter((e) => e.kind === 'retry-later').length, 2);
    const { hooks, mails } = since(m);
    assert.deepEqual(hooks.map((h) => h.kind), ['retrying']);
    assert.equal(hooks[0]?.outcome, 'will-retry');
    assert.equal((hooks[0]?.error as { code: string }).code, 'server-error');
    assert.equal(typeof hooks[0]?.historyId, 'string');
    assert.match(String(hooks[0]?.text), /could not be sent yet: .* tried again in/);
    assert.equal(mails.length, 1);
    assert.match(mails[0]?.subject ?? '', /Trying again: pos-20261129-v1\.csv/);
  });

  test('no file within the interval: one silence alert, then one "back to normal" when a file arrives', async () => {
    const dir = await mkdtemp(join(t.work, 'silence-'));
    const m = mark();
    const { runner, alerts, seen, until } = await run(dir, { settings: { expect: { kind: 'every', ms: 300 } } });
    await until(() => since(m).hooks.length === 1 && since(m).mails.length === 1);
    await sleep(900); // three more intervals without a file: still one alert
    assert.deepEqual(since(m).hooks.map((h) => h.kind), ['silence']);
    assert.equal(since(m).mails.length, 1);
    assert.equal(since(m).hooks[0]?.outcome, 'silent');
    assert.equal(since(m).hooks[0]?.file, null);
    assert.match(String(since(m).hooks[0]?.text), /no file has arrived in the watched folder .* since it started being watched; one was expected at least every 0 s/);
    await writeFile(join(dir, 'late-20261129-v1.csv'), 'id\n3\n');
    await until(() => since(m).hooks.length >= 2 && since(m).mails.length >= 2);
    // The file restarts the interval: a later silence would be a new one, so the watch stops here.
    await alerts.close(2000);
    await until(() => seen.some((e) => e.kind === 'sent'));
    await runner.stop();
    const { hooks, mails } = since(m);
    assert.deepEqual(hooks.map((h) => h.kind), ['silence', 'back-to-normal']);
    assert.equal(hooks[1]?.file, 'late-20261129-v1.csv');
    assert.match(mails[1]?.subject ?? '', /Back to normal: late-20261129-v1\.csv/);
  });

  test('a webhook that never answers does not hold up the files: the next file is sent while its alert hangs', async () => {
    const dead = await startWebhookServer('hang');
    const dir = await mkdtemp(join(t.work, 'dead-'));
    t.sandbox.faults.apiResponses.push({ status: 403 });
    await writeFile(join(dir, 'one-20261129-v1.csv'), 'id\n4\n');
    const { runner, alerts, seen, until } = await run(dir, { channels: [webhookChannel(dead.url, { timeoutMs: 60_000, retries: 0 })] });
    await until(() => seen.some((e) => e.kind === 'failed'));
    await until(() => dead.requests() === 1);
    await writeFile(join(dir, 'two-20261129-v1.csv'), 'id\n5\n');
    await until(() => seen.some((e) => e.kind === 'sent'));
    // The failure's alert is still waiting for an answer while the second file went.
    assert.equal(dead.requests(), 1);
    assert.equal(alerts.status()[0]?.lastDeliveredAt, null);
    await runner.stop();
    await alerts.close(0);
    await dead.close();
  });

  test('a webhook that times out is tried again with backoff, and its state says why', async () => {
    const dead = await startWebhookServer('hang');
    const alerts = await startFeedAlerts({
      feed: '/exports', settings: { leftOutPercent: 1, expect: null }, channels: [webhookChannel(dead.url, { timeoutMs: 100, retries: 2, retryBaseMs: 10 })], token: null, lastArrival: null,
    });
    const [result] = await alerts.test();
    assert.equal(dead.requests(), 3);
    assert.equal(result?.state, 'failing');
    assert.match(result?.message ?? '', /^The webhook on 127\.0\.0\.1:\d+ did not answer in time\. The test alert was not delivered\.$/);
    assert.ok(!result?.message?.includes('secret-part'), 'the webhook\'s path is its secret');
    await alerts.close(0);
    await dead.close();
  });

  test('rows left out: an alert above the folder\'s percentage, none below it', async () => {
    const m = mark();
    const alerts = await startFeedAlerts({ feed: '/exports', settings: { leftOutPercent: 1, expect: null }, channels: channels(), token: null, lastArrival: null });
    const sent = (file: string, recordsSent: number, recordsLeftOut: number): FeedEvent => ({
      kind: 'sent', file: `/exports/${file}`, filename: 'ds_1_customer_record_1.ndjson.gz', uploadIds: ['42'], bytes: 10, recordsSent, recordsLeftOut, movedTo: null, historyId: 'h1',
    });
    alerts.onEvent(sent('fine.csv', 995, 5));
    alerts.onEvent(sent('poor.csv', 90, 10));
    await alerts.close(5000);
    const { hooks, mails } = since(m);
    assert.deepEqual(hooks.map((h) => [h.kind, h.file, h.recordsSent, h.recordsLeftOut, h.uploadIds]), [['records-left-out', 'poor.csv', 90, 10, ['42']]]);
    assert.match(String(hooks[0]?.text), /10 of its 100 records \(10 %\) were left out as invalid, more than the 1 % this folder allows/);
    assert.equal(mails.length, 1);
  });

  test('a file named to forge a line or reverse the text reaches the chat and the mailbox with those characters written out', async () => {
    const m = mark();
    const alerts = await startFeedAlerts({ feed: '/exports', settings: { leftOutPercent: 1, expect: null }, channels: channels(), token: null, lastArrival: null });
    // What another account can name a file in a shared folder: a line that looks like a second fact, and "invoice.csv" read backwards.
    const name = 'x\nOutcome: sent\u202evsc.eciovni';
    alerts.onEvent({
      kind: 'failed', file: `/exports/${name}`, error: { code: 'empty-file', message: `${name} is empty.` }, movedTo: `/exports/failed/${name}`, errorFile: null, historyId: 'h2',
    });
    await alerts.close(5000);
    const { hooks, mails } = since(m);
    assert.equal(hooks.length, 1);
    assert.equal(hooks[0]?.file, 'x<U+000A>Outcome: sent<U+202E>vsc.eciovni');
    for (const text of [hooks[0]?.text, (hooks[0]?.error as { message: string }).message, mails[0]?.subject, mails[0]?.text.replace(/\r?\n/g, ' ')]) {
      assert.doesNotMatch(String(text), UNSAFE);
      assert.match(String(text), /x<U\+000A>Outcome: sent<U\+202E>vsc\.eciovni/);
    }
    assert.doesNotMatch(mails[0]?.text ?? '', /^Outcome: sent$/m, 'no forged fact line in the mail');
  });
});
