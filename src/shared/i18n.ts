/** UI strings through `browser.i18n`, so every context speaks the browser's language. */
import browser from './browser';

/** The message `key` in the user's language (the key itself if the message is missing). */
export function t(key: string, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}
