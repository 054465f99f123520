// Watched folders in the app: a folder's "One record per" over its saved mapping turns a POS
// export into one purchase per receipt; Settings' "Send e-mail addresses only hashed" reaches
// every folder: NDJSON is hashed before it goes, and a file that would go as it is is refused.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { FeedSettings, FeedsOverview } from '../../../main/contract/feeds.js';
import { POS_SALES } from '../../engine/pipeline/real-exports/order-fixtures.js';
import type { TestSandbox } from '../../helpers/sandbox.js';
import { useSandboxServices, type ServicesFixture } from '../services-fixture.js';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const base = (path: string): FeedSettings => ({
  path, patterns: '*.csv *.ndjson', destination: null, convert: false, presetName: null, dateOrder: null, dateOrders: {}, leaveOutInvalidFields: false,
  validate: true, gzip: true, quietSeconds: 0.2, after: 'sent', polling: false,
});

describe('watched folders: orders and hashed e-mails', () => {
  let sb: TestSandbox;
  let f: ServicesFixture;
  useSandboxServices(async (s) => {
    ({ sb, f } = s);
    await f.value('token:save', sb.sandbox.token, 'persistent');
  });
  const settled = async (folder: string, name: string): Promise<FeedsOverview['feeds'][number]> => {
    for (;;) {
      const feed = (await f.value('feeds:list')).feeds.find((x) => x.settings.path === folder);
      if (feed?.last && feed.last.name.endsWith(name)) return feed;
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const stored = async (datasetId: string): Promise<Array<Record<string, unknown>>> => {
    const [object] = (await sb.sandbox.storedFiles()).filter((o) => o.key.includes(`${datasetId}_`));
    assert.ok(object, `a file for ${datasetId} is stored`);
    return gunzipSync(await readFile(object.path)).toString('utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  };

  test('"One record per" Receipt No with a saved mapping: one purchase per receipt, History counting orders', async () => {
    await f.value('presets:save', {
      name: 'POS sales', recordType: 'purchase',
      mapping: { columns: { Store: 'store.name', Item: null }, unknownColumns: 'custom_fields', inferCustomTypes: false, constants: { type: 'physical', 'store.type': 'physical' } },
    });
    const folder = join(f.dir, 'pos');
    await mkdir(folder);
    await f.value('feeds:add', { ...base(folder), destination: { datasetId: 'ds_pos_feed', recordType: 'purchase' }, convert: true, presetName: 'POS sales', groupBy: 'Receipt No', dateOrder: 'dmy' }, null);
    await writeFile(join(folder, 'pos-sales.csv'), POS_SALES);
    const feed = await settled(folder, 'pos-sales.csv');
    assert.equal(feed.last?.result, 'sent', JSON.stringify(feed.last));
    const records = await stored('ds_pos_feed');
    assert.deepEqual(records.map((r) => [r.purchase_id, r.type, (r.products as unknown[]).length]), [['R-1001', 'physical', 2], ['R-1002', 'physical', 1], ['R-1003', 'physical', 2]]);
    const entry = (await f.value('history:list')).find((e) => e.sourceName === 'pos-sales.csv' && e.status === 'Success');
    assert.deepEqual([entry?.recordsSent, entry?.recordsLeftOut], [3, 0], 'History counts the orders sent, not the lines');
    assert.equal((await f.value('feeds:list')).feeds.find((x) => x.settings.path === folder)?.settings.groupBy, 'Receipt No', 'the folder keeps its choice');
  });

  test('Settings: e-mail addresses only hashed, for every folder: NDJSON hashed on its way, a CSV for Lexer staff refused', async () => {
    await f.value('settings:update', { hashEmails: true });
    try {
      const folder = join(f.dir, 'profiles');
      await mkdir(folder);
      await f.value('feeds:add', { ...base(folder), destination: { datasetId: 'ds_hashed_feed', recordType: 'customer_record' } }, null);
      await writeFile(join(folder, 'profiles.ndjson'), `${JSON.stringify({ link: { email: ' Ann@Example.com' }, first_name: 'Ann' })}\n`);
      const sent = await settled(folder, 'profiles.ndjson');
      assert.equal(sent.last?.result, 'sent', JSON.stringify(sent.last));
      assert.deepEqual(await stored('ds_hashed_feed'), [{ link: { email_sha256: sha256('ann@example.com') }, first_name: 'Ann' }]);

      const staff = join(f.dir, 'staff');
      await mkdir(staff);
      await f.value('feeds:add', base(staff), null);
      await writeFile(join(staff, 'people.csv'), 'Email,First Name\nann@example.com,Ann\n');
      const refused = await settled(staff, 'people.csv');
      assert.equal(refused.last?.result, 'failed', JSON.stringify(refused.last));
      assert.match(refused.last?.message ?? '', /e-mail addresses leave this computer only hashed, so it was not sent/);
      assert.ok((await readdir(join(staff, 'failed'))).includes('people.csv'), 'the file waits in failed/');
      const entry = (await f.value('history:list')).find((e) => e.sourceName === 'people.csv');
      assert.equal(entry?.status, 'Failed', 'History lists the file refused');
    } finally {
      await f.value('settings:update', { hashEmails: false });
    }
  });
});
