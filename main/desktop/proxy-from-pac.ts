/**
 * Turning the system's proxy answer (a PAC result such as `PROXY proxy.corp:8080; DIRECT`, as
 * Chromium's `session.resolveProxy` gives it) into one proxy URL for got, or null for direct.
 * The first usable entry wins, as a browser would try them in order; SOCKS is not supported by
 * the HTTP proxy agent (hpagent), so a SOCKS-only answer falls back to direct.
 */

/** Parses a PAC result into `http://host:port` / `https://host:port`, or null for DIRECT. */
export function proxyUrlFromPac(pac: string): string | null {
  for (const part of pac.split(';')) {
    const [kind, hostPort] = part.trim().split(/\s+/);
    if (!kind) continue;
    switch (kind.toUpperCase()) {
      case 'DIRECT':
        return null;
      case 'PROXY':
      case 'HTTP':
        if (hostPort) return `http://${hostPort}`;
        break;
      case 'HTTPS':
        if (hostPort) return `https://${hostPort}`;
        break;
      default:
        break; // SOCKS, SOCKS4, SOCKS5: not something the HTTP proxy agent can speak
    }
  }
  return null;
}
