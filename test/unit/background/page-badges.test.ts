import { describe, expect, it } from 'vitest';
import { BadgeController, PageBadges } from '../../../src/background/page-badges';

describe('PageBadges', () => {
  it('counts distinct terms over the frames of a tab, per tab', () => {
    const badges = new PageBadges();
    expect(badges.report(1, 0, ['cn/mlps', 'cn/tc260'])).toBe('2');
    expect(badges.report(1, 5, ['cn/mlps', 'cn/cac'])).toBe('3');
    expect(badges.report(2, 0, ['cn/cac'])).toBe('1');
    expect(badges.textOf(1)).toBe('3');
    expect(badges.entries()).toEqual([
      [1, '3'],
      [2, '1'],
    ]);
  });

  it("replaces a frame's previous report, and an empty report removes the frame", () => {
    const badges = new PageBadges();
    badges.report(1, 0, ['a', 'b', 'c']);
    badges.report(1, 3, ['d']);
    expect(badges.report(1, 0, ['a'])).toBe('2');
    expect(badges.report(1, 3, [])).toBe('1');
    expect(badges.report(1, 0, [])).toBe('');
    expect(badges.entries()).toEqual([]);
  });

  it('forgets a tab on navigation, and caps the text', () => {
    const badges = new PageBadges();
    badges.report(1, 0, ['a']);
    badges.clearTab(1);
    expect(badges.textOf(1)).toBe('');
    const many = Array.from({ length: 1200 }, (_, i) => `p/t${i}`);
    expect(badges.report(4, 0, many)).toBe('999+');
  });
});

describe('BadgeController', () => {
  const api = () => {
    const shown: { tabId: number; text: string }[] = [];
    return {
      shown,
      setBadgeText: async (d: { tabId: number; text: string }) => {
        shown.push(d);
      },
      setBadgeBackgroundColor: async () => undefined,
    };
  };

  it('shows the count per tab, clears it on navigation of the top frame and drops a navigated subframe', async () => {
    const fake = api();
    const badges = new BadgeController(fake, true);
    expect(await badges.report(1, 0, ['a', 'b'])).toBe(2);
    await badges.report(1, 2, ['c']);
    await badges.navigated(1, 2);
    await badges.navigated(1, 0);
    expect(fake.shown).toEqual([
      { tabId: 1, text: '2' },
      { tabId: 1, text: '3' },
      { tabId: 1, text: '2' },
      { tabId: 1, text: '' },
    ]);
  });

  it('shows nothing while the setting is off, clears every badge when turned off and restores them when on', async () => {
    const fake = api();
    const badges = new BadgeController(fake, true);
    await badges.report(1, 0, ['a']);
    await badges.report(2, 0, ['a', 'b']);
    await badges.setEnabled(false);
    await badges.report(2, 0, ['a', 'b', 'c']);
    await badges.setEnabled(true);
    expect(fake.shown).toEqual([
      { tabId: 1, text: '1' },
      { tabId: 2, text: '2' },
      { tabId: 1, text: '' },
      { tabId: 2, text: '' },
      { tabId: 1, text: '1' },
      { tabId: 2, text: '3' },
    ]);
  });
});
