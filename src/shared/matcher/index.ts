/** The pure matching engine: glossary forms compiled to a trie, run over page text. */
export { CJK_UNIT, warmSegmenter } from './cjk-word-edges';
export { compileMatcher, type Matcher } from './compile';
export { findMatches, findMatchSpans, findMatchSpansFrom } from './find';
export { normalizeForSearch, originalEnd, originalStart, type SearchText } from './normalize';
export {
  type PackedMatcher,
  packMatcher,
  quickestTrieEncoding,
  type TrieEncoding,
  unpackMatcher,
} from './pack';
export { MatchStream, STREAM_DONE, STREAM_MORE, STREAM_NEEDS_TEXT, type StreamState } from './stream';
export type { MatchTerm, TermMatch } from './types';
