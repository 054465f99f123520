import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A loopback HTTP server that reads and throws away every request body, then answers 200. */
export async function startDiscardServer(): Promise<{ url: string; received: () => number; close(): Promise<void> }> {
  let total = 0;
  const server = createServer((req, res) => {
    req.on('data', (c: Buffer) => (total += c.length));
    req.on('end', () => res.end());
  });
  server.requestTimeout = 0;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/discard`,
    received: () => total,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
