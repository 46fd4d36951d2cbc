import { describe, expect, it } from 'vitest';
import { openScanned } from '../harness/page-probe';
import { useExtensionBrowser } from './support/fixture';
import { listedPacks, openLibrary, packText, subscribeTo, subscriptionAction } from './support/library';

const PACK_PATH = '/packs/team.json';
const JSON_TYPE = 'application/json; charset=utf-8';

/** The team's pack as its web server serves it, with `terms` in it. */
function teamPack(terms: { id: string; term: string; definition: string }[]): string {
  return JSON.stringify({
    format: 'termlight-glossary',
    version: 1,
    id: 'team-shared',
    name: 'Team shared words',
    language: 'en',
    terms,
  });
}

const FIRST_TERMS = [
  { id: 'quorum-sensing', term: 'quorum sensing', definition: 'How bacteria act once they are many.' },
  { id: 'bellwether', term: 'bellwether', definition: 'The one the others follow.' },
];
const NEW_TERM = {
  id: 'keystone-species',
  term: 'keystone species',
  definition: 'One a community rests on.',
};

describe.each(['chromium', 'firefox'] as const)('subscribing to a glossary by URL in %s', (name) => {
  const ctx = useExtensionBrowser(name);

  /** The team terms highlighted on the fixture page, opened afresh. */
  const teamHighlights = async () => {
    const page = await ctx.page();
    const highlights = await openScanned(page, ctx.url('e2e/team-shared.html'));
    await page.close();
    return highlights.map((h) => h.text);
  };

  /** What the server answered for the pack since request number `from`. */
  const packRequests = (from: number) => ctx.server.requests.slice(from).filter((r) => r.path === PACK_PATH);

  it('refuses a URL that is not http or https, and changes nothing', async () => {
    const library = await ctx.page();
    await openLibrary(library, ctx.browser);
    const before = await listedPacks(library);
    const status = await subscribeTo(library, 'ftp://127.0.0.1/packs/team.json', /Subscription failed/);
    expect(status).toContain('only http and https URLs can be subscribed to');
    expect(await listedPacks(library)).toEqual(before);
  });

  it('subscribes, refreshes with a 304, picks up a change, keeps the last good version on an error, and copies', async () => {
    ctx.server.route(PACK_PATH, teamPack(FIRST_TERMS), JSON_TYPE);
    const packUrl = `${ctx.server.origin}${PACK_PATH}`;
    const library = await ctx.page();
    await openLibrary(library, ctx.browser);

    // Subscribe: the pack is listed with its URL and refresh time, and its terms are highlighted.
    const subscribed = await subscribeTo(library, packUrl, /Subscribed|failed/);
    expect(subscribed).toContain('Subscribed to "Team shared words": 2 terms.');
    await library.waitForSelector('aria/Enable Team shared words');
    expect(await listedPacks(library)).toContain('Team shared words: 2 terms');
    const card = await packText(library, 'Team shared words');
    expect(card).toContain(packUrl);
    expect(card).toContain('Last refreshed');
    expect(await teamHighlights()).toEqual(['quorum sensing', 'bellwether']);

    // Unchanged on the server: the refresh sends the ETag back and the server answers 304.
    let mark = ctx.server.requests.length;
    const unchanged = await subscriptionAction(
      library,
      'Team shared words',
      'Refresh now',
      /up to date|updated|failed/,
    );
    expect(unchanged).toContain('"Team shared words" is up to date.');
    const conditional = packRequests(mark);
    expect(conditional).toHaveLength(1);
    expect(conditional[0]?.status).toBe(304);
    expect(conditional[0]?.ifNoneMatch).toMatch(/^"[0-9a-f]+"$/);

    // A term added on the server: the refresh fetches it, and the page highlights it.
    ctx.server.route(PACK_PATH, teamPack([...FIRST_TERMS, NEW_TERM]), JSON_TYPE);
    mark = ctx.server.requests.length;
    const updated = await subscriptionAction(
      library,
      'Team shared words',
      'Refresh now',
      /up to date|updated|failed/,
    );
    expect(updated).toContain('"Team shared words" updated: 3 terms.');
    expect(packRequests(mark).map((r) => r.status)).toEqual([200]);
    expect(await teamHighlights()).toEqual(['quorum sensing', 'bellwether', 'keystone species']);

    // Broken JSON on the server: the error is announced and shown with the pack; the terms stay.
    ctx.server.route(PACK_PATH, '{"format": "termlight-glossary", "terms": [', JSON_TYPE);
    const broken = await subscriptionAction(
      library,
      'Team shared words',
      'Refresh now',
      /up to date|updated|failed/,
    );
    expect(broken).toContain('Refresh of "Team shared words" failed; the last good version is kept.');
    expect(broken).toContain(`${packUrl} has`);
    await library.waitForFunction(
      () =>
        document.querySelector('.subscription-error')?.textContent?.includes('Last refresh failed') ?? false,
      { timeout: 10_000 },
    );
    expect(await packText(library, 'Team shared words')).toContain('The last good version is kept');
    expect(await listedPacks(library)).toContain('Team shared words: 3 terms');
    expect(await teamHighlights()).toEqual(['quorum sensing', 'bellwether', 'keystone species']);

    // The error is still shown in a library opened afresh.
    await openLibrary(library, ctx.browser);
    expect(await packText(library, 'Team shared words')).toContain('Last refresh failed');

    // A local copy: listed, editable (no subscription controls), and switched off.
    const copied = await subscriptionAction(
      library,
      'Team shared words',
      'Copy to local pack',
      /Copied|Could not/,
    );
    expect(copied).toContain('Copied "Team shared words" to the local pack "Team shared words (local copy)"');
    await library.waitForSelector('aria/Enable Team shared words (local copy)');
    expect(await listedPacks(library)).toContain('Team shared words (local copy): 3 terms');
    const copy = await packText(library, 'Team shared words (local copy)');
    expect(copy).not.toContain('Refresh now');
    expect(copy).not.toContain(packUrl);
  });
});
