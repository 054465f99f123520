/**
 * A path that names a descriptor this process holds open, where the system offers one: on Linux
 * `/proc/PID/fd/N` reopens the very file (or folder) the descriptor holds, whatever is now under
 * the name it was opened by. Elsewhere there is none, and callers use the name.
 */
import { existsSync } from 'node:fs';

/** Whether open descriptors can be reached by path here. */
export const DESCRIPTOR_PATHS = process.platform === 'linux' && existsSync(`/proc/${process.pid}/fd`);

/** The path of descriptor `fd` (only where {@link DESCRIPTOR_PATHS}); with `name`, that entry of the folder it holds. */
export function descriptorPath(fd: number, name?: string): string {
  return name === undefined ? `/proc/${process.pid}/fd/${fd}` : `/proc/${process.pid}/fd/${fd}/${name}`;
}
