/** The upload channels: starting and cancelling an upload (its states arrive as `uploads:state` events). */
import type { ChannelsOf } from '../channels/handler-types.js';
import { parseUploadRequest } from '../channels/request-parsers.js';
import { asId, expectArgs as n } from '../channels/validators.js';
import type { FileGate } from '../files/file-access.js';
import type { UploadService } from './upload-service.js';

export interface UploadChannelDeps {
  readonly uploads: UploadService;
  readonly allowed: FileGate;
}

/** Registers `uploads:*`. */
export function uploadChannels(d: UploadChannelDeps): ChannelsOf<'uploads'> {
  return {
    'uploads:start': async (...a) => (n(a, 1, 'uploads:start'), d.uploads.start(await d.allowed(parseUploadRequest(a[0])))),
    'uploads:cancel': async (...a) => (n(a, 1, 'uploads:cancel'), d.uploads.cancel(asId(a[0], 'id'))),
  };
}
