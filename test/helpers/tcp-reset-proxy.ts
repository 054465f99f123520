import { createServer, connect } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';
import { tieSockets } from './proxy-sockets.js';

/** A TCP proxy on 127.0.0.1 that cuts the first connections after some bytes, like a flaky network. */
export interface TcpResetProxy {
  /** http://127.0.0.1:PORT */
  origin: string;
  /** Where connections go; set it once the target is listening. */
  targetPort: number;
  /** How many connections were cut so far. */
  cuts: number;
  close(): Promise<void>;
}

/**
 * Starts the proxy. The first `cutConnections` connections are reset (TCP RST) once
 * `cutAfterBytes` bytes went from the client towards the target; later ones pass untouched.
 * With `mode: 'stall'` those connections are not reset but stop being read, like a network that
 * hangs: the client's writes back up and its upload makes no more progress.
 */
export async function startTcpResetProxy(o: {
  cutAfterBytes: number; cutConnections?: number; targetPort?: number; mode?: 'reset' | 'stall';
}): Promise<TcpResetProxy> {
  const sockets = new Set<Socket>();
  let connections = 0;
  const proxy: TcpResetProxy = {
    origin: '',
    targetPort: o.targetPort ?? 0,
    cuts: 0,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server = createServer((client) => {
    const cut = (connections += 1) <= (o.cutConnections ?? 1);
    const upstream = connect(proxy.targetPort, '127.0.0.1');
    tieSockets(client, upstream, sockets);
    let seen = 0;
    let stalled = false;
    client.on('data', (chunk: Buffer) => {
      if (stalled) return;
      seen += chunk.length;
      if (cut && seen >= o.cutAfterBytes) {
        proxy.cuts += 1;
        if (o.mode === 'stall') {
          stalled = true;
          client.pause();
          return;
        }
        client.resetAndDestroy();
        upstream.destroy();
        return;
      }
      if (!upstream.write(chunk)) client.pause();
    });
    upstream.on('drain', () => {
      if (!stalled) client.resume();
    });
    upstream.pipe(client);
    client.on('end', () => upstream.end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  proxy.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return proxy;
}
