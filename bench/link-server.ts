/**
 * The sandbox behind a throttled uplink, as a process of its own for bench/upload.ts --link-mbit:
 * upload links point at a throttle proxy (bench/throttle-proxy.ts) in front of the sandbox, so a
 * PUT crosses a link of N Mbit/s while the API call goes direct. Prints one JSON line
 * `{"apiUrl","token"}` when ready and serves until SIGTERM.
 *
 *   node --import tsx bench/link-server.ts <mbit> <storage-dir>
 */
import { once } from 'node:events';
import { startSandbox } from '../main/sandbox/start-sandbox.js';
import { startThrottleProxy } from './throttle-proxy.js';

const [mbit, dir] = process.argv.slice(2);
const proxy = await startThrottleProxy({ mbit: Number(mbit) });
const sandbox = await startSandbox({ ...(dir ? { dir } : {}), s3Origin: proxy.origin });
proxy.targetPort = Number(new URL(sandbox.apiUrl).port);
console.log(JSON.stringify({ apiUrl: sandbox.apiUrl, token: sandbox.token }));
await once(process, 'SIGTERM');
await proxy.close();
await sandbox.close();
