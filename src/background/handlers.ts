/** One small handler per message type, over the database. */

import browser from '../shared/browser';
import { parseGlossaryFile } from '../shared/formats/glossary-file';
import { safeHttpUrl } from '../shared/safe-url';
import { pageStateFor } from '../shared/settings';
import { ClippingTerms, termNames } from './clipping-terms';
import {
  allClippings,
  belongsTo,
  clippingsOfPage,
  deleteClippings,
  reattachClipping,
  recordAnchoring,
  restoreClippings,
  saveClipping,
  updateClipping,
} from './clippings';
import type { TermlightDb } from './db';
import { getTermDetail } from './definitions';
import {
  copyToLocalPack,
  listGlossaries,
  listTerms,
  readPack,
  setGlossaryEnabled,
  writePack,
} from './glossaries';
import { glossaryChangeHandler } from './glossaries-changed';
import {
  createLocalPack,
  deletePack,
  deleteTerm,
  restorePack,
  restoreTerm,
  saveTerm,
} from './glossary-edits';
import { existingPack, unconfirmedReplace } from './import-target';
import { openLibrary } from './open-library';
import { refreshHours, setRefreshHours } from './refresh-schedule';
import type { Caller, Handlers } from './router';
import { SearchIndex } from './search-index';
import { changeSettings, getSettings, setSiteEnabled } from './settings';
import { currentSnapshotVersion } from './snapshot-version';
import { StorageHealth } from './storage-health';
import { type Fetcher, refreshSubscription, subscribe } from './subscriptions';

/** How long the storage health waits for the start's checks before answering with what it has. */
const START_WAIT_MS = 3_000;

/**
 * Creates the handlers. `seeding` settles once the shipped packs are written (or could not be);
 * the handlers wait for it, and then serve what the database holds either way: a failed seed is
 * reported (storage-health.ts) and shown in the library, and the reader's own packs and clippings
 * stay readable.
 */
export function createHandlers(
  db: TermlightDb,
  seeding: Promise<unknown>,
  clippingTerms = new ClippingTerms(db),
  fetcher: Fetcher = (url, init) => fetch(url, init),
  /** A frame's term ids for the toolbar badge; returns the tab's distinct term count. */
  pageTerms: (tabId: number, frameId: number, ids: readonly string[]) => Promise<number> = async () => 0,
  health = new StorageHealth(),
): Handlers {
  const ready = seeding.then(
    () => undefined,
    () => undefined,
  );
  const snapshots = clippingTerms.snapshots;
  const searchIndex = new SearchIndex(db);
  // The orphan each tab is re-attaching (the library opened the tab for it), by tab id. Kept in
  // memory: a worker restart in between only means pressing "Re-attach" again.
  const reattaching = new Map<number, string>();
  const glossariesChanged = glossaryChangeHandler(db, clippingTerms);
  const pageOf = (caller: Caller, what: string) => {
    if (caller.kind !== 'page') throw new Error(`${what} is asked by a page, for itself`);
    // about:blank, about:srcdoc, data: and blob: frames have no address of their own: their
    // clippings would be shared by every such frame of every site.
    if (!/^(https?|file):/.test(caller.url)) throw new Error('Clippings are kept for web pages only');
    return caller;
  };
  return {
    async getSnapshot(request) {
      await ready;
      const version = await currentSnapshotVersion(db);
      if (request.knownVersion === version) return { version, unchanged: true };
      return snapshots.get(version);
    },
    async getDefinition(request) {
      await ready;
      return getTermDetail(db, request.id);
    },
    async listGlossaries() {
      await ready;
      return listGlossaries(db);
    },
    async setGlossaryEnabled(request) {
      await ready;
      await setGlossaryEnabled(db, request.id, request.enabled);
      await glossariesChanged();
      return { enabled: request.enabled };
    },
    async importGlossary(request) {
      await ready;
      const parsed = parseGlossaryFile(request.fileName, request.text);
      if (!parsed.ok) return parsed;
      const refused = await unconfirmedReplace(db, parsed.pack, request.replace === true);
      if (refused) return { ok: false, errors: [refused] };
      const { replaced } = await writePack(db, parsed.pack, 'imported');
      await glossariesChanged();
      return {
        ok: true,
        packId: parsed.pack.id,
        name: parsed.pack.name,
        termCount: parsed.pack.terms.length,
        replaced,
        warnings: parsed.warnings,
      };
    },
    async previewImport(request) {
      await ready;
      const parsed = parseGlossaryFile(request.fileName, request.text);
      if (!parsed.ok) return parsed;
      const { pack } = parsed;
      const existing = await existingPack(db, pack);
      return {
        ok: true,
        packId: pack.id,
        name: pack.name,
        termCount: pack.terms.length,
        warnings: parsed.warnings,
        ...(existing ? { existing } : {}),
      };
    },
    async subscribe(request) {
      await ready;
      const result = await subscribe(db, request.url, fetcher);
      if (result.ok) await glossariesChanged();
      return result;
    },
    async refreshSubscription(request) {
      await ready;
      const result = await refreshSubscription(db, request.id, fetcher);
      if (result.ok && result.changed) await glossariesChanged();
      return result;
    },
    async copyToLocalPack(request) {
      await ready;
      const copy = await copyToLocalPack(db, request.id);
      await glossariesChanged();
      return copy;
    },
    async search(request) {
      await ready;
      return searchIndex.search(request.query, request.limit ?? 20);
    },
    async getRefreshInterval() {
      return { hours: await refreshHours(db) };
    },
    async setRefreshInterval(request) {
      return { hours: await setRefreshHours(db, request.hours) };
    },
    async createPack(request) {
      await ready;
      const created = await createLocalPack(db, request.name, request.language, request.description);
      await glossariesChanged();
      return created;
    },
    async saveTerm(request) {
      await ready;
      const result = await saveTerm(db, request.glossaryId, request.term, request.previousId);
      if (result.ok) await glossariesChanged();
      return result;
    },
    async deleteTerm(request) {
      await ready;
      const deleted = await deleteTerm(db, request.glossaryId, request.termId);
      await glossariesChanged();
      return deleted;
    },
    async restoreTerm(request) {
      await ready;
      const result = await restoreTerm(db, request.glossaryId, request.term, request.order);
      if (result.ok) await glossariesChanged();
      return result;
    },
    async deletePack(request) {
      await ready;
      const deleted = await deletePack(db, request.id);
      await glossariesChanged();
      return deleted;
    },
    async restorePack(request) {
      await ready;
      const restored = await restorePack(db, request.deleted);
      await glossariesChanged();
      return restored;
    },
    async getGlossaryPack(request) {
      await ready;
      const pack = await readPack(db, request.id);
      if (!pack) throw new Error(`No glossary with id "${request.id}"`);
      return pack;
    },
    async reportPageTerms(request, caller) {
      if (caller.kind !== 'page') throw new Error('reportPageTerms is asked by a page, for itself');
      return { count: await pageTerms(caller.tabId, caller.frameId, request.ids) };
    },
    async getSettings() {
      return getSettings(db);
    },
    async updateSettings(request) {
      return changeSettings(db, (s) => ({ ...s, ...request.changes }));
    },
    async setSiteEnabled(request) {
      return setSiteEnabled(db, request.site, request.enabled);
    },
    async getPageState(_request, caller) {
      if (caller.kind !== 'page') throw new Error('A page asks for its own state');
      // The top-level page decides for all its frames (about:blank, srcdoc, cross-origin ones).
      return pageStateFor(await getSettings(db), caller.topUrl ?? caller.url);
    },
    async getTermNames(request) {
      await ready;
      return termNames(db, request.ids);
    },
    async listTerms(request) {
      await ready;
      return listTerms(db, request.glossaryId);
    },
    async openLibrary(request) {
      await openLibrary(request);
      return { opened: true };
    },
    async saveClipping(request, caller) {
      await ready;
      const page = pageOf(caller, 'Saving a clipping');
      const termIds = await clippingTerms.termsIn(request.clip.exact);
      const { reattachId } = request.clip;
      if (reattachId !== undefined) {
        // Only the orphan the library sent this tab to re-attach, and only on its own page.
        if (reattaching.get(page.tabId) !== reattachId)
          throw new Error('This clipping is not being re-attached here');
        const clipping = await reattachClipping(db, reattachId, page.url, request.clip, termIds);
        reattaching.delete(page.tabId);
        return { clipping, reattached: true };
      }
      return { clipping: await saveClipping(db, page.url, request.clip, termIds), reattached: false };
    },
    async updateClipping(request, caller) {
      await ready;
      if (caller.kind === 'page') pageOf(caller, 'Editing a clipping');
      const changes = { note: request.note, tags: request.tags };
      return updateClipping(db, request.id, changes, caller.kind === 'page' ? caller.url : undefined);
    },
    async getPageClippings(request, caller) {
      await ready;
      const page = pageOf(caller, "A page's clippings are");
      const clippings = await clippingsOfPage(db, page.url, request.canonicalUrl);
      const pending = reattaching.get(page.tabId);
      const orphan = pending === undefined ? undefined : await db.clippings.get(pending);
      if (!orphan || !belongsTo(orphan, page.url, request.canonicalUrl)) return { clippings };
      return { clippings, reattach: { id: orphan.id, exact: orphan.exact } };
    },
    async reportAnchoring(request, caller) {
      await ready;
      const page = pageOf(caller, 'Anchoring is reported by a page');
      const updated = await recordAnchoring(
        db,
        page.url,
        request.canonicalUrl,
        request.anchored,
        request.orphaned,
      );
      return { updated };
    },
    async listClippings() {
      await ready;
      const clippings = await allClippings(db);
      return {
        clippings,
        termNames: await termNames(
          db,
          clippings.flatMap((c) => c.termIds),
        ),
      };
    },
    async deleteClippings(request) {
      await ready;
      return { deleted: await deleteClippings(db, request.ids) };
    },
    async restoreClippings(request) {
      await ready;
      return { restored: await restoreClippings(db, request.clippings) };
    },
    async loadContentUi(_request, caller) {
      if (caller.kind !== 'page') throw new Error('The page UI loads into a page');
      // Into the asking frame only, and only the extension's own file.
      await browser.scripting.executeScript({
        target: { tabId: caller.tabId, frameIds: [caller.frameId] },
        files: ['content-ui.js'],
      });
      return { loaded: true };
    },
    // After the start's checks (an emptied database is found there), but not stuck behind them: a
    // start that fails or hangs on a blocked upgrade is one of the problems this reports.
    async getStorageHealth() {
      await Promise.race([ready, new Promise((resolve) => setTimeout(resolve, START_WAIT_MS))]);
      return { problems: await health.list() };
    },
    async dismissStorageProblems() {
      return { dismissed: await health.dismiss() };
    },
    async reattachClipping(request) {
      await ready;
      const clipping = await db.clippings.get(request.id);
      if (!clipping) throw new Error('No such clipping');
      const url = safeHttpUrl(clipping.url);
      if (!url) throw new Error("This clipping's page cannot be opened");
      const tab = await browser.tabs.create({ url });
      if (tab.id !== undefined) reattaching.set(tab.id, clipping.id);
      return { opened: true };
    },
  };
}
