/** UI strings through `browser.i18n`, so every context speaks the browser's language. */
import browser from './browser';
import { pickLocale } from './pick-locale';

/** The message `key` in the user's language (the key itself if the message is missing). */
export function t(key: string, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}

/**
 * The BCP 47 locale the extension's pages speak, for their `lang` and every date and number they
 * write: the UI language when the messages are in it, else the language of the messages shown.
 */
export function uiLocale(): string {
  return pickLocale(browser.i18n.getUILanguage(), t('messagesLocale'));
}
