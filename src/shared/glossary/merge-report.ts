/** What importing a pack over one with the same id would change: the terms added, changed, removed. */
import type { GlossaryPack, Term } from './model';

/** Term ids, each list in the order of the pack it comes from. */
export interface MergeReport {
  added: string[];
  changed: string[];
  removed: string[];
  /** The pack's own fields (name, description, language, updated) differ. */
  packChanged: boolean;
}

/** A term's content as one comparable string: every field at every depth, keys in a fixed order. */
function fingerprint(term: Term): string {
  return JSON.stringify(term, (_key, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : value,
  );
}

/**
 * Compares the stored pack with the one being imported. Linear in the two packs' sizes: terms are
 * matched by id through a map, never pairwise.
 */
export function mergeReport(current: GlossaryPack, incoming: GlossaryPack): MergeReport {
  const before = new Map(current.terms.map((t) => [t.id, fingerprint(t)]));
  const after = new Set<string>();
  const added: string[] = [];
  const changed: string[] = [];
  for (const term of incoming.terms) {
    after.add(term.id);
    const old = before.get(term.id);
    if (old === undefined) added.push(term.id);
    else if (old !== fingerprint(term)) changed.push(term.id);
  }
  const removed = current.terms.filter((t) => !after.has(t.id)).map((t) => t.id);
  const packChanged = (['name', 'description', 'language', 'updated'] as const).some(
    (key) => (current[key] ?? '') !== (incoming[key] ?? ''),
  );
  return { added, changed, removed, packChanged };
}
