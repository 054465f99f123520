/** One bar over every file that has started, so a batch shows how far along it is. */
import type { Card } from '../state/cards-reducer.js';
import { overallProgress } from '../state/upload-view.js';
import { formatBytes } from '../format/format-bytes.js';

/** The overall progress across files; nothing until a file starts. */
export function OverallProgress({ cards }: { cards: readonly Card[] }) {
  const o = overallProgress(cards.map((c) => ({ size: c.file.size, state: c.upload })));
  if (o.count < 2) return null;
  const percent = o.total > 0 ? Math.round((o.sent / o.total) * 100) : 0;
  return (
    <div className="panel overall">
      <label htmlFor="overall-progress">
        All files: {o.done} of {o.count} finished, {formatBytes(o.sent)} of {formatBytes(o.total)} ({percent}%)
      </label>
      <progress id="overall-progress" max={100} value={percent} />
    </div>
  );
}
