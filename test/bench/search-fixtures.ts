/**
 * The popup search bench's data: 10 000 generated clippings (passages of prose that mention the
 * bench pack's terms, on made-up pages, some with notes) beside the 10 000 generated terms, and the
 * queries a reader types into the popup, each typed one character at a time.
 */
import type { Clipping } from '../../src/shared/clippings/model';
import type { Term } from '../../src/shared/glossary/model';
import { createRng, type Rng } from './prng';
import { PROSE_WORDS, TERM_WORDS } from './words';

export const SEARCH_CLIPPINGS = 10_000;

const NOTE_WORDS = ['check', 'compare with', 'follow up on', 'cite in memo:', 'see also', 'ask about'];

/** Prose of `n` words, with a term name now and then (as a clipped passage of a policy article has). */
function prose(rng: Rng, terms: readonly Term[], n: number): string {
  const words: string[] = [];
  while (words.length < n) {
    if (rng.chance(0.08)) words.push((rng.pick(terms) as Term).term);
    else words.push(rng.pick(rng.chance(0.15) ? TERM_WORDS : PROSE_WORDS));
  }
  const text = words.join(' ');
  return `${text[0]?.toUpperCase()}${text.slice(1)}.`;
}

/** `count` clippings over `terms`, the same on every run. */
export function generateClippings(
  terms: readonly Term[],
  count = SEARCH_CLIPPINGS,
  seed = 20_261_205,
): Clipping[] {
  const rng = createRng(seed);
  const start = Date.UTC(2026, 0, 1);
  return Array.from({ length: count }, (_, i) => {
    const site = `news${rng.int(1, 40)}.example`;
    const url = `https://${site}/2026/${rng.int(1, 12)}/story-${i}`;
    const exact = prose(rng, terms, rng.int(8, 45));
    const prefix = prose(rng, terms, 5).slice(-32);
    const suffix = prose(rng, terms, 5).slice(0, 32);
    const at = rng.int(0, 20_000);
    const created = start + i * 3_600_000;
    return {
      id: `bench-clip-${i}`,
      url,
      site,
      title: `${prose(rng, terms, rng.int(4, 9)).slice(0, -1)} | ${site}`,
      exact,
      selectors: [
        { type: 'TextQuoteSelector', exact, prefix, suffix },
        { type: 'TextPositionSelector', start: at, end: at + exact.length },
      ],
      note: rng.chance(0.3) ? `${rng.pick(NOTE_WORDS)} ${prose(rng, terms, rng.int(2, 8))}` : '',
      tags: [],
      termIds: [],
      createdAt: created,
      updatedAt: created,
      anchored: true,
    };
  });
}

/** A typo a reader makes: one letter of the word's middle dropped. */
function dropLetter(text: string): string {
  const at = Math.max(1, Math.floor(text.length / 2));
  return `${text.slice(0, at)}${text.slice(at + 1)}`;
}

/**
 * The queries typed in the bench, drawn from the data: a term's name, an acronym in lower case, a
 * Chinese name, a name with a typo, a phrase from a clipping, a word of the prose, and a query that
 * finds nothing.
 */
export function searchQueries(terms: readonly Term[], clippings: readonly Clipping[]): string[] {
  const byName = (test: (name: string) => boolean) => terms.find((t) => test(t.term))?.term;
  const multiWord = byName((n) => /^[a-z]+ [a-z]+ [a-z]+$/i.test(n));
  const acronym = byName((n) => /^[A-Z]{4,5}$/.test(n));
  const chinese = byName((n) => /^\p{Script=Han}{3,4}$/u.test(n));
  const passage = clippings[Math.floor(clippings.length / 2)]?.exact.split(' ').slice(2, 5).join(' ');
  const queries = [
    multiWord,
    acronym?.toLowerCase(),
    chinese,
    multiWord && dropLetter(multiWord),
    passage,
    'regulators',
    'quixotic zebra',
  ];
  return queries.filter((q): q is string => typeof q === 'string' && q.length > 0);
}

/** Every prefix of `query` (one per keystroke), by Unicode character. */
export function keystrokes(query: string): string[] {
  const chars = [...query];
  return chars.map((_, i) => chars.slice(0, i + 1).join(''));
}
