/**
 * The browser host's transport (`lexer-upload ui`): the same API as the Electron preload, over
 * loopback HTTP. Calls are `POST /rpc/<channel>`, events come from one `EventSource('/events')`,
 * and a chosen or dropped File is streamed to `POST /files` and handled as a staged path.
 *
 * The printed address carries a one-time code, never the session key: browsers keep every
 * address they opened in their history. The code is taken out of the address bar at once and
 * traded (`POST /session`, once) for the session key, which every request carries. The key is
 * kept in this tab only (sessionStorage: per tab and per origin, never in an address), so a
 * reload of the tab still works while a copy of the address opens nothing.
 */
import type { Transport } from '../preload/create-api.js';
import type { EventChannel, EventChannels, InvokeArgs, InvokeChannel, InvokeResult } from '../main/contract/channels.js';
import type { Result } from '../main/contract/result.js';

const KEY_STORAGE = 'lexer-host-key';
const KEY_HEADER = 'X-Lexer-Key';
const PAGE_HEADER = 'X-Lexer-Page';
const CODE_HEADER = 'X-Lexer-Code';

const unreachable = (): Result<never> => ({
  ok: false,
  error: { code: 'network-error', message: 'The Lexer Uploader host on this computer is not answering.', hint: 'Check that `lexer-upload ui` is still running, then reload this page.' },
});

const refused = (): Result<never> => ({
  ok: false,
  error: {
    code: 'forbidden',
    message: 'The host refused this page: it has no session. Each address `lexer-upload ui` prints opens the app once.',
    hint: 'Go back to the tab where the app is open, or start `lexer-upload ui` again and open the new address it prints.',
  },
});

async function readResult<T>(response: Response): Promise<Result<T>> {
  if (response.status === 403) return refused();
  try {
    return (await response.json()) as Result<T>;
  } catch {
    return unreachable();
  }
}

/**
 * The session key: traded once for the one-time code in `?code=` (which leaves the address bar
 * and the tab's history entry first), or, after a reload, the one this tab got before. An empty
 * key when there is neither: every call is then refused with a message saying what to do.
 */
export async function takeHostKey(): Promise<string> {
  const url = new URL(window.location.href);
  const code = url.searchParams.get('code');
  if (!code) return window.sessionStorage.getItem(KEY_STORAGE) ?? '';
  url.searchParams.delete('code');
  window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`);
  try {
    const response = await fetch('/session', { method: 'POST', headers: { [CODE_HEADER]: code }, cache: 'no-store' });
    const r = await readResult<{ key: string }>(response);
    if (!r.ok) return '';
    window.sessionStorage.setItem(KEY_STORAGE, r.value.key);
    return r.value.key;
  } catch {
    return '';
  }
}

/** Creates the transport for the page the browser host serves. */
export function createHostTransport(): Transport {
  const key = takeHostKey();
  // This page, as the host knows it: the files it stages are deleted once it is gone (a reload is a new page).
  const page = crypto.randomUUID();
  let source: Promise<EventSource> | null = null;
  // EventSource cannot send headers, so the key goes in its (never shown, never in history) URL.
  const events = (): Promise<EventSource> => (source ??= key.then((k) => new EventSource(`/events?key=${encodeURIComponent(k)}&page=${page}`)));

  const send = async <T>(path: string, init: RequestInit): Promise<Result<T>> => {
    try {
      const k = await key;
      if (!k) return refused();
      const response = await fetch(path, { ...init, headers: { ...(init.headers as Record<string, string>), [KEY_HEADER]: k } });
      return await readResult<T>(response);
    } catch {
      return unreachable();
    }
  };

  return {
    invoke<C extends InvokeChannel>(channel: C, ...args: InvokeArgs<C>): Promise<Result<InvokeResult<C>>> {
      return send<InvokeResult<C>>(`/rpc/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(args),
      });
    },
    subscribe<E extends EventChannel>(event: E, listener: (payload: EventChannels[E]) => void): () => void {
      const handler = (e: MessageEvent<string>) => {
        try {
          listener(JSON.parse(e.data) as EventChannels[E]);
        } catch {
          // a malformed event is dropped; the next one carries the full state again
        }
      };
      let subscribed = true;
      void events().then((s) => subscribed && s.addEventListener(event, handler));
      return () => {
        subscribed = false;
        void events().then((s) => s.removeEventListener(event, handler));
      };
    },
    resolveFile(file: File): Promise<Result<string>> {
      return send<string>(`/files?name=${encodeURIComponent(file.name)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/octet-stream', [PAGE_HEADER]: page },
        body: file,
      });
    },
  };
}
