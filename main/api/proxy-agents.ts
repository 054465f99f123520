import { HttpProxyAgent, HttpsProxyAgent } from 'hpagent';
import type { Agents } from 'got';

/** got agents that send both the API call and the PUT through an http(s) proxy, if one is set. */
export function proxyAgents(proxyUrl: string | null | undefined): Agents | undefined {
  if (!proxyUrl) return undefined;
  const common = { proxy: proxyUrl, keepAlive: true, maxSockets: 16 };
  return { http: new HttpProxyAgent(common), https: new HttpsProxyAgent(common) };
}
