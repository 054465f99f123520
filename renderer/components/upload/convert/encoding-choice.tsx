/**
 * The CSV's encoding: detected from the file unless the person says otherwise. A file that no
 * single encoding reads (lines of Mac Roman and of Windows-1252), or whose accents look wrong in
 * the preview, is settled here; the preview and the conversion both read the file this way.
 */
import { useId } from 'react';
import { TEXT_ENCODINGS, encodingLabel, type TextEncoding } from '../../../../main/contract/jobs.js';

interface Props {
  /** What the preview found, e.g. "UTF-8 and Windows-1252"; null while it loads. */
  readonly detected: string | null;
  /** The person's choice, or null to detect it. */
  readonly chosen: TextEncoding | null;
  readonly onChange: (encoding: TextEncoding | null) => void;
  readonly disabled: boolean;
}

/** A select of encodings, "Detect" first. */
export function EncodingChoice({ detected, chosen, onChange, disabled }: Props) {
  const id = useId();
  return (
    <div className="encoding-choice">
      <label htmlFor={`${id}-encoding`}>Encoding</label>
      <select
        id={`${id}-encoding`}
        aria-describedby={`${id}-hint`}
        value={chosen ?? ''}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value === '' ? null : (e.target.value as TextEncoding))}
      >
        <option value="">{detected && chosen === null ? `Detect (${detected})` : 'Detect'}</option>
        {TEXT_ENCODINGS.map((encoding) => (
          <option key={encoding} value={encoding}>{encodingLabel(encoding)}</option>
        ))}
      </select>
      <span id={`${id}-hint`} className="hint">
        {chosen === null ? 'If accented letters look wrong in the preview, choose the encoding the file was saved in.' : 'The preview and the conversion read the file in this encoding.'}
      </span>
    </div>
  );
}
