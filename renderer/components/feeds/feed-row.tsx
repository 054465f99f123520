/**
 * One watched folder: where it sends, its state, files waiting, its last file, the files waiting
 * in its failed folder (each with why and what to do, until moved out of it or dismissed), and
 * Change settings, Pause/Resume and Remove.
 */
import type { FeedView } from '../../../main/contract/feeds.js';
import { formatTime } from '../../format/format-duration.js';
import { DATE_ORDER_WORDS } from '../upload/convert/date-order-choice.js';

interface Props {
  readonly feed: FeedView;
  readonly onPause: (paused: boolean) => void;
  readonly onRemove: () => void;
  readonly onTestAlert: () => void;
  readonly onEdit: () => void;
  readonly onDismiss: (failureId: string) => void;
}

const CHANNEL_STATE = { idle: 'no alert sent yet', ok: 'working', failing: 'failing' } as const;

const STATE_TEXT: Record<FeedView['state'], string> = {
  watching: 'Watching',
  paused: 'Paused',
  'folder-missing': 'Folder missing: waiting for it to appear',
  'no-token': 'Not sending: save your API token in Settings',
  starting: 'Starting',
};

const RESULT_TEXT = { sent: 'Sent', 'not-sent-again': 'Not sent again', failed: 'Failed', 'will-retry': 'Will try again', interrupted: 'Interrupted', 'not-taken': 'Not taken' } as const;

/** A feed in the list. */
export function FeedRow({ feed, onPause, onRemove, onTestAlert, onEdit, onDismiss }: Props) {
  const { settings: s, last } = feed;
  const headingId = `feed-${feed.id}`;
  return (
    <li className="history-entry" aria-labelledby={headingId} data-testid="feed">
      <div className="entry-head">
        <span className="status" data-testid="feed-state">{STATE_TEXT[feed.state]}</span>
        <h3 id={headingId} className="entry-name"><code>{s.path}</code></h3>
      </div>
      <p className="entry-meta">
        {s.destination ? <>To dataset <code>{s.destination.datasetId}</code>, {s.destination.recordType}</> : 'To Lexer staff'}
        {' · '}{s.patterns}{s.convert ? ' · CSVs converted' : ''}{s.dateOrder ? ` · dates ${DATE_ORDER_WORDS[s.dateOrder]}` : ''}
        {Object.keys(s.dateOrders).length > 0 ? ` · dates set for ${Object.keys(s.dateOrders).join(', ')}` : ''}
        {s.groupBy ? ` · one record per ${s.groupBy}` : ''}{s.hashEmails ? ' · e-mail addresses only hashed' : ''}
        {s.leaveOutInvalidFields ? ' · invalid optional fields left out' : ''}{s.validate ? ' · every record checked' : ''}
        {' · '}files waiting: {feed.waiting}{feed.sending > 0 ? ` · sending: ${feed.sending}` : ''}
      </p>
      <p className="entry-meta" data-testid="feed-last" aria-live="polite">
        {last ? <>Last file: <strong>{last.name}</strong>: {RESULT_TEXT[last.result]}. {last.message}</> : 'No file handled yet.'}
      </p>
      {feed.alerts.length > 0 && (
        <ul className="entry-parts" aria-label={`Alerts of ${s.path}`} data-testid="feed-alerts">
          {feed.alerts.map((a) => (
            <li key={a.kind}>
              Alerts by {a.kind === 'webhook' ? 'webhook' : 'e-mail'} to <code>{a.target}</code>: {CHANNEL_STATE[a.state]}
              {a.message && <>. {a.message}</>}
            </li>
          ))}
          {feed.nextFileDue && <li>Next file expected by {new Date(feed.nextFileDue).toLocaleString()}.</li>}
        </ul>
      )}
      {feed.failures.length > 0 && (
        <div className="notice" data-testid="feed-failures">
          <p>
            <strong>{feed.failures.length === 1 ? '1 file waits' : `${feed.failures.length} files wait`} in its failed folder.</strong> Move a file back into
            the watched folder to send it again (after changing a setting, it goes with the new one).
          </p>
          <ul className="feed-failures" aria-label={`Failed files of ${s.path}`}>
            {feed.failures.map((f) => (
              <li key={f.id} data-testid="feed-failure">
                <strong>{f.name}</strong> <span className="entry-time">{formatTime(f.at)}</span>: {f.message}
                {f.hint && <> What to do: {f.hint}</>} {f.errorFile && <>(Details in <code>{f.errorFile}</code>.)</>}{' '}
                <button type="button" className="small" aria-label={`Dismiss ${f.name}`} onClick={() => onDismiss(f.id)}>Dismiss</button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="buttons">
        <button type="button" aria-label={`Change settings of ${s.path}`} onClick={onEdit}>Change settings</button>
        {feed.alerts.length > 0 && <button type="button" aria-label={`Send a test alert for ${s.path}`} onClick={onTestAlert}>Send a test alert</button>}
        <button type="button" aria-label={`${feed.state === 'paused' ? 'Resume' : 'Pause'} watching ${s.path}`} onClick={() => onPause(feed.state !== 'paused')}>
          {feed.state === 'paused' ? 'Resume' : 'Pause'}
        </button>
        <button type="button" aria-label={`Stop watching ${s.path}`} onClick={onRemove}>Remove</button>
      </div>
    </li>
  );
}
