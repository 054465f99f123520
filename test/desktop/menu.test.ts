// The application menu: developer tools and reload only in development.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { MenuItemConstructorOptions } from 'electron';
import { menuTemplate } from '../../main/desktop/menu.js';

/** Every role in the template, submenus included (a `viewMenu` role brings its own devtools item). */
function roles(items: readonly MenuItemConstructorOptions[]): string[] {
  return items.flatMap((i) => [...(i.role ? [i.role] : []), ...(Array.isArray(i.submenu) ? roles(i.submenu) : [])]);
}

test('the packaged app has no way to developer tools or reload in its menus', () => {
  for (const platform of ['linux', 'win32', 'darwin'] as const) {
    const r = roles(menuTemplate(platform, () => undefined, { devTools: false }));
    for (const role of ['toggleDevTools', 'viewMenu', 'reload', 'forceReload']) assert.ok(!r.includes(role as never), `${platform}: ${role}`);
    for (const role of ['editMenu', 'zoomIn', 'resetZoom', 'togglefullscreen']) assert.ok(r.includes(role as never), `${platform}: ${role}`);
  }
});

test('in development the View menu has them', () => {
  const r = roles(menuTemplate('linux', () => undefined, { devTools: true }));
  assert.ok(r.includes('toggleDevTools'));
  assert.ok(r.includes('reload'));
});
