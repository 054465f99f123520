/**
 * The preload's API on the window: present in Electron, absent in the browser host, where the
 * renderer builds the same API over renderer/host-transport.ts.
 */
import type { LexerApi } from './create-api.js';

declare global {
  interface Window {
    lexer?: LexerApi;
  }
}

export {};
