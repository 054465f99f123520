/**
 * Buffers for blocks that move to a worker thread and back. Transferring an ArrayBuffer moves
 * all of it, so only buffers made here (never a slice of Node's shared Buffer pool) are
 * transferred; others are copied first. Reusing them keeps memory flat: V8 frees ArrayBuffers
 * only after tens of MB of them pile up, per thread.
 */
const owned = new WeakSet<ArrayBufferLike>();

/** Whether `bytes` sits at the start of a buffer made here, so it can be transferred. */
export function isTransferable(bytes: Uint8Array): boolean {
  return bytes.byteOffset === 0 && owned.has(bytes.buffer);
}

/** Records that `bytes` (back from a worker, in a new ArrayBuffer object) owns its buffer again. */
export function markTransferable(bytes: Uint8Array): Uint8Array {
  owned.add(bytes.buffer);
  return bytes;
}

/** A free list of equal-size blocks; a larger one is made when asked, and not kept. */
export class BlockBuffers {
  private readonly spare: Uint8Array[] = [];

  constructor(
    readonly size: number,
    private readonly keep = 8,
  ) {}

  /** A block of at least `size` bytes (contents undefined). */
  take(size = this.size): Uint8Array {
    const reused = size <= this.size ? this.spare.pop() : undefined;
    // allocUnsafeSlow: a buffer of its own, never from the shared pool, and not zero-filled.
    return reused ?? markTransferable(new Uint8Array(Buffer.allocUnsafeSlow(Math.max(size, this.size)).buffer));
  }

  /** Hands a block back once nothing reads it any more. */
  give(bytes: Uint8Array): void {
    if (this.spare.length < this.keep && bytes.buffer.byteLength === this.size && isTransferable(bytes)) {
      this.spare.push(new Uint8Array(bytes.buffer));
    }
  }
}
