// `npm run dist`'s first step: building installers needs the Node that electron-builder's own
// dependencies declare (@electron/rebuild and node-abi: >=22.12 with electron-builder 26), newer
// than the Node 20 the app, the command and the tests need (package.json engines). Say so in one
// line, with what to install, instead of letting electron-builder fail half-way.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const FALLBACK = '22.12.0';

/** The lowest Node every package named here accepts (their `engines.node` of the form `>=x.y.z`). */
function requiredNode(packages) {
  let min = FALLBACK;
  for (const name of packages) {
    const file = join(ROOT, 'node_modules', name, 'package.json');
    if (!existsSync(file)) continue;
    const m = /^>=\s*(\d+\.\d+\.\d+)$/.exec(JSON.parse(readFileSync(file, 'utf8')).engines?.node?.trim() ?? '');
    if (m && compare(m[1], min) > 0) min = m[1];
  }
  return min;
}

function compare(a, b) {
  const [x, y] = [a, b].map((v) => v.split('.').map(Number));
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] - y[i];
  return 0;
}

const need = requiredNode(['@electron/rebuild', 'node-abi', 'app-builder-lib', 'electron-builder']);
if (compare(process.versions.node, need) < 0) {
  console.error(`npm run dist: building the installers needs Node.js ${need} or later (electron-builder's own dependencies require it); this is Node.js ${process.versions.node}. Install Node.js 22 LTS or 24 and run it again. The app, lexer-upload and the tests work on Node.js 20.`);
  process.exit(1);
}
