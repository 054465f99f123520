// Which page made which staged copy: a page's copies go once it has been gone for the grace
// period, never while an upload still reads one, and a stream that comes back keeps them.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { createPageCopies } from '../../main/host/page-copies.js';

function setup(reading: Set<string> = new Set()) {
  const released: string[] = [];
  const copies = createPageCopies({ graceMs: 50, inUse: (p) => reading.has(p), release: async (p) => void released.push(p) });
  return { copies, released, reading };
}

describe('page copies', () => {
  test("a page gone for the grace period: its copies are released, another page's are not", async () => {
    const { copies, released } = setup();
    const closeA = copies.opened('page-a-0001');
    copies.opened('page-b-0001');
    copies.staged('page-a-0001', '/s/1/a.csv');
    copies.staged('page-b-0001', '/s/2/b.csv');
    closeA();
    await sleep(120);
    assert.deepEqual(released, ['/s/1/a.csv']);
  });

  test('a stream that drops and comes back within the grace keeps the copies', async () => {
    const { copies, released } = setup();
    const close = copies.opened('page-a-0002');
    copies.staged('page-a-0002', '/s/3/a.csv');
    close();
    copies.opened('page-a-0002');
    await sleep(120);
    assert.deepEqual(released, []);
  });

  test('a copy an upload still reads stays until the upload has ended', async () => {
    const { copies, released, reading } = setup(new Set(['/s/4/big.csv']));
    copies.opened('page-a-0003')();
    copies.staged('page-a-0003', '/s/4/big.csv');
    copies.staged('page-a-0003', '/s/5/small.csv');
    await sleep(120);
    assert.deepEqual(released, ['/s/5/small.csv']);
    reading.clear();
    await sleep(120);
    assert.deepEqual(released, ['/s/5/small.csv', '/s/4/big.csv']);
  });
});
