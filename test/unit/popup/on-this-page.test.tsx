// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OnThisPage } from '../../../src/popup/on-this-page';
import browser from '../../../src/shared/browser';
import type { FramePageTerms, Request } from '../../../src/shared/messages';

afterEach(() => {
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

/** Renders the list for tab 5, whose one frame holds `count` terms; returns what was asked of the background. */
async function renderWithTerms(count: number): Promise<{ asked: Request[]; text: () => string }> {
  const terms = Array.from({ length: count }, (_, i) => ({ id: `p/t${i}`, count: 1, first: i }));
  const answer: FramePageTerms = { terms, clippings: 2 };
  vi.spyOn(browser.tabs, 'sendMessage').mockImplementation(async () => answer as never);
  const asked: Request[] = [];
  vi.spyOn(browser.runtime, 'sendMessage').mockImplementation(async (message: unknown) => {
    const request = message as Request;
    asked.push(request);
    const names =
      request.type === 'getTermNames'
        ? Object.fromEntries(request.ids.map((id) => [id, `Name of ${id}`]))
        : null;
    return { ok: true, value: names };
  });
  // Messages with their substitutions, so the names show in the text.
  vi.spyOn(browser.i18n, 'getMessage').mockImplementation(
    (key: string, subs?: string | string[]) => `${key}(${[subs ?? []].flat().join(',')})`,
  );
  const root = document.createElement('div');
  document.body.append(root);
  render(<OnThisPage tabId={5} />, root);
  await vi.waitFor(() => expect(root.querySelector('.page-terms')).not.toBeNull());
  return { asked, text: () => root.textContent ?? '' };
}

describe('"On this page"', () => {
  it('asks the background once for the names of all the terms of the page', async () => {
    const { asked, text } = await renderWithTerms(30);
    expect(asked.map((r) => r.type)).toEqual(['getTermNames']);
    expect(asked[0]).toMatchObject({ ids: expect.arrayContaining(['p/t0', 'p/t29']) });
    expect(text()).toContain('Name of p/t29');
    expect(document.querySelectorAll('.page-terms button')).toHaveLength(30);
  });
});
