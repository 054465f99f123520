/**
 * A TCP proxy on 127.0.0.1 that gives every connection together one uplink of `mbit` Mbit/s
 * (client to server; answers come back unthrottled, as an office's downlink is rarely the limit).
 * Bounded: each connection holds at most one chunk it read from the client (the client is paused
 * until that chunk is out), and bytes leave in slices paced on one clock shared by all
 * connections, so parts sent in parallel share the link as they would.
 */
import { connect, createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { tieSockets } from '../test/helpers/proxy-sockets.js';

export interface ThrottleProxy {
  /** http://127.0.0.1:PORT */
  origin: string;
  /** Where connections go; set it once the target is listening. */
  targetPort: number;
  close(): Promise<void>;
}

/** Bytes sent per pacing step: small enough for smooth pacing, large enough for few timers. */
const SLICE_BYTES = 32 * 1024;

/** Starts the proxy; connections go to `proxy.targetPort`. */
export async function startThrottleProxy(o: { mbit: number }): Promise<ThrottleProxy> {
  const bytesPerMs = (o.mbit * 1e6) / 8 / 1000;
  let nextAt = performance.now(); // when the shared link is free again
  const sockets = new Set<Socket>();

  /** Waits for the link, then books it for `bytes`. */
  const take = async (bytes: number): Promise<void> => {
    const now = performance.now();
    const start = Math.max(now, nextAt);
    nextAt = start + bytes / bytesPerMs;
    if (start > now) await sleep(start - now);
  };

  const server = createServer((client) => {
    const upstream = connect(proxy.targetPort, '127.0.0.1');
    tieSockets(client, upstream, sockets);
    let chain = Promise.resolve();
    client.on('data', (chunk: Buffer) => {
      client.pause();
      chain = chain.then(async () => {
        for (let at = 0; at < chunk.length; at += SLICE_BYTES) {
          const slice = chunk.subarray(at, at + SLICE_BYTES);
          await take(slice.length);
          if (upstream.destroyed) return;
          if (!upstream.write(slice)) {
            await new Promise((resolve) => {
              upstream.once('drain', resolve);
              upstream.once('close', resolve);
            });
          }
        }
        client.resume();
      });
    });
    upstream.pipe(client);
    client.on('end', () => void chain.then(() => upstream.end()));
  });
  const proxy: ThrottleProxy = {
    origin: '',
    targetPort: 0,
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  proxy.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return proxy;
}
