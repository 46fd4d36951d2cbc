/** The selected text "Add to glossary" names a new term after: one line, trimmed, at most 1 000 characters. */
export function newTermText(selection: string): string {
  return selection.replace(/\s+/g, ' ').trim().slice(0, 1_000);
}
