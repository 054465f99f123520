/**
 * Finding the built renderer (dist/renderer) and mapping a request path to a file inside it
 * without ever escaping it (`..`, encoded slashes, absolute paths are refused).
 */
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep, isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The renderer folder: dist/renderer beside the compiled main, or the built one when run by tsx. */
export function rendererDir(fromModuleUrl: string): string {
  const here = dirname(fileURLToPath(fromModuleUrl));
  // compiled: dist/main/<layer>/ -> dist/renderer; under tsx: main/<layer>/ -> dist/renderer.
  // Look for the bundle, not index.html: the source folder renderer/ has the HTML but no app.js.
  const candidates = [resolve(here, '../../renderer'), resolve(here, '../../dist/renderer')];
  return candidates.find((c) => existsSync(join(c, 'app.js'))) ?? candidates[candidates.length - 1]!;
}

/** The file for a URL path (`/` is index.html), or null when it would leave `root`. */
export function resolveRendererFile(root: string, urlPath: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (path.includes('\0') || path.includes('\\')) return null;
  if (path === '' || path === '/') path = '/index.html';
  const file = resolve(root, `.${path}`);
  const rel = relative(root, file);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) return null;
  return file;
}
