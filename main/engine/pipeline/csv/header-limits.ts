/**
 * How wide a CSV may be. Excel stops at 16,384 columns (XFD), and no export meant for a customer
 * platform comes near it; a header past that is a file of another kind (a transposed sheet, one
 * row of values) and would take minutes to map, so it is refused with the cap named. A first line
 * that runs past 16 MiB without ending is no header row at all.
 */
import { LexerError } from '../../errors.js';

/** The most columns a CSV may have: Excel's own limit. */
export const MAX_COLUMNS = 16_384;

/** The longest first line read while looking for the end of the header row. */
export const MAX_HEADER_BYTES = 16 * 1024 * 1024;

/** The refusal of a header row with more than {@link MAX_COLUMNS} columns. */
export function tooManyColumns(path: string, columns: number): LexerError {
  return new LexerError('unsupported-file', `${path} has ${columns.toLocaleString('en-US')} columns; Lexer Uploader reads at most ${MAX_COLUMNS.toLocaleString('en-US')} (Excel's limit).`, {
    hint: 'Export only the columns you need (a customer file rarely needs more than a few hundred), or split the columns across files that each keep the link column.',
  });
}

/** The refusal of a first line that does not end within {@link MAX_HEADER_BYTES}. */
export function headerTooLong(path: string): LexerError {
  return new LexerError('unsupported-file', `${path} has no header row: its first line runs past ${MAX_HEADER_BYTES / 1024 / 1024} MiB without ending.`, {
    hint: 'The first line must name the columns, e.g. link.email,first_name,last_name. If it does, check for a quote that never closes.',
  });
}
