/**
 * The packs the term editor validates against, read once (`getGlossaryPack`) and kept until a
 * write to that pack, so that typing validates against a pack in memory rather than a message away.
 */
import type { GlossaryPack } from '../shared/glossary/model';
import { send } from '../shared/messages';

const packs = new Map<string, Promise<GlossaryPack>>();

/** The stored pack `id`, from the cache when it has it. */
export function loadPack(id: string): Promise<GlossaryPack> {
  let pack = packs.get(id);
  if (!pack) {
    pack = send({ type: 'getGlossaryPack', id });
    packs.set(id, pack);
    // A failed read is not kept: the next edit asks again.
    pack.catch(() => {
      if (packs.get(id) === pack) packs.delete(id);
    });
  }
  return pack;
}

/** Drops the cached copy of `id` (after a write to it), or of every pack. */
export function forgetPack(id?: string): void {
  if (id === undefined) packs.clear();
  else packs.delete(id);
}

/** An empty pack, for validating a term before the reader has a glossary to put it in. */
export const NO_PACK: GlossaryPack = {
  format: 'termlight-glossary',
  version: 1,
  id: 'new-glossary',
  name: 'New glossary',
  terms: [],
};
