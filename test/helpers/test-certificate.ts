import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';

/** A self-signed certificate for a test's HTTPS server, trusted by a child process through NODE_EXTRA_CA_CERTS. */
export interface TestCertificate {
  key: string;
  cert: string;
  /** The PEM file to name in NODE_EXTRA_CA_CERTS. */
  certFile: string;
  remove(): Promise<void>;
}

/** Makes a certificate for `names` (IP addresses or DNS names) with openssl; null when openssl is not installed. */
export async function makeTestCertificate(names: readonly string[]): Promise<TestCertificate | null> {
  const dir = await mkdtemp(join(tmpdir(), 'lexer-cert-'));
  const san = names.map((n) => (/^[\d.]+$|:/.test(n) ? `IP:${n}` : `DNS:${n}`)).join(',');
  try {
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
      '-subj', '/CN=lexer-test', '-addext', `subjectAltName=${san}`, '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
    ], { stdio: 'ignore' });
  } catch {
    await rm(dir, { recursive: true, force: true });
    return null;
  }
  return {
    key: await readFile(join(dir, 'key.pem'), 'utf8'),
    cert: await readFile(join(dir, 'cert.pem'), 'utf8'),
    certFile: join(dir, 'cert.pem'),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/** An IPv4 address of this machine that is not loopback (where a stand-in for a remote API can listen), or null. */
export function outsideAddress(): string | null {
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return null;
}
