/**
 * The window: a title, four tabs (Upload, History, Watched folders, Settings) and their panels. Upload and
 * Settings stay mounted while hidden, so cards, their progress and unsaved settings survive a tab
 * switch; History is read afresh each time it is opened. The card list lives here so History's
 * Retry can restart a card that is still open rather than add a duplicate.
 */
import { useCallback, useEffect, useMemo, useReducer, useState } from 'react';
import type { FileInfo } from '../../main/contract/files.js';
import type { HistoryEntry } from '../../main/contract/history.js';
import { useApi } from '../api-context.js';
import { cardsReducer } from '../state/cards-reducer.js';
import { CardRegistryContext, type CardRegistry } from './upload/card-registry.js';
import { ConnectionProvider } from './shared/connection-status.js';
import { LiveRegionProvider, useAnnounce } from './shared/live-region.js';
import { NavTabs, type TabName } from './shared/nav-tabs.js';
import { UploadScreen } from './upload/upload-screen.js';
import { HistoryScreen } from './history/history-screen.js';
import { SettingsScreen } from './settings/settings-screen.js';
import { FeedsScreen } from './feeds/feeds-screen.js';

/** The application shell. */
export function App() {
  return (
    <LiveRegionProvider>
      <ConnectionProvider>
        <Shell />
      </ConnectionProvider>
    </LiveRegionProvider>
  );
}

function Shell() {
  const announce = useAnnounce();
  const [tab, setTab] = useState<TabName>('Upload');
  const [cards, dispatch] = useReducer(cardsReducer, []);
  const registry = useMemo<CardRegistry>(() => new Map(), []);
  const [settingsDirty, setSettingsDirty] = useState(false);
  const [tokenFocus, setTokenFocus] = useState(0);

  const selectTab = useCallback((next: TabName) => {
    if (tab === 'Settings' && next !== 'Settings' && settingsDirty) {
      announce('Settings has unsaved changes. They are kept until you save them or leave the app.');
    }
    setTab(next);
  }, [tab, settingsDirty, announce]);
  const showUpload = useCallback(() => setTab('Upload'), []);
  // A clicked notification about a watched folder opens Watched folders (asked now, and on each nudge).
  const api = useApi();
  useEffect(() => {
    const take = () => void api.desktop.takeShow().then((r) => (r.ok && r.value?.screen === 'feeds' ? setTab('Watched folders') : undefined));
    take();
    return api.desktop.onShow(take);
  }, [api]);
  const handlePasteToken = useCallback(() => {
    setTab('Settings');
    setTokenFocus((n) => n + 1);
  }, []);

  const handleRetryCard = useCallback((cardId: string) => {
    setTab('Upload');
    const card = registry.get(cardId);
    if (!card) return;
    void card.start({ focusResult: false }).finally(() => card.focus());
  }, [registry]);
  const handleRetryNew = useCallback((entry: HistoryEntry, file: FileInfo) => {
    // Compressed as chosen before. `compressed` is set only once a file was compressed; one that
    // failed earlier (invalid records) still has the name it was to be sent under, `.gz` and all.
    const compressed = entry.compressed || /\.gz$/i.test(entry.filename);
    dispatch({
      type: 'added', id: crypto.randomUUID(), file,
      defaults: {
        filename: entry.filename, datasetId: entry.datasetId, recordType: entry.recordType, sourceName: entry.sourceName, autoStart: true,
        // Compressed as before, so a file sent in parts is cut the same way and only missing parts go.
        compress: { ndjson: compressed, asIs: compressed },
      },
    });
    setTab('Upload');
  }, []);

  return (
    <CardRegistryContext.Provider value={registry}>
      <header className="app-header">
        <h1>Lexer Uploader</h1>
        <NavTabs selected={tab} onSelect={selectTab} unsaved={settingsDirty ? 'Settings' : null} />
      </header>
      <main className="app-main">
        <div role="tabpanel" id="panel-Upload" aria-labelledby="tab-Upload" hidden={tab !== 'Upload'}>
          <UploadScreen cards={cards} dispatch={dispatch} onFilesDropped={showUpload} onPasteToken={handlePasteToken} visible={tab === 'Upload'} />
        </div>
        <div role="tabpanel" id="panel-History" aria-labelledby="tab-History" hidden={tab !== 'History'}>
          {tab === 'History' && <HistoryScreen openCards={new Set(cards.map((c) => c.id))} onRetryCard={handleRetryCard} onRetryNew={handleRetryNew} />}
        </div>
        <div role="tabpanel" id="panel-Watched-folders" aria-labelledby="tab-Watched-folders" hidden={tab !== 'Watched folders'}>
          <FeedsScreen visible={tab === 'Watched folders'} />
        </div>
        <div role="tabpanel" id="panel-Settings" aria-labelledby="tab-Settings" hidden={tab !== 'Settings'}>
          <SettingsScreen visible={tab === 'Settings'} onDirtyChange={setSettingsDirty} focusToken={tokenFocus} />
        </div>
      </main>
    </CardRegistryContext.Provider>
  );
}
