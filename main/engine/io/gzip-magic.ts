/** Whether bytes are gzip, by the two magic bytes every gzip member starts with (RFC 1952: 1f 8b). */
import { open } from 'node:fs/promises';

/** Whether `head` starts with gzip's magic bytes. */
export function hasGzipMagic(head: Uint8Array): boolean {
  return head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
}

/** Whether the file at `path` starts with gzip's magic bytes. */
export async function isGzip(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(2);
    const { bytesRead } = await handle.read(head, 0, 2, 0);
    return hasGzipMagic(head.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}
