/** What a CSV preview finds, shared by the preview and the checks it runs on the head. */

export interface PreviewIssue {
  kind:
    | 'bom' | 'invisible-character' | 'duplicate-header' | 'empty-header' | 'ragged-row' | 'unknown-header' | 'not-utf8'
    | 'encoding' | 'encoding-unknown' | 'sep-line' | 'missing-field' | 'decimal-comma' | 'repeated-header';
  message: string;
}

/** A row of the head with the physical line it starts on. */
export interface NumberedRow { line: number; cells: string[] }

/** What the preview found: problems to fix, and notes that only say what will happen. */
export interface Findings { problems: PreviewIssue[]; notes: PreviewIssue[] }
