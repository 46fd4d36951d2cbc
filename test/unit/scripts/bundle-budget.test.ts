import { describe, expect, it } from 'vitest';
import { BUNDLE_BUDGETS, overBudget } from '../../../scripts/lib/bundle-budget.mjs';

describe('the bundle budgets', () => {
  it('holds content.js to the 60 KB of DESIGN.md', () => {
    expect(BUNDLE_BUDGETS['content.js']).toBe(60 * 1024);
  });

  it('names each bundle over its budget, and only those', () => {
    const outputs = {
      'dist/.bundle/content.js': { bytes: 61_500 },
      'dist/.bundle/content-ui.js': { bytes: 90_000 },
      'dist/.bundle/popup.js': { bytes: 2_000 },
      'dist/.bundle/library.js': { bytes: 500_000 },
    };
    const budgets = { 'content.js': 60 * 1024, 'popup.js': 2_000 };
    expect(overBudget(outputs, budgets)).toEqual(['content.js is 60.1 KB, over its budget of 60.0 KB']);
    expect(overBudget({ 'dist/.bundle/content.js': { bytes: 60 * 1024 } }, budgets)).toEqual([]);
  });
});
