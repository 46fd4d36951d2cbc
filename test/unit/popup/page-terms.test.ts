import { describe, expect, it } from 'vitest';
import { mergeFrameTerms } from '../../../src/popup/page-terms';

describe('mergeFrameTerms', () => {
  it('sums counts by id, orders by first appearance with the top frame first, and sums clippings', () => {
    const summary = mergeFrameTerms([
      { frameId: 4, answer: { terms: [{ id: 'cn/cac', count: 2, first: 0 }], clippings: 1 } },
      {
        frameId: 0,
        answer: {
          terms: [
            { id: 'cn/tc260', count: 1, first: 3 },
            { id: 'cn/mlps', count: 3, first: 0 },
          ],
          clippings: 2,
        },
      },
      { frameId: 7, answer: null },
      {
        frameId: 9,
        answer: {
          terms: [
            { id: 'cn/mlps', count: 1, first: 0 },
            { id: 'cn/mss', count: 1, first: 1 },
          ],
          clippings: 0,
        },
      },
    ]);
    expect(summary).toEqual({
      terms: [
        { id: 'cn/mlps', count: 4, frameId: 0 },
        { id: 'cn/tc260', count: 1, frameId: 0 },
        { id: 'cn/cac', count: 2, frameId: 4 },
        { id: 'cn/mss', count: 1, frameId: 9 },
      ],
      clippings: 3,
    });
  });

  it('is empty when no frame answers', () => {
    expect(mergeFrameTerms([{ frameId: 0, answer: null }])).toEqual({ terms: [], clippings: 0 });
  });
});
