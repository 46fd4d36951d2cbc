import { describe, expect, it } from 'vitest';
import { tabIdParam } from '../../../src/popup/target-tab';

describe("the popup's target tab from ?tabId=N", () => {
  it('reads a tab id, and nothing from a malformed one', () => {
    expect(tabIdParam('?tabId=42')).toBe(42);
    expect(tabIdParam('?x=1&tabId=7')).toBe(7);
    const failing = ['', '?tabId=', '?tabId=-1', '?tabId=1.5', '?tabId=abc', '?tabId=12345678901'].filter(
      (search) => tabIdParam(search) !== null,
    );
    expect(failing).toEqual([]);
  });
});
