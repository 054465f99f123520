/**
 * Starting one card's upload: first the question when its conversion left rows out ("2,620 of
 * 3,500 customers will be sent; 880 are left out (see the report). Send anyway?", with "Don't
 * send" the default), then the request to main. When main finds the same
 * content already sent to the same place, the second question: "This file was already sent on
 * … Send it again?", with Cancel the default and "Send again" the choice that sends.
 * The result is focused (so a screen reader hears it) only when the person pressed this card's
 * own Upload, never for Upload all.
 */
import { useState, type Dispatch, type ReactNode } from 'react';
import type { RecordTypeName } from '../../../main/contract/jobs.js';
import { useApi } from '../../api-context.js';
import { isFinal, type Card, type CardsAction } from '../../state/cards-reducer.js';
import { count, recordNoun } from '../../state/record-nouns.js';
import type { Plan } from '../../state/upload-plan.js';
import type { StartOutcome } from './card-registry.js';
import { useConfirm } from '../shared/confirm-dialog.js';

export interface CardStart {
  start(o: { readonly focusResult: boolean }): Promise<StartOutcome>;
  /** The question's dialog, to render inside the card. */
  readonly dialog: ReactNode;
  /** Whether the result should take the focus when it arrives. */
  readonly focusResult: boolean;
  readonly resultFocused: () => void;
}

/** The start logic for a card with its current plan. */
export function useCardStart(card: Card, plan: Plan, locked: boolean, recordType: RecordTypeName, dispatch: Dispatch<CardsAction>): CardStart {
  const api = useApi();
  const [dialog, ask] = useConfirm();
  const [focusResult, setFocusResult] = useState(false);

  const start = async (o: { focusResult: boolean }): Promise<StartOutcome> => {
    if (!plan.ready || locked) return 'not-ready';
    if (plan.leftOut) {
      const { sent, total, leftOut } = plan.leftOut;
      const yes = await ask({
        title: 'Send with records left out?',
        message: <p>{count(sent)} of {count(total)} {recordNoun(recordType)} will be sent; {count(leftOut)} {leftOut === 1 ? 'is' : 'are'} left out (see the report). Send anyway?</p>,
        confirmLabel: 'Send',
        cancelLabel: 'Don’t send',
      });
      if (!yes) return 'declined';
    }
    setFocusResult(o.focusResult);
    const request = plan.request;
    const send = (allowDuplicate: boolean): void => {
      dispatch({ type: 'upload-state', id: card.id, state: { kind: 'pending' } });
      void api.uploads.start({ id: card.id, ...request, allowDuplicate }).then(async (r) => {
        if (!r.ok) return dispatch({ type: 'upload-state', id: card.id, state: { kind: 'failed', error: r.error } });
        // Only an end state from the reply is kept: progress events may already be ahead of it.
        if (isFinal(r.value)) dispatch({ type: 'upload-state', id: card.id, state: r.value });
        if (r.value.kind !== 'duplicate' || allowDuplicate) return;
        const again = await ask({
          title: 'Send this file again?',
          message: <p>{r.value.message} Send it again?</p>,
          confirmLabel: 'Send again',
          cancelLabel: 'Cancel',
        });
        if (again) send(true);
      });
    };
    send(false);
    return 'started';
  };
  return { start, dialog, focusResult, resultFocused: () => setFocusResult(false) };
}
