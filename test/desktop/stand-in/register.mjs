// `node --import` this file to make `import ... from 'electron'` load the stand-in (electron.mjs).
import { register } from 'node:module';

register('./resolve-electron.mjs', import.meta.url);
