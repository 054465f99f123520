/**
 * Every permission request of a page is denied (camera, notifications from the page,
 * geolocation...) but the one the app uses itself.
 */
import type { Session } from 'electron';
import { isAppUrl } from './navigation.js';

/**
 * The one permission the page may have: `clipboard-sanitized-write`, which
 * `navigator.clipboard.writeText` needs (History's Copy). Electron's session docs list it for both
 * the request and the check handler, and most web APIs check first, then request, so both allow it.
 */
export const ALLOWED_PERMISSION = 'clipboard-sanitized-write';

/** Whether the app's own page may use `permission` (asked from `url`, a URL or an origin). */
export function isPermissionAllowed(permission: string, url: string | undefined): boolean {
  return permission === ALLOWED_PERMISSION && url !== undefined && isAppUrl(url);
}

/** Denies every permission except clipboard writes from the app's own page. */
export function lockPermissions(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>): void {
  session.setPermissionRequestHandler((_wc, permission, callback, details) =>
    callback(details.isMainFrame && isPermissionAllowed(permission, details.requestingUrl)));
  session.setPermissionCheckHandler((_wc, permission, requestingOrigin) => isPermissionAllowed(permission, requestingOrigin));
}
