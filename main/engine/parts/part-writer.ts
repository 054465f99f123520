import { deflateBlock } from '../compress/deflate-block.js';
import type { OrderedBlock } from '../compress/deflate-in-order.js';
import { MEMBER_END_BYTES } from '../compress/gzip-framing.js';
import { GzipMember } from '../compress/gzip-member.js';
import { TailWindow } from '../compress/tail-window.js';
import { LexerError } from '../errors.js';
import { openOutputFile, type OutputFile } from '../io/output-file.js';
import type { RecordFormat } from './record-format.js';

/** A part written to disk: its place, its file and its size as it will be sent. */
export interface WrittenPart {
  index: number;
  path: string;
  bytes: number;
}

export interface PartWriterSetup {
  /** Most bytes one part may have as sent. */
  limit: number;
  /** Compression level, or null to write the records as they are. */
  gzipLevel: number | null;
  /** Bytes every part starts with (a CSV's byte-order mark and header row), inside the compression. */
  prefix: Uint8Array;
  format: RecordFormat;
  /** The path for part `index` (1-based). */
  pathFor(index: number): string;
  /** Names the source in messages. */
  what: string;
}

interface OpenPart {
  index: number;
  file: OutputFile;
  member: GzipMember | null;
  /** Bytes written (as sent). */
  written: number;
  /** Record bytes in this part (prefix excluded): a block primed with that many bytes or fewer before it is valid here. */
  dataBytes: number;
  /** The last 32 KiB of this part's input, to prime a block compressed again. */
  tail: TailWindow;
}

/**
 * Writes blocks of whole records into parts of at most `limit` bytes each as sent.
 *
 * How a cut is decided when gzip is on: the blocks arrive compressed (in parallel, in order), so
 * a block's compressed size is known before it is written. When it does not fit in the current
 * part, that part is ended there (an empty final block and the trailer, see gzip-framing.ts) and
 * the block starts the next part, compressed again without the bytes before it (they are in the
 * previous part); the blocks after it were primed with its own bytes, so they stay valid. A block
 * too big for an empty part is halved at a record boundary until the pieces fit. Without gzip the
 * same rule applies to the bytes as they are. So no part goes over the limit, each ends at most
 * one block short of it, and nothing is compressed twice except the first block of each part.
 */
export class PartWriter {
  private part: OpenPart | null = null;
  private readonly done: WrittenPart[] = [];
  private readonly closing: number;
  /** One window, reused by each part in turn. */
  private readonly tail = new TailWindow();

  constructor(private readonly setup: PartWriterSetup) {
    this.closing = setup.gzipLevel === null ? 0 : MEMBER_END_BYTES;
  }

  /** Parts finished so far. */
  get parts(): readonly WrittenPart[] {
    return this.done;
  }

  /** Parts so far: those finished and the one being written, if any (after finish(), all of them). */
  get partCount(): number {
    return this.done.length + (this.part ? 1 : 0);
  }

  /** Bytes written so far, all parts. */
  get bytesWritten(): number {
    return this.done.reduce((sum, p) => sum + p.bytes, 0) + (this.part?.written ?? 0);
  }

  /** Adds a block of whole records: raw (gzip off) or as it came back compressed from the pool. */
  async add(raw: Uint8Array, compressed?: OrderedBlock): Promise<void> {
    let part = this.part ?? (await this.open());
    let payload = this.payload(part, raw, compressed);
    if (!this.fits(part, payload)) {
      if (part.dataBytes > 0) {
        await this.close();
        part = await this.open();
        payload = this.payload(part, raw);
      }
      if (!this.fits(part, payload)) return this.addHalves(raw);
    }
    await this.write(part, raw, payload);
  }

  /** Ends the last part; returns every part. */
  async finish(): Promise<WrittenPart[]> {
    if (!this.part) await this.open(); // an input with no records still sends its header
    await this.close();
    return this.done;
  }

  /** Removes the part being written (after a failure; finished parts belong to the caller's folder). */
  async discard(): Promise<void> {
    await this.part?.file.discard();
    this.part = null;
  }

  private async addHalves(raw: Uint8Array): Promise<void> {
    const halves = this.setup.format.halve(raw);
    if (!halves) {
      throw new LexerError('unsupported-file', `${this.setup.what} has a record that alone is larger than the part size (${this.setup.limit.toLocaleString('en-US')} bytes).`, {
        hint: 'Choose a larger part size.',
      });
    }
    await this.add(halves[0]);
    await this.add(halves[1]);
  }

  /** What `raw` adds to `part`: itself, its compressed form when primed validly, else compressed again here. */
  private payload(part: OpenPart, raw: Uint8Array, compressed?: OrderedBlock): Uint8Array | OrderedBlock {
    const level = this.setup.gzipLevel;
    if (level === null) return raw;
    if (compressed && compressed.dictionaryBytes <= part.dataBytes) return compressed;
    return { raw, ...deflateBlock(raw, part.tail.view, level), dictionaryBytes: part.tail.length };
  }

  private fits(part: OpenPart, payload: Uint8Array | OrderedBlock): boolean {
    const size = payload instanceof Uint8Array ? payload.length : payload.deflated.length;
    return part.written + size + this.closing <= this.setup.limit;
  }

  private async write(part: OpenPart, raw: Uint8Array, payload: Uint8Array | OrderedBlock): Promise<void> {
    const bytes = payload instanceof Uint8Array ? payload : (part.member as GzipMember).add(payload, raw.length);
    await part.file.write(bytes);
    part.written += bytes.length;
    part.dataBytes += raw.length;
    part.tail.push(raw);
  }

  private async open(): Promise<OpenPart> {
    const index = this.done.length + 1;
    const file = await openOutputFile(this.setup.pathFor(index));
    const level = this.setup.gzipLevel;
    const member = level === null ? null : new GzipMember(level);
    this.tail.clear();
    const part: OpenPart = { index, file, member, written: 0, dataBytes: 0, tail: this.tail };
    this.part = part;
    const prefix = this.setup.prefix;
    if (member) {
      const header = member.start();
      await file.write(header);
      part.written += header.length;
    }
    if (prefix.length > 0) {
      const bytes = member && level !== null ? member.add(deflateBlock(prefix, null, level), prefix.length) : prefix;
      await file.write(bytes);
      part.written += bytes.length;
      part.tail.push(prefix);
    }
    if (part.written + this.closing > this.setup.limit) {
      await this.discard();
      throw new LexerError('usage', `The part size (${this.setup.limit.toLocaleString('en-US')} bytes) is too small for ${this.setup.what}: its header row alone takes ${part.written.toLocaleString('en-US')}.`, {
        hint: 'Choose a larger part size.',
      });
    }
    return part;
  }

  private async close(): Promise<void> {
    const part = this.part;
    if (!part) return;
    if (part.member) {
      const end = part.member.finish();
      await part.file.write(end);
      part.written += end.length;
    }
    await part.file.commit();
    this.done.push({ index: part.index, path: this.setup.pathFor(part.index), bytes: part.written });
    this.part = null;
  }
}
