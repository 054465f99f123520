// `node --import` this file to make `import ... from 'electron'` load the stand-in (electron.mjs),
// and `require('electron')` too (electron-updater is CommonJS): Node 20.19+ and 24 require an ES
// module synchronously, from the same module cache, so both get the one stand-in.
import Module, { register } from 'node:module';
import { fileURLToPath } from 'node:url';

register('./resolve-electron.mjs', import.meta.url);

const STAND_IN = fileURLToPath(new URL('./electron.mjs', import.meta.url));
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function resolveElectron(request, ...rest) {
  return request === 'electron' ? STAND_IN : resolveFilename.call(this, request, ...rest);
};
