/**
 * One searchable collection (the terms of the enabled packs, or the clippings), pure and in memory:
 * an exact and substring pass over folded text, the glossary matcher run over the query, and a fuzzy
 * pass over words for typos. Built once per change of the collection, then asked per keystroke.
 */
import { compileMatcher, findMatches, type Matcher, type MatchTerm } from '../shared/matcher';
import { compactForm, foldForSearch, type SearchQuery } from './search-text';
import { type Vocabulary, VocabularyBuilder } from './search-vocabulary';

/**
 * How a document matched, best first; the tier decides before the rank within it does. An exact name
 * or alias beats a name that starts with the query, which beats a name containing it, which beats a
 * mention in a definition or a clipping, which beats a near miss.
 */
const TIER = { exact: 0, prefix: 1, contains: 2, mention: 3, fuzzy: 4 } as const;

/** A document as search sees it. */
export interface SearchDoc {
  /** What it is called (a term's name, then its aliases). */
  names: readonly string[];
  /** What it says, one text per slot of {@link ShelfOptions.textWeights}. */
  texts: readonly string[];
}

export interface ShelfOptions {
  /** How much a typo-tolerant match counts in each text slot (a name counts 1). */
  textWeights: readonly number[];
  /** The documents' surface forms for the glossary matcher (a term's id is its document index). */
  matchTerms?: readonly MatchTerm[];
}

/** One document found: its tier and its rank within the tier (lower is better for both). */
export interface Candidate {
  doc: number;
  tier: number;
  rank: number;
}

/** Ranks within the mention tier: the text slot first, then how early the query occurs in it. */
const SLOT_RANK = 1_000_000;
/** Ranks within the contains tier: a name with the query at a word start before one with it mid-word. */
const MID_WORD_RANK = 1_000;

/**
 * The matches of one part of the substring pass. Typing on extends the query, and text without "ab"
 * has no "abc": a query that extends the last one only rechecks the last one's matches.
 */
interface LastPass {
  query: string;
  matches: number[];
}

/** A collection ready to search; see the module comment. */
export class SearchShelf {
  /** Every name of every document, folded, with its document and its slot in the document. */
  private readonly names: string[] = [];
  private readonly nameDoc: number[] = [];
  private readonly nameSlot: number[] = [];
  /** Names by their compact form ("tc260"): an acronym typed with or without its separators. */
  private readonly compactNames = new Map<string, number[]>();
  private readonly texts: string[] = [];
  private readonly textDoc: number[] = [];
  private readonly textSlot: number[] = [];
  private readonly vocabulary: Vocabulary;
  private readonly matcher: Matcher | null;
  /** The last query's matches; the empty query's are every entry, as every query extends it. */
  private readonly everyName: LastPass = { query: '', matches: [] };
  private readonly everyText: LastPass = { query: '', matches: [] };
  private lastNames: LastPass;
  private lastTexts: LastPass;
  readonly size: number;

  constructor(docs: readonly SearchDoc[], options: ShelfOptions) {
    this.size = docs.length;
    const words = new VocabularyBuilder();
    docs.forEach((doc, d) => {
      doc.names.forEach((name, slot) => {
        const folded = foldForSearch(name);
        if (folded === '') return;
        const entry = this.names.length;
        this.names.push(folded);
        this.nameDoc.push(d);
        this.nameSlot.push(slot);
        const compact = compactForm(folded);
        const same = this.compactNames.get(compact);
        if (same) same.push(entry);
        else this.compactNames.set(compact, [entry]);
        words.add(d, folded, 1);
      });
      doc.texts.forEach((text, slot) => {
        const folded = foldForSearch(text);
        if (folded === '') return;
        this.texts.push(folded);
        this.textDoc.push(d);
        this.textSlot.push(slot);
        words.add(d, folded, options.textWeights[slot] ?? 0.5);
      });
    });
    this.vocabulary = words.seal(docs.length);
    this.matcher = options.matchTerms ? compileMatcher(options.matchTerms) : null;
    this.everyName.matches = this.names.map((_, i) => i);
    this.everyText.matches = this.texts.map((_, i) => i);
    this.lastNames = this.everyName;
    this.lastTexts = this.everyText;
  }

  /** How many distinct words the fuzzy pass knows. */
  get vocabularySize(): number {
    return this.vocabulary.size;
  }

  /** A fresh record of this shelf's matches for one query. */
  found(): Found {
    return new Found(this.size);
  }

  /**
   * The names pass: documents whose name or alias is the query (as typed, or without separators),
   * starts with it or contains it, and terms the glossary matcher finds in the query (等保 → MLPS; a
   * query that names a term inside a longer phrase still finds it).
   */
  findNames(query: SearchQuery, found: Found): void {
    const q = query.folded;
    const matches = (q.startsWith(this.lastNames.query) ? this.lastNames : this.everyName).matches;
    const kept: number[] = [];
    for (const i of matches) {
      const name = this.names[i] as string;
      const at = name.indexOf(q);
      if (at < 0) continue;
      kept.push(i);
      const doc = this.nameDoc[i] as number;
      if (at > 0) found.offer(doc, TIER.contains, (startsWord(name, at) ? 0 : MID_WORD_RANK) + name.length);
      else if (name.length === q.length) found.offer(doc, TIER.exact, this.nameSlot[i] as number);
      else found.offer(doc, TIER.prefix, name.length);
    }
    this.lastNames = { query: q, matches: kept };
    for (const i of this.compactNames.get(query.compact) ?? []) {
      found.offer(this.nameDoc[i] as number, TIER.exact, this.nameSlot[i] as number);
    }
    if (this.matcher) {
      for (const match of findMatches(this.matcher, query.raw)) {
        const whole = match.start === 0 && match.end === query.raw.length;
        found.offer(Number(match.termId), whole ? TIER.exact : TIER.contains, 0);
      }
    }
  }

  /** The mentions pass: documents whose texts (a definition, a clipping's note, title or passage) hold the query. */
  findMentions(query: SearchQuery, found: Found): void {
    const q = query.folded;
    const matches = (q.startsWith(this.lastTexts.query) ? this.lastTexts : this.everyText).matches;
    const kept: number[] = [];
    for (const i of matches) {
      const at = (this.texts[i] as string).indexOf(q);
      if (at < 0) continue;
      kept.push(i);
      const rank = (this.textSlot[i] as number) * SLOT_RANK + Math.min(at, SLOT_RANK - 1);
      found.offer(this.textDoc[i] as number, TIER.mention, rank);
    }
    this.lastTexts = { query: q, matches: kept };
  }

  /** Forgets the mentions pass's last matches (it was skipped, so they are not this query's). */
  skipMentions(): void {
    this.lastTexts = this.everyText;
  }

  /** The fuzzy pass: documents near the query's words, other than those already found. */
  findFuzzy(query: SearchQuery, found: Found): void {
    if (query.words.length === 0) return;
    const { docs, scores } = this.vocabulary.score(query.words);
    docs.forEach((doc, i) => {
      if (!found.has(doc)) found.offer(doc, TIER.fuzzy, 1 - (scores[i] as number));
    });
  }
}

/** Each document's best match for one query. */
export class Found {
  readonly list: Candidate[] = [];
  private readonly slots: Int32Array;

  constructor(size: number) {
    this.slots = new Int32Array(size).fill(-1);
  }

  has(doc: number): boolean {
    return (this.slots[doc] as number) >= 0;
  }

  offer(doc: number, tier: number, rank: number): void {
    const slot = this.slots[doc] as number;
    if (slot < 0) {
      this.slots[doc] = this.list.length;
      this.list.push({ doc, tier, rank });
      return;
    }
    const held = this.list[slot] as Candidate;
    if (tier < held.tier || (tier === held.tier && rank < held.rank)) {
      held.tier = tier;
      held.rank = rank;
    }
  }
}

/** Whether `at` begins a word of `text` (after a character that is not a letter or digit). */
function startsWord(text: string, at: number): boolean {
  return !/[\p{L}\p{N}]/u.test(text[at - 1] as string);
}

/** A document found, and the shelf it is on (its index in the list searched). */
export interface ShelfHit {
  shelf: number;
  doc: number;
}

/**
 * The best `limit` documents of all shelves for `query`, best first (ties: the earlier shelf, then the
 * earlier document). Each pass runs only while the passes before it have found fewer than `limit`
 * documents, since what it finds would rank below them all: a one-letter query is answered by names.
 */
export function searchShelves(
  shelves: readonly SearchShelf[],
  query: SearchQuery,
  limit: number,
): ShelfHit[] {
  if (limit <= 0) return [];
  const found = shelves.map((shelf) => shelf.found());
  const count = () => found.reduce((n, f) => n + f.list.length, 0);
  const each = (pass: (shelf: SearchShelf, found: Found) => void) => {
    shelves.forEach((shelf, s) => {
      pass(shelf, found[s] as Found);
    });
  };
  each((shelf, f) => shelf.findNames(query, f));
  if (count() < limit) each((shelf, f) => shelf.findMentions(query, f));
  else each((shelf) => shelf.skipMentions());
  if (count() < limit) each((shelf, f) => shelf.findFuzzy(query, f));
  return best(found, limit);
}

/** The `limit` best candidates of all shelves, best first, without sorting them all. */
function best(found: readonly Found[], limit: number): ShelfHit[] {
  const top: { shelf: number; c: Candidate }[] = [];
  const before = (a: { shelf: number; c: Candidate }, b: { shelf: number; c: Candidate }) =>
    a.c.tier - b.c.tier || a.c.rank - b.c.rank || a.shelf - b.shelf || a.c.doc - b.c.doc;
  found.forEach((f, shelf) => {
    for (const c of f.list) {
      const hit = { shelf, c };
      if (top.length === limit && before(hit, top[limit - 1] as (typeof top)[number]) >= 0) continue;
      let at = top.length;
      while (at > 0 && before(hit, top[at - 1] as (typeof top)[number]) < 0) at--;
      top.splice(at, 0, hit);
      if (top.length > limit) top.pop();
    }
  });
  return top.map(({ shelf, c }) => ({ shelf, doc: c.doc }));
}
