/** Which locale to format in, given the browser's UI language and the locale of the messages shown. */

/**
 * `uiLanguage` when it is the language the messages are in (keeping its region: en-GB dates for an
 * en-GB browser), else `messagesLocale`. They differ when the browser's language has no messages
 * (the default English ones are shown) and in headless Chromium, whose `getUILanguage()` stays
 * en-US under `--lang=zh-CN` while the messages follow the flag: text and dates must agree.
 */
export function pickLocale(uiLanguage: string, messagesLocale: string): string {
  const language = (tag: string) => tag.split(/[-_]/)[0]?.toLowerCase() ?? '';
  const ui = uiLanguage.replace(/_/g, '-');
  if (
    ui &&
    language(ui) === language(messagesLocale) &&
    Intl.DateTimeFormat.supportedLocalesOf(ui).length > 0
  )
    return ui;
  return messagesLocale;
}
