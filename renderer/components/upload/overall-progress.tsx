/**
 * One bar over every file that has started, so a batch shows how far along it is: "3 files: 2
 * sent, 1 cancelled". Every file started is counted, each under how it stands; the bytes of
 * cancelled and failed files are left out of the bar.
 */
import type { Card } from '../../state/cards-reducer.js';
import { overallProgress } from '../../state/upload-view.js';
import { formatBytes } from '../../format/format-bytes.js';

/** The overall progress across files; nothing until two files have started. */
export function OverallProgress({ cards }: { cards: readonly Card[] }) {
  const o = overallProgress(cards.map((c) => ({ size: c.file.size, state: c.upload })));
  if (o.count < 2) return null;
  const percent = o.total > 0 ? Math.round((o.sent / o.total) * 100) : 0;
  const going = o.count - o.succeeded - o.failed - o.cancelled - o.notSent;
  const states = [
    `${o.succeeded} sent`, going > 0 ? `${going} in progress` : null, o.failed > 0 ? `${o.failed} failed` : null,
    o.cancelled > 0 ? `${o.cancelled} cancelled` : null, o.notSent > 0 ? `${o.notSent} not sent` : null,
  ].filter(Boolean);
  return (
    <div className="panel overall">
      <label htmlFor="overall-progress" data-testid="overall-progress">
        {o.count} files: {states.join(', ')}; {formatBytes(o.sent)} of {formatBytes(o.total)} ({percent}%)
      </label>
      <progress id="overall-progress" max={100} value={percent} />
    </div>
  );
}
