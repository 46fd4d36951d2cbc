/** What follows every glossary write: the snapshot version is bumped and the clippings' terms found again. */
import type { ClippingTerms } from './clipping-terms';
import type { TermlightDb } from './db';
import { bumpSnapshotVersion } from './snapshot-version';

/**
 * The one "glossaries changed" step, for every writer (messages, the import port, the refresh
 * alarm). The glossary write is committed whatever happens in the retagging: a failure is logged,
 * and the terms are found again at the next worker start (see ClippingTerms.ensureTagged).
 */
export function glossaryChangeHandler(db: TermlightDb, clippingTerms: ClippingTerms): () => Promise<void> {
  return async () => {
    await bumpSnapshotVersion(db);
    await clippingTerms
      .ensureTagged()
      .catch((error: unknown) => console.error('Termlight: retagging failed', error));
  };
}
