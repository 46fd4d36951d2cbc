import { describe, expect, it } from 'vitest';
import { waitForScan } from '../harness/page-probe';
import { useExtensionBrowser } from './support/fixture';

/** Per paragraph of a section: its text, the text it should highlight, and what is highlighted in it. */
interface Row {
  text: string;
  term: string;
  highlighted: string[];
}

// The two browsers segment Chinese with different dictionaries (Firefox holds 公安部 as a word,
// Chromium does not): the rule and the pack's guards must come out the same in both.
describe.each(['chromium', 'firefox'] as const)('CJK word edges in %s', (name) => {
  const ctx = useExtensionBrowser(name);

  async function rows(section: string): Promise<Row[]> {
    const page = await ctx.page();
    await page.goto(ctx.url('e2e/cjk-word-edges.html'), { waitUntil: 'load' });
    await waitForScan(page);
    return page.evaluate((id: string) => {
      const ranges: Range[] = [];
      for (const [key, highlight] of CSS.highlights) {
        if (!key.startsWith('termlight-term')) continue;
        for (const r of highlight) {
          const range = document.createRange();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          ranges.push(range);
        }
      }
      return [...document.querySelectorAll(`#${id} p`)].map((p) => ({
        text: p.textContent ?? '',
        term: p.getAttribute('data-term') ?? '',
        highlighted: ranges.filter((r) => p.contains(r.startContainer)).map((r) => r.toString()),
      }));
    }, section);
  }

  it('highlights each term that stands as a word', async () => {
    const must = await rows('must');
    expect(must.length).toBe(12);
    const failing = must.filter((row) => !row.highlighted.includes(row.term));
    expect(failing).toEqual([]);
  });

  it('highlights nothing where an alias is only part of a longer word', async () => {
    const mustNot = await rows('must-not');
    expect(mustNot.length).toBe(17);
    const failing = mustNot.filter((row) => row.highlighted.length > 0);
    expect(failing).toEqual([]);
  });
});
