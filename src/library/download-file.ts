/** Saves text as a file in the reader's downloads folder, from an extension page. */

/** How long the browser may take to read the file's Blob URL before the URL is revoked. */
const REVOKE_AFTER_MS = 60_000;

/**
 * Saves `text` as `fileName` through a hidden link with `download`, rather than
 * `downloads.download()`: Chromium drops the `filename` that API is given for a Blob URL and names
 * the file after the Blob's UUID, while a same-origin link's name is kept in both browsers.
 */
export function saveTextFile(text: string, fileName: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  }
}
