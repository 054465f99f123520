import Papa from 'papaparse';

/** The delimiters the preview and the converter recognise (Excel and most CRMs write one of these). */
export const DELIMITERS = [',', ';', '\t', '|'] as const;

export type LineEnding = 'CRLF' | 'LF' | 'CR';

/**
 * Guesses the delimiter from the first 20 rows: the candidate that splits the header into the
 * most columns with every row agreeing wins; ',' when none splits. papaparse's own guesser was
 * tried first and picks ',' for a two-column ';' file ending in a newline, hence this score.
 */
export function detectDelimiter(text: string): string {
  let best = ',';
  let bestScore = 0;
  for (const delimiter of DELIMITERS) {
    const rows = Papa.parse<string[]>(text, { delimiter, preview: 20, skipEmptyLines: true }).data;
    const columns = rows[0]?.length ?? 0;
    if (columns < 2) continue;
    const agreeing = rows.filter((row) => row.length === columns).length / rows.length;
    const score = agreeing * 10_000 + columns;
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

// Excel's hint line: `sep=;` alone on the first line names the delimiter (it is not data).
const SEP_LINE = /^sep=([^\r\n])(\r\n|\n|\r|$)/i;

/** Excel's `sep=X` first line: the delimiter it names and its length with its line break, or null. */
export function excelSepLine(text: string): { delimiter: string; length: number } | null {
  const m = SEP_LINE.exec(text);
  return m ? { delimiter: m[1] as string, length: m[0].length } : null;
}

/** The line ending used after the first line (CRLF, LF or CR); LF when the text has a single line. */
export function detectLineEnding(text: string): LineEnding {
  const match = /\r\n|\n|\r/.exec(text);
  if (!match) return 'LF';
  return match[0] === '\r\n' ? 'CRLF' : match[0] === '\r' ? 'CR' : 'LF';
}

/** The newline characters for a line ending. */
export function newlineOf(ending: LineEnding): '\r\n' | '\n' | '\r' {
  switch (ending) {
    case 'CRLF':
      return '\r\n';
    case 'LF':
      return '\n';
    case 'CR':
      return '\r';
    default: {
      const _exhaustive: never = ending;
      return _exhaustive;
    }
  }
}

/** Counts physical line breaks (CRLF, LF or a lone CR) in a value, e.g. a quoted multi-line cell. */
export function countLineBreaks(value: string): number {
  return new LineBreakCounter(value).count(0, value.length);
}

/**
 * Counts line breaks in successive ranges of one text. Remembers where the next LF and CR are,
 * so a text without any CR is searched for one once, not once per row (which was quadratic).
 */
export class LineBreakCounter {
  private nextLf = -2;
  private nextCr = -2;

  constructor(private readonly text: string) {}

  /** Line breaks (CRLF, LF, lone CR) in text[from, to); ranges must not go backwards. */
  count(from: number, to: number): number {
    let count = 0;
    if (this.nextLf !== -1 && this.nextLf < from) this.nextLf = this.text.indexOf('\n', from);
    while (this.nextLf !== -1 && this.nextLf < to) {
      count++;
      this.nextLf = this.text.indexOf('\n', this.nextLf + 1);
    }
    if (this.nextCr !== -1 && this.nextCr < from) this.nextCr = this.text.indexOf('\r', from);
    while (this.nextCr !== -1 && this.nextCr < to) {
      if (this.text.charCodeAt(this.nextCr + 1) !== 10) count++;
      this.nextCr = this.text.indexOf('\r', this.nextCr + 1);
    }
    return count;
  }
}

/**
 * The physical line each row of a papaparse step parse starts on, from where each row ends
 * (`meta.cursor`): a quoted cell's line breaks move the count, and without a quote in the text no
 * row spans two lines, so nothing is searched.
 */
export class RowLines {
  /** Whether a row may span lines (the text holds a quote). */
  readonly mayHoldBreaks: boolean;
  private readonly breaks: LineBreakCounter | null;
  private next: number;
  private rowStart = 0;

  constructor(text: string, firstLine = 0) {
    this.mayHoldBreaks = text.includes('"');
    this.breaks = this.mayHoldBreaks ? new LineBreakCounter(text) : null;
    this.next = firstLine;
  }

  /** The line after the rows counted so far. */
  get line(): number {
    return this.next;
  }

  /** The line the row ending at `cursor` starts on; called once per row, in order. */
  startOf(cursor: number): number {
    const start = this.next;
    if (this.breaks) {
      this.next += this.breaks.count(this.rowStart, cursor);
      this.rowStart = cursor;
    } else {
      this.next += 1;
    }
    return start;
  }
}
