import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type PageState, pageStateFor, samePageState } from '../../../src/shared/settings';

const off = { ...DEFAULT_SETTINGS, disabledSites: ['news.example'] };

describe("a frame's state, decided from its tab's top-level page", () => {
  it('is off in every frame of a switched-off site, and on elsewhere', () => {
    expect(pageStateFor(off, 'https://news.example/article?x#y').on).toBe(false);
    expect(pageStateFor(off, 'http://news.example:8080/').on).toBe(false);
    expect(pageStateFor(off, 'https://other.example/').on).toBe(true);
    // A subdomain is a site of its own.
    expect(pageStateFor(off, 'https://www.news.example/').on).toBe(true);
    // A tab with no site (about:blank, a file) is on unless paused.
    expect(pageStateFor(off, 'about:blank').on).toBe(true);
  });

  it('is off everywhere while paused, whatever the site', () => {
    const paused = { ...DEFAULT_SETTINGS, paused: true };
    const failing = ['https://other.example/', 'about:blank', 'file:///tmp/a.html', ''].filter(
      (url) => pageStateFor(paused, url).on,
    );
    expect(failing).toEqual([]);
  });

  it('carries the scan options and nothing of the site list', () => {
    const state = pageStateFor(
      { ...off, includeCode: true, firstOccurrenceOnly: true },
      'https://a.example/',
    );
    expect(state).toEqual({ on: true, includeCode: true, firstOccurrenceOnly: true });
  });

  it('counts scan options as a change only where Termlight is on', () => {
    const on: PageState = { on: true, firstOccurrenceOnly: false, includeCode: false };
    expect(samePageState(on, { ...on })).toBe(true);
    expect(samePageState(on, { ...on, includeCode: true })).toBe(false);
    expect(samePageState(on, { ...on, on: false })).toBe(false);
    expect(
      samePageState({ ...on, on: false }, { on: false, firstOccurrenceOnly: true, includeCode: true }),
    ).toBe(true);
  });
});
