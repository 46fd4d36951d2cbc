import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES_DIR, type LocaleMessage, readMessages } from './locale-messages';

const ROOT = resolve(import.meta.dirname, '../../..');
const LOCALES = readdirSync(LOCALES_DIR);

/** Every .ts/.tsx file under src/, with its text. */
function sources(dir = join(ROOT, 'src')): { file: string; text: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name)
      ? [{ file: path.slice(ROOT.length + 1), text: readFileSync(path, 'utf8') }]
      : [];
  });
}

/**
 * The keys the code asks for by name, and the prefixes it completes at run time (`namedMessage`, or a
 * template literal).
 */
function usedKeys(): { keys: Map<string, string>; prefixes: Set<string> } {
  const keys = new Map<string, string>();
  const prefixes = new Set<string>();
  for (const { file, text } of sources()) {
    for (const m of text.matchAll(/\b(?:t|getMessage)\(\s*'([^']+)'/g)) keys.set(m[1] as string, file);
    for (const m of text.matchAll(/\bnamedMessage\(\s*'([^']+)'/g)) prefixes.add(m[1] as string);
    // A key completed in a template literal: getMessage(`problem_${key}`).
    for (const m of text.matchAll(/\b(?:t|getMessage)\(\s*`([A-Za-z_]+)\$\{/g)) prefixes.add(m[1] as string);
  }
  const manifest = readFileSync(join(ROOT, 'manifest.json'), 'utf8');
  for (const m of manifest.matchAll(/__MSG_(\w+)__/g)) keys.set(m[1] as string, 'manifest.json');
  return { keys, prefixes };
}

/** A message's placeholders as `name=$n`, sorted, plus the `$NAME$`s its text uses. */
function placeholderShape(entry: LocaleMessage): { declared: string[]; used: string[] } {
  return {
    declared: Object.entries(entry.placeholders ?? {})
      .map(([name, p]) => `${name}=${p.content}`)
      .sort(),
    used: [
      ...new Set(
        [...entry.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => (m[1] as string).toLowerCase()),
      ),
    ].sort(),
  };
}

describe('the locales', () => {
  const { keys, prefixes } = usedKeys();
  const messages = Object.fromEntries(LOCALES.map((locale) => [locale, readMessages(locale)]));

  it('include English and Simplified Chinese, and the code asks for library messages', () => {
    expect(LOCALES).toEqual(expect.arrayContaining(['en', 'zh_CN']));
    expect(keys.get('library_tabClippings')).toBe('src/library/index.tsx');
  });

  it('have every key the code asks for', () => {
    // `@@` messages (the UI's direction, its locale) are the browser's own, in no messages.json.
    const failing = [...keys]
      .filter(([key]) => !key.startsWith('@@'))
      .flatMap(([key, file]) =>
        LOCALES.filter((locale) => !messages[locale]?.[key]).map(
          (locale) => `${key} (${file}) missing in ${locale}`,
        ),
      );
    expect(failing).toEqual([]);
  });

  it('have no key that nobody asks for', () => {
    const failing = LOCALES.flatMap((locale) =>
      Object.keys(messages[locale] ?? {})
        .filter((key) => !keys.has(key) && ![...prefixes].some((prefix) => key.startsWith(prefix)))
        .map((key) => `${locale}: ${key}`),
    );
    expect(failing).toEqual([]);
  });

  it('give each key the same placeholders in every locale, each declared and used', () => {
    const english = messages.en ?? {};
    const failing: string[] = [];
    for (const locale of LOCALES) {
      for (const [key, entry] of Object.entries(messages[locale] ?? {})) {
        const shape = placeholderShape(entry);
        const declaredNames = shape.declared.map((d) => d.split('=')[0]);
        if (shape.used.join() !== declaredNames.join())
          failing.push(`${locale}: ${key} uses ${shape.used} but declares ${declaredNames}`);
        const reference = english[key];
        if (
          locale !== 'en' &&
          reference &&
          placeholderShape(reference).declared.join() !== shape.declared.join()
        )
          failing.push(
            `${locale}: ${key} has placeholders ${shape.declared} where en has ${placeholderShape(reference).declared}`,
          );
        if (locale !== 'en' && !reference) failing.push(`${locale}: ${key} is not in en`);
      }
    }
    expect(failing).toEqual([]);
  });
});
