// `lexer-upload watch` with alerts, against the sandbox, a loopback webhook and a real SMTP server:
// a file that fails gives one alert on each channel (never a record's value); --expect-every
// raises one silence alert and one "back to normal"; --test-alert says whether each channel got
// it; contradictory or unsafe alert options are usage errors naming the option.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startSmtpCatcher, type SmtpCatcher } from '../helpers/smtp-catcher.js';
import type { TestSandbox } from '../helpers/sandbox.js';
import { startWebhookServer, type WebhookServer } from '../helpers/webhook-server.js';
import { runCli, startCli, untilStdout, useSandboxForCli, type TempConfig } from './cli-helpers.js';

describe('lexer-upload watch: alerts', () => {
  let sb: TestSandbox;
  let config: TempConfig;
  let env: NodeJS.ProcessEnv;
  let hook: WebhookServer;
  let smtp: SmtpCatcher;
  useSandboxForCli((s) => ({ sb, config, env } = s));
  before(async () => {
    hook = await startWebhookServer();
    smtp = await startSmtpCatcher();
  });
  after(async () => {
    await hook.close();
    await smtp.close();
  });
  let n = 0;
  const folder = async (): Promise<string> => {
    const dir = join(sb.work, `alerts-${++n}`);
    await mkdir(dir);
    return dir;
  };
  const mail = (): string[] => ['--alert-email', 'ops@example.com', '--smtp-host', '127.0.0.1', '--smtp-port', String(smtp.port), '--smtp-security', 'none', '--smtp-from', 'lexer@example.com'];

  test('a file moved to failed/: one alert on the webhook and one mail, without the record\'s values', async () => {
    const dir = await folder();
    const before = { hooks: hook.delivered.length, mails: smtp.mails.length };
    await writeFile(join(dir, 'people.ndjson'), '{"link":{"customer_id":"1"},"email":"a@example.com"}\n{"link":{"customer_id":"2"},"email":"zz-private-value"}\n');
    const r = await runCli(['watch', dir, '--once', '--quiet-seconds', '0.2', '--dataset-id', 'ds-alerts', '--record-type', 'customer_record', '--alert-webhook', hook.url, ...mail()], { env });
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /alert \(failed\): Lexer Uploader: people\.ndjson in the watched folder/);
    const hooks = hook.delivered.slice(before.hooks);
    const mails = smtp.mails.slice(before.mails);
    assert.deepEqual(hooks.map((h) => [h.kind, h.file, h.outcome, (h.error as { code: string }).code]), [['failed', 'people.ndjson', 'failed', 'invalid-records']]);
    const history = JSON.parse(await readFile(join(config.dir, 'history.json'), 'utf8')) as { entries: { id: string; sourceName: string }[] };
    assert.equal(hooks[0]?.historyId, history.entries.find((e) => e.sourceName === 'people.ndjson')?.id);
    assert.equal(mails.length, 1);
    assert.match(mails[0]?.subject ?? '', /Failed: people\.ndjson/);
    assert.ok(!JSON.stringify(hooks).includes('zz-private-value') && !mails[0]?.text.includes('zz-private-value'), 'no record value leaves the computer');
    assert.ok(!JSON.stringify(hooks).includes(sb.sandbox.token) && !mails[0]?.text.includes(sb.sandbox.token), 'nor the token');
  });

  test('--expect-every: one silence alert, then one "back to normal" when a file arrives', async () => {
    const dir = await folder();
    const before = hook.delivered.length;
    const { child, done } = startCli(['watch', dir, '--quiet-seconds', '0.2', '--expect-every', '1s', '--alert-webhook', hook.url], { env });
    await untilStdout(child, 'alert (silence)');
    await new Promise((resolve) => setTimeout(resolve, 2500)); // two more intervals: still one
    await writeFile(join(dir, 'late-20261129-v1.csv'), 'id\n1\n');
    await untilStdout(child, 'sent: late-20261129-v1.csv');
    child.kill('SIGTERM');
    const r = await done;
    assert.equal(r.code, 0, r.stderr);
    // The file starts the interval again, so a new silence may follow while it is sent; one of each before it.
    const kinds = hook.delivered.slice(before).map((h) => h.kind);
    assert.deepEqual(kinds.slice(0, 2), ['silence', 'back-to-normal']);
    assert.equal(kinds.filter((k) => k === 'back-to-normal').length, 1);
  });

  test('--test-alert: 0 when every channel got it, 1 naming the one that did not', async () => {
    const dir = await folder();
    const ok = await runCli(['watch', dir, '--test-alert', '--alert-webhook', hook.url, ...mail()], { env });
    assert.equal(ok.code, 0, ok.stdout + ok.stderr);
    assert.match(ok.stdout, /test alert delivered: webhook 127\.0\.0\.1:\d+/);
    assert.match(ok.stdout, /test alert delivered: mail 127\.0\.0\.1:\d+/);
    assert.equal(hook.delivered.at(-1)?.kind, 'test');
    const gone = await startWebhookServer(404);
    const bad = await runCli(['watch', dir, '--test-alert', '--alert-webhook', gone.url], { env });
    await gone.close();
    assert.equal(bad.code, 1);
    assert.match(bad.stdout, /test alert NOT delivered: webhook 127\.0\.0\.1:\d+: The webhook on 127\.0\.0\.1:\d+ answered HTTP 404/);
    assert.ok(!bad.stdout.includes('secret-part'), "the webhook's secret path is not printed");
  });

  test('alert options that cannot work are usage errors naming the option', async () => {
    const dir = await folder();
    const cases: [string[], RegExp][] = [
      [['--expect-every', '5x', '--alert-webhook', hook.url], /--expect-every: .*not an interval/],
      [['--expect-every', '24h', '--once', '--alert-webhook', hook.url], /do not go with --once/],
      [['--expect-by', 'every morning', '--alert-webhook', hook.url], /--expect-by: .*not a schedule/],
      [['--expect-every', '24h'], /need somewhere to send alerts/],
      [['--smtp-host', 'smtp.example.com'], /go with --alert-email/],
      [['--alert-webhook', 'http://hooks.example.com/x'], /--alert-webhook: .*does not use https/],
      [['--alert-email', 'ops@example.com', '--smtp-host', 'smtp.example.com', '--smtp-security', 'none', '--smtp-user', 'me@example.com'], /would travel unencrypted/],
      [['--alert-email', 'ops@example.com', '--smtp-host', 'smtp.example.com', '--smtp-user', 'me@example.com'], /needs a password/],
    ];
    for (const [args, message] of cases) {
      const r = await runCli(['watch', dir, ...args], { env: { ...env, ...(args.includes('none') ? { LEXER_UPLOAD_SMTP_PASSWORD: 'pw-123456' } : {}) } });
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, message);
    }
  });
});
