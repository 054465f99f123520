/**
 * `GET /events`: server-sent events carrying the window events (`uploads:state`,
 * `jobs:progress`), one SSE `event:` per channel so EventSource listeners match the channel
 * names. A comment every 15 s keeps proxies and idle timeouts from closing the stream.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { EVENT_CHANNELS } from '../contract/channels.js';
import type { AppServices } from '../services/create-app-services.js';

const KEEPALIVE_MS = 15_000;

/** Streams events to one client until it disconnects; returns a function that ends the stream. */
export function handleEvents(req: IncomingMessage, res: ServerResponse, events: AppServices['events']): () => void {
  res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
  res.write(': connected\n\n');
  const offs = EVENT_CHANNELS.map((channel) =>
    events.on(channel, (payload) => void res.write(`event: ${channel}\ndata: ${JSON.stringify(payload)}\n\n`)),
  );
  const timer = setInterval(() => res.write(': keepalive\n\n'), KEEPALIVE_MS);
  timer.unref();
  let ended = false;
  const end = (): void => {
    if (ended) return;
    ended = true;
    clearInterval(timer);
    for (const off of offs) off();
    res.end();
  };
  req.on('close', end);
  return end;
}
