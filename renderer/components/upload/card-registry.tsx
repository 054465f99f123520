/**
 * What the window can ask of a card from outside it: start its upload (Upload all, History's
 * Retry) and take the focus. Cards register themselves; their plans stay inside them.
 */
import { createContext, useContext, useEffect, useRef } from 'react';

/** How a start request ended: started, not ready yet (its reason shows on the card), or declined in the confirmation. */
export type StartOutcome = 'started' | 'not-ready' | 'declined';

export interface CardController {
  start(o: { readonly focusResult: boolean }): Promise<StartOutcome>;
  focus(): void;
}

export type CardRegistry = Map<string, CardController>;

export const CardRegistryContext = createContext<CardRegistry>(new Map());

/** Registers the card's controller under its id while it is mounted; the latest closures are always used. */
export function useRegisterCard(id: string, controller: CardController): void {
  const registry = useContext(CardRegistryContext);
  const latest = useRef(controller);
  latest.current = controller;
  useEffect(() => {
    registry.set(id, { start: (o) => latest.current.start(o), focus: () => latest.current.focus() });
    return () => void registry.delete(id);
  }, [registry, id]);
}
