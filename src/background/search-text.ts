/** The forms of text that search compares: folded for substrings, compact for acronyms, words for typos. */
import { normalizeForSearch } from '../shared/matcher';

/**
 * Text as search compares it: the matcher's search form (NFKC, white space runs as one space, dashes
 * as "-", straight quotes), lower-cased and trimmed. "TC–260" and "tc-260" fold alike.
 */
export function foldForSearch(text: string): string {
  return normalizeForSearch(text).text.toLowerCase().trim();
}

/** The separators an acronym is written with or without ("TC 260", "TC-260", "SAC/TC260", "MLPS 2.0"). */
const SEPARATORS = /[\s\-./·_]+/g;

/** Folded text without its separators, so "tc260" finds "TC 260" and "TC-260". */
export function compactForm(folded: string): string {
  return folded.replace(SEPARATORS, '');
}

/**
 * The words of folded text that a typo can be forgiven in: runs of Latin, Greek or Cyrillic letters
 * and digits. Chinese and Japanese text has no spaces to split on, and one wrong character there is a
 * different word, so it is left to the substring pass.
 */
const WORD = /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Nd}\p{M}]+/gu;

/** The words of folded text, in order (repeats kept). */
export function wordsOf(folded: string): string[] {
  return folded.match(WORD) ?? [];
}

/** A query in every form the passes compare, or null when there is nothing to look for. */
export interface SearchQuery {
  /** As typed, trimmed: the matcher reads it (its case-sensitive aliases need the case). */
  raw: string;
  folded: string;
  compact: string;
  /** The distinct words of the folded query, in order. */
  words: string[];
}

/** The longest query searched; anything longer is cut (a pasted paragraph is not a lookup). */
export const MAX_QUERY_CHARS = 200;

/** Prepares `query` for the passes; null when it is blank. */
export function prepareQuery(query: string): SearchQuery | null {
  const raw = query.trim().slice(0, MAX_QUERY_CHARS);
  const folded = foldForSearch(raw);
  if (folded === '') return null;
  return { raw, folded, compact: compactForm(folded), words: [...new Set(wordsOf(folded))] };
}
