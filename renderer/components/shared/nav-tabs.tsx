/**
 * The screens as a WAI-ARIA tab list: one tab in the Tab order, arrow keys, Home and End
 * move between tabs (the pattern screen-reader users expect from role=tab).
 */
import { useRef, type KeyboardEvent } from 'react';

export const TAB_NAMES = ['Upload', 'History', 'Watched folders', 'Settings'] as const;
export type TabName = (typeof TAB_NAMES)[number];

/** A tab's name as an id part (ids have no spaces). */
export function tabSlug(name: TabName): string {
  return name.replace(/\s+/g, '-');
}

/**
 * The tab list; `selected` is the visible screen. `unsaved` marks a tab whose form has changes
 * not saved yet (a dot, and "unsaved changes" for screen readers as the tab's description).
 */
export function NavTabs({ selected, onSelect, unsaved = null }: { selected: TabName; onSelect: (tab: TabName) => void; unsaved?: TabName | null }) {
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  const handleKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = TAB_NAMES.indexOf(selected);
    const moves: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: TAB_NAMES.length - 1 };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const next = TAB_NAMES[(target + TAB_NAMES.length) % TAB_NAMES.length] ?? 'Upload';
    onSelect(next);
    refs.current[next]?.focus();
  };
  return (
    <>
      <span id="tab-unsaved-note" hidden>unsaved changes</span>
      <div role="tablist" aria-label="Screens" className="tabs" onKeyDown={handleKey}>
        {TAB_NAMES.map((name) => (
          <button
            key={name}
            ref={(el) => {
              refs.current[name] = el;
            }}
            type="button"
            role="tab"
            id={`tab-${tabSlug(name)}`}
            aria-controls={`panel-${tabSlug(name)}`}
            aria-selected={selected === name}
            tabIndex={selected === name ? 0 : -1}
            className="tab"
            aria-describedby={unsaved === name ? 'tab-unsaved-note' : undefined}
            onClick={() => onSelect(name)}
          >
            {name}
            {unsaved === name && <span className="unsaved-dot" aria-hidden="true"> •</span>}
          </button>
        ))}
      </div>
    </>
  );
}
