/** Clippings for unit tests. */
import type { Clipping } from '../../../src/shared/clippings/model';

/** A clipping of "the saved passage" on example.com, with `overrides` (its selectors follow `exact`). */
export function makeClipping(overrides: Partial<Clipping> = {}): Clipping {
  const exact = overrides.exact ?? 'the saved passage';
  return {
    id: 'c1',
    url: 'https://example.com/article',
    site: 'example.com',
    title: 'An article',
    exact,
    selectors: [
      { type: 'TextQuoteSelector', exact, prefix: 'Before ', suffix: ' after' },
      { type: 'TextPositionSelector', start: 100, end: 100 + exact.length },
    ],
    note: '',
    tags: [],
    termIds: [],
    createdAt: Date.UTC(2026, 11, 1, 9, 30),
    updatedAt: Date.UTC(2026, 11, 2, 10, 45),
    anchored: true,
    ...overrides,
  };
}
