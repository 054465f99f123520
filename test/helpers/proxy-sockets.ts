import type { Socket } from 'node:net';

/**
 * Ties a proxied connection's two sockets together, as the loopback proxies here all do: an error
 * on either closes both, and `open` holds them until they close (so the proxy's close() can end
 * them).
 */
export function tieSockets(client: Socket, upstream: Socket, open: Set<Socket>): void {
  open.add(client).add(upstream);
  const drop = (): void => {
    client.destroy();
    upstream.destroy();
  };
  client.on('error', drop);
  upstream.on('error', drop);
  client.on('close', () => open.delete(client));
  upstream.on('close', () => open.delete(upstream));
}
