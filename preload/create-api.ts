/**
 * Builds the renderer's API from a transport. In Electron the transport is IPC (preload.ts);
 * in the browser host it is fetch and server-sent events on loopback (renderer/host-transport.ts).
 * Both give the renderer the same object, so `LexerApi` below is the renderer's only type source.
 */
import type { EventChannel, EventChannels, InvokeArgs, InvokeChannel, InvokeResult } from '../main/contract/channels.js';
import type { Result } from '../main/contract/result.js';

export interface Transport {
  invoke<C extends InvokeChannel>(channel: C, ...args: InvokeArgs<C>): Promise<Result<InvokeResult<C>>>;
  subscribe<E extends EventChannel>(event: E, listener: (payload: EventChannels[E]) => void): () => void;
  /** Turns a dropped or chosen `File` into a path main can read (Electron: its real path; browser: a staged copy). */
  resolveFile(file: File): Promise<Result<string>>;
}

/** The domain API the renderer codes against, grouped by concern. */
export function createApi(t: Transport) {
  return {
    settings: {
      get: () => t.invoke('settings:get'),
      update: (patch: InvokeArgs<'settings:update'>[0]) => t.invoke('settings:update', patch),
    },
    sandbox: {
      status: () => t.invoke('sandbox:status'),
    },
    token: {
      status: () => t.invoke('token:status'),
      save: (token: string, storage: InvokeArgs<'token:save'>[1]) => t.invoke('token:save', token, storage),
      clear: () => t.invoke('token:clear'),
      /** Checks the token against the URL (or sandbox) on screen, or the saved settings when null. */
      check: (target: InvokeArgs<'token:check'>[0] = null) => t.invoke('token:check', target),
    },
    files: {
      /** Resolves a dropped/chosen File and inspects it (kind, size, name rules, blockers). */
      add: async (file: File) => {
        const path = await t.resolveFile(file);
        return path.ok ? t.invoke('files:inspect', path.value) : path;
      },
      inspect: (path: string) => t.invoke('files:inspect', path),
      checkName: (name: string) => t.invoke('files:check-name', name),
      /** Lets main delete a copy the app made (a staged file, a conversion output); its own files are never touched. */
      release: (path: string) => t.invoke('files:release', path),
    },
    preview: {
      csv: (...args: InvokeArgs<'preview:csv'>) => t.invoke('preview:csv', ...args),
    },
    mapping: {
      suggest: (...args: InvokeArgs<'mapping:suggest'>) => t.invoke('mapping:suggest', ...args),
      /** Every field a column can fill for a record type, for the mapping's choices. */
      fields: (...args: InvokeArgs<'schema:fields'>) => t.invoke('schema:fields', ...args),
    },
    presets: {
      list: () => t.invoke('presets:list'),
      save: (preset: InvokeArgs<'presets:save'>[0]) => t.invoke('presets:save', preset),
      remove: (...args: InvokeArgs<'presets:delete'>) => t.invoke('presets:delete', ...args),
    },
    jobs: {
      validate: (...args: InvokeArgs<'jobs:validate'>) => t.invoke('jobs:validate', ...args),
      convert: (...args: InvokeArgs<'jobs:convert'>) => t.invoke('jobs:convert', ...args),
      cancel: (jobId: string) => t.invoke('jobs:cancel', jobId),
      exportErrors: (jobId: string) => t.invoke('jobs:export-errors', jobId),
      onProgress: (listener: (p: EventChannels['jobs:progress']) => void) => t.subscribe('jobs:progress', listener),
    },
    uploads: {
      start: (request: InvokeArgs<'uploads:start'>[0]) => t.invoke('uploads:start', request),
      cancel: (id: string) => t.invoke('uploads:cancel', id),
      onState: (listener: (e: EventChannels['uploads:state']) => void) => t.subscribe('uploads:state', listener),
    },
    history: {
      list: () => t.invoke('history:list'),
      exportCsv: () => t.invoke('history:export'),
    },
    feeds: {
      list: () => t.invoke('feeds:list'),
      add: (settings: InvokeArgs<'feeds:add'>[0], confirmation: InvokeArgs<'feeds:add'>[1] = null) => t.invoke('feeds:add', settings, confirmation),
      setPaused: (id: string, paused: boolean) => t.invoke('feeds:set-paused', id, paused),
      remove: (id: string) => t.invoke('feeds:remove', id),
      testAlert: (id: string) => t.invoke('feeds:test-alert', id),
      update: (id: string, settings: InvokeArgs<'feeds:update'>[1], confirmation: InvokeArgs<'feeds:update'>[2] = null) => t.invoke('feeds:update', id, settings, confirmation),
      dismiss: (id: string, failureId: string) => t.invoke('feeds:dismiss', id, failureId),
      chooseFolder: () => t.invoke('feeds:choose-folder'),
      onChange: (listener: (overview: EventChannels['feeds:changed']) => void) => t.subscribe('feeds:changed', listener),
    },
    shell: {
      openExternal: (url: string) => t.invoke('shell:open-external', url),
    },
    desktop: {
      /** Files the system asked the app to open, not yet shown; taking them empties the list. */
      takeOpenedFiles: () => t.invoke('desktop:take-opened-files'),
      onFilesOpened: (listener: () => void) => t.subscribe('desktop:files-opened', () => listener()),
      /** What a clicked notification asked the window to show. */
      takeShow: () => t.invoke('desktop:take-show'),
      onShow: (listener: () => void) => t.subscribe('desktop:show', () => listener()),
      /** The uploads main runs now (their cards were lost with a closed or crashed window). */
      currentUploads: () => t.invoke('desktop:current-uploads'),
      loginItem: () => t.invoke('desktop:login-item'),
      setLoginItem: (openAtLogin: boolean) => t.invoke('desktop:set-login-item', openAtLogin),
    },
  };
}

/** The renderer's API type: derived from the object above, never written by hand. */
export type LexerApi = ReturnType<typeof createApi>;
