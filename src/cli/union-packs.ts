/** The pack `merge --out` writes: every term of both packs, the incoming one winning. */
import type { GlossaryPack } from '../shared/glossary/model';

/** The pack's own fields besides its id, which a merge may take from the incoming pack. */
export const PACK_DETAILS = ['name', 'description', 'language', 'updated'] as const;

/**
 * `current` ∪ `incoming`: the current terms in their order, each replaced by the incoming term with
 * its id, then the incoming terms that are new, in theirs; so a term only `current` has is kept and
 * the diff of the written file shows only what the incoming pack brought. The id stays the current
 * pack's. The other pack details are the incoming pack's where it has them, unless
 * `keepCurrentDetails` (CSV carries none: its name is only the file's).
 */
export function unionPacks(
  current: GlossaryPack,
  incoming: GlossaryPack,
  keepCurrentDetails: boolean,
): GlossaryPack {
  const incomingById = new Map(incoming.terms.map((term) => [term.id, term]));
  const currentIds = new Set(current.terms.map((term) => term.id));
  const terms = [
    ...current.terms.map((term) => incomingById.get(term.id) ?? term),
    ...incoming.terms.filter((term) => !currentIds.has(term.id)),
  ];
  const merged: GlossaryPack = { ...current, terms };
  if (keepCurrentDetails) return merged;
  for (const key of PACK_DETAILS) {
    const value = incoming[key];
    if (value !== undefined) merged[key] = value;
  }
  return merged;
}
