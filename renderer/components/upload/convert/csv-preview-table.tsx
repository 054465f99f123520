/** The first rows of a CSV as a table, with what was detected about the file (its problems: things-to-know.tsx). */
import type { CsvPreview } from '../../../../main/contract/files.js';

const DELIMITER_NAMES: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };

/** Shows encoding, delimiter, line endings and the preview rows. */
export function CsvPreviewTable({ preview, fileName }: { preview: CsvPreview; fileName: string }) {
  const delimiter = DELIMITER_NAMES[preview.delimiter] ?? `“${preview.delimiter}”`;
  return (
    <div className="preview">
      <p className="detected">
        Encoding: <strong>{preview.encoding}</strong> · Delimiter: <strong>{delimiter}</strong> · Line endings: <strong>{preview.lineEnding}</strong>
      </p>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={`First rows of ${fileName}`}>
        <table>
          <caption>First {preview.rows.length} rows</caption>
          <thead>
            <tr>
              <th scope="col">Line</th>
              {preview.headers.map((h, i) => <th scope="col" key={`${h}-${i}`}>{h || <em>(no name)</em>}</th>)}
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((row, r) => (
              <tr key={r}>
                {/* Line 1 is the header row, so data starts at line 2 as in a text editor. */}
                <td className="line-no">{r + 2}</td>
                {row.map((cell, c) => <td key={c}>{cell}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
