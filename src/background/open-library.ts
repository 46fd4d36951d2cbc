/** Opens the library in a new tab, at a term or with a new term's editor. */
import browser from '../shared/browser';

/**
 * Only ever our own page: a web page can ask for it, but cannot choose what opens. Text for a new
 * term only pre-fills the editor; nothing is saved until the reader saves it there.
 */
export async function openLibrary(at: { termId?: string; newTerm?: string }): Promise<void> {
  const hash = at.termId
    ? `#term=${encodeURIComponent(at.termId)}`
    : at.newTerm
      ? `#new-term=${encodeURIComponent(at.newTerm)}`
      : '';
  await browser.tabs.create({ url: browser.runtime.getURL(`library.html${hash}`) });
}
