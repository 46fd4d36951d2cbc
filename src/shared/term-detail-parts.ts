/** What the card and the popup both show of a term, prepared as plain data (they render it). */
import type { Alias, SourceRef } from './glossary/model';
import { t } from './i18n';
import { safeHttpUrl } from './safe-url';

/** A message for `prefix` + `id`, falling back to the raw id for values the locales do not name. */
export function namedMessage(prefix: string, id: string): string {
  const key = `${prefix}${id.replace(/[^A-Za-z0-9]/g, '_')}`;
  const message = t(key);
  return message === key ? id : message;
}

/** The aliases grouped by language (untagged ones in the pack's, else English), in order of first appearance. */
export function groupAliases(aliases: readonly Alias[], packLanguage = 'en'): [string, string[]][] {
  const groups = new Map<string, string[]>();
  for (const alias of aliases) {
    // An alias without a language is in its pack's (DESIGN's glossary format).
    const lang = alias.lang ?? packLanguage;
    groups.set(lang, [...(groups.get(lang) ?? []), alias.text]);
  }
  return [...groups];
}

/** The sources that may be linked (http and https only), each with a title to show. */
export function sourceLinks(sources: readonly SourceRef[]): { href: string; title: string }[] {
  return sources.flatMap((s) => {
    const href = safeHttpUrl(s.url);
    return href ? [{ href, title: s.title || new URL(href).hostname }] : [];
  });
}
