/** A surface form the matcher looks for, with its flags resolved. */
export interface SurfaceForm {
  text: string;
  caseSensitive: boolean;
  exact: boolean;
  /** The alias's guards and segmenter switch (see the glossary's `Alias`); absent means none. */
  notFollowedBy?: readonly string[];
  notPrecededBy?: readonly string[];
  ignoreSegmenter?: boolean;
}

/** A term as the matcher sees it: an opaque id and its resolved surface forms. */
export interface MatchTerm {
  id: string;
  forms: readonly SurfaceForm[];
}

/** One match in the original (un-normalised) text: `[start, end)` in UTF-16 code units. */
export interface TermMatch {
  start: number;
  end: number;
  termId: string;
}
