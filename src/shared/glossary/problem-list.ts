import type { ValidationError } from './validate-types';

/**
 * Problems kept up to a cap and only counted past it, so a hostile file cannot make the validator
 * hold millions of them. One list is shared by every rule that reports into it.
 */
export class ProblemList {
  readonly kept: ValidationError[] = [];
  /** How many problems arrived after the list was full. */
  dropped = 0;

  constructor(readonly cap: number) {}

  add(problem: ValidationError): void {
    if (this.kept.length < this.cap) this.kept.push(problem);
    else this.dropped++;
  }

  /** True once a problem had to be dropped. */
  get overflowed(): boolean {
    return this.dropped > 0;
  }

  /** The kept problems, followed by `summary` (given the dropped count) when some were dropped. */
  list(summary: (dropped: number) => ValidationError): ValidationError[] {
    return this.overflowed ? [...this.kept, summary(this.dropped)] : this.kept;
  }
}
