/**
 * Speaks upload starts and endings through the live region. It watches card states rather than
 * raw events, so a state that arrives by event or by the start reply is announced exactly once.
 */
import { useEffect, useRef } from 'react';
import type { Card } from '../state/cards-reducer.js';
import { describeUpload } from '../state/upload-view.js';
import { useAnnounce } from './live-region.js';

/** Announces start, success, failure and cancellation of each card's upload. */
export function useUploadAnnouncements(cards: readonly Card[]): void {
  const announce = useAnnounce();
  const said = useRef(new Map<string, string>());
  useEffect(() => {
    for (const card of cards) {
      if (!card.upload) continue;
      const view = describeUpload(card.upload);
      const phase = view.final ?? 'started';
      if (said.current.get(card.id) === phase) continue;
      said.current.set(card.id, phase);
      const name = card.file.name;
      switch (phase) {
        case 'started':
          announce(`Sending ${name}.`);
          break;
        case 'Success':
          announce(`${name}: Success. The file reached Lexer.`);
          break;
        case 'Failed':
          announce(`${name}: Failed. ${view.step}`);
          break;
        case 'Cancelled':
          announce(`${name}: Cancelled.`);
          break;
        default: {
          const _exhaustive: never = phase;
          return _exhaustive;
        }
      }
    }
  }, [cards, announce]);
}
