/**
 * A list in one CSV cell, as the glossary and clipping exports write it: items separated by `|`;
 * a `|` or `\` inside an item is written `\|` or `\\`, and any other `\` stands for itself.
 */

const LIST_SEPARATOR = '|';

/** The items as one cell's text; each comes back whole from {@link splitList}. */
export function joinList(items: readonly string[]): string {
  return items.map((item) => item.replace(/[\\|]/g, (ch) => `\\${ch}`)).join(LIST_SEPARATOR);
}

/** The items of a cell, trimmed, without empty ones. */
export function splitList(cell: string): string[] {
  const items: string[] = [];
  let current = '';
  for (let i = 0; i < cell.length; i++) {
    const ch = cell[i];
    const next = cell[i + 1];
    if (ch === '\\' && (next === '|' || next === '\\')) {
      current += next;
      i++;
    } else if (ch === LIST_SEPARATOR) {
      items.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  items.push(current);
  return items.map((item) => item.trim()).filter((item) => item.length > 0);
}
