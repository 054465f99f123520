/**
 * The Electron transport behind the preload API: `ipcRenderer.invoke` per channel, event
 * subscriptions that return their unsubscribe function, and dropped files resolved to their
 * real path with `webUtils.getPathForFile` (File.path was removed in Electron 32).
 * Only `electron` is imported: a sandboxed preload has no Node modules.
 */
import type { IpcRenderer, IpcRendererEvent, WebUtils } from 'electron';
import type { Transport } from './create-api.js';
import type { EventChannel, EventChannels, InvokeArgs, InvokeChannel, InvokeResult } from '../main/contract/channels.js';
import type { Result } from '../main/contract/result.js';

/** Builds the transport over the preload's ipcRenderer and webUtils. */
export function createIpcTransport(ipc: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>, web: Pick<WebUtils, 'getPathForFile'>): Transport {
  return {
    async invoke<C extends InvokeChannel>(channel: C, ...args: InvokeArgs<C>): Promise<Result<InvokeResult<C>>> {
      try {
        return (await ipc.invoke(channel, ...args)) as Result<InvokeResult<C>>;
      } catch {
        return { ok: false, error: { code: 'internal', message: 'The app did not answer that request.', hint: 'Restart Lexer Uploader and try again.' } };
      }
    },
    subscribe<E extends EventChannel>(event: E, listener: (payload: EventChannels[E]) => void): () => void {
      const wrapped = (_e: IpcRendererEvent, payload: EventChannels[E]) => listener(payload);
      ipc.on(event, wrapped);
      return () => void ipc.removeListener(event, wrapped);
    },
    async resolveFile(file: File): Promise<Result<string>> {
      const path = web.getPathForFile(file);
      if (path) return { ok: true, value: path };
      return { ok: false, error: { code: 'file-unreadable', message: `"${file.name}" is not a file on this computer.`, hint: 'Save it to a folder first, then drop it here again.' } };
    },
  };
}
