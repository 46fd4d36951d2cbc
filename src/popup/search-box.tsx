/**
 * The popup's search: a box focused on open, results as the reader types, the arrow keys to move
 * through them. Enter on a term opens its entry in place; Enter on a clipping opens its page at the
 * passage (a Text Fragment link), in a new tab.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import browser from '../shared/browser';
import { t } from '../shared/i18n';
import type { SearchHit, SearchResults } from '../shared/messages';
import { SearchHitItem } from './search-hit';
import { isTyping, moveFocus, type SearchFocus } from './search-keys';
import { useSearch } from './use-search';

/** How many results the popup shows. */
const RESULTS = 20;

export function SearchBox() {
  const [query, setQuery] = useState('');
  const { results, error, search } = useSearch(RESULTS);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  // The result Tab reaches: the one focused last among these results, else the first.
  const [focused, setFocused] = useState<{ results: SearchResults | null; index: number }>({
    results: null,
    index: 0,
  });
  const current = focused.results === results ? focused.index : 0;
  const box = useRef<HTMLInputElement>(null);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const hits = results?.hits ?? [];

  useEffect(() => box.current?.focus(), []);

  const focus = (to: SearchFocus) => {
    if (to === 'box') box.current?.focus();
    else buttons.current[to]?.focus();
  };
  const onKey = (from: SearchFocus) => (event: KeyboardEvent) => {
    const to = moveFocus(event.key, from, hits.length);
    if (to !== null) {
      event.preventDefault();
      focus(to);
    } else if (from !== 'box' && isTyping(event)) {
      // Focus moves before the key's default action, so the character lands in the box.
      box.current?.focus();
    }
  };
  const activate = (hit: SearchHit) => {
    if (hit.kind === 'clipping') {
      void browser.tabs.create({ url: hit.link }).then(() => window.close());
      return;
    }
    setExpanded((open) => {
      const next = new Set(open);
      if (!next.delete(hit.id)) next.add(hit.id);
      return next;
    });
  };

  return (
    <section class="search">
      <input
        ref={box}
        type="search"
        class="search-box"
        aria-label={t('popup_searchLabel')}
        placeholder={t('popup_searchLabel')}
        autoComplete="off"
        spellcheck={false}
        value={query}
        onInput={(event) => {
          const next = (event.currentTarget as HTMLInputElement).value;
          setQuery(next);
          search(next);
        }}
        onKeyDown={onKey('box')}
      />
      <p role="status" class="muted search-status">
        {error
          ? t('popup_searchError', error)
          : results && results.query.trim() !== ''
            ? countText(results.query, hits.length)
            : ''}
      </p>
      {hits.length > 0 && (
        <ul class="hits" aria-label={t('popup_results')}>
          {hits.map((hit, i) => (
            <SearchHitItem
              key={`${hit.kind}:${hit.id}`}
              hit={hit}
              index={i}
              tabbable={i === current}
              expanded={expanded.has(hit.id)}
              onActivate={activate}
              onFocus={() => setFocused({ results, index: i })}
              onKeyDown={onKey(i)}
              buttonRef={(el) => {
                buttons.current[i] = el;
              }}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

/** "3 results for “等保”". */
function countText(query: string, count: number): string {
  const q = query.trim();
  if (count === 0) return t('popup_noResults', q);
  return count === 1 ? t('popup_oneResult', q) : t('popup_resultCount', [String(count), q]);
}
