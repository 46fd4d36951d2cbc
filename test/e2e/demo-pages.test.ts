import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { surfaceForms } from '../../src/shared/glossary/alias-rules';
import type { GlossaryPack } from '../../src/shared/glossary/model';
import { compileMatcher, findMatches } from '../../src/shared/matcher';
import { highlightCenter, openScanned } from '../harness/page-probe';
import { HEADLINE_FORMS } from '../unit/shared/glossary/headline-terms';
import { escapeRegExp, waitForRoleText } from './support/a11y';
import { FIXTURES, useExtensionBrowser } from './support/fixture';

const pack = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../glossary/china-cyber-policy.json'), 'utf8'),
) as GlossaryPack;
const matcher = compileMatcher(pack.terms.map((t) => ({ id: t.id, forms: surfaceForms(t) })));
const definitions = new Map(pack.terms.map((t) => [t.id, t.definition]));
const demoPages = readdirSync(join(FIXTURES, 'demo')).filter((f) => f.endsWith('.html'));

/** The term a highlighted text stands for, read with the same matcher rules. */
function termOf(text: string): string | undefined {
  const [match] = findMatches(matcher, text);
  return match && match.start === 0 && match.end === text.length ? match.termId : undefined;
}

describe('the demo pages in chromium', () => {
  const ctx = useExtensionBrowser('chromium');

  it('highlight every headline term, and each card shows that term’s definition', async () => {
    const page = await ctx.page();
    const found = new Map<string, { file: string; text: string }>();
    for (const file of demoPages) {
      for (const { text } of await openScanned(page, ctx.url(`demo/${file}`))) {
        const id = termOf(text);
        if (id && !found.has(id)) found.set(id, { file, text });
      }
    }
    const missing = Object.keys(HEADLINE_FORMS).filter((id) => !found.has(id));
    expect(missing, `found: ${[...found.keys()].join(', ')}`).toEqual([]);

    for (const id of Object.keys(HEADLINE_FORMS)) {
      const where = found.get(id);
      if (!where) continue;
      await openScanned(page, ctx.url(`demo/${where.file}`));
      await page.mouse.move(0, 0);
      // Bring the term to the middle of the viewport, where the card has room either side.
      const { y } = await highlightCenter(page, where.text);
      await page.evaluate((y: number) => window.scrollBy(0, y - innerHeight / 2), y);
      const point = await highlightCenter(page, where.text);
      await page.mouse.move(point.x, point.y);
      const opening = (definitions.get(id) ?? '').slice(0, 40);
      const shown = await waitForRoleText(page, 'tooltip', new RegExp(escapeRegExp(opening)));
      expect(shown, `${id} on ${where.file}`).toContain(opening);
    }
  });
});
