import { countLineBreaks } from './detect-dialect.js';
import type { NumberedRow } from './preview-issues.js';

/** Gives each parsed row the physical line it starts on (quoted cells can span lines). */
export function numberRows(data: string[][], mayHoldBreaks: boolean, firstLine: number): NumberedRow[] {
  let line = firstLine;
  return data.map((cells) => {
    const row = { line, cells };
    line += 1;
    if (mayHoldBreaks) for (const cell of cells) line += countLineBreaks(cell);
    return row;
  });
}
