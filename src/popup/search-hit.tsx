/** One search result: a term (opens in place) or a clipping (opens its page at the passage). */
import type { Ref } from 'preact';
import type { SearchHit } from '../shared/messages';
import { TermDetails } from './term-details';

export interface HitProps {
  hit: SearchHit;
  /** The result's place in the list, for its element ids. */
  index: number;
  /** Whether Tab reaches it (the one result that had focus last, or the first). */
  tabbable: boolean;
  expanded: boolean;
  onActivate: (hit: SearchHit) => void;
  onFocus: () => void;
  onKeyDown: (event: KeyboardEvent) => void;
  buttonRef: Ref<HTMLButtonElement>;
}

/** A result: a button named by the term or the passage, described by its pack and definition or its page. */
export function SearchHitItem({
  hit,
  index,
  tabbable,
  expanded,
  onActivate,
  onFocus,
  onKeyDown,
  buttonRef,
}: HitProps) {
  const id = `hit-${index}`;
  const common = {
    ref: buttonRef,
    type: 'button' as const,
    tabIndex: tabbable ? 0 : -1,
    'aria-labelledby': `${id}-name`,
    'aria-describedby': `${id}-about`,
    onClick: () => onActivate(hit),
    onFocus,
    onKeyDown,
  };
  if (hit.kind === 'clipping') {
    return (
      <li class="hit clipping-hit">
        <button {...common}>
          <span id={`${id}-name`} class="hit-passage">
            {hit.exact}
          </span>
          <span id={`${id}-about`} class="hit-about">
            <span class="hit-page">{hit.title || hit.url}</span>
            {hit.note && <span class="hit-note">{hit.note}</span>}
          </span>
        </button>
      </li>
    );
  }
  return (
    <li class="hit term-hit">
      <button {...common} aria-expanded={expanded} aria-controls={expanded ? `${id}-details` : undefined}>
        <span id={`${id}-name`} class="hit-name">
          {hit.term}
        </span>
        <span id={`${id}-about`} class="hit-about">
          <span class="hit-pack">{hit.pack}</span>
          {!expanded && <span class="hit-definition">{hit.definition}</span>}
        </span>
      </button>
      {expanded && (
        <div id={`${id}-details`} class="hit-details">
          <TermDetails id={hit.id} />
        </div>
      )}
    </li>
  );
}
