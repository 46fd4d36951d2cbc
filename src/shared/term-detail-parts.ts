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

/** The aliases grouped by language (untagged ones as English), in order of first appearance. */
export function groupAliases(aliases: readonly Alias[]): [string, string[]][] {
  const groups = new Map<string, string[]>();
  for (const alias of aliases) {
    const lang = alias.lang ?? 'en';
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
