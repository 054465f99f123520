/**
 * The shape of a channel's body before it is wrapped: arguments arrive as `unknown`, and the body
 * answers the channel's value or throws a LexerError, which createAppServices turns into a
 * `Result` with secrets scrubbed. Each domain registers its own channels with these types.
 */
import type { InvokeChannel, InvokeResult } from '../../contract/channels.js';

/** One channel's body. */
export type RawHandler<C extends InvokeChannel> = (...args: unknown[]) => Promise<InvokeResult<C>>;

/** Every channel's body: composing the domains' channels must give exactly this. */
export type RawHandlers = { [C in InvokeChannel]: RawHandler<C> };

/** The bodies of the channels whose names start with `prefix:` (`settings`, `token`...). */
export type ChannelsOf<P extends string> = { [C in InvokeChannel as C extends `${P}:${string}` ? C : never]: RawHandler<C> };
