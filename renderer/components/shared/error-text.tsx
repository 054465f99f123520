/** Shows a plain failure: the message, then the hint saying what to do. */
import type { ErrorInfo } from '../../../main/contract/result.js';

/** A failure message with its hint. */
export function ErrorText({ error }: { error: ErrorInfo }) {
  return (
    <div className="error-text">
      <p>{error.message}</p>
      {error.hint && <p className="hint">{error.hint}</p>}
    </div>
  );
}
