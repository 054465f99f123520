/**
 * The name a file is sent under. Lexer's rules (`{descriptor}-{date}-{version}.csv`, only `-` and
 * `_` as special characters) are checked in main; this shows what was wrong with the original
 * name, offers the fixed one already filled in, and re-checks whatever the user types.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { NameCheck } from '../../../main/contract/files.js';
import { useApi } from '../../api-context.js';

interface Props {
  readonly original: string;
  readonly originalCheck: NameCheck;
  /** The fixed name as it is sent in the format chosen (`.ndjson` when converted, `.gz` when compressed). */
  readonly fixedAsSent: string;
  readonly value: string;
  readonly onChange: (name: string) => void;
  /** Shown when empty: the name used when the box is left empty. */
  readonly placeholder: string | undefined;
  readonly disabled: boolean;
  /** The vendor's own default name for a dataset upload: sent as it is, not checked. */
  readonly vendorDefault: boolean;
  /** Told main's verdict on each name as it arrives, so the card can hold Upload until the name passes. */
  readonly onCheck: (check: { readonly name: string; readonly valid: boolean } | null) => void;
}

/** The "Name sent to Lexer" field with its rule check. */
export function NameField({ original, originalCheck, fixedAsSent, value, onChange, placeholder, disabled, vendorDefault, onCheck }: Props) {
  const api = useApi();
  const id = useId();
  const [check, setCheck] = useState<NameCheck | null>(null);
  const first = useRef(true);
  const report = useRef(onCheck);
  report.current = onCheck;

  useEffect(() => {
    const name = value.trim();
    setCheck(null);
    report.current(null);
    if (!name || vendorDefault) return;
    let live = true;
    // Wait for a pause in typing before asking main, so each keystroke is not a round trip; the
    // name a card opens with is checked at once.
    const timer = setTimeout(() => {
      void api.files.checkName(name).then((r) => {
        if (!live || !r.ok) return;
        setCheck(r.value);
        report.current({ name, valid: r.value.valid });
      });
    }, first.current ? 0 : 250);
    first.current = false;
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, value, vendorDefault]);

  return (
    <div className="name-field">
      {!originalCheck.valid && (
        <div className="notice">
          <p>
            The file&apos;s name, <strong>{original}</strong>, does not follow Lexer&apos;s naming rules:
          </p>
          <ul>
            {originalCheck.problems.map((p) => <li key={p}>{p}</li>)}
          </ul>
          <p>
            Fixed, it reads <strong data-testid="fixed-name">{fixedAsSent}</strong>. The name below is what is sent; you can change it.
          </p>
        </div>
      )}
      <label htmlFor={`${id}-name`}>Name sent to Lexer</label>
      <input
        id={`${id}-name`}
        type="text"
        spellCheck={false}
        value={value}
        placeholder={placeholder}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={`${id}-name-check`}
        aria-invalid={check ? !check.valid : undefined}
      />
      <div id={`${id}-name-check`} className="name-check">
        {check && !check.valid && (
          <>
            <ul className="warning-list">
              {check.problems.map((p) => <li key={p}>{p}</li>)}
            </ul>
            <button type="button" disabled={disabled} onClick={() => onChange(check.fixed)}>
              Use {check.fixed}
            </button>
          </>
        )}
        {!value.trim() && placeholder && <p className="hint">Left empty, the file is sent as {placeholder}.</p>}
        {vendorDefault && <p className="hint">This is the name Lexer’s own uploader gives a file for a dataset; it is sent as it is.</p>}
      </div>
    </div>
  );
}
