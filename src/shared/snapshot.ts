import type { PackedMatcher } from './matcher';
import type { SurfaceForm } from './matcher/types';

/** One term in the content script's compact snapshot: enough to match, nothing to show. */
export interface SnapshotTerm {
  /** `<glossaryId>/<termId>` */
  id: string;
  // Nothing else: the snapshot crosses to every frame of every page, so it carries only what
  // matching needs; a card asks for the rest.
  forms: SurfaceForm[];
}

/** The matchable vocabulary of every enabled pack, versioned so it is rebuilt only on change. */
export interface TermSnapshot {
  version: number;
  terms: SnapshotTerm[];
  /** Highlight colour slot of each glossary with terms here (see highlight-colours.ts). */
  colours: Record<string, number>;
}

/**
 * What a page gets: the snapshot's terms compiled once, in the background, rather than in every
 * frame of every page load (a big pack's compile is a long task on a cold page), and the colours.
 */
export interface PageSnapshot {
  version: number;
  matcher: PackedMatcher;
  colours: Record<string, number>;
}

/** The storage.local key whose change tells every page that the snapshot was rebuilt. */
export const SNAPSHOT_VERSION_KEY = 'snapshotVersion';
