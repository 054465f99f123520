/**
 * A file sent in parts: the sentence said before sending ("This file is 12.4 GB after
 * compression; it will be sent as 3 parts, each loaded by Lexer as its own file."), then one row
 * per part with its own step, progress and, once sent, Lexer's upload id.
 */
import type { PartProgress, PartsPlan } from '../../../main/contract/uploads.js';
import { formatBytes } from '../../format/format-bytes.js';
import { partsNotice } from '../../state/upload-view.js';

/** A part's step in plain words. */
function partStep(p: PartProgress): string {
  const again = p.attempt > 1 ? ` (attempt ${p.attempt})` : '';
  switch (p.status) {
    case 'waiting':
      return 'Waiting';
    case 'requesting-url':
      return `Asking for an upload link${again}`;
    case 'uploading':
      return `Uploading ${p.bytes > 0 ? Math.floor((p.bytesSent / p.bytes) * 100) : 100} %${again}`;
    case 'retrying':
      return `Retrying${again}`;
    case 'sent':
      return p.earlier ? 'Sent by an earlier try' : 'Sent';
    case 'failed':
      return 'Failed';
    case 'cancelled':
      return 'Not sent';
    default: {
      const _exhaustive: never = p.status;
      return _exhaustive;
    }
  }
}

/** The notice (while sending) and the parts' rows. */
export function PartsList({ plan, parts, notice }: { plan?: PartsPlan; parts: readonly PartProgress[]; notice: boolean }) {
  return (
    <div className="parts" data-testid="upload-parts">
      {notice && plan && <p className="note" data-testid="parts-notice">{partsNotice(plan)}</p>}
      <ul aria-label="Parts">
        {parts.map((p) => (
          <li key={p.index} className={`part part-${p.status}`}>
            <span className="part-name">Part {p.index} of {parts.length}: <code>{p.filename}</code> · {formatBytes(p.bytes)} · {partStep(p)}</span>
            {(p.status === 'uploading' || p.status === 'requesting-url' || p.status === 'retrying') && (
              <progress max={Math.max(p.bytes, 1)} value={p.bytesSent} aria-label={`Part ${p.index} of ${parts.length}`} />
            )}
            {p.uploadId && <span className="part-id"> Upload ID <code>{p.uploadId}</code></span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
