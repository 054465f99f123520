/**
 * The application menu: the usual roles (so copy/paste, zoom and close work with the platform's
 * shortcuts) plus Help links to Lexer's pages, opened through the allow-listed opener.
 */
import type { MenuItemConstructorOptions } from 'electron';

/** The menu template for `platform`; `openLink` opens an allow-listed https URL. */
export function menuTemplate(platform: NodeJS.Platform, openLink: (url: string) => void): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const help: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [
      { label: 'Lexer Hub', click: () => openLink('https://hub.lexer.io') },
      { label: 'File Upload API help', click: () => openLink('https://learn.lexer.io') },
    ],
  };
  return [
    ...(isMac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
    help,
  ];
}
