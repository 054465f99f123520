/**
 * The browser host's transport (`lexer-upload ui`): the same API as the Electron preload, over
 * loopback HTTP. Calls are `POST /rpc/<channel>`, events come from one `EventSource('/events')`,
 * and a chosen or dropped File is streamed to `POST /files` and handled as a staged path.
 * Every request carries the per-run key from the URL the host printed; the key is taken out of
 * the address bar at once and kept in sessionStorage so a reload still works.
 */
import type { Transport } from '../preload/create-api.js';
import type { EventChannel, EventChannels, InvokeArgs, InvokeChannel, InvokeResult, Result } from '../preload/contract.js';

const KEY_STORAGE = 'lexer-host-key';
const KEY_HEADER = 'X-Lexer-Key';

/** Reads the key from `?key=` (then hides it from the address bar) or from sessionStorage. */
export function takeHostKey(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('key');
  if (fromUrl) {
    window.sessionStorage.setItem(KEY_STORAGE, fromUrl);
    url.searchParams.delete('key');
    window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`);
    return fromUrl;
  }
  return window.sessionStorage.getItem(KEY_STORAGE) ?? '';
}

const unreachable = (): Result<never> => ({
  ok: false,
  error: { code: 'network-error', message: 'The Lexer Uploader host on this computer is not answering.', hint: 'Check that `lexer-upload ui` is still running, then reload this page.' },
});

async function readResult<T>(response: Response): Promise<Result<T>> {
  if (response.status === 403) {
    return { ok: false, error: { code: 'forbidden', message: 'The host refused this page: the address is missing its key.', hint: 'Open the exact address `lexer-upload ui` printed.' } };
  }
  try {
    return (await response.json()) as Result<T>;
  } catch {
    return unreachable();
  }
}

/** Creates the transport for the page the browser host serves. */
export function createHostTransport(): Transport {
  const key = takeHostKey();
  let source: EventSource | null = null;
  const events = (): EventSource => (source ??= new EventSource(`/events?key=${encodeURIComponent(key)}`));

  return {
    async invoke<C extends InvokeChannel>(channel: C, ...args: InvokeArgs<C>): Promise<Result<InvokeResult<C>>> {
      try {
        const response = await fetch(`/rpc/${encodeURIComponent(channel)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', [KEY_HEADER]: key },
          body: JSON.stringify(args),
        });
        return await readResult<InvokeResult<C>>(response);
      } catch {
        return unreachable();
      }
    },
    subscribe<E extends EventChannel>(event: E, listener: (payload: EventChannels[E]) => void): () => void {
      const handler = (e: MessageEvent<string>) => {
        try {
          listener(JSON.parse(e.data) as EventChannels[E]);
        } catch {
          // a malformed event is dropped; the next one carries the full state again
        }
      };
      events().addEventListener(event, handler);
      return () => events().removeEventListener(event, handler);
    },
    async resolveFile(file: File): Promise<Result<string>> {
      try {
        const response = await fetch(`/files?name=${encodeURIComponent(file.name)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/octet-stream', [KEY_HEADER]: key },
          body: file,
        });
        return await readResult<string>(response);
      } catch {
        return unreachable();
      }
    },
  };
}
