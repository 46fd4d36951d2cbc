/** Long text shown short: a search hit's passage, a clipping's first words. */

/** `text` with its white space collapsed, cut at a word boundary near `max` characters with "…". */
export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.lastIndexOf(' ', max - 1);
  // A text with no space near the limit (Chinese, a long URL) is cut where the limit falls.
  const end = cut > max * 0.6 ? cut : max - 1;
  return `${flat.slice(0, end).trimEnd()}…`;
}
