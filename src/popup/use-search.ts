/** The popup's side of search: the background holds the index, the popup asks per keystroke. */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { type SearchResults, send } from '../shared/messages';

export interface SearchState {
  /** The answer to the latest query answered so far (null before the first). */
  results: SearchResults | null;
  error: string | null;
}

/**
 * Search results and `search(query)`, to call on every keystroke. The request leaves at once, from
 * the input event (an effect would wait for the next frame first). An answer that arrives after
 * the answer to a later query is dropped, so a slow answer never replaces newer results. A blank
 * query is sent on open: it has no hits, but has the background build its index before the first
 * keystroke.
 */
export function useSearch(limit: number): SearchState & { search: (query: string) => void } {
  const [state, setState] = useState<SearchState>({ results: null, error: null });
  const asked = useRef(0);
  const shown = useRef(0);
  const search = useCallback(
    (query: string) => {
      const seq = ++asked.current;
      const settle = (next: SearchState) => {
        if (seq < shown.current) return;
        shown.current = seq;
        setState(next);
      };
      send({ type: 'search', query, limit }).then(
        (results) => settle({ results, error: null }),
        (error: unknown) => settle({ results: null, error: String(error) }),
      );
    },
    [limit],
  );
  useEffect(() => search(''), [search]);
  return { ...state, search };
}
