/** Messages with elements inside them (a link, a time), whose place only the translation knows. */
import type { ComponentChildren } from 'preact';

/** The substitution that marks where element `index` goes: private-use characters no message holds. */
export function slot(index: number): string {
  return `\uE000${index}\uE000`;
}

/**
 * `message` (read with `slot(i)` substitutions) with each slot replaced by `elements[i]`. The
 * elements carry their own keys; the text between them needs none.
 */
export function withElements(message: string, elements: readonly ComponentChildren[]): ComponentChildren[] {
  return message.split(/\uE000(\d)\uE000/).map((part, i) => (i % 2 === 1 ? elements[Number(part)] : part));
}
