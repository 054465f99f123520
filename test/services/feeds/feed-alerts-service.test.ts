// A watched folder's alerts in the app's services, against the sandbox, a loopback webhook and
// a real SMTP server: the mail password goes to the vault (never feeds.json nor an answer), a file
// that fails gives one alert on each channel and the feed's row shows the channels, "Send a test
// alert" answers how each did, and History's export lists every upload the window lists.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { FeedSettings, FeedsOverview } from '../../../main/contract/feeds.js';
import type { TestSandbox } from '../../helpers/sandbox.js';
import { startSmtpCatcher, type SmtpCatcher } from '../../helpers/smtp-catcher.js';
import { startWebhookServer, type WebhookServer } from '../../helpers/webhook-server.js';
import { useSandboxServices, type ServicesFixture } from '../services-fixture.js';

describe('watched folders\' alerts in the services', () => {
  let sb: TestSandbox;
  let f: ServicesFixture;
  let hook: WebhookServer;
  let smtp: SmtpCatcher;
  let relay: SmtpCatcher;
  const LOGIN = { user: 'alerts@example.com', pass: 'pass word 123' };
  useSandboxServices((s) => {
    ({ sb, f } = s);
  });
  before(async () => {
    hook = await startWebhookServer();
    smtp = await startSmtpCatcher({ login: LOGIN });
    relay = await startSmtpCatcher();
  });
  after(async () => {
    await hook.close();
    await smtp.close();
    await relay.close();
  });
  const until = async (check: (o: FeedsOverview) => boolean): Promise<FeedsOverview> => {
    for (let i = 0; i < 400; i++) {
      const o = await f.value('feeds:list');
      if (check(o)) return o;
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.fail(`timed out: ${JSON.stringify(await f.value('feeds:list'))}`);
  };

  test('a failing file: one alert on each channel; the password kept in the vault only; the test alert answers', async () => {
    await f.value('token:save', sb.sandbox.token, 'persistent');
    const folder = join(f.dir, 'alerted');
    await mkdir(folder);
    const settings: FeedSettings = {
      path: folder, patterns: '*.ndjson', destination: { datasetId: 'ds_alerts', recordType: 'customer_record' }, convert: false, presetName: null, dateOrder: null, dateOrders: {}, leaveOutInvalidFields: false,
      validate: true, gzip: true, quietSeconds: 0.2, after: 'sent', polling: false,
      // A relay on this computer, without a login (the engine's tests cover STARTTLS with one).
      alerts: { webhookUrl: hook.url, email: { host: '127.0.0.1', port: relay.port, security: 'none', user: null, from: 'lexer@example.com', to: 'ops@example.com' }, leftOutPercent: 1, expect: '24h' },
    };
    const withPassword = { ...settings, alerts: { ...settings.alerts, email: { ...settings.alerts?.email, host: 'smtp.example.com', security: 'starttls', port: 587, user: LOGIN.user, password: LOGIN.pass } } };
    // A login over an unencrypted connection to another computer is refused.
    const refused = await f.call('feeds:add', { ...withPassword, alerts: { ...withPassword.alerts, email: { ...withPassword.alerts.email, security: 'none' } } }, null);
    assert.equal(refused.ok, false);
    assert.match(!refused.ok ? refused.error.message : '', /would travel unencrypted/);
    // The password goes to the vault, and nowhere else.
    const other = join(f.dir, 'other');
    await mkdir(other);
    const added = await f.value('feeds:add', { ...withPassword, path: other }, null);
    const feedsJson = await readFile(join(f.dir, 'user-data', 'feeds.json'), 'utf8');
    assert.ok(!feedsJson.includes(LOGIN.pass) && !JSON.stringify(added).includes(LOGIN.pass));
    const id = added.feeds[0]?.id ?? '';
    assert.equal(await readFile(join(f.dir, 'user-data', 'secrets', `smtp-${id}`), 'utf8'), LOGIN.pass);
    await f.value('feeds:remove', id);
    await assert.rejects(readFile(join(f.dir, 'user-data', 'secrets', `smtp-${id}`), 'utf8'), 'removing the folder forgets its password');

    const before = { hooks: hook.delivered.length, mails: relay.mails.length };
    await f.value('feeds:add', settings, null);
    const running = await until((o) => o.feeds[0]?.state === 'watching');
    assert.ok(running.feeds[0]?.nextFileDue, 'the next file is due within 24 h');
    await writeFile(join(folder, 'bad.ndjson'), '{"email":"x"}\n');
    const failed = await until((o) => o.feeds[0]?.last?.result === 'failed' && (o.feeds[0]?.alerts.every((a) => a.state === 'ok') ?? false));
    assert.deepEqual(failed.feeds[0]?.alerts.map((a) => [a.kind, a.state]), [['webhook', 'ok'], ['email', 'ok']]);
    assert.ok(failed.feeds[0]?.alerts.every((a) => !a.target.includes('secret-part')));
    assert.deepEqual(hook.delivered.slice(before.hooks).map((h) => [h.kind, h.file]), [['failed', 'bad.ndjson']]);
    assert.equal(relay.mails.length - before.mails, 1);

    const id2 = failed.feeds[0]?.id ?? '';
    const test1 = await f.value('feeds:test-alert', id2);
    assert.deepEqual(test1.map((c) => [c.kind, c.state]), [['webhook', 'ok'], ['email', 'ok']]);
    assert.equal(hook.delivered.at(-1)?.kind, 'test');
    hook.answer(404, 10);
    const test2 = await f.value('feeds:test-alert', id2);
    assert.equal(test2[0]?.state, 'failing');
    assert.match(test2[0]?.message ?? '', /answered HTTP 404/);
  });

  test('History\'s export: a CSV row for each upload the window lists, with the same facts', async () => {
    const listed = await f.value('history:list');
    assert.ok(listed.length > 0);
    const csv = Papa.parse<Record<string, string>>(await f.value('history:export'), { header: true, skipEmptyLines: true });
    assert.deepEqual(csv.data.map((r) => r.historyId), listed.map((e) => e.id));
    csv.data.forEach((row, i) => {
      const e = listed[i];
      assert.ok(e);
      assert.deepEqual([row.file, row.sentAs, row.outcome, row.datasetId, row.feed, row.errorCode, row.uploadIds, row.bytes],
        [e.sourceName, e.filename, e.interrupted ? 'Interrupted' : e.status, e.datasetId ?? '', e.feed ?? '', e.error?.code ?? '', e.uploadId ?? '', String(e.bytes)]);
      assert.match(row.destination ?? '', /^sandbox http:\/\/127\.0\.0\.1:\d+/);
    });
  });
});
