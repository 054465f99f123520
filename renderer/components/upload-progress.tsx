/**
 * One file's upload: the step in plain words, a bar with percent, bytes, speed and time left,
 * then the end result in Lexer's words ("Success" / "Failed") with the reason and what to do.
 */
import { useId } from 'react';
import type { UploadState } from '../../preload/contract.js';
import { describeUpload } from '../state/upload-view.js';
import { formatBytes, formatSpeed } from '../format/format-bytes.js';
import { formatEta } from '../format/format-duration.js';
import { ErrorText } from './error-text.js';

interface Props {
  readonly state: UploadState;
  readonly onCancel: () => void;
  /** Null when the card cannot be sent again as it stands. */
  readonly onRetry: (() => void) | null;
}

/** Progress and result of one upload. */
export function UploadProgress({ state, onCancel, onRetry }: Props) {
  const id = useId();
  const view = describeUpload(state);
  const percent = view.percent === null ? null : Math.min(100, Math.floor(view.percent));
  return (
    <div className={`progress final-${view.final ?? 'none'}`}>
      {view.final === null ? (
        <>
          <p id={`${id}-step`} className="step">{view.step}</p>
          <progress
            max={100}
            value={percent ?? undefined}
            aria-labelledby={`${id}-step`}
            aria-valuetext={percent === null ? view.step : `${percent}%`}
          />
          {view.totalBytes !== null && state.kind === 'uploading' && (
            <p className="numbers">
              {percent}% · {formatBytes(view.bytesSent)} of {formatBytes(view.totalBytes)} · {formatSpeed(view.bytesPerSecond)} · {formatEta(view.etaSeconds)}
            </p>
          )}
          <div className="buttons">
            <button type="button" onClick={onCancel}>Cancel</button>
          </div>
        </>
      ) : (
        <FinalResult state={state} word={view.final} onRetry={onRetry} />
      )}
    </div>
  );
}

function FinalResult({ state, word, onRetry }: { state: UploadState; word: string; onRetry: (() => void) | null }) {
  return (
    <>
      <p className="final-word" data-testid="upload-result">{word}</p>
      {state.kind === 'succeeded' && (
        <p>
          Sent {formatBytes(state.bytes)} as <strong>{state.filename}</strong>. Upload ID <code>{state.uploadId}</code>. Lexer now processes the file; follow
          its status in the Hub under Logs.
        </p>
      )}
      {state.kind === 'failed' && <ErrorText error={state.error} />}
      {state.kind === 'cancelled' && <p>The upload was stopped; Lexer did not receive the file.</p>}
      {state.kind !== 'succeeded' && onRetry && (
        <div className="buttons">
          <button type="button" onClick={onRetry}>Retry</button>
        </div>
      )}
    </>
  );
}
