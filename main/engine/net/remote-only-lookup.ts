/**
 * A DNS lookup for connections that must leave this computer: an upload link from an API that is
 * not on this computer goes to S3, never to a port here. A link naming an address here is refused
 * before any lookup (api-client.ts); this catches a name that resolves here (the machine's own
 * host name, or a DNS name pointed at 127.0.0.1).
 */
import { lookup, type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { isThisComputer } from '../api/upload-url.js';

/** The error code of a lookup refused because the name resolves to this computer. */
export const RESOLVES_HERE = 'ERESOLVESHERE';

/** Node's lookup, failing with {@link RESOLVES_HERE} when any address found is this computer's. */
export const remoteOnlyLookup: LookupFunction = (hostname, options, callback) => {
  lookup(hostname, { ...options, all: true }, (error, found: LookupAddress[]) => {
    if (error) return callback(error, '', 0);
    const here = found.find((a) => isThisComputer(a.address));
    if (here) {
      const refused: NodeJS.ErrnoException = Object.assign(new Error(`${hostname} resolves to this computer (${here.address})`), { code: RESOLVES_HERE });
      return callback(refused, '', 0);
    }
    // Answer in the shape asked for: every address (Node's happy eyeballs asks so), or the first.
    if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, found);
    const first = found[0];
    return first ? callback(null, first.address, first.family) : callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '', 0);
  });
};
