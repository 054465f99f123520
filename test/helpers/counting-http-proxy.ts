import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

/** An HTTP proxy on 127.0.0.1 that counts the PUTs passing through at once. */
export interface CountingProxy {
  /** http://127.0.0.1:PORT */
  origin: string;
  /** Where requests go; set it once the target is listening. */
  targetPort: number;
  /** The most PUTs in flight at the same moment so far, and how many went through. */
  maxInFlight: number;
  puts: number;
  close(): Promise<void>;
}

/**
 * Starts the proxy. Each PUT is held `holdMs` before it is passed on, so uploads that are allowed
 * to overlap do overlap, and a client that sends more at once than it should is seen doing so.
 */
export async function startCountingProxy(o: { holdMs: number; targetPort?: number }): Promise<CountingProxy> {
  let inFlight = 0;
  const proxy: CountingProxy = {
    origin: '', targetPort: o.targetPort ?? 0, maxInFlight: 0, puts: 0,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
  const server = createServer((req, res) => {
    const isPut = req.method === 'PUT';
    if (isPut) {
      inFlight++;
      proxy.puts++;
      proxy.maxInFlight = Math.max(proxy.maxInFlight, inFlight);
    }
    let ended = false;
    const end = (): void => {
      if (isPut && !ended) inFlight--;
      ended = true;
    };
    req.pause();
    setTimeout(() => {
      const upstream = request({ host: '127.0.0.1', port: proxy.targetPort, method: req.method, path: req.url, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
        answer.on('end', end);
      });
      upstream.on('error', () => {
        end();
        res.destroy();
      });
      req.pipe(upstream);
      req.resume();
    }, isPut ? o.holdMs : 0);
    res.on('close', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  proxy.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return proxy;
}
