import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const POPUP = join(ROOT, 'src/popup');
const LOCALES = ['en', 'zh_CN'];

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

function messages(locale: string): Messages {
  return JSON.parse(readFileSync(join(ROOT, 'static/_locales', locale, 'messages.json'), 'utf8'));
}

/** The message keys the popup's files pass to t(), as written in the source. */
function keysUsedByPopup(): string[] {
  const keys = new Set<string>();
  for (const file of readdirSync(POPUP)) {
    const source = readFileSync(join(POPUP, file), 'utf8');
    for (const match of source.matchAll(/\bt\(\s*'([A-Za-z0-9_]+)'/g)) keys.add(match[1] as string);
  }
  return [...keys].sort();
}

/** The placeholders of a message, as written in its text and declared for it. */
function placeholdersOf(entry: Messages[string] | undefined): string {
  if (!entry) return 'missing';
  const inText = [...entry.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) =>
    (m[1] as string).toLowerCase(),
  );
  const declared = Object.entries(entry.placeholders ?? {}).map(([name, p]) => `${name}=${p.content}`);
  return JSON.stringify([inText.sort(), declared.sort()]);
}

describe("the popup's strings", () => {
  it('uses a good number of message keys (the scan finds them)', () => {
    expect(keysUsedByPopup().length).toBeGreaterThan(15);
  });

  it('has every key it uses in every locale, with the same placeholders', () => {
    const [en, ...others] = LOCALES.map(messages) as [Messages, ...Messages[]];
    const failing = keysUsedByPopup().flatMap((key) => {
      const reference = placeholdersOf(en[key]);
      if (reference === 'missing') return [`${key}: missing in en`];
      return others.flatMap((other, i) =>
        placeholdersOf(other[key]) === reference ? [] : [`${key}: ${LOCALES[i + 1]} differs from en`],
      );
    });
    expect(failing).toEqual([]);
  });

  it('declares every placeholder a message uses', () => {
    const failing = LOCALES.flatMap((locale) =>
      Object.entries(messages(locale))
        .filter(([key]) => key.startsWith('popup_'))
        .filter(([, entry]) =>
          [...entry.message.matchAll(/\$([A-Za-z0-9_]+)\$/g)].some(
            (m) => !entry.placeholders?.[(m[1] as string).toLowerCase()],
          ),
        )
        .map(([key]) => `${locale}: ${key}`),
    );
    expect(failing).toEqual([]);
  });
});
