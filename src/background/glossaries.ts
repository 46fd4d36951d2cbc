/** Glossary packs in the database: seeding, import, enable switch, listing. */
import {
  GLOSSARY_FORMAT,
  GLOSSARY_VERSION,
  type GlossaryPack,
  type GlossarySource,
  type Term,
} from '../shared/glossary/model';
import { colourSlots } from '../shared/highlight-colours';
import type { GlossarySummary, TermSummary } from '../shared/messages';
import { type GlossaryRow, type TermlightDb, type TermRow, toTermRow } from './db';

/** Writes a validated pack and all its terms in one transaction, replacing any pack with its id. */
export async function writePack(
  db: TermlightDb,
  pack: GlossaryPack,
  source: GlossarySource,
  extra: Partial<Pick<GlossaryRow, 'url' | 'etag' | 'lastRefresh' | 'enabled'>> = {},
): Promise<{ replaced: boolean }> {
  return db.transaction('rw', db.glossaries, db.terms, async () => {
    const existing = await db.glossaries.get(pack.id);
    const row: GlossaryRow = {
      id: pack.id,
      name: pack.name,
      description: pack.description,
      language: pack.language,
      updated: pack.updated,
      source,
      enabled: extra.enabled ?? existing?.enabled ?? true,
      termCount: pack.terms.length,
      importedAt: existing?.importedAt ?? Date.now(),
      url: extra.url ?? existing?.url,
      etag: extra.etag ?? existing?.etag,
      lastRefresh: extra.lastRefresh ?? existing?.lastRefresh,
    };
    // A primary-key range (row ids are `<pack id>/<term id>`, and pack ids hold no '/'): deleting
    // by the glossaryId index walks the rows with a cursor, about twice as slow for a big pack.
    await db.terms.where(':id').between(`${pack.id}/`, `${pack.id}/\uffff`).delete();
    await db.terms.bulkPut(pack.terms.map((term, i) => toTermRow(pack.id, term, i)));
    await db.glossaries.put(row);
    return { replaced: existing !== undefined };
  });
}

/**
 * Installs the packs shipped with the extension. A pack already present is refreshed only when the
 * shipped copy is newer, and keeps the user's enabled switch.
 */
export async function seedBuiltinPacks(db: TermlightDb, packs: readonly GlossaryPack[]): Promise<number> {
  let written = 0;
  for (const pack of packs) {
    const existing = await db.glossaries.get(pack.id);
    if (existing && existing.source === 'builtin' && (existing.updated ?? '') >= (pack.updated ?? ''))
      continue;
    if (existing && existing.source !== 'builtin') continue;
    await writePack(db, pack, 'builtin');
    written++;
  }
  return written;
}

/** Every pack in library order: the order they were added (by name within one moment). */
export async function glossariesInOrder(db: TermlightDb): Promise<GlossaryRow[]> {
  const rows = await db.glossaries.toArray();
  return rows.sort((a, b) => a.importedAt - b.importedAt || a.name.localeCompare(b.name));
}

/** Every pack, in library order, with its highlight colour. */
export async function listGlossaries(db: TermlightDb): Promise<GlossarySummary[]> {
  const rows = await glossariesInOrder(db);
  const colours = colourSlots(rows.map((r) => r.id));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    description: r.description,
    source: r.source,
    enabled: r.enabled,
    termCount: r.termCount,
    updated: r.updated,
    colour: colours[r.id] ?? 0,
    ...(r.source === 'subscription'
      ? {
          url: r.url,
          lastRefresh: r.lastRefresh,
          lastError: r.lastError,
          lastProblems: r.lastProblems,
          lastErrorAt: r.lastErrorAt,
        }
      : {}),
  }));
}

/** Switches a pack on or off; throws when there is no such pack. */
export async function setGlossaryEnabled(db: TermlightDb, id: string, enabled: boolean): Promise<void> {
  const changed = await db.glossaries.update(id, { enabled });
  if (changed === 0 && !(await db.glossaries.get(id))) throw new Error(`No glossary with id "${id}"`);
}

/** The terms of one pack, in the order of its file. */
export async function termsInOrder(db: TermlightDb, glossaryId: string): Promise<TermRow[]> {
  const rows = await db.terms.where('glossaryId').equals(glossaryId).toArray();
  return rows.sort((a, b) => a.order - b.order);
}

/** The terms of one pack, in file order, as the library lists them. */
export async function listTerms(db: TermlightDb, glossaryId: string): Promise<TermSummary[]> {
  const rows = await termsInOrder(db, glossaryId);
  return rows.map((r) => ({
    id: r.id,
    term: r.term,
    definition: r.definition,
    aliases: (r.aliases ?? []).map((a) => a.text),
    category: r.category,
    status: r.status ?? 'current',
  }));
}

/** A term as its pack holds it: the row without what the database adds, and no empty fields. */
export function toTerm(row: TermRow): Term {
  const { id: _key, termId, glossaryId: _pack, order: _order, ...rest } = row;
  const term = { id: termId, ...rest } as Term & Record<string, unknown>;
  for (const key of Object.keys(term)) if (term[key] === undefined) delete term[key];
  return term;
}

/** The stored pack `id` as a `termlight-glossary` file holds it (for export and merge reports), or null. */
export async function readPack(db: TermlightDb, id: string): Promise<GlossaryPack | null> {
  const row = await db.glossaries.get(id);
  return row ? packOfRow(db, row) : null;
}

/** The pack stored as `row` (its details) and its terms, in order. */
export async function packOfRow(db: TermlightDb, row: GlossaryRow): Promise<GlossaryPack> {
  const pack: GlossaryPack = {
    format: GLOSSARY_FORMAT,
    version: GLOSSARY_VERSION,
    id: row.id,
    name: row.name,
    ...(row.description !== undefined ? { description: row.description } : {}),
    ...(row.language !== undefined ? { language: row.language } : {}),
    ...(row.updated !== undefined ? { updated: row.updated } : {}),
    terms: (await termsInOrder(db, row.id)).map(toTerm),
  };
  return pack;
}

/**
 * Copies a pack (a read-only subscription, or the built-in one) into a local pack the reader can
 * edit: a new id, "(local copy)" in its name, switched off so its terms are not highlighted twice.
 */
export async function copyToLocalPack(
  db: TermlightDb,
  id: string,
): Promise<{ packId: string; name: string }> {
  const pack = await readPack(db, id);
  if (!pack) throw new Error(`No glossary with id "${id}"`);
  const copyId = await unusedGlossaryId(db, `${id}-local`);
  const name = `${pack.name} (local copy)`;
  await writePack(db, { ...pack, id: copyId, name }, 'local', { enabled: false });
  return { packId: copyId, name };
}

/** `base`, or `base-2`, `base-3`… : the first id no glossary in the library has. */
export async function unusedGlossaryId(db: TermlightDb, base: string): Promise<string> {
  let id = base;
  for (let n = 2; await db.glossaries.get(id); n++) id = `${base}-${n}`;
  return id;
}
