/**
 * The window: a title, three tabs (Upload, History, Settings) and their panels. Panels stay
 * mounted and are hidden when not selected, so cards and their progress survive a tab switch.
 */
import { useCallback, useState } from 'react';
import type { HistoryEntry } from '../../preload/contract.js';
import { LiveRegionProvider } from './live-region.js';
import { NavTabs, type TabName } from './nav-tabs.js';
import { UploadScreen } from './upload-screen.js';
import { HistoryScreen } from './history-screen.js';
import { SettingsScreen } from './settings-screen.js';

/** The application shell. */
export function App() {
  const [tab, setTab] = useState<TabName>('Upload');
  const [retryQueue, setRetryQueue] = useState<readonly HistoryEntry[]>([]);
  const handleRetry = useCallback((entry: HistoryEntry) => {
    setRetryQueue((q) => [...q, entry]);
    setTab('Upload');
  }, []);
  const handleRetryTaken = useCallback(() => setRetryQueue([]), []);
  const showUpload = useCallback(() => setTab('Upload'), []);
  return (
    <LiveRegionProvider>
      <header className="app-header">
        <h1>Lexer Uploader</h1>
        <NavTabs selected={tab} onSelect={setTab} />
      </header>
      <main className="app-main">
        <div role="tabpanel" id="panel-Upload" aria-labelledby="tab-Upload" hidden={tab !== 'Upload'}>
          <UploadScreen onFilesDropped={showUpload} retryQueue={retryQueue} onRetryTaken={handleRetryTaken} visible={tab === 'Upload'} />
        </div>
        <div role="tabpanel" id="panel-History" aria-labelledby="tab-History" hidden={tab !== 'History'}>
          {tab === 'History' && <HistoryScreen onRetry={handleRetry} />}
        </div>
        <div role="tabpanel" id="panel-Settings" aria-labelledby="tab-Settings" hidden={tab !== 'Settings'}>
          {tab === 'Settings' && <SettingsScreen />}
        </div>
      </main>
    </LiveRegionProvider>
  );
}
