import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as a stand-in server received it (its body as text: the stand-ins get small ones). */
export interface SeenRequest { method: string; path: string; headers: IncomingMessage['headers']; body: string }

/** A real HTTP server on 127.0.0.1 that answers as `answer` says and records what it received. */
export interface StandIn {
  url: string;
  requests: SeenRequest[];
  close(): Promise<void>;
}

/** Starts a stand-in (port chosen by the OS); `answer` gets each request after its body was read. */
export async function startStandIn(answer: (req: IncomingMessage, res: ServerResponse) => void): Promise<StandIn> {
  const requests: SeenRequest[] = [];
  const server = createServer((req, res) => {
    const seen: SeenRequest = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: '' };
    requests.push(seen);
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (seen.body += chunk));
    req.on('end', () => answer(req, res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** An API stand-in whose error quotes back the token it was sent, as a careless API might. */
export function startTokenEchoingApi(status = 422): Promise<StandIn> {
  return startStandIn((req, res) => {
    const body = JSON.stringify({ error: `the token ${String(req.headers['auth-api-token'])} may not upload files` });
    res.writeHead(status, { 'content-type': 'application/json' }).end(body);
  });
}
