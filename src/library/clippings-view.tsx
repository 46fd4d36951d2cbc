/** The Clippings tab: every saved passage grouped by page, searchable, editable and exportable. */
import type { JSX } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Clipping } from '../shared/clippings/model';
import { t } from '../shared/i18n';
import { send } from '../shared/messages';
import { safeHttpUrl } from '../shared/safe-url';
import { ClippingFilters } from './clipping-filters';
import { type ClippingActions, ClippingItem } from './clipping-item';
import {
  EVERY_CLIPPING,
  filterClippings,
  filterOptions,
  groupByPage,
  isNarrowed,
  newestFirst,
  type PageGroup,
} from './clipping-query';
import { errorText } from './error-text';
import { ExportButtons } from './export-buttons';
import { formatCount } from './locale';
import { clippingCount } from './term-count';
import { useClippings } from './use-clippings';
import type { StatusMessage } from './use-status';

/** How many clippings the list renders before a "Show more" button (a long list stays quick to draw). */
const PAGE_SIZE = 100;

/** Lists, searches, edits, deletes (with undo), re-attaches and exports clippings. */
export function ClippingsView({
  announce,
  active,
}: {
  announce: (status: StatusMessage) => void;
  /** True while the tab is shown: the list is read again each time it is shown. */
  active: boolean;
}) {
  const { list, failed, reload, put, drop } = useClippings(announce);
  const [query, setQuery] = useState(EVERY_CLIPPING);
  const [limit, setLimit] = useState(PAGE_SIZE);
  const [focusId, setFocusId] = useState<string | null>(null);

  useEffect(() => {
    if (!active) return;
    void reload();
    // Clippings saved in another tab show up when the reader comes back to this one.
    const onVisible = () => {
      if (document.visibilityState === 'visible') void reload();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [active, reload]);

  // One-shot: the item focuses itself in its own effect, which runs before this one. Left set, a
  // search that hid and showed the item again would pull focus out of the search box.
  useEffect(() => {
    if (focusId) setFocusId(null);
  }, [focusId]);

  const clippings = list?.clippings ?? [];
  const termNames = list?.termNames ?? {};
  const options = useMemo(() => filterOptions(clippings, termNames), [clippings, termNames]);
  const shown = useMemo(
    () => newestFirst(filterClippings(clippings, query, termNames)),
    [clippings, query, termNames],
  );

  const changeQuery = (next: typeof query) => {
    setQuery(next);
    setLimit(PAGE_SIZE);
  };

  const undo = async (deleted: Clipping[]) => {
    try {
      await send({ type: 'restoreClippings', clippings: deleted });
      put(deleted);
      setFocusId(deleted[0]?.id ?? null);
      announce({
        tone: 'ok',
        text:
          deleted.length === 1
            ? t('library_clippingRestored')
            : t('library_clippingsRestored', formatCount(deleted.length)),
      });
    } catch (error) {
      announce({ tone: 'error', text: t('library_clippingRestoreFailed', errorText(error)) });
    }
  };

  const actions: ClippingActions = {
    announce,
    onSaved: (clipping) => put([clipping]),
    onDelete: async (clipping) => {
      drop([clipping.id]);
      try {
        const { deleted } = await send({ type: 'deleteClippings', ids: [clipping.id] });
        announce({
          tone: 'ok',
          text: t('library_clippingDeleted'),
          ...(deleted.length > 0 && { action: { label: t('library_undo'), run: () => void undo(deleted) } }),
        });
      } catch (error) {
        put([clipping]);
        announce({ tone: 'error', text: t('library_clippingDeleteFailed', errorText(error)) });
      }
    },
    onReattach: async (clipping) => {
      try {
        const { opened } = await send({ type: 'reattachClipping', id: clipping.id });
        announce(
          opened
            ? {
                tone: 'info',
                text: t('library_reattachOpened', clipping.title || clipping.url),
              }
            : { tone: 'error', text: t('library_reattachOpenFailed', clipping.url) },
        );
      } catch (error) {
        announce({ tone: 'error', text: t('library_reattachFailed', errorText(error)) });
      }
    },
  };

  const heading = <h2 class="visually-hidden">{t('library_tabClippings')}</h2>;
  if (list === null) {
    return (
      <>
        {heading}
        {failed ? (
          <p>
            {t('library_clippingsUnreadable')}{' '}
            <button type="button" onClick={() => void reload()}>
              {t('library_tryAgain')}
            </button>
          </p>
        ) : (
          <p class="muted">{t('library_loadingClippings')}</p>
        )}
      </>
    );
  }
  if (clippings.length === 0) {
    return (
      <>
        {heading}
        <p class="empty-clippings">{t('library_noClippings')}</p>
        {/* The export buttons are where a reader (or a checker) looks for them, and say why nothing came. */}
        <ExportButtons clippings={[]} termNames={termNames} narrowed={false} announce={announce} />
      </>
    );
  }

  const narrowed = isNarrowed(query);
  const anchored = shown.filter((c) => c.anchored);
  // How many clippings the next page would add.
  const nextPage = Math.max(0, Math.min(PAGE_SIZE, anchored.length - limit));
  const orphans = shown.filter((c) => !c.anchored);
  const item = (clipping: Clipping) => (
    <ClippingItem
      key={clipping.id}
      clipping={clipping}
      termNames={termNames}
      focused={clipping.id === focusId}
      actions={actions}
    />
  );
  return (
    <>
      {heading}
      <ClippingFilters query={query} options={options} onChange={changeQuery} />
      <ExportButtons clippings={shown} termNames={termNames} narrowed={narrowed} announce={announce} />
      <p class="muted clipping-count">
        {narrowed
          ? t('library_showingOf', [formatCount(shown.length), clippingCount(clippings.length)])
          : t('library_clippingTotal', clippingCount(clippings.length))}
        {narrowed && (
          <>
            {' '}
            <button type="button" onClick={() => changeQuery(EVERY_CLIPPING)}>
              {t('library_clearFilters')}
            </button>
          </>
        )}
      </p>
      {shown.length === 0 && <p>{t('library_noneMatch')}</p>}
      {groupByPage(anchored.slice(0, limit)).map((group) => (
        <PageClippings key={group.url} group={group} item={item} />
      ))}
      {nextPage > 0 && (
        <p>
          <button type="button" onClick={() => setLimit(limit + PAGE_SIZE)}>
            {nextPage === 1 ? t('library_showOneMore') : t('library_showMore', formatCount(nextPage))}
          </button>
        </p>
      )}
      {orphans.length > 0 && (
        <section class="orphans" aria-labelledby="orphans-heading">
          <h3 id="orphans-heading">{t('library_orphans')}</h3>
          <p class="muted">{t('library_orphansExplained')}</p>
          <ul class="clippings">{orphans.map(item)}</ul>
        </section>
      )}
    </>
  );
}

/** One page's heading, its address, and its clippings. */
function PageClippings({ group, item }: { group: PageGroup; item: (clipping: Clipping) => JSX.Element }) {
  const href = safeHttpUrl(group.url);
  return (
    <div class="page-group">
      <h3>{group.title || group.site}</h3>
      <p class="muted page-url">
        {href ? (
          <a href={href} target="_blank" rel="noopener noreferrer">
            {group.url}
          </a>
        ) : (
          group.url
        )}
      </p>
      <ul class="clippings">{group.clippings.map(item)}</ul>
    </div>
  );
}
