/** Fetches definitions from the background lazily, at most once per term per page. */
import { send } from '../shared/messages';
import type { TermDetail } from '../shared/term-detail';

const cache = new Map<string, Promise<TermDetail | null>>();

/** The card contents for a term id; a failed fetch is not cached so a later hover retries. */
export function getDefinition(id: string): Promise<TermDetail | null> {
  let pending = cache.get(id);
  if (!pending) {
    pending = send({ type: 'getDefinition', id });
    cache.set(id, pending);
    pending.catch(() => cache.delete(id));
  }
  return pending;
}

/** Forgets every cached definition (the glossaries changed). */
export function clearDefinitions(): void {
  cache.clear();
}
