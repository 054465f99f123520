// Shared set-up for the services tests: a temp user-data folder, a file vault and a session
// vault (the browser host's pair), and every reply recorded so tests can search them all.
import { after, before } from 'node:test';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InvokeChannel, InvokeResult } from '../../main/contract/channels.js';
import type { Result } from '../../main/contract/result.js';
import type { UploadStateEvent } from '../../main/contract/uploads.js';
import { createAppServices, type AppServices } from '../../main/services/create-app-services.js';
import { createFileVault } from '../../main/engine/vault/file-vault.js';
import { createSessionVault } from '../../main/engine/vault/session-vault.js';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';

export const CUSTOMER = JSON.stringify({ link: { email: 'jane@example.com' }, email: 'jane@example.com', first_name: 'Jane' });

export interface ServicesFixture {
  dir: string;
  services: AppServices;
  /** Every reply and event seen so far, serialised, for "the token never appears" checks. */
  transcript: string[];
  states: UploadStateEvent[];
  call<C extends InvokeChannel>(channel: C, ...args: unknown[]): Promise<Result<InvokeResult<C>>>;
  /** Calls and returns the value, failing the test on an error result. */
  value<C extends InvokeChannel>(channel: C, ...args: unknown[]): Promise<InvokeResult<C>>;
  file(name: string, text: string | Buffer): Promise<string>;
  close(): Promise<void>;
}

/** Builds services over a fresh temp folder; `apiUrl` is usually a sandbox's. */
export async function makeServices(apiUrl: string): Promise<ServicesFixture> {
  const dir = await mkdtemp(join(tmpdir(), 'lexer-app-'));
  const services = await createAppServices({
    userDataDir: join(dir, 'user-data'),
    vault: createFileVault(join(dir, 'config')),
    sessionVault: createSessionVault(),
    envApiUrl: apiUrl,
    uploadTuning: { retryBaseMs: 5, maxAttempts: 2 },
  });
  const transcript: string[] = [];
  const states: UploadStateEvent[] = [];
  services.events.on('uploads:state', (e) => {
    states.push(e);
    transcript.push(JSON.stringify(e));
  });
  services.events.on('jobs:progress', (e) => transcript.push(JSON.stringify(e)));
  const call = async <C extends InvokeChannel>(channel: C, ...args: unknown[]) => {
    const r = await services.handlers[channel](...args);
    transcript.push(JSON.stringify(r));
    return r;
  };
  return {
    dir,
    services,
    transcript,
    states,
    call,
    async value(channel, ...args) {
      const r = await call(channel, ...args);
      if (!r.ok) throw new Error(`${channel} failed: ${JSON.stringify(r.error)}`);
      return r.value;
    },
    async file(name, text) {
      const path = join(dir, name);
      await writeFile(path, text);
      return path;
    },
    async close() {
      await services.dispose();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Starts a sandbox and services pointed at it before the enclosing block's tests and closes both
 * after; `take` receives them once started (the block keeps them in its own variables).
 */
export function useSandboxServices(take: (s: { sb: TestSandbox; f: ServicesFixture }) => void | Promise<void>): void {
  let s: { sb: TestSandbox; f: ServicesFixture } | undefined;
  before(async () => {
    const sb = await startTestSandbox();
    s = { sb, f: await makeServices(sb.sandbox.apiUrl) };
    await take(s);
  });
  after(async () => {
    await s?.f.close();
    await s?.sb.stop();
  });
}
