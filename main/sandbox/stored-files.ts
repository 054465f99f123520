import { readFile, readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { KEY_METADATA } from './private-object-store.js';

const OBJECT = '._S3rver_object';
const METADATA = '._S3rver_metadata.json';

/** The whole key kept in an object's metadata (a long one is cut on disk), or null. */
async function keptKey(metadataPath: string): Promise<string | null> {
  try {
    const key = (JSON.parse(await readFile(metadataPath, 'utf8')) as Record<string, unknown>)[KEY_METADATA];
    return typeof key === 'string' ? key : null;
  } catch {
    return null;
  }
}

/**
 * Lists the objects s3rver finished storing in a bucket folder. s3rver writes the metadata file
 * only after a PUT completes, so a body cut off mid-way (no metadata) is not counted as stored.
 */
export async function listStoredObjects(bucketDir: string): Promise<Array<{ key: string; path: string; bytes: number }>> {
  const found: Array<{ key: string; path: string; bytes: number }> = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    const names = new Set(entries.map((e) => e.name));
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.name.endsWith(OBJECT) && names.has(entry.name.slice(0, -OBJECT.length) + METADATA)) {
        const onDisk = relative(bucketDir, path).slice(0, -OBJECT.length).split(sep).join('/');
        found.push({ key: (await keptKey(path.slice(0, -OBJECT.length) + METADATA)) ?? onDisk, path, bytes: (await stat(path)).size });
      }
    }
  };
  await walk(bucketDir);
  return found.sort((a, b) => a.key.localeCompare(b.key));
}
