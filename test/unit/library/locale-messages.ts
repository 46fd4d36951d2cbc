/** The fake browser's `i18n` speaking a real locale of static/_locales, as `browser.i18n` does. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, vi } from 'vitest';
import browser from '../fakes/browser';

export const LOCALES_DIR = resolve(import.meta.dirname, '../../../static/_locales');

/** One messages.json entry. */
export interface LocaleMessage {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

/** The messages of `locale` (a folder name: `en`, `zh_CN`). */
export function readMessages(locale: string): Record<string, LocaleMessage> {
  return JSON.parse(readFileSync(resolve(LOCALES_DIR, locale, 'messages.json'), 'utf8'));
}

/** `getMessage` over `messages`: named placeholders to their `$n` content, `$$` to `$`, '' when missing. */
export function messageReader(messages: Record<string, LocaleMessage>) {
  return (key: string, substitutions?: string | string[]): string => {
    const entry = messages[key];
    if (!entry) return '';
    const values =
      substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
    const positional = (text: string) =>
      text.replace(/\$(\d)/g, (_, n: string) => values[Number(n) - 1] ?? '');
    return entry.message
      .replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
        const placeholder = entry.placeholders?.[name.toLowerCase()];
        return placeholder ? positional(placeholder.content) : whole;
      })
      .replace(/\$\$/g, '$');
  };
}

/** For each test of the file: `browser.i18n` answers in `locale`, with `uiLanguage` as its UI language. */
export function useLocale(locale: string, uiLanguage: string): void {
  beforeEach(() => {
    vi.spyOn(browser.i18n, 'getMessage').mockImplementation(messageReader(readMessages(locale)));
    vi.spyOn(browser.i18n, 'getUILanguage').mockReturnValue(uiLanguage);
  });
  afterEach(() => vi.restoreAllMocks());
}
