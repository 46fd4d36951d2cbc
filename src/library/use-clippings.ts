/** The library's copy of every clipping: loaded from the background, changed in place by edits. */
import { useCallback, useRef, useState } from 'preact/hooks';
import type { Clipping } from '../shared/clippings/model';
import { t } from '../shared/i18n';
import { type ClippingList, send } from '../shared/messages';
import { errorText } from './error-text';
import type { StatusMessage } from './use-status';

/** The list and the ways the view changes it. */
export interface ClippingsStore {
  /** Null until the first answer. */
  list: ClippingList | null;
  /** True when the last load failed (the error is in the status region). */
  failed: boolean;
  /** Asks the background for every clipping again. */
  reload: () => Promise<void>;
  /** Puts `clippings` into the list, replacing any with the same id. */
  put: (clippings: readonly Clipping[]) => void;
  /** Takes the clippings with these ids out of the list. */
  drop: (ids: readonly string[]) => void;
}

/** Loads the clippings on demand and keeps local edits, so a reload never undoes what the reader just did. */
export function useClippings(announce: (status: StatusMessage) => void): ClippingsStore {
  const [list, setList] = useState<ClippingList | null>(null);
  const [failed, setFailed] = useState(false);
  // Bumped by every local change: an answer to a request sent before it may predate that change.
  const changes = useRef(0);

  const reload = useCallback(async () => {
    const before = changes.current;
    try {
      const answer = await send({ type: 'listClippings' });
      if (changes.current !== before) return;
      setList(answer);
      setFailed(false);
    } catch (error) {
      setFailed(true);
      announce({ tone: 'error', text: t('library_clippingsReadFailed', errorText(error)) });
    }
  }, [announce]);

  const put = useCallback((clippings: readonly Clipping[]) => {
    changes.current++;
    const ids = new Set(clippings.map((c) => c.id));
    setList(
      (current) =>
        current && {
          ...current,
          clippings: [...clippings, ...current.clippings.filter((c) => !ids.has(c.id))],
        },
    );
  }, []);

  const drop = useCallback((ids: readonly string[]) => {
    changes.current++;
    const gone = new Set(ids);
    setList(
      (current) => current && { ...current, clippings: current.clippings.filter((c) => !gone.has(c.id)) },
    );
  }, []);

  return { list, failed, reload, put, drop };
}
