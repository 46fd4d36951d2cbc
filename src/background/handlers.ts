/** One small handler per message type, over the database. */

import browser from '../shared/browser';
import { parseGlossaryFile } from '../shared/formats/glossary-file';
import type { TermlightDb } from './db';
import { getTermDetail } from './definitions';
import { listGlossaries, listTerms, setGlossaryEnabled, writePack } from './glossaries';
import type { Handlers } from './router';
import { changeSettings, getSettings, setSiteEnabled } from './settings';
import { SnapshotCache } from './snapshot';
import { bumpSnapshotVersion, currentSnapshotVersion } from './snapshot-version';

/** Creates the handlers; `ready` resolves once the database is seeded and usable. */
export function createHandlers(db: TermlightDb, ready: Promise<unknown>): Handlers {
  const snapshots = new SnapshotCache(db);
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
      await bumpSnapshotVersion(db);
      return { enabled: request.enabled };
    },
    async importGlossary(request) {
      await ready;
      const parsed = parseGlossaryFile(request.fileName, request.text);
      if (!parsed.ok) return parsed;
      const { replaced } = await writePack(db, parsed.pack, 'imported');
      await bumpSnapshotVersion(db);
      return {
        ok: true,
        packId: parsed.pack.id,
        name: parsed.pack.name,
        termCount: parsed.pack.terms.length,
        replaced,
        warnings: parsed.warnings,
      };
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
    async listTerms(request) {
      await ready;
      return listTerms(db, request.glossaryId);
    },
    async openLibrary(request) {
      // Only ever our own page: a web page can ask for it, but cannot choose what opens.
      const hash = request.termId ? `#term=${encodeURIComponent(request.termId)}` : '';
      await browser.tabs.create({ url: browser.runtime.getURL(`library.html${hash}`) });
      return { opened: true };
    },
  };
}
