// `lexer-upload history` (the run log) against the sandbox: its rows are History's, as text, JSON
// and CSV, filtered by watched folder and start; and the mail password stored with `token set
// --smtp-password` is the one `watch --alert-email` logs in with (STARTTLS, to a real SMTP server).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import Papa from 'papaparse';
import { startSmtpCatcher, type SmtpCatcher } from '../helpers/smtp-catcher.js';
import type { TestSandbox } from '../helpers/sandbox.js';
import { runCli, useSandboxForCli, type TempConfig } from './cli-helpers.js';

interface Entry { id: string; filename: string; sourceName: string; status: string; uploadId: string | null; feed?: string }

describe('lexer-upload history', () => {
  let sb: TestSandbox;
  let config: TempConfig;
  let env: NodeJS.ProcessEnv;
  let smtp: SmtpCatcher;
  useSandboxForCli((s) => ({ sb, config, env } = s));
  before(async () => {
    smtp = await startSmtpCatcher({ login: { user: 'alerts@example.com', pass: 'a pass phrase' } });
  });
  after(async () => smtp.close());

  test('the rows are History\'s, as JSON and CSV; --feed and --since select', async () => {
    const hand = join(sb.work, 'by-hand-20261129-v1.csv');
    await writeFile(hand, 'id\n1\n');
    assert.equal((await runCli(['upload', hand], { env })).code, 0);
    const dir = join(sb.work, 'pos-feed');
    await mkdir(dir);
    await writeFile(join(dir, 'pos-20261129-v1.csv'), 'id\n2\n');
    assert.equal((await runCli(['watch', dir, '--once', '--quiet-seconds', '0.2'], { env })).code, 0);

    const entries = (JSON.parse(await readFile(join(config.dir, 'history.json'), 'utf8')) as { entries: Entry[] }).entries;
    const json = await runCli(['history', '--json'], { env });
    assert.equal(json.code, 0, json.stderr);
    const rows = json.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.deepEqual(rows.map((r) => [r.historyId, r.file, r.sentAs, r.outcome, r.uploadIds, r.feed ?? null]),
      entries.map((e) => [e.id, e.sourceName, e.filename, e.status, e.uploadId ? [e.uploadId] : [], e.feed ?? null]));
    assert.ok(rows.every((r) => String(r.destination).startsWith(`sandbox ${sb.sandbox.apiUrl}`) && /^xxh3-128:[0-9a-f]{32}$/.test(String(r.contentHash))));

    const csv = Papa.parse<Record<string, string>>((await runCli(['history', '--csv'], { env })).stdout, { header: true, skipEmptyLines: true });
    assert.deepEqual(csv.data.map((r) => [r.historyId, r.file, r.outcome, r.uploadIds]), rows.map((r) => [r.historyId, r.file, r.outcome, (r.uploadIds as string[]).join(' ')]));

    const feed = await runCli(['history', '--feed', 'pos-feed'], { env });
    assert.equal(feed.stdout.trim().split('\n').length, 1);
    assert.match(feed.stdout, /Success +pos-20261129-v1\.csv as pos-20261129-v1\.csv → Lexer staff \[sandbox\] .* upload id \d+ · folder .*pos-feed/);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    assert.equal((await runCli(['history', '--since', tomorrow], { env })).stdout, 'No uploads match.\n');
    assert.equal((await runCli(['history', '--since', 'last tuesday'], { env })).code, 2);
  });

  test('the mail password stored with `token set --smtp-password` is the one watch logs in with', async () => {
    const set = await runCli(['token', 'set', '--smtp-password'], { env, stdin: 'a pass phrase\n' });
    assert.equal(set.code, 0, set.stderr);
    const ca = join(sb.work, 'smtp-ca.pem');
    await writeFile(ca, smtp.cert);
    const dir = join(sb.work, 'mail-feed');
    await mkdir(dir);
    const r = await runCli(['watch', dir, '--test-alert', '--alert-email', 'ops@example.com', '--smtp-host', '127.0.0.1', '--smtp-port', String(smtp.port), '--smtp-user', 'alerts@example.com'],
      { env: { ...env, NODE_EXTRA_CA_CERTS: ca } });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(smtp.mails.at(-1)?.user, 'alerts@example.com');
    assert.ok(smtp.mails.at(-1)?.secure);
    assert.match(smtp.mails.at(-1)?.subject ?? '', /Test alert/);
  });
});
