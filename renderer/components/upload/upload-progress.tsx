/**
 * One file's upload: the step in plain words, a bar with percent, bytes, speed, time left and
 * (from the second try) which attempt this is, then the end result in Lexer's words ("Success" /
 * "Failed") with the reason and what to do. The result says where the file went (Lexer, or a
 * sandbox) and, for a conversion, how many records were sent and how many left out.
 */
import { useEffect, useId, useRef } from 'react';
import type { ConversionReport } from '../../../main/contract/jobs.js';
import type { RecordCounts, TransferProgress, UploadState } from '../../../main/contract/uploads.js';
import { describeUpload } from '../../state/upload-view.js';
import { recordsSent } from '../../state/record-nouns.js';
import { formatBytes, formatSpeed } from '../../format/format-bytes.js';
import { formatEta } from '../../format/format-duration.js';
import { ErrorText } from '../shared/error-text.js';
import { PartsList } from './parts-list.js';

interface Props {
  readonly state: UploadState;
  /** The last transfer progress, kept through a retry. */
  readonly last: TransferProgress | null;
  /** The card's conversion, for the counts when main could not give them. */
  readonly conversion: ConversionReport | null;
  /** Move the focus to the result once it arrives (the person pressed this card's Upload). */
  readonly focusResult: boolean;
  readonly onResultFocused: () => void;
  readonly onCancel: () => void;
  /** Null when the card cannot be sent again as it stands. */
  readonly onRetry: (() => void) | null;
}

/** Progress and result of one upload. */
export function UploadProgress({ state, last, conversion, focusResult, onResultFocused, onCancel, onRetry }: Props) {
  const id = useId();
  const view = describeUpload(state, last);
  const percent = view.percent === null ? null : Math.min(100, Math.floor(view.percent));
  const numbers: string[] = [];
  if (view.totalBytes !== null && view.active) numbers.push(`${percent ?? 0}%`, `${formatBytes(view.bytesSent)} of ${formatBytes(view.totalBytes)}`);
  if (state.kind === 'uploading' || state.kind === 'sending-parts') numbers.push(formatSpeed(view.bytesPerSecond), formatEta(view.etaSeconds));
  if (view.attempt !== null) numbers.push(`attempt ${view.attempt}`);
  return (
    <div className={`progress final-${view.final?.replace(' ', '-') ?? 'none'}`}>
      {view.final === null ? (
        <>
          <p id={`${id}-step`} className="step">{view.step}</p>
          <progress
            max={100}
            value={percent ?? undefined}
            aria-labelledby={`${id}-step`}
            aria-valuetext={percent === null ? view.step : `${percent}%`}
          />
          {numbers.length > 0 && <p className="numbers" data-testid="upload-numbers">{numbers.join(' · ')}</p>}
          {state.kind === 'sending-parts' && <PartsList plan={state.plan} parts={state.plan.parts} notice />}
          <div className="buttons">
            <button type="button" onClick={onCancel}>Cancel</button>
          </div>
        </>
      ) : (
        <FinalResult state={state} word={view.final} conversion={conversion} focus={focusResult} onFocused={onResultFocused} onRetry={onRetry} />
      )}
    </div>
  );
}

/** The counts to show for a sent file: main's (from the conversion ledger), else the card's own report. */
function sentCounts(state: UploadState, conversion: ConversionReport | null): RecordCounts | null {
  if (state.kind !== 'succeeded') return null;
  if (state.records) return state.records;
  if (!conversion) return null;
  const leftOutFields = [...new Set(conversion.leftOut.summary.map((g) => g.field))];
  const { orders } = conversion;
  const counts = orders
    ? { sent: orders.written, leftOut: orders.refused, total: orders.written + orders.refused, lines: conversion.rows }
    : { sent: conversion.written, leftOut: conversion.rejected, total: conversion.rows, lines: null };
  return { ...counts, sourceName: '', fieldsLeftOut: conversion.leftOut.fields, leftOutFields };
}

/** "240 MB (gzipped from 2.1 GB) in 3 parts", or just the size. */
function sentWhat(state: Extract<UploadState, { kind: 'succeeded' }>): string {
  const gz = state.compressed && state.sourceBytes ? ` (gzipped from ${formatBytes(state.sourceBytes)})` : '';
  const parts = state.parts ? ` in ${state.parts.length} parts` : '';
  return `${formatBytes(state.bytes)}${gz}${parts}`;
}

interface FinalProps {
  readonly state: UploadState;
  readonly word: string;
  readonly conversion: ConversionReport | null;
  readonly focus: boolean;
  readonly onFocused: () => void;
  readonly onRetry: (() => void) | null;
}

function FinalResult({ state, word, conversion, focus, onFocused, onRetry }: FinalProps) {
  const heading = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (!focus) return;
    heading.current?.focus();
    onFocused();
  }, [focus, onFocused]);
  const records = sentCounts(state, conversion);
  const parts = state.kind === 'succeeded' || state.kind === 'failed' || state.kind === 'cancelled' ? state.parts ?? null : null;
  const sent = state.kind === 'succeeded' ? sentWhat(state) : '';
  return (
    <>
      <p ref={heading} tabIndex={-1} className="final-word" data-testid="upload-result">{word}</p>
      {records && (
        <p className="records" data-testid="upload-records">{recordsSent(records)}.</p>
      )}
      {state.kind === 'succeeded' && !state.sandbox && (
        <p>
          Sent {sent} as <strong>{state.filename}</strong>.{!parts && <> Upload ID <code>{state.uploadId}</code>.</>} Lexer now processes
          {parts ? ' each part as its own file' : ' the file'}; follow its status in the Hub under Logs.
        </p>
      )}
      {state.kind === 'succeeded' && state.sandbox && (
        <p>
          Sent {sent} as <strong>{state.filename}</strong> to the sandbox on this computer, not to Lexer.
          {!parts && <> Upload ID <code>{state.uploadId}</code>.</>}
        </p>
      )}
      {state.kind === 'failed' && <ErrorText error={state.error} />}
      {state.kind === 'cancelled' && <p>The upload was stopped; the file was not received.</p>}
      {state.kind === 'duplicate' && <p>{state.message} It was not sent again.</p>}
      {parts && <PartsList parts={parts} notice={false} />}
      {state.kind !== 'succeeded' && state.kind !== 'duplicate' && onRetry && (
        <div className="buttons">
          <button type="button" onClick={onRetry}>Retry</button>
        </div>
      )}
    </>
  );
}
