/** Makes text from a pack safe to print on a terminal. */

/**
 * C0 and C1 controls and DEL (`\p{Cc}`: an ESC starts a terminal escape sequence), the
 * bidirectional formatting characters, which can make printed text read in another order than it
 * is stored, and the line and paragraph separators.
 */
const UNPRINTABLE = /[\p{Cc}\p{Bidi_Control}\u2028\u2029]/gu;

/** `text` with each control character written as its `\uXXXX` escape, visibly: `\u001b[31m`. */
export function escapeControl(text: string): string {
  return text.replace(UNPRINTABLE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
