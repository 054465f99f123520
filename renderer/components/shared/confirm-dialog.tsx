/**
 * A modal question with two answers, the safe one focused first: a person who presses Enter by
 * habit keeps their data (Send anyway, Remove token). A native <dialog> opened with showModal()
 * traps focus, closes on Escape (as "no") and is announced as a dialog by screen readers.
 */
import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';

export interface ConfirmOptions {
  readonly title: string;
  readonly message: ReactNode;
  /** The choice that goes ahead; never the default. */
  readonly confirmLabel: string;
  readonly cancelLabel: string;
}

interface Pending extends ConfirmOptions {
  readonly resolve: (yes: boolean) => void;
}

/** The dialog element for the pending question (or nothing). */
function ConfirmDialog({ pending, onAnswer }: { pending: Pending; onAnswer: (yes: boolean) => void }) {
  const id = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    cancel.current?.focus();
  }, []);
  return (
    <dialog
      ref={ref}
      className="confirm"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-message`}
      onCancel={(e) => {
        e.preventDefault();
        onAnswer(false);
      }}
    >
      <h2 id={`${id}-title`}>{pending.title}</h2>
      <div id={`${id}-message`}>{pending.message}</div>
      <div className="buttons">
        <button ref={cancel} type="button" className="primary" onClick={() => onAnswer(false)}>{pending.cancelLabel}</button>
        <button type="button" onClick={() => onAnswer(true)}>{pending.confirmLabel}</button>
      </div>
    </dialog>
  );
}

/**
 * Returns the dialog to render and `ask()`, which shows it and resolves true only when the person
 * chooses the confirming answer. Focus goes back where it was when the dialog closes.
 */
export function useConfirm(): [ReactNode, (o: ConfirmOptions) => Promise<boolean>] {
  const [pending, setPending] = useState<Pending | null>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  const ask = useCallback((o: ConfirmOptions) => new Promise<boolean>((resolve) => {
    returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setPending({ ...o, resolve });
  }), []);
  const answer = (yes: boolean) => {
    pending?.resolve(yes);
    setPending(null);
    const back = returnTo.current;
    if (back?.isConnected) setTimeout(() => back.focus(), 0);
  };
  return [pending ? <ConfirmDialog pending={pending} onAnswer={answer} /> : null, ask];
}
