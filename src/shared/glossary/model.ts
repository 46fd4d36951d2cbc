/** The `termlight-glossary` v1 data model (see DESIGN.md, "The glossary format"). */

export const GLOSSARY_FORMAT = 'termlight-glossary';
export const GLOSSARY_VERSION = 1;

export type TermStatus = 'current' | 'superseded' | 'draft';
export type GlossarySource = 'builtin' | 'local' | 'imported' | 'subscription';

export interface Alias {
  text: string;
  /** BCP 47 tag such as `en`, `zh-Hans`, `zh-Hant`. */
  lang?: string;
  /** Defaults by {@link isAcronymLike}: true for short all-capital forms. */
  caseSensitive?: boolean;
  /** When true, an English alias does not also match its plural. */
  exact?: boolean;
  /** Texts that void a match when they come right after it (search form, any case): `" 40"` after `CAC`. */
  notFollowedBy?: string[];
  /** Texts that void a match when they come right before it (search form, any case): `"TCP "` before `MSS`. */
  notPrecededBy?: string[];
  /** When true, the CJK word-edge rule (Intl.Segmenter) is not applied to this alias; its guards still are. */
  ignoreSegmenter?: boolean;
}

export interface SourceRef {
  title?: string;
  url: string;
}

export interface Term {
  id: string;
  term: string;
  aliases?: Alias[];
  definition: string;
  category?: string;
  related?: string[];
  sources?: SourceRef[];
  tags?: string[];
  status?: TermStatus;
  supersededBy?: string;
}

/** A term's fields in the model's order (the order files are written in). */
export const TERM_FIELDS = [
  'id',
  'term',
  'aliases',
  'definition',
  'category',
  'related',
  'sources',
  'tags',
  'status',
  'supersededBy',
] as const satisfies readonly (keyof Term)[];

export interface GlossaryPack {
  format: typeof GLOSSARY_FORMAT;
  version: typeof GLOSSARY_VERSION;
  id: string;
  name: string;
  description?: string;
  language?: string;
  updated?: string;
  terms: Term[];
}
