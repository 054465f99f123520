/** Where one transfer stands: bytes on the wire, total, recent rate and time left. */
export interface TransferProgress {
  bytesSent: number;
  totalBytes: number;
  bytesPerSecond: number;
  etaSeconds: number | null;
}

/** What an upload reports while it runs (the CLI prints these; the app pushes them to the window). */
export type UploadEvent =
  | { kind: 'checking-file' }
  | { kind: 'requesting-url'; attempt: number }
  /** Throttled to about one every 250 ms, plus one at 100%. */
  | { kind: 'uploading'; attempt: number; progress: TransferProgress }
  /** `reason` is a plain sentence a person can read. */
  | { kind: 'retrying'; attempt: number; reason: string; delayMs: number };
