/** Small packs for unit tests. */
import type { GlossaryPack, Term } from '../../../src/shared/glossary/model';

/** A valid pack with the given terms. */
export function makePack(id: string, terms: Term[], extra: Partial<GlossaryPack> = {}): GlossaryPack {
  return {
    format: 'termlight-glossary',
    version: 1,
    id,
    name: `Pack ${id}`,
    language: 'en',
    terms,
    ...extra,
  };
}

/** A term with a definition made from its id. */
export function makeTerm(id: string, term: string, extra: Partial<Term> = {}): Term {
  return { id, term, definition: `Definition of ${term}.`, ...extra };
}
