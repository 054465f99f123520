/**
 * Speaks upload starts and endings through the live region. It watches card states rather than
 * raw events, so a state that arrives by event or by the start reply is announced exactly once.
 */
import { useEffect, useRef } from 'react';
import type { Card } from '../../state/cards-reducer.js';
import { describeUpload } from '../../state/upload-view.js';
import { useAnnounce } from '../shared/live-region.js';

/** Announces start, success, failure and cancellation of each card's upload. */
export function useUploadAnnouncements(cards: readonly Card[]): void {
  const announce = useAnnounce();
  const said = useRef(new Map<string, string>());
  useEffect(() => {
    for (const card of cards) {
      if (!card.upload) continue;
      const view = describeUpload(card.upload, card.lastProgress);
      const phase = view.final ?? 'started';
      if (said.current.get(card.id) === phase) continue;
      said.current.set(card.id, phase);
      const name = card.defaults.sourceName ?? card.file.name;
      switch (phase) {
        case 'started':
          announce(`Sending ${name}.`);
          break;
        case 'Success': {
          const u = card.upload;
          const where = u.kind === 'succeeded' && u.sandbox ? 'the sandbox on this computer, not Lexer' : 'Lexer';
          const records = u.kind === 'succeeded' && u.records ? ` ${u.records.sent} records sent, ${u.records.leftOut} left out.` : '';
          announce(`${name}: Success. The file reached ${where}.${records}`);
          break;
        }
        case 'Failed':
          announce(`${name}: Failed. ${view.step}`);
          break;
        case 'Cancelled':
          announce(`${name}: Cancelled.`);
          break;
        case 'Not sent':
          announce(`${name}: Not sent. ${view.step}`);
          break;
        default: {
          const _exhaustive: never = phase;
          return _exhaustive;
        }
      }
    }
  }, [cards, announce]);
}
