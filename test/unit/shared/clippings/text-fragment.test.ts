import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describePassage } from '../../../../src/shared/clippings/describe';
import type { TextQuoteSelector } from '../../../../src/shared/clippings/model';
import {
  breaksFromShown,
  clippingFragmentLink,
  textFragmentLink,
} from '../../../../src/shared/clippings/text-fragment';

const PAGE = 'https://example.com/article';

function quote(exact: string, prefix = '', suffix = ''): TextQuoteSelector {
  return { type: 'TextQuoteSelector', exact, prefix, suffix };
}

/** The directive of a link, split into its parts and decoded, as a browser reads it. */
function directive(link: string): { prefix?: string; start?: string; end?: string; suffix?: string } {
  const [, text] = link.split('#:~:text=');
  if (text === undefined) return {};
  const parts = text.split(',');
  const result: { prefix?: string; start?: string; end?: string; suffix?: string } = {};
  if (parts[0]?.endsWith('-')) result.prefix = decodeURIComponent(parts.shift()?.slice(0, -1) ?? '');
  if (parts.at(-1)?.startsWith('-')) result.suffix = decodeURIComponent(parts.pop()?.slice(1) ?? '');
  result.start = decodeURIComponent(parts[0] ?? '');
  if (parts[1] !== undefined) result.end = decodeURIComponent(parts[1]);
  return result;
}

const words = (count: number, from = 0) =>
  Array.from({ length: count }, (_, i) => `word${from + i}`).join(' ');

describe('textFragmentLink', () => {
  it('links a short passage whole, as textStart', () => {
    expect(textFragmentLink(PAGE, quote('a short passage'))).toBe(`${PAGE}#:~:text=a%20short%20passage`);
  });

  it("replaces the page URL's own fragment", () => {
    expect(textFragmentLink(`${PAGE}#section-2`, quote('passage'))).toBe(`${PAGE}#:~:text=passage`);
  });

  it('percent-encodes the characters that delimit directive parts', () => {
    const cases: [exact: string, encoded: string][] = [
      ['one, two', 'one%2C%20two'],
      ['well-known', 'well%2Dknown'],
      ['R&D', 'R%26D'],
      ['a-,b,-c', 'a%2D%2Cb%2C%2Dc'],
      ['50% off #1', '50%25%20off%20%231'],
    ];
    const failing = cases
      .map(([exact, encoded]) => ({ exact, encoded, got: textFragmentLink(PAGE, quote(exact)) }))
      .filter(({ encoded, got }) => got !== `${PAGE}#:~:text=${encoded}`);
    expect(failing).toEqual([]);
  });

  it('never leaves a delimiter unencoded inside a part', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
        fc.string(),
        (exact, context) => {
          const link = textFragmentLink(PAGE, quote(exact, context, context));
          const parts = (link.split('#:~:text=')[1] ?? '').split(',');
          for (const part of parts) {
            const inner = part.replace(/^-|-$/g, '');
            expect(inner).not.toMatch(/[-,&#\s]/);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('encodes CJK text as UTF-8 percent escapes that decode back', () => {
    const link = textFragmentLink(PAGE, quote('術語を保存する'));
    expect(link).toBe(`${PAGE}#:~:text=%E8%A1%93%E8%AA%9E%E3%82%92%E4%BF%9D%E5%AD%98%E3%81%99%E3%82%8B`);
    expect(directive(link).start).toBe('術語を保存する');
  });

  it('collapses runs of whitespace to one space', () => {
    expect(directive(textFragmentLink(PAGE, quote('  spread \t out   words ')))).toEqual({
      start: 'spread out words',
    });
  });

  it('links a passage over 300 characters by its first and last words', () => {
    const exact = words(60);
    expect(exact.length).toBeGreaterThan(300);
    expect(directive(textFragmentLink(PAGE, quote(exact)))).toEqual({
      start: 'word0 word1 word2 word3',
      end: 'word56 word57 word58 word59',
    });
  });

  it('keeps a passage of 300 characters whole', () => {
    const exact = `${words(49)} ab`.slice(-300);
    expect(exact.length).toBe(300);
    expect(directive(textFragmentLink(PAGE, quote(exact))).end).toBeUndefined();
  });

  it('links a passage over several lines by the start of the first and the end of the last', () => {
    const exact = 'The first paragraph starts here and goes on.\n\nMiddle.\nThe last one ends right here.';
    expect(directive(textFragmentLink(PAGE, quote(exact)))).toEqual({
      start: 'The first paragraph starts',
      end: 'one ends right here.',
    });
  });

  it('links a long CJK passage by about ten characters at each end, on word boundaries', () => {
    const exact = `${'日本語の文章を選択して保存します。'.repeat(20)}最後の言葉です`;
    const { start = '', end = '' } = directive(textFragmentLink(PAGE, quote(exact)));
    const segmenter = new Intl.Segmenter('ja', { granularity: 'word' });
    const boundaries = new Set([...segmenter.segment(exact)].map((s) => s.index));
    expect({
      startLength: start.length >= 8 && start.length <= 16,
      endLength: end.length >= 8 && end.length <= 16,
      startIsHead: exact.startsWith(start),
      endIsTail: exact.endsWith(end),
      startEndsOnBoundary: boundaries.has(start.length),
      endStartsOnBoundary: boundaries.has(exact.length - end.length),
    }).toEqual({
      startLength: true,
      endLength: true,
      startIsHead: true,
      endIsTail: true,
      startEndsOnBoundary: true,
      endStartsOnBoundary: true,
    });
  });

  it('leaves out an empty prefix and suffix', () => {
    const link = textFragmentLink(PAGE, quote('passage', '', ''));
    expect(link).toBe(`${PAGE}#:~:text=passage`);
  });

  it('adds the nearest words of the context as prefix and suffix', () => {
    const link = textFragmentLink(PAGE, quote('passage', 'Some text, just before ', ' and then after it.'));
    expect(directive(link)).toEqual({ prefix: 'just before', start: 'passage', suffix: 'and then' });
  });

  it('takes CJK context as the nearest few characters', () => {
    const link = textFragmentLink(PAGE, quote('保存', '日本語の文章を選択して', 'します。次の文'));
    const { prefix = '', suffix = '' } = directive(link);
    expect({ prefix, suffix }).toMatchObject({
      prefix: expect.stringMatching(/^.{4,8}$/u),
      suffix: expect.stringMatching(/^.{4,8}$/u),
    });
    expect('日本語の文章を選択して'.endsWith(prefix) && 'します。次の文'.startsWith(suffix)).toBe(true);
  });

  it('drops a first context word cut by the 32-character limit', () => {
    const prefix = 'ormation that is needed here, ok';
    expect(prefix.length).toBe(32);
    const link = textFragmentLink(PAGE, quote('passage', `${prefix} `, ''));
    expect(directive(link).prefix).toBe('here, ok');
    const onlyCut = textFragmentLink(PAGE, quote('passage', `${'x'.repeat(31)} `, ` ${'y'.repeat(31)}`));
    expect(directive(onlyCut)).toEqual({ start: 'passage' });
  });

  it('drops a first context word cut one unit short, to keep a surrogate pair whole', () => {
    // Twenty mathematical bold letters: 40 units, so the 32-unit context would split a pair.
    const bold = Array.from({ length: 20 }, (_, i) => String.fromCodePoint(0x1d41a + i)).join('');
    const page = `${bold} the saved passage here ${bold} end`;
    const start = page.indexOf('saved');
    const end = start + 'saved passage'.length;
    const selectors = describePassage(page, start, end);
    const pageQuote = selectors.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
    expect(pageQuote?.prefix.length).toBe(31);
    expect(directive(textFragmentLink(PAGE, pageQuote as TextQuoteSelector))).toEqual({
      prefix: 'the',
      start: 'saved passage',
      suffix: 'here',
    });
  });

  it('links a passage holding half of a surrogate pair, with U+FFFD in its place', () => {
    const link = textFragmentLink(PAGE, quote('a great day \ud83c at the beach'));
    expect(directive(link).start).toBe('a great day \ufffd at the beach');
  });

  it('takes the prefix and suffix from the lines next to the passage only', () => {
    const link = textFragmentLink(PAGE, quote('Passage', 'Heading text\n  ', '\nNext block'));
    expect(directive(link)).toEqual({ prefix: 'Heading text', start: 'Passage', suffix: 'Next block' });
  });

  it('widens a passage cut mid-word to the whole word', () => {
    const link = textFragmentLink(PAGE, quote('ormation is her', 'the inf', 'e today'));
    expect(directive(link)).toEqual({ prefix: 'the', start: 'information is here', suffix: 'today' });
  });

  it('does not widen a passage that starts with a capital right after the context', () => {
    // Page text joins a heading and the next paragraph with no separator.
    const link = textFragmentLink(PAGE, quote('Passage text', 'Introduction', ''));
    expect(directive(link)).toEqual({ prefix: 'Introduction', start: 'Passage text' });
  });

  it('stops the context at what may be the end of another block', () => {
    const link = textFragmentLink(PAGE, quote('passage', 'end of section!Title: ', ''));
    expect(directive(link).prefix).toBe('Title:');
  });

  it('never lets a part cross a block break of the page, inside the passage or in its context', () => {
    // <p>…after a long consultation.</p><p>Operators must file their systems</p>, as page text.
    const prefix = 'after a long ';
    const exact = 'consultation.Operators must file';
    const across = quote(exact, prefix, ' their systems');
    const breakAt = prefix.length + 'consultation.'.length;
    expect(directive(textFragmentLink(PAGE, across, [breakAt]))).toEqual({
      prefix: 'a long',
      start: 'consultation',
      end: 'Operators must file',
      suffix: 'their systems',
    });
    // A passage that ends its paragraph, and the next one's text in the suffix (CJK has no spaces).
    const cjk = quote('运营者应当履行安全保护义务', '第二十一条 ', '。第二十二条 网络产品');
    const atEnd = cjk.prefix.length + cjk.exact.length + 1;
    expect(directive(textFragmentLink(PAGE, cjk, [atEnd])).suffix).toBe('。');
  });

  it('leaves out the text the page does not render, in the passage and its context, with the breaks after it moved', () => {
    // <p>Note: <span hidden-by-css>(draft)</span>The filing <span hidden-by-css>note for
    // editors</span>deadline is set.</p><p>Next</p>, as page text.
    const prefix = 'Note: (draft)';
    const exact = 'The filing note for editorsdeadline is set.';
    const clipping = {
      url: PAGE,
      exact: 'The filing deadline is set.',
      selectors: [quote(exact, prefix, 'Next')],
      blockBreaks: [prefix.length + exact.length],
      hiddenText: [6, 13, prefix.length + 11, prefix.length + 27],
    };
    expect(directive(clippingFragmentLink(clipping))).toEqual({
      prefix: 'Note:',
      start: 'The filing deadline is set.',
      suffix: 'Next',
    });
    // Without the hidden text recorded (an older clipping), the link holds it, and finds nothing.
    const { hiddenText: _, ...older } = clipping;
    expect(directive(clippingFragmentLink(older)).start).toBe(exact);
  });

  it('finds the block breaks of an older clipping in the passage as the reader saw it', () => {
    expect(breaksFromShown('end.Next one', 'end.\nNext one')).toEqual([4]);
    expect(breaksFromShown('end. \n  Next', 'end.\n\nNext')).toEqual([8]);
    expect(breaksFromShown('one line', 'one line')).toEqual([]);
    // Not the rendering of this text (the save fell back to the page text): no breaks.
    expect(breaksFromShown('abc', 'abd')).toEqual([]);
    const older = {
      url: PAGE,
      exact: 'consultation.\nOperators must file',
      selectors: [quote('consultation.Operators must file', 'after a long ', '')],
    };
    expect(directive(clippingFragmentLink(older))).toMatchObject({
      start: 'consultation',
      end: 'Operators must file',
    });
  });
});
