/**
 * Renderer entry. In Electron the preload has put the API on `window.lexer`; in the browser host
 * there is no preload, so the same API is built over the loopback transport.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApi } from '../preload/create-api.js';
import { createHostTransport } from './host-transport.js';
import { ApiProvider } from './api-context.js';
import { App } from './components/app.js';

// `window.lexer` is declared in preload/global.d.ts.
const api = window.lexer ?? createApi(createHostTransport());
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <ApiProvider api={api}>
      <App />
    </ApiProvider>
  </StrictMode>,
);
