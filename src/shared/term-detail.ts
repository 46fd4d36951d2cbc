import type { Alias, SourceRef, TermStatus } from './glossary/model';

/** A term reference shown as a link inside a card. */
export interface TermRef {
  id: string;
  term: string;
}

/** Everything a definition card shows for one term, resolved by the background. */
export interface TermDetail {
  id: string;
  term: string;
  definition: string;
  aliases: Alias[];
  category?: string;
  status: TermStatus;
  supersededBy?: TermRef;
  related: TermRef[];
  sources: SourceRef[];
  tags: string[];
  /** The glossary the term is from, with its language (that of its aliases without one) if it names one. */
  glossary: { id: string; name: string; language?: string };
}
