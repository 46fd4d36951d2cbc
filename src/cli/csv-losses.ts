/** What a pack loses when written as CSV, so `convert` can say so instead of dropping it silently. */
import { packIdentityFromFileName } from '../shared/formats/glossary-import';
import type { GlossaryPack } from '../shared/glossary/model';
import { count } from './count';

/**
 * The parts of `pack` that reading `file` back as CSV will not give back: CSV has a column per term
 * field but none for the pack's own fields (its id and name come from the file name) or for an
 * alias's language and case flags. Empty when nothing is lost.
 */
export function csvLosses(pack: GlossaryPack, file: string): string[] {
  const losses: string[] = [];
  const fromName = packIdentityFromFileName(file);
  if (fromName.id !== pack.id || fromName.name !== pack.name) {
    losses.push(
      `the pack's id and name (read back from the file name as ${fromName.id}, "${fromName.name}")`,
    );
  }
  const fields = (['description', 'language', 'updated'] as const)
    .filter((key) => pack[key] !== undefined)
    .map((key) => (key === 'updated' ? 'date' : key));
  if (fields.length > 0) {
    losses.push(
      `the pack's ${fields.length > 1 ? `${fields.slice(0, -1).join(', ')} and ${fields.at(-1)}` : fields[0]}`,
    );
  }
  const flagged = pack.terms.reduce(
    (n, term) =>
      n +
      (term.aliases ?? []).filter(
        (a) => a.lang !== undefined || a.caseSensitive !== undefined || a.exact !== undefined,
      ).length,
    0,
  );
  if (flagged > 0) losses.push(`the language or case flags of ${count(flagged, 'alias', 'aliases')}`);
  return losses;
}
