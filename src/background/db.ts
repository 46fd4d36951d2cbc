/**
 * The one database module: every table, typed, with numbered versions. A schema change adds a
 * version and an upgrade function; old versions are never edited.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { Clipping } from '../shared/clippings/model';
import type { GlossarySource, Term } from '../shared/glossary/model';
import type { ImportProblem } from '../shared/messages';
import { upgradeClippingToV2 } from './db-upgrades';

export interface GlossaryRow {
  id: string;
  name: string;
  description?: string;
  language?: string;
  /** The pack's own `updated` date. */
  updated?: string;
  source: GlossarySource;
  /** Subscription URL, ETag and last refresh (subscriptions only). */
  url?: string;
  etag?: string;
  lastRefresh?: number;
  /** The last failed refresh of a subscription, and when (cleared by the next good one). */
  lastError?: string;
  /** The same failure's first problems with their words, for the library's language (rows written before them have `lastError` alone). */
  lastProblems?: ImportProblem[];
  lastErrorAt?: number;
  enabled: boolean;
  termCount: number;
  /**
   * When the pack was first added (ms since the epoch): library order, and so each pack's colour
   * slot, follows it. A replaced or refreshed pack keeps its time, and so its place.
   */
  importedAt: number;
}

/** A term row: the pack's term plus its owning pack; `id` is `<glossaryId>/<termId>`. */
export interface TermRow extends Omit<Term, 'id'> {
  id: string;
  termId: string;
  glossaryId: string;
  /** Order within the pack, so an export gives the terms back in file order. */
  order: number;
}

/**
 * A clipping row (version 2 on). `unknownSelectors` keeps any version-1 selector whose shape is not
 * a W3C text quote or position selector, so the upgrade drops nothing it cannot read.
 */
export interface ClippingRow extends Clipping {
  unknownSelectors?: unknown[];
  /** The URL as a version-1 row stored it, when normalising changed it. */
  savedUrl?: string;
}

export interface SettingRow {
  key: string;
  value: unknown;
}

export type TermlightDb = Dexie & {
  glossaries: EntityTable<GlossaryRow, 'id'>;
  terms: EntityTable<TermRow, 'id'>;
  clippings: EntityTable<ClippingRow, 'id'>;
  settings: EntityTable<SettingRow, 'key'>;
};

/** Opens (declaring every version of) the Termlight database; `name` differs only in tests. */
export function openDb(name = 'termlight'): TermlightDb {
  const db = new Dexie(name) as TermlightDb;
  db.version(1).stores({
    glossaries: 'id, source',
    terms: 'id, glossaryId',
    clippings: 'id, url, createdAt, *termIds, *tags',
    settings: 'key',
  });
  // Version 2: typed selectors, the canonical URL and the site of each clipping, indexed for the
  // page lookup (a page asks by its URL or its canonical URL) and the library's site filter.
  db.version(2)
    .stores({ clippings: 'id, url, canonicalUrl, site, createdAt, *termIds, *tags' })
    .upgrade((tx) =>
      tx
        .table('clippings')
        .toCollection()
        .modify((row: Record<string, unknown>) => {
          Object.assign(row, upgradeClippingToV2(row));
        }),
    );
  return db;
}

/** Makes a term row from a pack term. */
export function toTermRow(glossaryId: string, term: Term, order: number): TermRow {
  const { id, ...rest } = term;
  return { ...rest, id: `${glossaryId}/${id}`, termId: id, glossaryId, order };
}
