/**
 * The sandbox embedded in the app, for trying it without a Lexer account (Settings > "Use the
 * local sandbox"). It is the same Lexer-compatible API and S3 look-alike as `lexer-upload
 * sandbox`, started on first use on 127.0.0.1 with its files under the user's data folder.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startSandbox, type Sandbox } from '../../sandbox/start-sandbox.js';

export interface EmbeddedSandbox {
  /** Starts the sandbox if it is not running yet; answers where it listens and its token. */
  ensure(): Promise<{ apiUrl: string; token: string; storageDir: string }>;
  /** Where it listens and keeps files, or nulls before its first start. */
  status(): { apiUrl: string | null; storageDir: string | null };
  close(): Promise<void>;
}

/** Keeps one sandbox per app under `<dir>/sandbox`, with a token that stays the same between runs. */
export function createEmbeddedSandbox(dir: string): EmbeddedSandbox {
  const root = join(dir, 'sandbox');
  let starting: Promise<Sandbox> | null = null;
  let running: Sandbox | null = null;

  const stableToken = async (): Promise<string> => {
    const file = join(root, 'token');
    const saved = await readFile(file, 'utf8').catch(() => '');
    if (saved.trim()) return saved.trim();
    const token = `sandbox-${randomBytes(16).toString('hex')}`;
    await writeFile(file, token, { mode: 0o600 });
    return token;
  };

  return {
    async ensure() {
      starting ??= (async () => {
        await mkdir(join(root, 'storage'), { recursive: true, mode: 0o700 });
        running = await startSandbox({ dir: join(root, 'storage'), token: await stableToken(), log: () => undefined });
        return running;
      })().catch((error: unknown) => {
        starting = null; // let the next upload try again
        throw error;
      });
      const s = await starting;
      return { apiUrl: s.apiUrl, token: s.token, storageDir: s.storageDir };
    },
    status: () => ({ apiUrl: running?.apiUrl ?? null, storageDir: running?.storageDir ?? null }),
    async close() {
      const s = starting;
      starting = null;
      running = null;
      if (s) await (await s.catch(() => null))?.close();
    },
  };
}
