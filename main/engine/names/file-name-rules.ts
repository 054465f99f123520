/**
 * Lexer's file-name rules (FILE_UPLOAD_API.md, "File names"): a checker, a fixer, and the
 * vendor's default name for NDJSON loaded into a dataset. One import for callers.
 */
export { checkFileName } from './check-file-name.js';
export type { FileNameCheck } from './check-file-name.js';
export { defaultDatasetFileName, fixFileName } from './fix-file-name.js';
