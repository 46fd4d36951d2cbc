/**
 * The fuzzy side of search: every distinct word of a collection, the documents each word is in, and
 * Fuse.js to forgive typos in the query's words. Fuse compares a query word with the collection's
 * words, not with its documents, and only with the words that share enough letter pairs with it:
 * Fuse costs microseconds per string compared, so over the full text of 20 000 documents (or even
 * over every distinct word) one keystroke would take many frames.
 */
import Fuse from 'fuse.js';
import { wordsOf } from './search-text';

/** How the documents scored against the query words: those that matched enough of them. */
export interface FuzzyScores {
  docs: number[];
  /** Per document of `docs`: the mean over query words of its best word match, in (0, 1]. */
  scores: number[];
}

/** What one query word counts for when it is found whole, as a word's start, or with a typo. */
const WHOLE = 1;
const PREFIX = 0.9;
const TYPO = 0.8;

/** A query word shorter than this is only matched whole or as a prefix: short words have many near neighbours. */
const MIN_TYPO_CHARS = 4;
/** Fuse's limit on errors per query character (1 in a 4-letter word, 3 in a 12-letter one). */
const TYPO_THRESHOLD = 0.3;
/**
 * How far into a word a near match may start, in Fuse's terms: each character of offset costs
 * 1/TYPO_DISTANCE of score. Near matches are of a word's start ("infrastrc" → "infrastructure"), not
 * of its middle.
 */
const TYPO_DISTANCE = 10;
/** The most words one query word may stand for as a prefix (a two-letter start can begin thousands). */
const MAX_PREFIX_WORDS = 400;
/** A last query word this short is still being typed: a document need not match it. */
const MIN_SETTLED_CHARS = 3;
/** How many query words' expansions are kept: typing on re-reads every word before the last. */
const EXPANSION_CACHE = 64;

const FUSE_OPTIONS = {
  includeScore: true,
  location: 0,
  distance: TYPO_DISTANCE,
  threshold: TYPO_THRESHOLD,
  ignoreFieldNorm: true,
  // Words are folded already.
  isCaseSensitive: true,
};

/** Builds a {@link Vocabulary}: add every field of every document, then {@link VocabularyBuilder.seal}. */
export class VocabularyBuilder {
  private readonly ids = new Map<string, number>();
  private readonly docs: number[][] = [];
  private readonly weights: number[][] = [];

  /** Adds the words of `folded`, a field of document `doc` (documents in increasing order) worth `weight`. */
  add(doc: number, folded: string, weight: number): void {
    for (const word of wordsOf(folded)) {
      let id = this.ids.get(word);
      if (id === undefined) {
        id = this.docs.length;
        this.ids.set(word, id);
        this.docs.push([]);
        this.weights.push([]);
      }
      const docs = this.docs[id] as number[];
      const weights = this.weights[id] as number[];
      const last = docs.length - 1;
      if (docs[last] !== doc) {
        docs.push(doc);
        weights.push(weight);
      } else if ((weights[last] as number) < weight) {
        weights[last] = weight;
      }
    }
  }

  /** The finished vocabulary over `docCount` documents. */
  seal(docCount: number): Vocabulary {
    const words = [...this.ids.keys()].sort();
    const postings = words.map((word) => {
      const id = this.ids.get(word) as number;
      return {
        docs: Int32Array.from(this.docs[id] as number[]),
        weights: Float32Array.from(this.weights[id] as number[]),
      };
    });
    return new Vocabulary(docCount, words, postings);
  }
}

/** The documents a word is in, and the weight of the best field it is in there. */
interface Postings {
  docs: Int32Array;
  weights: Float32Array;
}

/** The words of a collection and where they occur; see the module comment. A word's id is its index in `words`. */
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  /** The words each letter pair is in (a word's first letter makes the pair "^x", so starts weigh in). */
  private readonly pairs = new Map<string, Int32Array>();
  private readonly expansions = new Map<string, Map<number, number>>();

  constructor(
    private readonly docCount: number,
    /** Every word, sorted, for prefix lookups. */
    private readonly words: readonly string[],
    private readonly postings: readonly Postings[],
  ) {
    const pairs = new Map<string, number[]>();
    words.forEach((word, id) => {
      this.ids.set(word, id);
      for (const pair of new Set(pairsOf(word))) {
        const ids = pairs.get(pair);
        if (ids) ids.push(id);
        else pairs.set(pair, [id]);
      }
    });
    for (const [pair, ids] of pairs) this.pairs.set(pair, Int32Array.from(ids));
  }

  /** How many distinct words the collection has. */
  get size(): number {
    return this.words.length;
  }

  /**
   * Scores the documents against the query words: each word counts its best match in the document
   * (whole, prefix, typo, times the weight of the field it is in), and a document must match all
   * words but one in three.
   */
  score(queryWords: readonly string[]): FuzzyScores {
    const totals = new Float32Array(this.docCount);
    const counts = new Uint8Array(this.docCount);
    const touched: number[] = [];
    const best = new Float32Array(this.docCount);
    const n = queryWords.length;
    // A last word this short is still being typed: it adds to a document's score, but is not needed.
    const typing = n > 1 && (queryWords[n - 1] as string).length < MIN_SETTLED_CHARS;
    const settled = typing ? n - 1 : n;
    queryWords.forEach((word, w) => {
      const hits: number[] = [];
      for (const [id, quality] of this.expand(word)) {
        const { docs, weights } = this.postings[id] as Postings;
        for (let i = 0; i < docs.length; i++) {
          const doc = docs[i] as number;
          const value = quality * (weights[i] as number);
          const before = best[doc] as number;
          if (before === 0) hits.push(doc);
          if (value > before) best[doc] = value;
        }
      }
      for (const doc of hits) {
        if (totals[doc] === 0) touched.push(doc);
        totals[doc] = (totals[doc] as number) + (best[doc] as number);
        if (w < settled) counts[doc] = (counts[doc] as number) + 1;
        best[doc] = 0;
      }
    });
    const need = settled - Math.floor(settled / 3);
    const result: FuzzyScores = { docs: [], scores: [] };
    for (const doc of touched) {
      if ((counts[doc] as number) < need) continue;
      result.docs.push(doc);
      result.scores.push((totals[doc] as number) / n);
    }
    return result;
  }

  /** The words `word` stands for, by id, with how much each counts (remembered for the next keystrokes). */
  private expand(word: string): Map<number, number> {
    const known = this.expansions.get(word);
    if (known) return known;
    const found = new Map<number, number>();
    const whole = this.ids.get(word);
    if (whole !== undefined) found.set(whole, WHOLE);
    if (word.length >= 2) {
      let id = lowerBound(this.words, word);
      for (let n = 0; n < MAX_PREFIX_WORDS && id < this.words.length; n++, id++) {
        if (!(this.words[id] as string).startsWith(word)) break;
        if (!found.has(id)) found.set(id, PREFIX);
      }
    }
    if (word.length >= MIN_TYPO_CHARS) {
      const near = this.sharingPairs(word).filter((id) => !found.has(id));
      const fuse = new Fuse(
        near.map((id) => this.words[id] as string),
        FUSE_OPTIONS,
      );
      for (const hit of fuse.search(word))
        found.set(near[hit.refIndex] as number, TYPO * (1 - (hit.score ?? 1)));
    }
    if (this.expansions.size >= EXPANSION_CACHE) this.expansions.clear();
    this.expansions.set(word, found);
    return found;
  }

  /**
   * The words that share enough letter pairs with `word` to be within Fuse's reach of it: an edit
   * breaks at most two pairs, so a word `e` edits away keeps all of the query's pairs but `2e`.
   */
  private sharingPairs(word: string): number[] {
    const pairs = [...new Set(pairsOf(word))];
    const edits = Math.floor(word.length * TYPO_THRESHOLD);
    const need = Math.max(1, pairs.length - 2 * edits);
    const shared = new Uint8Array(this.words.length);
    const out: number[] = [];
    for (const pair of pairs) {
      for (const id of this.pairs.get(pair) ?? []) {
        shared[id] = (shared[id] as number) + 1;
        if (shared[id] === need) out.push(id);
      }
    }
    return out;
  }
}

/** The letter pairs of `word`, its first letter paired with "^". */
function pairsOf(word: string): string[] {
  const out = [`^${word[0] ?? ''}`];
  for (let i = 1; i < word.length; i++) out.push(word.slice(i - 1, i + 1));
  return out;
}

/** The first index of `sorted` whose word is not before `word`. */
function lowerBound(sorted: readonly string[], word: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as string) < word) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
