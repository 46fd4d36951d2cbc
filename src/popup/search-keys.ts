/** Where the arrow keys move focus in the popup's search: the box, then the results as one list. */

/** The box, or the index of a result. */
export type SearchFocus = 'box' | number;

/**
 * Where `key` moves focus from `from` among `count` results, or null when the key is not a move.
 * ArrowUp from the first result goes back to the box; the list does not wrap around.
 */
export function moveFocus(key: string, from: SearchFocus, count: number): SearchFocus | null {
  if (count === 0) return null;
  const last = count - 1;
  switch (key) {
    case 'ArrowDown':
      return from === 'box' ? 0 : Math.min(from + 1, last);
    case 'ArrowUp':
      return from === 'box' ? null : from === 0 ? 'box' : from - 1;
    case 'Home':
      return from === 'box' ? null : 0;
    case 'End':
      return from === 'box' ? null : last;
    default:
      return null;
  }
}

/** Whether a key pressed on a result is typing, which belongs in the box (Space presses the result). */
export function isTyping(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>): boolean {
  if (event.ctrlKey || event.metaKey || event.altKey) return false;
  return (event.key.length === 1 && event.key !== ' ') || event.key === 'Backspace';
}
