import { describe, expect, it } from 'vitest';
import type { Clipping } from '../../../../src/shared/clippings/model';
import { exportMarkdown } from '../../../../src/shared/formats/clippings-markdown';
import { makeClipping } from '../../support/clippings';

const ctx = { termNames: { 'g/latency': 'Latency' }, exportedAt: new Date(2026, 11, 6, 12) };

function clipping(overrides: Partial<Clipping> = {}): Clipping {
  return makeClipping({
    createdAt: new Date(2026, 11, 1, 12).getTime(),
    updatedAt: new Date(2026, 11, 2, 12).getTime(),
    ...overrides,
  });
}

const at = (position: number): Clipping['selectors'] => [
  { type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' },
  { type: 'TextPositionSelector', start: position, end: position + 1 },
];

/** The lines of the quote block that starts at the first line beginning with ">". */
function quoteBlock(markdown: string): string[] {
  const lines = markdown.split('\n');
  const first = lines.findIndex((line) => line.startsWith('>'));
  const end = lines.findIndex((line, i) => i > first && line === '');
  return lines.slice(first, end);
}

describe('exportMarkdown', () => {
  it('starts with a title line and the export date', () => {
    const lines = exportMarkdown([clipping()], ctx).split('\n');
    expect(lines.slice(0, 3)).toEqual(['# Termlight clippings', '', 'Exported 2026-12-06 · 1 clipping']);
  });

  it('heads each page with its title linked to its URL', () => {
    const markdown = exportMarkdown([clipping()], ctx);
    expect(markdown).toContain('\n## [An article](https://example.com/article)\n');
  });

  it('orders pages by their newest clipping, newest first', () => {
    const day = (d: number) => new Date(2026, 11, d).getTime();
    const markdown = exportMarkdown(
      [
        clipping({ id: 'a1', url: 'https://a.example/', title: 'Page A', createdAt: day(1) }),
        clipping({ id: 'b1', url: 'https://b.example/', title: 'Page B', createdAt: day(2) }),
        clipping({ id: 'a2', url: 'https://a.example/', title: 'Page A', createdAt: day(3) }),
        clipping({ id: 'c1', url: 'https://c.example/', title: 'Page C', createdAt: day(2) + 1 }),
      ],
      ctx,
    );
    const headings = markdown.split('\n').filter((line) => line.startsWith('## '));
    expect(headings).toEqual([
      '## [Page A](https://a.example/)',
      '## [Page C](https://c.example/)',
      '## [Page B](https://b.example/)',
    ]);
  });

  it('lists the clippings of a page in reading order', () => {
    const markdown = exportMarkdown(
      [
        clipping({ exact: 'third', selectors: at(300) }),
        clipping({ exact: 'first', selectors: at(10) }),
        clipping({ exact: 'second', selectors: at(20) }),
      ],
      ctx,
    );
    const quotes = markdown.split('\n').filter((line) => line.startsWith('> '));
    expect(quotes).toEqual(['> first', '> second', '> third']);
  });

  it('keeps a passage with a line break and a leading # inside the quote, as text', () => {
    const exact = '# Not a heading\nsecond line\n\n- not a list\n1. not a list either';
    const markdown = exportMarkdown([clipping({ exact })], ctx);
    expect(quoteBlock(markdown)).toEqual([
      '> \\# Not a heading\\',
      '> second line',
      '>',
      '> \\- not a list\\',
      '> 1\\. not a list either',
    ]);
    const headings = markdown.split('\n').filter((line) => line.startsWith('#'));
    expect(headings).toEqual(['# Termlight clippings', '## [An article](https://example.com/article)']);
  });

  it('escapes inline Markdown in the passage', () => {
    const markdown = exportMarkdown([clipping({ exact: 'a *b* [c](d) <e> `f` \\g' })], ctx);
    expect(quoteBlock(markdown)).toEqual(['> a \\*b\\* \\[c\\](d) \\<e\\> \\`f\\` \\\\g']);
  });

  it('links to the passage with a text fragment', () => {
    const markdown = exportMarkdown([clipping()], ctx);
    expect(markdown).toContain(
      '\n[Open passage](https://example.com/article#:~:text=Before-,the%20saved%20passage,-after)\n',
    );
  });

  it('adds the note, the tags, the term names and the date', () => {
    const markdown = exportMarkdown(
      [clipping({ note: 'My note', tags: ['read', 'later'], termIds: ['g/latency', 'g/gone'] })],
      ctx,
    );
    expect(markdown).toContain(
      '\n\nMy note\n\nTags: read, later · Terms: Latency, g/gone · Saved 2026-12-01\n',
    );
  });

  it('keeps Markdown in a note from changing the document', () => {
    const markdown = exportMarkdown([clipping({ note: '## not a section\n> not a quote' })], ctx);
    expect(markdown).toContain('\n\n\\## not a section\\\n\\> not a quote\n\n');
  });

  it('marks a clipping not found on the page at the last visit', () => {
    const markdown = exportMarkdown([clipping({ anchored: false })], ctx);
    expect(markdown).toContain('Saved 2026-12-01 · Not found on the page at the last visit');
  });

  it('escapes brackets and parentheses in link texts', () => {
    const markdown = exportMarkdown([clipping({ title: 'Arrays [part 1] (draft)' })], ctx);
    expect(markdown).toContain('## [Arrays \\[part 1\\] \\(draft\\)](https://example.com/article)');
  });

  it('wraps URLs with spaces or parentheses in angle brackets', () => {
    const cases: [url: string, destination: string][] = [
      [
        'https://en.wikipedia.org/wiki/Set_(mathematics)',
        '(<https://en.wikipedia.org/wiki/Set_(mathematics)>)',
      ],
      ['https://example.com/a b', '(<https://example.com/a b>)'],
      ['https://example.com/a<b>', '(https://example.com/a%3Cb%3E)'],
      ['https://example.com/plain', '(https://example.com/plain)'],
    ];
    const failing = cases
      .map(([url, destination]) => ({ url, destination, got: exportMarkdown([clipping({ url })], ctx) }))
      .filter(({ got, destination }) => !got.includes(`## [An article]${destination}`));
    expect(failing.map(({ url, destination }) => ({ url, destination }))).toEqual([]);
  });

  it('titles a page without a title by its URL', () => {
    const markdown = exportMarkdown([clipping({ title: '  ' })], ctx);
    expect(markdown).toContain('## [https://example.com/article](https://example.com/article)');
  });
});
