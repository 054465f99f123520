import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the webhook answers: `ok` (200 "ok", as Slack does), `hang` (reads the request, never answers), or a status code. */
export type WebhookMode = 'ok' | 'hang' | number;

/** A loopback stand-in for an incoming webhook: it keeps every JSON body posted and answers as `mode` says. */
export interface WebhookServer {
  /** The webhook's address (its path stands for the secret part of a real one). */
  readonly url: string;
  /** The bodies of the requests answered 200, in order. */
  readonly delivered: Record<string, unknown>[];
  /** Every request received (answered or not). */
  requests(): number;
  /** Answers the next `times` requests with `mode`, then `then` (default 'ok'). */
  answer(mode: WebhookMode, times?: number): void;
  close(): Promise<void>;
}

/** Starts the webhook on 127.0.0.1 answering `mode` (default 'ok'). */
export async function startWebhookServer(mode: WebhookMode = 'ok'): Promise<WebhookServer> {
  const delivered: Record<string, unknown>[] = [];
  const plan: WebhookMode[] = [];
  let count = 0;
  const server = createServer((req, res) => {
    count++;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const now = plan.shift() ?? mode;
      if (now === 'hang') return;
      if (now !== 'ok') {
        res.writeHead(now, { 'content-type': 'text/plain' }).end('no_service');
        return;
      }
      delivered.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>);
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/services/T000/B000/secret-part`,
    delivered,
    requests: () => count,
    answer(m, times = 1) {
      for (let i = 0; i < times; i++) plan.push(m);
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
