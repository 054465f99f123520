/**
 * What the desktop around the window adds: files the system asked the app to open, the uploads
 * running now (a new window shows them), starting at login, and where to go when the person
 * clicks a notification.
 */
import type { UploadRequest, UploadState } from './uploads.js';

/** An upload main runs now, with what it was started with, so a new window can show its card. */
export interface CurrentUpload {
  readonly request: UploadRequest;
  readonly state: UploadState;
}

/**
 * Starting at login: whether this system can (the browser host cannot), and whether it is on.
 * Started at login, the app opens no window when watched folders are active: its tray icon says
 * it runs.
 */
export interface LoginItem {
  readonly supported: boolean;
  readonly openAtLogin: boolean;
}

/** Where a click on a notification leads: a watched folder's row. */
export interface ShowRequest {
  readonly screen: 'feeds';
  readonly feedId: string;
}
