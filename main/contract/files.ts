/** A file the person added: its kind, its name against Lexer's rules, and a CSV's preview. */
import type { DateOrder } from './jobs.js';
import type { ErrorInfo } from './result.js';
import type { FileKind } from '../engine/files/file-kind.js';

export { fileKind, type FileKind } from '../engine/files/file-kind.js';

export interface NameCheck {
  readonly valid: boolean;
  /** The name that follows the vendor's rules (equal to the input when valid). */
  readonly fixed: string;
  /** One plain sentence per broken rule. */
  readonly problems: readonly string[];
}

export interface FileInfo {
  readonly path: string;
  readonly name: string;
  readonly size: number;
  readonly kind: FileKind;
  readonly nameCheck: NameCheck;
  /** Set when the file cannot be uploaded (empty, unreadable, content Lexer cannot load). */
  readonly blocker: ErrorInfo | null;
}

export interface PreviewIssue {
  /** e.g. `bom`, `invisible-character`, `duplicate-header`, `empty-header`, `ragged-row`, `unknown-header`, `not-utf8`. */
  readonly kind: string;
  readonly message: string;
}

export interface CsvPreview {
  /** 'UTF-8', 'UTF-16LE (no byte-order mark)', 'Mac Roman', 'UTF-8 and Windows-1252', 'Windows-1252 (as chosen)', or 'plain ASCII so far (read as UTF-8)'. */
  readonly encoding: string;
  readonly delimiter: string;
  readonly lineEnding: 'CRLF' | 'LF' | 'CR';
  readonly headers: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** Problems to fix: invisible characters in cells, duplicate headers, ragged rows, lines that are not UTF-8. */
  readonly issues: readonly PreviewIssue[];
  /** Notes that need nothing done: a header matched by a suggestion, a BOM removed, Excel's sep= line. */
  readonly notes: readonly PreviewIssue[];
  /** Columns holding dates written 25/03/1985, 03/25/1985 or 1985/03/25, with the order their first rows show. */
  readonly dateColumns: readonly DateColumn[];
}

/** What a column's first dates say about the order of day and month. */
export interface DateColumn {
  readonly header: string;
  /** 'decided': `order` is read from the values; 'ambiguous': they could be either; 'mixed': both orders appear. */
  readonly state: 'decided' | 'ambiguous' | 'mixed';
  /** Set when decided. */
  readonly order: DateOrder | null;
  /** A value that shows the order (decided), could be either (ambiguous), or is day first (mixed), and its line. */
  readonly example: { readonly value: string; readonly line: number };
  /** For 'mixed': a month-first value. */
  readonly counter: { readonly value: string; readonly line: number } | null;
}
