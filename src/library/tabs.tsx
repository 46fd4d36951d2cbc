/** A WAI-ARIA tabs widget: a tablist with a roving tabindex and arrow keys, and one tabpanel per tab. */
import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';

/** One tab: its id (used in element ids) and its visible name. */
export interface TabItem<T extends string> {
  id: T;
  label: string;
}

/** Where each key moves focus from tab `index` of `count` (wrapping), or undefined for other keys. */
function targetIndex(key: string, index: number, count: number): number | undefined {
  switch (key) {
    case 'ArrowLeft':
      return (index - 1 + count) % count;
    case 'ArrowRight':
      return (index + 1) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return undefined;
  }
}

/**
 * Renders the tab bar and the panels. Tabs activate as they receive focus (the panels are cheap to
 * show). A panel is rendered from the first time its tab is chosen and then kept, hidden, so its
 * state (a search, an open form) survives a visit to another tab.
 */
export function Tabs<T extends string>(props: {
  label: string;
  tabs: readonly TabItem<T>[];
  selected: T;
  onSelect: (id: T) => void;
  panel: (id: T, active: boolean) => ComponentChildren;
}) {
  const { label, tabs, selected, onSelect, panel } = props;
  const buttons = useRef(new Map<T, HTMLButtonElement>());
  const shown = useRef(new Set<T>());
  shown.current.add(selected);

  const onKeyDown = (event: KeyboardEvent) => {
    const from = tabs.findIndex((t) => buttons.current.get(t.id) === event.target);
    const to = from < 0 ? undefined : targetIndex(event.key, from, tabs.length);
    const tab = to === undefined ? undefined : tabs[to];
    if (!tab) return;
    event.preventDefault();
    onSelect(tab.id);
    buttons.current.get(tab.id)?.focus();
  };

  return (
    <>
      <div role="tablist" aria-label={label} onKeyDown={onKeyDown}>
        {tabs.map((tab) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={`tab-${tab.id}`}
            aria-selected={tab.id === selected}
            aria-controls={`panel-${tab.id}`}
            tabIndex={tab.id === selected ? 0 : -1}
            ref={(el) => {
              if (el) buttons.current.set(tab.id, el);
              else buttons.current.delete(tab.id);
            }}
            onClick={() => onSelect(tab.id)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {tabs.map((tab) => (
        <div
          key={tab.id}
          role="tabpanel"
          id={`panel-${tab.id}`}
          aria-labelledby={`tab-${tab.id}`}
          hidden={tab.id !== selected}
        >
          {shown.current.has(tab.id) && panel(tab.id, tab.id === selected)}
        </div>
      ))}
    </>
  );
}
