/**
 * Editing glossaries in the library: a new local pack, the term editor (validated as you type with
 * the importer's validator), terms highlighted on an open page without a reload, deleting a term or
 * a pack with undo, the read-only built-in pack, and `#new-term=` ("Add to glossary" on a page).
 * The tests run in order and build on each other, as a user's library would.
 */
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { openScanned, readHighlights } from '../harness/page-probe';
import { useExtensionBrowser } from './support/fixture';
import {
  chooseOption,
  control,
  controlState,
  fillField,
  group,
  listedPacks,
  openLibrary,
  openLibraryAt,
  pressButton,
  pressForStatus,
  showTerms,
  switchIsOn,
  termListButtons,
  waitForControl,
  waitForFocus,
  waitForTermEditor,
  waitForTermEditorClosed,
} from './support/library';

const PAGE = 'e2e/made-up-terms.html';

/** Waits until the highlighted texts on `page` (as a set, lower-cased) satisfy `check`; returns them. */
async function waitForHighlights(page: Page, check: (texts: string[]) => boolean): Promise<string[]> {
  const until = Date.now() + 15_000;
  for (;;) {
    const texts = (await readHighlights(page)).map((h) => h.text.toLowerCase());
    if (check(texts)) return texts;
    if (Date.now() > until)
      throw new Error(`Highlights did not change as expected: ${JSON.stringify(texts)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.each(['chromium', 'firefox'] as const)('editing glossaries in %s', (name) => {
  const ctx = useExtensionBrowser(name);

  it('"Add to glossary" (#new-term=) with no glossary of the reader\'s own offers "My glossary"', async () => {
    const library = await ctx.page();
    await openLibraryAt(library, ctx.browser, '#new-term=zorblax%20compliance');
    const editor = await waitForTermEditor(library);
    expect(editor).toEqual({ heading: 'New term', focusInside: true });
    await waitForFocus(library, 'Term');
    expect(await library.$eval('[role="tab"][aria-selected="true"]', (t) => t.textContent)).toBe(
      'Glossaries',
    );
    expect((await controlState(library, 'Term')).value).toBe('zorblax compliance');
    expect((await controlState(library, 'Term id')).value).toBe('zorblax-compliance');
    // The built-in pack is read-only: there is nowhere to save yet.
    expect((await controlState(library, 'Save term', 'button')).disabled).toBe(true);

    await pressButton(library, 'Create "My glossary"');
    const chosen = await waitForControl(library, 'Glossary', (s) => s.option === 'My glossary');
    expect(chosen.value).toBe('my-glossary');
    await fillField(library, 'Definition', 'A made-up rule that only these tests follow.');
    await waitForControl(library, 'Save term', (s) => !s.disabled, 'button');
    const status = await pressForStatus(library, 'Save term', /Term "zorblax compliance" saved\./);
    expect(status).toContain('Term "zorblax compliance" saved.');
    await waitForTermEditorClosed(library);
    // The hash is used up: reloading the library does not open the editor again.
    expect(await library.evaluate(() => location.hash)).toBe('#glossaries');
    // The pack it went into is open, with the term and the focus on its "Edit" button.
    await library.waitForSelector('aria/Edit zorblax compliance[role="button"]', { timeout: 10_000 });
    await waitForFocus(library, 'Edit zorblax compliance');

    const page = await ctx.page();
    const highlights = await openScanned(page, ctx.url(PAGE));
    expect(highlights.map((h) => h.text)).toEqual(['zorblax compliance']);
  });

  it('creates a glossary and adds a term (an invalid source URL blocks it first); an open page highlights it live', async () => {
    const page = await ctx.page();
    const before = await openScanned(page, ctx.url(PAGE));
    expect(before.map((h) => h.text)).toEqual(['zorblax compliance']);

    const library = await ctx.page();
    await openLibrary(library, ctx.browser);
    await pressButton(library, 'New glossary');
    await waitForFocus(library, 'Glossary name');
    // The same validator as an import: a bad language tag is refused with its reason.
    await fillField(library, 'Glossary name', 'Team words');
    await fillField(library, 'Glossary language', 'not a tag');
    await pressButton(library, 'Create glossary');
    const language = await waitForControl(library, 'Glossary language', (s) => s.invalid);
    expect(language.description).toContain('is not a BCP 47 language tag');
    await waitForFocus(library, 'Glossary language');
    await fillField(library, 'Glossary language', 'en');
    await pressForStatus(library, 'Create glossary', /Glossary "Team words" created\./);

    // Listed, enabled, its (empty) term list open, and focus on its "Add term".
    expect(await switchIsOn(library, 'Enable Team words')).toBe(true);
    await showTerms(library, 'Team words');
    expect(await termListButtons(library, 'Team words')).toEqual([]);
    const manage = await group(library, 'Manage Team words');
    await waitForFocus(library, 'Add term');
    expect(await manage.evaluate((g) => g.contains(document.activeElement))).toBe(true);

    await pressButton(manage, 'Add term');
    expect(await waitForTermEditor(library)).toEqual({ heading: 'New term', focusInside: true });
    await fillField(library, 'Term', 'Quibbleflux audit');
    expect((await controlState(library, 'Term id')).value).toBe('quibbleflux-audit');
    // Enter with the definition still empty saves nothing: it marks the definition and goes there.
    await (await control(library, 'Term')).press('Enter');
    await waitForControl(library, 'Definition', (s) => s.invalid);
    await waitForFocus(library, 'Definition');
    await fillField(library, 'Definition', 'A review that every team runs before a release.');
    await pressButton(library, 'Add source');
    const source = await group(library, 'Source 1');
    await waitForFocus(library, 'Source title');
    await fillField(library, 'Source title', 'Team handbook', source);
    await fillField(library, 'Source URL', 'ftp://example.com/handbook', source);

    // Checked as it is typed: once typing stops, the error names the scheme.
    const url = await waitForControl(source, 'Source URL', (s) => s.description.includes('not ftp:'));
    expect(url).toMatchObject({
      invalid: true,
      description: 'source URL must use http: or https:, not ftp:',
    });
    // Save term with a problem left saves nothing and takes the focus to the problem.
    await pressButton(library, 'Save term');
    await waitForFocus(library, 'Source URL');
    const summary = await library.$eval('#term-editor-summary', (s) => s.textContent ?? '');
    expect(summary).toContain('Source 1 URL: source URL must use http: or https:, not ftp:');
    // Nothing was saved meanwhile.
    expect((await readHighlights(page)).map((h) => h.text)).toEqual(['zorblax compliance']);

    await fillField(library, 'Source URL', 'https://example.com/handbook', source);
    await waitForControl(source, 'Source URL', (s) => !s.invalid);
    await waitForControl(library, 'Save term', (s) => !s.disabled, 'button');
    await pressForStatus(library, 'Save term', /Term "Quibbleflux audit" saved\./);
    await waitForTermEditorClosed(library);
    // Back to the button the editor was opened from.
    await waitForFocus(library, 'Add term');
    expect(await listedPacks(library)).toContain('Team words: 1 term');

    // The open page was not reloaded: the snapshot bump re-highlights it.
    await page.bringToFront();
    const live = await waitForHighlights(page, (t) => t.includes('quibbleflux audit'));
    expect(live).toEqual(['zorblax compliance', 'quibbleflux audit']);
  });

  it('edits a term (Escape cancels), deletes it and undoes, and deletes the glossary and undoes', async () => {
    const page = await ctx.page();
    await openScanned(page, ctx.url(PAGE));
    const library = await ctx.page();
    await openLibrary(library, ctx.browser);
    await showTerms(library, 'Team words');
    expect(await termListButtons(library, 'Team words')).toEqual([
      'Edit Quibbleflux audit',
      'Delete Quibbleflux audit',
    ]);

    // Escape closes the editor without saving, and focus goes back to "Edit".
    await pressButton(library, 'Edit Quibbleflux audit');
    expect(await waitForTermEditor(library)).toEqual({ heading: 'Edit term', focusInside: true });
    expect((await controlState(library, 'Source URL')).value).toBe('https://example.com/handbook');
    await fillField(library, 'Term', 'Changed and dropped');
    await library.keyboard.press('Escape');
    await waitForTermEditorClosed(library);
    await waitForFocus(library, 'Edit Quibbleflux audit');

    await pressButton(library, 'Edit Quibbleflux audit');
    await waitForTermEditor(library);
    expect((await controlState(library, 'Term')).value).toBe('Quibbleflux audit');
    expect((await controlState(library, 'Term id')).value).toBe('quibbleflux-audit');
    await pressButton(library, 'Add alias');
    const alias = await group(library, 'Alias 1');
    await waitForFocus(library, 'Alias');
    await fillField(library, 'Alias', 'QFA', alias);
    await chooseOption('Alias language', 'en', alias);
    await chooseOption('Case', 'yes', alias);
    await fillField(library, 'Definition', 'The review every team runs before a release (QFA).');
    await waitForControl(library, 'Save term', (s) => !s.disabled, 'button');
    await pressForStatus(library, 'Save term', /Term "Quibbleflux audit" saved\./);
    await waitForTermEditorClosed(library);
    await waitForFocus(library, 'Edit Quibbleflux audit');
    await library.waitForFunction(
      () => document.querySelector('.terms')?.textContent?.includes('(QFA).') ?? false,
      { timeout: 10_000 },
    );

    await page.bringToFront();
    expect(await waitForHighlights(page, (t) => t.includes('qfa'))).toEqual([
      'zorblax compliance',
      'quibbleflux audit',
      'qfa',
    ]);

    // Delete: gone from the list at once, the page follows, and "Undo" (focused) puts it back.
    await library.bringToFront();
    await pressForStatus(library, 'Delete Quibbleflux audit', /Term "Quibbleflux audit" deleted\./);
    expect(await termListButtons(library, 'Team words')).toEqual([]);
    await waitForFocus(library, 'Undo');
    await page.bringToFront();
    expect(await waitForHighlights(page, (t) => !t.includes('qfa'))).toEqual(['zorblax compliance']);
    await library.bringToFront();
    await pressForStatus(library, 'Undo', /Term "Quibbleflux audit" restored\./);
    await library.waitForSelector('aria/Edit Quibbleflux audit[role="button"]', { timeout: 10_000 });
    await page.bringToFront();
    expect(await waitForHighlights(page, (t) => t.includes('qfa'))).toHaveLength(3);

    // Delete the whole glossary, then undo.
    await library.bringToFront();
    await pressForStatus(
      library,
      'Delete glossary',
      /Glossary "Team words" deleted\./,
      await group(library, 'Manage Team words'),
    );
    await library.waitForFunction(
      () => ![...document.querySelectorAll('.pack .name')].some((n) => n.textContent === 'Team words'),
    );
    await waitForFocus(library, 'Undo');
    await page.bringToFront();
    expect(await waitForHighlights(page, (t) => !t.includes('qfa'))).toEqual(['zorblax compliance']);
    await library.bringToFront();
    await pressForStatus(library, 'Undo', /Glossary "Team words" restored\./);
    await library.waitForSelector('aria/Enable Team words', { timeout: 10_000 });
    expect(await listedPacks(library)).toContain('Team words: 1 term');
    await page.bringToFront();
    expect(await waitForHighlights(page, (t) => t.includes('qfa'))).toHaveLength(3);
  });

  it('the built-in pack has no edit controls, and "Copy to local pack" makes an editable copy', async () => {
    const library = await ctx.page();
    await openLibrary(library, ctx.browser);
    const manage = await group(library, 'Manage China cyber policy');
    expect(await manage.evaluate((g) => [...g.querySelectorAll('button')].map((b) => b.textContent))).toEqual(
      ['Copy to local pack'],
    );
    await showTerms(library, 'China cyber policy');
    expect(await termListButtons(library, 'China cyber policy')).toEqual([]);

    const status = await pressForStatus(library, 'Copy to local pack', /Copied "China cyber policy"/, manage);
    expect(status).toContain('"China cyber policy (local copy)"');
    // Off, so the built-in pack's terms are not highlighted twice.
    expect(await switchIsOn(library, 'Enable China cyber policy (local copy)')).toBe(false);
    const copyActions = await group(library, 'Manage China cyber policy (local copy)');
    expect(
      await copyActions.evaluate((g) => [...g.querySelectorAll('button')].map((b) => b.textContent)),
    ).toEqual(['Add term', 'Delete glossary']);
  });

  it('#new-term= asks which glossary; an id already in the chosen one is refused until another is chosen', async () => {
    const library = await ctx.page();
    await openLibraryAt(library, ctx.browser, '#new-term=zorblax%20compliance');
    await waitForTermEditor(library);
    expect((await controlState(library, 'Term')).value).toBe('zorblax compliance');
    // The first glossary the reader can edit is chosen, and it already has this term.
    const glossary = await waitForControl(library, 'Glossary', (s) => s.value !== '');
    expect(glossary.option).toBe('My glossary');
    const id = await waitForControl(library, 'Term id', (s) => s.invalid);
    expect(id.description).toContain('duplicate term id "zorblax-compliance"');
    await fillField(library, 'Definition', 'The same made-up rule, kept by the team too.');
    await pressButton(library, 'Save term');
    await waitForFocus(library, 'Term id');

    await chooseOption('Glossary', 'team-words', library);
    await waitForControl(library, 'Term id', (s) => !s.invalid);
    await waitForControl(library, 'Save term', (s) => !s.disabled, 'button');
    await pressForStatus(library, 'Save term', /Term "zorblax compliance" saved\./);
    await waitForTermEditorClosed(library);
    expect(await library.evaluate(() => location.hash)).toBe('#glossaries');
    await showTerms(library, 'Team words');
    expect(await termListButtons(library, 'Team words')).toEqual([
      'Edit Quibbleflux audit',
      'Delete Quibbleflux audit',
      'Edit zorblax compliance',
      'Delete zorblax compliance',
    ]);
  });
});
