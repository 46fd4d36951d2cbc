/** The Clippings tab: every saved passage grouped by page, searchable, editable and exportable. */
import type { JSX } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Clipping } from '../shared/clippings/model';
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
import { clippingCount, ExportButtons } from './export-buttons';
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
        text: deleted.length === 1 ? 'Clipping restored.' : `${deleted.length} clippings restored.`,
      });
    } catch (error) {
      announce({ tone: 'error', text: `Could not restore the clipping: ${errorText(error)}` });
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
          text: 'Clipping deleted.',
          ...(deleted.length > 0 && { action: { label: 'Undo', run: () => void undo(deleted) } }),
        });
      } catch (error) {
        put([clipping]);
        announce({ tone: 'error', text: `Could not delete the clipping: ${errorText(error)}` });
      }
    },
    onReattach: async (clipping) => {
      try {
        const { opened } = await send({ type: 'reattachClipping', id: clipping.id });
        announce(
          opened
            ? {
                tone: 'info',
                text: `Opened ${clipping.title || clipping.url}. Select the passage there and choose Save clipping to re-attach it.`,
              }
            : { tone: 'error', text: `Could not open ${clipping.url} to re-attach the clipping.` },
        );
      } catch (error) {
        announce({ tone: 'error', text: `Could not re-attach the clipping: ${errorText(error)}` });
      }
    },
  };

  const heading = <h2 class="visually-hidden">Clippings</h2>;
  if (list === null) {
    return (
      <>
        {heading}
        {failed ? (
          <p>
            The clippings could not be read.{' '}
            <button type="button" onClick={() => void reload()}>
              Try again
            </button>
          </p>
        ) : (
          <p class="muted">Loading clippings…</p>
        )}
      </>
    );
  }
  if (clippings.length === 0) {
    return (
      <>
        {heading}
        <p class="empty-clippings">No clippings yet. Select text on any page and choose Save clipping.</p>
      </>
    );
  }

  const narrowed = isNarrowed(query);
  const anchored = shown.filter((c) => c.anchored);
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
          ? `Showing ${shown.length} of ${clippingCount(clippings.length)}.`
          : `${clippingCount(clippings.length)}.`}
        {narrowed && (
          <>
            {' '}
            <button type="button" onClick={() => changeQuery(EVERY_CLIPPING)}>
              Clear search and filters
            </button>
          </>
        )}
      </p>
      {shown.length === 0 && <p>No clippings match the search and filters.</p>}
      {groupByPage(anchored.slice(0, limit)).map((group) => (
        <PageClippings key={group.url} group={group} item={item} />
      ))}
      {anchored.length > limit && (
        <p>
          <button type="button" onClick={() => setLimit(limit + PAGE_SIZE)}>
            Show {Math.min(PAGE_SIZE, anchored.length - limit)} more clippings
          </button>
        </p>
      )}
      {orphans.length > 0 && (
        <section class="orphans" aria-labelledby="orphans-heading">
          <h3 id="orphans-heading">Orphans</h3>
          <p class="muted">
            These passages were not found on their pages at the last visit (the page may have changed). They
            are kept; Re-attach opens the page so you can select the passage again.
          </p>
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
