/** The `termlight-glossary` JSON file of a pack, as the importer reads it back. */

import { type Alias, type GlossaryPack, type SourceRef, TERM_FIELDS, type Term } from '../glossary/model';

/** A copy with the keys in `order` that the object has, in that order. */
function ordered<T extends object>(value: T, order: readonly (keyof T)[]): T {
  const copy: Partial<T> = {};
  for (const key of order) if (value[key] !== undefined) copy[key] = value[key];
  return copy as T;
}

const PACK_KEYS = ['format', 'version', 'id', 'name', 'description', 'language', 'updated', 'terms'] as const;
const ALIAS_KEYS = [
  'text',
  'lang',
  'caseSensitive',
  'exact',
  'notFollowedBy',
  'notPrecededBy',
  'ignoreSegmenter',
] as const;
const SOURCE_KEYS = ['title', 'url'] as const;

function term(value: Term): Term {
  return ordered(
    {
      ...value,
      aliases: value.aliases?.map((alias) => ordered<Alias>(alias, ALIAS_KEYS)),
      sources: value.sources?.map((source) => ordered<SourceRef>(source, SOURCE_KEYS)),
    },
    TERM_FIELDS,
  );
}

/**
 * The pack as pretty-printed JSON, keys in the order of the model (DESIGN.md) and absent fields
 * left out, so two exports of one pack are byte-identical and a diff shows only what changed.
 */
export function exportGlossaryJson(pack: GlossaryPack): string {
  const file = ordered({ ...pack, terms: pack.terms.map(term) }, PACK_KEYS);
  return `${JSON.stringify(file, null, 2)}\n`;
}
