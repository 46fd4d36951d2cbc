import type { GlossaryPack } from './model';
import type { ProblemWords } from './problem-words';

/** One problem in a glossary file: where (a JSON path such as `$.terms[3].sources[0].url`) and why. */
export interface ValidationError {
  path: string;
  /** In English. */
  message: string;
  /** The same as a message key and values, for a UI to write in its language. */
  words?: ProblemWords;
}

/** The outcome of {@link validatePack}: the typed pack, or every error found (up to a cap). */
export type ValidationResult =
  | { ok: true; pack: GlossaryPack; warnings: ValidationError[] }
  | { ok: false; errors: ValidationError[]; warnings: ValidationError[] };

/** How strictly to validate. */
export interface ValidateOptions {
  /**
   * Treat warnings (a surface form claimed by two terms, unknown top-level properties, self- or
   * repeated `related` ids) as errors. The shipped packs are held to this; imports are not.
   */
  strict?: boolean;
}
