/** Resolves one term into everything its definition card shows. */
import type { TermDetail, TermRef } from '../shared/term-detail';
import type { TermlightDb } from './db';

/** The card contents for `<glossaryId>/<termId>`, or null when there is no such term. */
export async function getTermDetail(db: TermlightDb, id: string): Promise<TermDetail | null> {
  const row = await db.terms.get(id);
  if (!row) return null;
  const glossary = await db.glossaries.get(row.glossaryId);
  const refIds = [...(row.related ?? []), ...(row.supersededBy ? [row.supersededBy] : [])];
  const refRows = await db.terms.bulkGet(refIds.map((termId) => `${row.glossaryId}/${termId}`));
  const refs = new Map<string, TermRef>();
  for (const ref of refRows) if (ref) refs.set(ref.termId, { id: ref.id, term: ref.term });
  return {
    id: row.id,
    term: row.term,
    definition: row.definition,
    aliases: row.aliases ?? [],
    category: row.category,
    status: row.status ?? 'current',
    supersededBy: row.supersededBy ? refs.get(row.supersededBy) : undefined,
    related: (row.related ?? []).flatMap((termId) => refs.get(termId) ?? []),
    sources: row.sources ?? [],
    tags: row.tags ?? [],
    glossary: {
      id: row.glossaryId,
      name: glossary?.name ?? row.glossaryId,
      ...(glossary?.language && glossary.language !== 'und' && { language: glossary.language }),
    },
  };
}
