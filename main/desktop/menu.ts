/**
 * The application menu: the usual roles (so copy/paste, zoom and close work with the platform's
 * shortcuts) plus Help links to Lexer's pages, opened through the allow-listed opener. The View
 * menu is spelled out rather than `role: 'viewMenu'`, whose submenu always has Reload and Toggle
 * Developer Tools: those stay in development (an unpackaged app) only.
 */
import type { MenuItemConstructorOptions } from 'electron';

/** The View menu: zoom and full screen; reload and developer tools only when `devTools`. */
export function viewMenu(devTools: boolean): MenuItemConstructorOptions {
  const dev: MenuItemConstructorOptions[] = devTools
    ? [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }]
    : [];
  return {
    label: 'View',
    submenu: [...dev, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
  };
}

/** The menu template for `platform`; `openLink` opens an allow-listed https URL; developer items only when `devTools`; Help's update check when given. */
export function menuTemplate(
  platform: NodeJS.Platform,
  openLink: (url: string) => void,
  o: { devTools: boolean; checkForUpdates?: () => void },
): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const updates: MenuItemConstructorOptions[] = o.checkForUpdates ? [{ type: 'separator' }, { label: 'Check for Updates…', click: o.checkForUpdates }] : [];
  const help: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [
      { label: 'Lexer Hub', click: () => openLink('https://hub.lexer.io') },
      { label: 'File Upload API help', click: () => openLink('https://learn.lexer.io') },
      ...updates,
    ],
  };
  return [
    ...(isMac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    viewMenu(o.devTools),
    { role: 'windowMenu' },
    help,
  ];
}
