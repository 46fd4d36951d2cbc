import { describe, expect, it } from 'vitest';
import { ApproximateSearch, anchorPassage } from '../../../../src/shared/clippings/anchor';
import { describePassage } from '../../../../src/shared/clippings/describe';
import type { ClippingSelector } from '../../../../src/shared/clippings/model';

const ARTICLE = [
  'China’s Cybersecurity Law took effect on 1 June 2017.',
  'Article 21 requires network operators to follow the Multi-Level Protection Scheme (MLPS).',
  'Under MLPS, every system is graded from level one to level five by the harm its failure would do.',
  'Operators of systems graded level three or above must file with the local public security bureau.',
  'The 2019 revision, known as MLPS 2.0, extends the scheme to cloud computing and the Internet of Things.',
  'Critics note that MLPS audits are expensive for foreign companies.',
  'Regulators insist that MLPS remains the foundation of the national cybersecurity regime.',
].join(' ');

/** Where the `nth` (from 0) occurrence of `passage` starts in `text`. */
function occurrence(text: string, passage: string, nth: number): number {
  let start = text.indexOf(passage);
  for (let i = 0; i < nth && start >= 0; i++) start = text.indexOf(passage, start + 1);
  if (start < 0) throw new Error(`fixture has no occurrence ${nth} of ${passage}`);
  return start;
}

/** Selectors for the `nth` occurrence of `passage` in `text`, as the content script would save them. */
function clip(text: string, passage: string, nth = 0): ClippingSelector[] {
  const start = occurrence(text, passage, nth);
  return describePassage(text, start, start + passage.length);
}

describe('anchorPassage', () => {
  it('finds the passage by its stored position when the text is unchanged', () => {
    const passage = 'every system is graded from level one to level five';
    const start = ARTICLE.indexOf(passage);
    expect(anchorPassage(ARTICLE, clip(ARTICLE, passage))).toEqual({
      start,
      end: start + passage.length,
      method: 'position',
    });
  });

  it('finds every passage of an unchanged text at its own place, repeated words included', () => {
    // Every word-aligned passage of up to four words: "MLPS", "the", "level" occur several times.
    const words = [...ARTICLE.matchAll(/\S+/g)];
    const failing: string[] = [];
    for (let i = 0; i < words.length; i++) {
      for (let n = 1; n <= 4 && i + n <= words.length; n++) {
        const first = words[i];
        const last = words[i + n - 1];
        if (!first || !last) continue;
        const start = first.index;
        const end = last.index + last[0].length;
        const anchor = anchorPassage(ARTICLE, describePassage(ARTICLE, start, end));
        if (anchor?.start !== start || anchor.end !== end) failing.push(ARTICLE.slice(start, end));
      }
    }
    expect(failing).toEqual([]);
  });

  it('keeps the stored position of a quote that occurs once even when its context changed', () => {
    const passage = 'public security bureau';
    const selectors = clip(ARTICLE, passage);
    const edited = ARTICLE.replace('must file with the local', 'must file with the state').replace(
      'The 2019 revision',
      'A later revision',
    );
    const start = ARTICLE.indexOf(passage);
    expect(edited.indexOf(passage)).toBe(start);
    expect(anchorPassage(edited, selectors)).toEqual({
      start,
      end: start + passage.length,
      method: 'position',
    });
  });

  it('finds the quote when text was inserted before the passage', () => {
    const passage = 'must file with the local public security bureau';
    const selectors = clip(ARTICLE, passage);
    const edited = `Updated March 2024: new guidance was published. ${ARTICLE}`;
    const start = edited.indexOf(passage);
    expect(anchorPassage(edited, selectors)).toEqual({ start, end: start + passage.length, method: 'quote' });
  });

  it('still finds a passage whose surrounding text was rewritten', () => {
    const passage = 'extends the scheme to cloud computing';
    const selectors = clip(ARTICLE, passage);
    const edited = ARTICLE.replace('The 2019 revision, known as MLPS 2.0,', 'Its successor').replace(
      'and the Internet of Things.',
      'as well as industrial control systems.',
    );
    const start = edited.indexOf(passage);
    expect(anchorPassage(edited, selectors)).toMatchObject({ start, end: start + passage.length });
  });

  it('finds a passage with a word changed by an approximate match', () => {
    const passage = 'Operators of systems graded level three or above must file with';
    expect(passage.length).toBeGreaterThanOrEqual(60);
    const selectors = clip(ARTICLE, passage);
    const edited = ARTICLE.replace('must file with', 'must register with');
    const start = edited.indexOf('Operators of systems graded');
    const anchor = anchorPassage(edited, selectors);
    expect(anchor?.method).toBe('fuzzy');
    expect(anchor?.start).toBe(start);
    expect(edited.slice(anchor?.start, anchor?.end)).toBe(
      'Operators of systems graded level three or above must register with',
    );
  });

  it('finds a passage whose last words changed, ending it where its old context resumes', () => {
    const passage = 'Operators of systems graded level three or above must file with';
    const selectors = clip(ARTICLE, passage);
    // The approximate search reports this place with several ends; they are one place, not rivals.
    const edited = ARTICLE.replace('must file with', 'must fill in');
    const anchor = anchorPassage(edited, selectors);
    expect(anchor?.method).toBe('fuzzy');
    expect(edited.slice(anchor?.start, anchor?.end)).toBe(
      'Operators of systems graded level three or above must fill in',
    );
  });

  it('returns null when the passage was removed from the page', () => {
    const passage = 'Critics note that MLPS audits are expensive for foreign companies.';
    const selectors = clip(ARTICLE, passage);
    const edited = ARTICLE.replace(passage, '');
    expect(anchorPassage(edited, selectors)).toBeNull();
  });

  it('finds the right one of five occurrences of a short quote by its context at a shifted position', () => {
    expect(ARTICLE.split('MLPS').length - 1).toBe(5);
    const failing: number[] = [];
    for (let nth = 0; nth < 5; nth++) {
      const selectors = clip(ARTICLE, 'MLPS', nth);
      const edited = `Summary: MLPS, the MLPS and MLPS again. ${ARTICLE}`;
      const expected = occurrence(edited, 'MLPS', nth + 3);
      const anchor = anchorPassage(edited, selectors);
      if (anchor?.start !== expected || anchor.method !== 'quote') failing.push(nth);
    }
    expect(failing).toEqual([]);
  });

  it('finds a repeated "the" by its context, not by its old offset, after text was inserted', () => {
    const selectors = clip(ARTICLE, 'the', 3);
    // Inserting exactly the distance between two occurrences puts another "the" at the old offset.
    const shift = occurrence(ARTICLE, 'the', 3) - occurrence(ARTICLE, 'the', 2);
    const edited = `${'x'.repeat(shift - 1)} ${ARTICLE}`;
    expect(edited.startsWith('the', occurrence(ARTICLE, 'the', 3))).toBe(true);
    expect(anchorPassage(edited, selectors)).toMatchObject({ start: occurrence(ARTICLE, 'the', 3) + shift });
  });

  it('does not guess among occurrences of a short quote whose context is gone', () => {
    const selectors = clip(ARTICLE, 'MLPS', 2);
    const rewritten = [
      'The MLPS grading guide was reissued.',
      'Auditors for MLPS are licensed by the ministry.',
      'A company may appeal its MLPS grade once.',
    ].join(' ');
    expect(anchorPassage(rewritten, selectors)).toBeNull();
    // Positive control: the same selectors do anchor when the original sentence is present.
    expect(anchorPassage(`${rewritten} ${ARTICLE}`, selectors)).not.toBeNull();
  });

  it('does not take a lone mention of a short quote elsewhere for a passage whose sentence was deleted', () => {
    const selectors = clip(ARTICLE, 'MLPS', 2);
    const other = 'An unrelated report mentions MLPS once, in passing, near the end.';
    expect(anchorPassage(other, selectors)).toBeNull();
    // Positive control: with some of its context still there, the lone occurrence is the passage.
    const at = occurrence(ARTICLE, 'MLPS', 2);
    const kept = `An unrelated report. ${ARTICLE.slice(at - 20, at + 30)}`;
    expect(anchorPassage(kept, selectors)).toMatchObject({ start: kept.indexOf('MLPS'), method: 'quote' });
  });

  it('does not pick a repeated quote at its old offset when the context there is different', () => {
    const selectors = clip(ARTICLE, 'MLPS', 4);
    const { start } = selectors[1] as { start: number };
    // A page of look-alike sentences whose fourth "MLPS" sits exactly at the old offset.
    const filler = 'The MLPS is discussed here. ';
    let page = filler.repeat(Math.ceil(start / filler.length) + 5);
    page = `${page.slice(0, start - 4)}The MLPS${page.slice(start + 4)}`;
    expect(page.startsWith('MLPS', start)).toBe(true);
    expect(anchorPassage(page, selectors)).toBeNull();
  });

  it('does not let nearness to the old offset pick between occurrences that both lost their context', () => {
    const selectors = clip(ARTICLE, 'MLPS', 1);
    const { start } = selectors[1] as { start: number };
    const opening = 'Background reading on grading rules. '.repeat(10);
    const page = `${opening.slice(0, start - 4)}The MLPS guide was reissued. ${'Unrelated prose. '.repeat(40)}Ask MLPS auditors.`;
    expect(page.startsWith('MLPS', start)).toBe(true);
    expect(anchorPassage(page, selectors)).toBeNull();
  });

  it('does not take a heavily edited passage whose context is also gone', () => {
    const passage = 'Operators of systems graded level three or above must file with';
    const selectors = clip(ARTICLE, passage);
    // Ten edits in 63 characters: within reach of the approximate search, but not nearly intact.
    const edited = 'Owners of systems graded level three or above must now file with';
    expect(
      anchorPassage(`Nothing here is about grading. ${edited} their own auditors each year.`, selectors),
    ).toBeNull();
    // Positive control: the same edit in its original surroundings is found.
    expect(anchorPassage(ARTICLE.replace(passage, edited), selectors)).toMatchObject({ method: 'fuzzy' });
  });

  it('finds a repeated quote clipped at an edge of the page at that edge, though the text beside it changed', () => {
    const opening = 'China’s';
    const closing = 'regime.';
    const rows = [
      {
        name: 'opening',
        selectors: clip(ARTICLE, opening),
        page: `${opening} new rules are summarised below. Under ${opening} law, in ${opening} courts, the scheme applies. ${ARTICLE.slice(8)}`,
        expected: 0,
      },
      {
        name: 'closing',
        selectors: clip(ARTICLE, closing),
        page: `${ARTICLE.slice(0, -closing.length)}framework. A different ${closing} And a final ${closing}`,
        expected: -closing.length,
      },
    ];
    const failing = rows.filter(({ selectors, page, expected }) => {
      const start = expected < 0 ? page.length + expected : expected;
      return anchorPassage(page, selectors)?.start !== start;
    });
    expect(failing.map((r) => r.name)).toEqual([]);
  });

  it('finds a Chinese passage after text was inserted before it', () => {
    const page =
      '国家互联网信息办公室发布了《网络数据安全管理条例》，自2025年1月1日起施行。条例要求网络数据处理者落实等保要求，' +
      '并定期开展风险评估。';
    const passage = '网络数据处理者落实等保要求';
    const selectors = clip(page, passage);
    const edited = `【新闻】本文更新于今日。${page}`;
    const start = edited.indexOf(passage);
    expect(anchorPassage(edited, selectors)).toEqual({ start, end: start + passage.length, method: 'quote' });
  });

  it('refuses an approximate match when two near-copies are equally close', () => {
    const passage = 'Article 21 requires network operators to follow the Multi-Level';
    const selectors = clip(ARTICLE, passage);
    const edited = [
      'A summary follows.',
      'Article 22 requires network operators to follow the Multi-Level rules for data.',
      'Separately, Article 23 requires network operators to follow the Multi-Level rules for logs.',
    ].join(' ');
    expect(anchorPassage(edited, selectors)).toBeNull();
    // Positive control: with only one near-copy the approximate match is taken.
    const single = edited.replace('Article 23 requires', 'Article 23 obliges');
    expect(anchorPassage(single, selectors)).toMatchObject({ method: 'fuzzy' });
  });

  it('gives a short quote no approximate match', () => {
    const selectors = clip(ARTICLE, 'level three');
    expect(anchorPassage(ARTICLE.replace('level three', 'level thre'), selectors)).toBeNull();
  });

  it('returns null without a quote selector to check the text against', () => {
    const selectors = clip(ARTICLE, 'Article 21').filter((s) => s.type === 'TextPositionSelector');
    expect(anchorPassage(ARTICLE, selectors)).toBeNull();
  });

  it('finds the same approximate match when the text is searched in small segments as in one go', () => {
    const passage = 'every system is graded from level one to level five';
    const selectors = clip(ARTICLE, passage);
    const failing: string[] = [];
    // The edited passage lands across segment boundaries at every shift.
    for (let shift = 0; shift < 96; shift += 7) {
      const edited = `${'x '.repeat(shift)}${ARTICLE.replace('level one', 'level 1')}`;
      const whole = new ApproximateSearch(edited, selectors, Number.POSITIVE_INFINITY);
      const parts = new ApproximateSearch(edited, selectors, 64);
      let steps = 0;
      while (whole.step());
      while (parts.step()) steps++;
      const a = JSON.stringify(whole.result());
      const b = JSON.stringify(parts.result());
      if (a !== b || a === 'null' || steps < 5)
        failing.push(`shift ${shift}: ${a} vs ${b} in ${steps} steps`);
    }
    expect(failing).toEqual([]);
  });
});
