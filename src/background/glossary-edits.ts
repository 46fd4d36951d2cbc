/**
 * Editing glossaries in the library: a new local pack, a term saved or deleted (with undo), a pack
 * deleted (with undo). Every change is checked by the same validator as an import, against the
 * whole pack it lands in, and written in one transaction; built-in and subscribed packs are
 * read-only (the reader copies them to a local pack first).
 */

import { slugify } from '../shared/formats/glossary-import';
import type { GlossaryPack, Term } from '../shared/glossary/model';
import { validatePack } from '../shared/glossary/validate';
import type { DeletedPack, SaveTermResult } from '../shared/messages';
import { type GlossaryRow, type TermlightDb, toTermRow } from './db';
import { readPack, toTerm, unusedGlossaryId, writePack } from './glossaries';

async function editable(db: TermlightDb, id: string): Promise<GlossaryRow> {
  const row = await db.glossaries.get(id);
  if (!row) throw new Error(`No glossary with id "${id}"`);
  if (row.source === 'builtin' || row.source === 'subscription') {
    throw new Error(`"${row.name}" is read-only: copy it to a local pack to edit it`);
  }
  return row;
}

/** Creates an empty local pack named `name`, with an id made from the name (unique in the library). */
export async function createLocalPack(
  db: TermlightDb,
  name: string,
  language?: string,
  description?: string,
): Promise<{ packId: string; name: string }> {
  const trimmed = name.trim();
  if (!trimmed) throw new Error('A glossary needs a name');
  const id = await unusedGlossaryId(db, slugify(trimmed) || 'glossary');
  const pack: GlossaryPack = {
    format: 'termlight-glossary',
    version: 1,
    id,
    name: trimmed,
    ...(language ? { language } : {}),
    ...(description ? { description } : {}),
    terms: [],
  };
  await writePack(db, pack, 'local');
  return { packId: id, name: trimmed };
}

/**
 * Saves `term` into pack `glossaryId`: a new term is added at the end, an edited one keeps its place
 * (`previousId` when its id changed). The pack as it would stand is validated first; nothing is
 * written when it fails.
 */
export async function saveTerm(
  db: TermlightDb,
  glossaryId: string,
  term: unknown,
  previousId?: string,
): Promise<SaveTermResult> {
  await editable(db, glossaryId);
  const pack = await readPack(db, glossaryId);
  if (!pack) throw new Error(`No glossary with id "${glossaryId}"`);
  // Only the term the editor opened is replaced. A new term (no previousId) whose id another
  // library tab has meanwhile given to a term is a duplicate for the validator to refuse, not an
  // edit of that term.
  const at = previousId === undefined ? -1 : pack.terms.findIndex((t) => t.id === previousId);
  const terms = [...pack.terms];
  if (at >= 0) terms[at] = term as Term;
  else terms.push(term as Term);
  const result = validatePack({ ...pack, terms });
  if (!result.ok) return { ok: false, errors: result.errors };
  const index = at >= 0 ? at : terms.length - 1;
  const saved = result.pack.terms[index] as Term;
  await db.transaction('rw', db.glossaries, db.terms, async () => {
    const old = at >= 0 ? await db.terms.get(`${glossaryId}/${pack.terms[at]?.id}`) : undefined;
    // A new term goes after the pack's last one (orders have gaps after deletions).
    const last = pack.terms.at(-1);
    const lastOrder = last ? (await db.terms.get(`${glossaryId}/${last.id}`))?.order : undefined;
    const order = old?.order ?? (lastOrder ?? -1) + 1;
    if (old && old.termId !== saved.id) await db.terms.delete(old.id);
    await db.terms.put(toTermRow(glossaryId, saved, order));
    await db.glossaries.update(glossaryId, { termCount: terms.length });
  });
  return { ok: true, term: saved, warnings: result.warnings };
}

/** Deletes one term; returns it and its place, so an undo puts it back where it was. */
export async function deleteTerm(
  db: TermlightDb,
  glossaryId: string,
  termId: string,
): Promise<{ term: Term; order: number }> {
  await editable(db, glossaryId);
  return db.transaction('rw', db.glossaries, db.terms, async () => {
    const row = await db.terms.get(`${glossaryId}/${termId}`);
    if (!row) throw new Error(`No term "${termId}" in this glossary`);
    await db.terms.delete(row.id);
    const count = await db.terms.where('glossaryId').equals(glossaryId).count();
    await db.glossaries.update(glossaryId, { termCount: count });
    return { term: toTerm(row), order: row.order };
  });
}

/** Puts a deleted term back at its place (undo). */
export async function restoreTerm(
  db: TermlightDb,
  glossaryId: string,
  term: unknown,
  order: number,
): Promise<SaveTermResult> {
  const result = await saveTerm(db, glossaryId, term);
  if (!result.ok) return result;
  await db.terms.update(`${glossaryId}/${result.term.id}`, { order });
  return result;
}

/** Deletes a pack and its terms in one transaction; returns all of it, so an undo restores it. */
export async function deletePack(db: TermlightDb, id: string): Promise<DeletedPack> {
  return db.transaction('rw', db.glossaries, db.terms, async () => {
    const row = await db.glossaries.get(id);
    const pack = await readPack(db, id);
    if (!row || !pack) throw new Error(`No glossary with id "${id}"`);
    await db.terms.where('glossaryId').equals(id).delete();
    await db.glossaries.delete(id);
    return {
      pack,
      source: row.source,
      enabled: row.enabled,
      ...(row.url ? { url: row.url } : {}),
      ...(row.etag ? { etag: row.etag } : {}),
    };
  });
}

/** Puts a deleted pack back as it was (undo); validated like an import. */
export async function restorePack(db: TermlightDb, deleted: DeletedPack): Promise<{ packId: string }> {
  const result = validatePack(deleted.pack);
  if (!result.ok)
    throw new Error(`The glossary could not be restored: ${result.errors[0]?.message ?? 'invalid'}`);
  if (await db.glossaries.get(result.pack.id))
    throw new Error(`A glossary with the id "${result.pack.id}" exists again`);
  await writePack(db, result.pack, deleted.source, {
    enabled: deleted.enabled,
    ...(deleted.url ? { url: deleted.url } : {}),
    ...(deleted.etag ? { etag: deleted.etag } : {}),
  });
  return { packId: result.pack.id };
}
