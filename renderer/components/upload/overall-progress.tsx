/**
 * One bar over every file that has started, so a batch shows how far along it is. Cancelled and
 * failed files are counted apart and their bytes left out of the bar.
 */
import type { Card } from '../../state/cards-reducer.js';
import { overallProgress } from '../../state/upload-view.js';
import { formatBytes } from '../../format/format-bytes.js';

/** The overall progress across files; nothing until two files have started. */
export function OverallProgress({ cards }: { cards: readonly Card[] }) {
  const o = overallProgress(cards.map((c) => ({ size: c.file.size, state: c.upload })));
  if (o.count < 2) return null;
  const percent = o.total > 0 ? Math.round((o.sent / o.total) * 100) : 0;
  const going = o.count - o.failed - o.cancelled - o.notSent;
  const apart = [
    o.failed > 0 ? `${o.failed} failed` : null, o.cancelled > 0 ? `${o.cancelled} cancelled` : null, o.notSent > 0 ? `${o.notSent} not sent` : null,
  ].filter(Boolean);
  return (
    <div className="panel overall">
      <label htmlFor="overall-progress" data-testid="overall-progress">
        All files: {o.succeeded} of {going} sent{apart.length > 0 ? ` (${apart.join(', ')})` : ''}, {formatBytes(o.sent)} of {formatBytes(o.total)} ({percent}%)
      </label>
      <progress id="overall-progress" max={100} value={percent} />
    </div>
  );
}
