/**
 * The only bridge between the window and main: the domain API (settings, token, files,
 * preview, mapping, jobs, uploads, history) as `window.lexer`, never a raw ipcRenderer.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { createApi } from './create-api.js';
import { createIpcTransport } from './ipc-transport.js';

contextBridge.exposeInMainWorld('lexer', createApi(createIpcTransport(ipcRenderer, webUtils)));
