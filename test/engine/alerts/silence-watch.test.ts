// The silence watch on a cron schedule: a file due by each time of the schedule, silence said
// once when one is missed, files arriving again said once, and the first window of a feed with
// no History not held against it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { watchForSilence } from '../../../main/engine/alerts/silence-watch.js';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

test('every second by cron: a file in each window keeps it quiet; a missed one is said once, then "back to normal" once', async () => {
  const said: string[] = [];
  const watch = await watchForSilence({ kind: 'cron', expression: '* * * * * *' }, {
    lastArrival: null,
    onSilence: (e) => said.push(`silence ${e.expected}`),
    onBack: (e) => said.push(`back ${e.file}`),
  });
  // Files arriving within each second: never silent.
  for (let i = 0; i < 6; i++) {
    watch.arrived(`/in/f${i}.csv`);
    await sleep(400);
  }
  assert.deepEqual(said, []);
  await sleep(3500); // a window with no file, then more
  assert.deepEqual(said, ['silence by each time of the schedule * * * * * *']);
  assert.equal(watch.nextDeadline(), null, 'silent: nothing more is due until a file comes');
  watch.arrived('/in/late.csv');
  watch.arrived('/in/later.csv');
  assert.deepEqual(said.slice(1), ['back /in/late.csv']);
  assert.ok((watch.nextDeadline()?.getTime() ?? 0) > Date.now());
  watch.stop();
});

test('a schedule\'s next time: weekdays by 09:00 from a Saturday is the Monday', async () => {
  const saturday = new Date(2026, 10, 28, 12, 0).getTime();
  const watch = await watchForSilence({ kind: 'cron', expression: '0 9 * * 1-5' }, { lastArrival: null, onSilence: () => undefined, onBack: () => undefined, now: () => saturday });
  assert.equal(watch.nextDeadline()?.getTime(), new Date(2026, 10, 30, 9, 0).getTime());
  watch.stop();
});
