/**
 * What an import meets in the database, the same whether the file came whole in a message
 * (handlers.ts) or in batches over a port (import-port.ts): the pack it would replace, with the
 * merge report the reader reviews, and the refusal to replace it unconfirmed.
 */
import { mergeReport } from '../shared/glossary/merge-report';
import type { GlossaryPack } from '../shared/glossary/model';
import { say } from '../shared/glossary/problem-words';
import type { ExistingPack, ImportProblem } from '../shared/messages';
import type { TermlightDb } from './db';
import { packOfRow } from './glossaries';

/** The pack stored under `pack`'s id, or null when the import would add a new one. */
export async function existingPack(db: TermlightDb, pack: GlossaryPack): Promise<ExistingPack | null> {
  const row = await db.glossaries.get(pack.id);
  if (!row) return null;
  return { name: row.name, source: row.source, report: mergeReport(await packOfRow(db, row), pack) };
}

/**
 * Why `pack` may not be written now, or null: a pack with its id is replaced only when the reader
 * confirmed it (`replace`) after the merge report.
 */
export async function unconfirmedReplace(
  db: TermlightDb,
  pack: GlossaryPack,
  replace: boolean,
): Promise<ImportProblem | null> {
  if (replace) return null;
  const row = await db.glossaries.get(pack.id);
  if (!row) return null;
  return {
    path: '$.id',
    ...say('packIdExists', pack.id, row.name),
  };
}
