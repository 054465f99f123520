import { createRequire } from 'node:module';
import type { Agents } from 'got';
import type * as Hpagent from 'hpagent';

// hpagent is loaded only when a proxy is set (most runs have none), synchronously so that the
// callers' option builders stay plain functions.
const require = createRequire(import.meta.url);

/** Agents that send both the API call and the PUT through an http(s) proxy, if one is set. */
export function proxyAgents(proxyUrl: string | null | undefined): Agents | undefined {
  if (!proxyUrl) return undefined;
  const { HttpProxyAgent, HttpsProxyAgent } = require('hpagent') as typeof Hpagent;
  const common = { proxy: proxyUrl, keepAlive: true, maxSockets: 16 };
  return { http: new HttpProxyAgent(common), https: new HttpsProxyAgent(common) };
}
