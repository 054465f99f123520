/** The watched-folder channels: list, add, pause, remove, a test alert, and the desktop's folder chooser. */
import type { ChannelsOf } from '../channels/handler-types.js';
import { asBoolean, asId, asOptionalText, expectArgs as n } from '../channels/validators.js';
import type { FeedService } from './feed-service.js';

export interface FeedChannelDeps {
  readonly feeds: FeedService;
  /** The desktop's folder chooser; absent in the browser host. */
  readonly chooseFolder?: (() => Promise<string | null>) | undefined;
}

/** Registers `feeds:*`. */
export function feedChannels(d: FeedChannelDeps): ChannelsOf<'feeds'> {
  return {
    'feeds:list': async (...a) => (n(a, 0, 'feeds:list'), d.feeds.list()),
    'feeds:add': async (...a) => (n(a, 2, 'feeds:add'), d.feeds.add(a[0], a[1] === null ? null : asOptionalText(a[1], 'confirmation', 40))),
    'feeds:set-paused': async (...a) => (n(a, 2, 'feeds:set-paused'), d.feeds.setPaused(asId(a[0], 'id'), asBoolean(a[1], 'paused'))),
    'feeds:remove': async (...a) => (n(a, 1, 'feeds:remove'), d.feeds.remove(asId(a[0], 'id'))),
    'feeds:test-alert': async (...a) => (n(a, 1, 'feeds:test-alert'), d.feeds.testAlert(asId(a[0], 'id'))),
    'feeds:update': async (...a) => (n(a, 3, 'feeds:update'), d.feeds.update(asId(a[0], 'id'), a[1], a[2] === null ? null : asOptionalText(a[2], 'confirmation', 40))),
    'feeds:dismiss': async (...a) => (n(a, 2, 'feeds:dismiss'), d.feeds.dismiss(asId(a[0], 'id'), asId(a[1], 'failureId'))),
    'feeds:choose-folder': async (...a) => (n(a, 0, 'feeds:choose-folder'), d.chooseFolder ? d.chooseFolder() : null),
  };
}
