/** Clippings in the database: save, look up by page, edit, delete and restore, anchoring state. */
import type { ClipCapture, Clipping } from '../shared/clippings/model';
import { hostOf, normalizePageUrl, sameOrigin } from '../shared/clippings/page-url';
import type { ClippingRow, TermlightDb } from './db';

/** The canonical URL a page reported, normalised, when it may stand for the page (same origin). */
export function trustedCanonical(pageUrl: string, canonical: string | undefined): string | undefined {
  if (!canonical) return undefined;
  let absolute: string;
  try {
    absolute = new URL(canonical, pageUrl).href;
  } catch {
    return undefined;
  }
  // Another origin's canonical would let a page read (or write into) that site's clippings.
  if (!/^https?:$/.test(new URL(absolute).protocol) || !sameOrigin(absolute, pageUrl)) return undefined;
  return normalizePageUrl(absolute);
}

/** Strips the row-only fields: what every context gets. */
function toClipping(row: ClippingRow): Clipping {
  const { unknownSelectors: _u, savedUrl: _s, ...clipping } = row;
  return clipping;
}

/** Saves a new clipping of `pageUrl` (the sender's URL, never one from the message). */
export async function saveClipping(
  db: TermlightDb,
  pageUrl: string,
  capture: ClipCapture,
  termIds: string[],
): Promise<Clipping> {
  const url = normalizePageUrl(pageUrl);
  const now = Date.now();
  const row: ClippingRow = {
    id: crypto.randomUUID(),
    url,
    canonicalUrl: trustedCanonical(pageUrl, capture.canonicalUrl),
    site: hostOf(url),
    title: capture.title,
    exact: capture.exact,
    selectors: capture.selectors,
    note: '',
    tags: [],
    termIds,
    createdAt: now,
    updatedAt: now,
    anchored: true,
    ...(capture.blockBreaks && { blockBreaks: capture.blockBreaks }),
    ...(capture.hiddenText && { hiddenText: capture.hiddenText }),
  };
  if (!row.canonicalUrl) delete row.canonicalUrl;
  await db.clippings.add(row);
  return toClipping(row);
}

/** Gives an orphan a new passage on the page it belongs to; refuses one of another page. */
export async function reattachClipping(
  db: TermlightDb,
  id: string,
  pageUrl: string,
  capture: ClipCapture,
  termIds: string[],
): Promise<Clipping> {
  return db.transaction('rw', db.clippings, async () => {
    const row = await db.clippings.get(id);
    if (!row || !belongsTo(row, pageUrl, capture.canonicalUrl))
      throw new Error('No such clipping on this page');
    const next: ClippingRow = {
      ...row,
      exact: capture.exact,
      selectors: capture.selectors,
      termIds,
      anchored: true,
      updatedAt: Date.now(),
    };
    // The old passage's breaks and hidden text say nothing of the new one.
    if (capture.blockBreaks) next.blockBreaks = capture.blockBreaks;
    else delete next.blockBreaks;
    if (capture.hiddenText) next.hiddenText = capture.hiddenText;
    else delete next.hiddenText;
    await db.clippings.put(next);
    return toClipping(next);
  });
}

/** True when `row` was saved on the page at `pageUrl` (or the page's same-origin canonical URL). */
export function belongsTo(row: Clipping, pageUrl: string, canonical?: string): boolean {
  const url = normalizePageUrl(pageUrl);
  const canon = trustedCanonical(pageUrl, canonical);
  return row.url === url || (canon !== undefined && (row.canonicalUrl === canon || row.url === canon));
}

/**
 * The clippings of one page: saved at its URL, or under its canonical URL (a page reached through a
 * redirect or with extra query parameters still finds its clippings when it names the same canonical).
 */
export async function clippingsOfPage(
  db: TermlightDb,
  pageUrl: string,
  canonical?: string,
): Promise<Clipping[]> {
  const url = normalizePageUrl(pageUrl);
  const canon = trustedCanonical(pageUrl, canonical);
  const keys = canon && canon !== url ? [url, canon] : [url];
  const [byUrl, byCanonical] = await Promise.all([
    db.clippings.where('url').anyOf(keys).toArray(),
    db.clippings.where('canonicalUrl').anyOf(keys).toArray(),
  ]);
  const seen = new Map<string, ClippingRow>();
  for (const row of [...byUrl, ...byCanonical]) seen.set(row.id, row);
  return [...seen.values()].sort((a, b) => a.createdAt - b.createdAt).map(toClipping);
}

/** Edits a clipping's note and tags; `pageUrl` (for a page's request) limits it to that page's own. */
export async function updateClipping(
  db: TermlightDb,
  id: string,
  changes: { note?: string; tags?: string[] },
  pageUrl?: string,
): Promise<Clipping> {
  return db.transaction('rw', db.clippings, async () => {
    const row = await db.clippings.get(id);
    if (!row || (pageUrl !== undefined && !belongsTo(row, pageUrl))) throw new Error('No such clipping');
    const next: ClippingRow = {
      ...row,
      note: changes.note ?? row.note,
      tags: changes.tags ? cleanTags(changes.tags) : row.tags,
      updatedAt: Date.now(),
    };
    await db.clippings.put(next);
    return toClipping(next);
  });
}

/** Tags trimmed, without empties or repeats, in the order given. */
function cleanTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((t) => t.trim()).filter(Boolean))];
}

/**
 * Records which of a page's clippings were found on a visit. Ids of other pages' clippings are
 * ignored: a page reports only on its own. Returns how many rows changed.
 */
export async function recordAnchoring(
  db: TermlightDb,
  pageUrl: string,
  canonical: string | undefined,
  anchored: readonly string[],
  orphaned: readonly string[],
): Promise<number> {
  return db.transaction('rw', db.clippings, async () => {
    let changed = 0;
    const apply = async (ids: readonly string[], state: boolean) => {
      for (const row of await db.clippings.bulkGet([...ids])) {
        if (!row || row.anchored === state || !belongsTo(row, pageUrl, canonical)) continue;
        await db.clippings.update(row.id, { anchored: state });
        changed++;
      }
    };
    await apply(anchored, true);
    await apply(orphaned, false);
    return changed;
  });
}

/** Every clipping, newest first. */
export async function allClippings(db: TermlightDb): Promise<Clipping[]> {
  const rows = await db.clippings.orderBy('createdAt').reverse().toArray();
  return rows.map(toClipping);
}

/** Deletes clippings and returns them as they were, so the library can undo. */
export async function deleteClippings(db: TermlightDb, ids: readonly string[]): Promise<Clipping[]> {
  return db.transaction('rw', db.clippings, async () => {
    const rows = (await db.clippings.bulkGet([...ids])).filter((r): r is ClippingRow => r !== undefined);
    await db.clippings.bulkDelete(rows.map((r) => r.id));
    return rows.map(toClipping);
  });
}

/** Puts deleted clippings back (undo); a clipping with the same id that exists again is replaced. */
export async function restoreClippings(db: TermlightDb, clippings: readonly Clipping[]): Promise<number> {
  await db.clippings.bulkPut(clippings.map((c) => ({ ...c })));
  return clippings.length;
}
