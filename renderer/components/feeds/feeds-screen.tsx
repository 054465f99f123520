/**
 * The "Watched folders" screen: the folders the app watches while it is open, each
 * with its state and last file, and the form to add one. Kept fresh by `feeds:changed` events.
 */
import { useCallback, useEffect, useState } from 'react';
import type { FeedsOverview } from '../../../main/contract/feeds.js';
import type { ErrorInfo, Result } from '../../../main/contract/result.js';
import { useApi } from '../../api-context.js';
import { ErrorText } from '../shared/error-text.js';
import { FeedForm } from './feed-form.js';
import { FeedRow } from './feed-row.js';
import { useAnnounce } from '../shared/live-region.js';

/** The screen; `visible` reloads the list when it is shown. */
export function FeedsScreen({ visible }: { visible: boolean }) {
  const api = useApi();
  const announce = useAnnounce();
  const [overview, setOverview] = useState<FeedsOverview | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [editing, setEditing] = useState<string | null>(null);

  const apply = useCallback((r: Result<FeedsOverview>) => {
    if (!r.ok) return setError(r.error);
    setError(null);
    setOverview(r.value);
  }, []);
  useEffect(() => {
    if (visible) void api.feeds.list().then(apply);
  }, [api, visible, apply]);
  useEffect(() => api.feeds.onChange(setOverview), [api]);

  return (
    <section aria-labelledby="feeds-heading" className="screen">
      <h2 id="feeds-heading">Watched folders</h2>
      <p className="hint">Folders are watched while the app is open. For a server, run <code>lexer-upload watch</code> as a service instead.</p>
      {error && <ErrorText error={error} />}
      {overview && overview.feeds.length === 0 && <p>No folders are watched yet.</p>}
      {overview && overview.feeds.length > 0 && (
        <ul className="history-list" aria-label="Watched folders">
          {overview.feeds.map((f) => (editing === f.id ? (
            <li key={f.id}>
              <FeedForm
                canChooseFolder={false}
                editing={f}
                onCancel={() => setEditing(null)}
                onAdded={(value) => {
                  setOverview(value);
                  setEditing(null);
                  announce(`Settings of ${f.settings.path} saved. New files are sent with them.`);
                }}
              />
            </li>
          ) : (
            <FeedRow
              key={f.id}
              feed={f}
              onEdit={() => setEditing(f.id)}
              onDismiss={(failureId) => void api.feeds.dismiss(f.id, failureId).then(apply)}
              onPause={(paused) => void api.feeds.setPaused(f.id, paused).then((r) => {
                apply(r);
                if (r.ok) announce(`${paused ? 'Paused' : 'Resumed'} watching ${f.settings.path}.`);
              })}
              onRemove={() => void api.feeds.remove(f.id).then((r) => {
                apply(r);
                if (r.ok) announce(`Stopped watching ${f.settings.path}. Its files stay where they are.`);
              })}
              onTestAlert={() => void api.feeds.testAlert(f.id).then((r) => {
                if (!r.ok) return setError(r.error);
                const failed = r.value.filter((c) => c.state !== 'ok');
                announce(failed.length === 0 ? 'Test alert sent.' : `The test alert did not arrive: ${failed.map((c) => c.message ?? c.target).join(' ')}`);
                void api.feeds.list().then(apply);
              })}
            />
          )))}
        </ul>
      )}
      <FeedForm
        canChooseFolder={overview?.canChooseFolder ?? false}
        onAdded={(value) => {
          setOverview(value);
          announce('Folder added. New files in it will be sent once they stop changing.');
        }}
      />
    </section>
  );
}
