/** One watched folder: where it sends, its state, files waiting, its last file, and Pause/Resume and Remove. */
import type { FeedView } from '../../../main/contract/feeds.js';

interface Props {
  readonly feed: FeedView;
  readonly onPause: (paused: boolean) => void;
  readonly onRemove: () => void;
  readonly onTestAlert: () => void;
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
export function FeedRow({ feed, onPause, onRemove, onTestAlert }: Props) {
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
        {' · '}{s.patterns}{s.convert ? ' · CSVs converted' : ''}{s.validate ? ' · every record checked' : ''}
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
      <div className="buttons">
        {feed.alerts.length > 0 && <button type="button" aria-label={`Send a test alert for ${s.path}`} onClick={onTestAlert}>Send a test alert</button>}
        <button type="button" aria-label={`${feed.state === 'paused' ? 'Resume' : 'Pause'} watching ${s.path}`} onClick={() => onPause(feed.state !== 'paused')}>
          {feed.state === 'paused' ? 'Resume' : 'Pause'}
        </button>
        <button type="button" aria-label={`Stop watching ${s.path}`} onClick={onRemove}>Remove</button>
      </div>
    </li>
  );
}
