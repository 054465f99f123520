/**
 * The sentence the app and the CLI show before sending parts, with their own byte
 * format: "This file is 12.4 GB after compression; it will be sent as 3 parts, each loaded by
 * Lexer as its own file." Null when the file goes as one. Apart from prepare-upload.ts so that
 * showing it loads nothing of the compressor.
 */
export function partsNotice(prepared: { sentBytes: number; compressed: boolean; parts: readonly unknown[] }, formatBytes: (bytes: number) => string): string | null {
  const count = prepared.parts.length;
  if (count <= 1) return null;
  const size = `${formatBytes(prepared.sentBytes)}${prepared.compressed ? ' after compression' : ''}`;
  return `This file is ${size}; it will be sent as ${count} parts, each loaded by Lexer as its own file.`;
}
