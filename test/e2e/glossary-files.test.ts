/**
 * Glossary files through the library: CSV and TBX import, malformed files refused with their place,
 * the merge report before a pack is replaced, and export then import giving the same pack.
 */
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openScanned } from '../harness/page-probe';
import { finishedDownload } from './support/downloads';
import { useExtensionBrowser } from './support/fixture';
import {
  answerMergeReport,
  dropFile,
  exportPack,
  importFile,
  importPath,
  listedPacks,
  openLibrary,
  readMergeReport,
} from './support/library';

/** The default pack's and the team packs' terms on the page, for comparing highlights as text. */
const TEAM_TERMS = ['sprint review', 'retro', 'style guide', 'translation memory'];

describe.each(['chromium', 'firefox'] as const)('glossary files in %s', (name) => {
  const ctx = useExtensionBrowser(name);

  it('imports a CSV pack and a TBX-Basic pack and highlights their terms', async () => {
    const library = await ctx.page();
    await openLibrary(library, ctx.browser);

    const csv = await importFile(library, 'e2e/team-pack.csv', /imported|failed/);
    expect(csv).toContain('Glossary "team-pack" imported: 2 terms');
    const tbx = await importFile(library, 'e2e/team-pack.tbx', /Translation team terms.*imported|failed/);
    expect(tbx).toContain('Glossary "Translation team terms" imported: 2 terms');
    await library.waitForSelector('aria/Enable Translation team terms');
    expect(await listedPacks(library)).toEqual(
      expect.arrayContaining(['team-pack: 2 terms', 'Translation team terms: 2 terms']),
    );

    const page = await ctx.page();
    const highlights = await openScanned(page, ctx.url('e2e/team-terms.html'));
    expect(highlights.map((h) => h.text)).toEqual(TEAM_TERMS);
    // Each pack in its own colour.
    expect(new Set(highlights.map((h) => h.name)).size).toBe(2);
  });

  it('refuses a CSV with an unterminated quote and a TBX with entities, by place, and changes nothing', async () => {
    const library = await ctx.page();
    await openLibrary(library, ctx.browser);
    const before = await listedPacks(library);

    const csv = await importFile(library, 'e2e/broken-quote.csv', /Import failed|imported/);
    expect(csv).toContain('Import failed, nothing was changed. broken-quote.csv has 1 problem');
    expect(csv).toMatch(/line 3: malformed quoting: Quoted field unterminated/);

    const tbx = await importFile(library, 'e2e/entity.tbx', /Import failed|imported/);
    expect(tbx).toContain('Import failed, nothing was changed. entity.tbx has 1 problem');
    expect(tbx).toMatch(/line 2, column 1: DTDs are not accepted/);

    expect(await listedPacks(library)).toEqual(before);
    await openLibrary(library, ctx.browser);
    expect(await listedPacks(library)).toEqual(before);
  });

  it('refuses a file over 200 MB before reading it, giving its size and the limit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'termlight-huge-'));
    try {
      // Sparse: the size is on record, the disk holds nothing.
      const huge = join(dir, 'huge-pack.json');
      closeSync(openSync(huge, 'w'));
      truncateSync(huge, 201 * 1024 * 1024);
      const library = await ctx.page();
      await openLibrary(library, ctx.browser);
      const before = await listedPacks(library);
      const status = await importPath(library, huge, /Import failed|imported/);
      expect(status).toBe(
        'Import failed, nothing was changed: huge-pack.json is 201 MB, over the 200 MB limit for a glossary file.',
      );
      expect(await listedPacks(library)).toEqual(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('shows a merge report before replacing a pack: Cancel keeps it, Replace replaces it', async () => {
    const library = await ctx.page();
    await openLibrary(library, ctx.browser);
    expect(await importFile(library, 'e2e/team-pack.json', /imported|failed/)).toMatch(
      /Glossary "Team fruit words" imported: 2 terms\./,
    );
    await library.waitForSelector('aria/Enable Team fruit words');
    const before = await listedPacks(library);
    expect(before).toContain('Team fruit words: 2 terms');

    expect(await importFile(library, 'e2e/team-pack-v2.json', /would replace|imported|failed/)).toMatch(
      /team-pack-v2\.json would replace the glossary "Team fruit words"/,
    );
    const report = await readMergeReport(library);
    expect(report.heading).toBe('Replace "Team fruit words"?');
    expect(report).toMatchObject({ added: ['harvest-moon'], changed: ['cacao'], removed: ['audit-season'] });
    expect(report.text).toContain('1 term added');
    expect(report.text).toContain('1 term changed');
    expect(report.text).toContain('1 term removed');
    expect(report.text).toContain('details (name, description, language, date) stay the same');
    expect(report.text).not.toContain('built into Termlight');
    expect(report.focused).toBe(true);

    expect(await answerMergeReport(library, 'Cancel', /cancelled|replaced|failed/)).toBe(
      'Import cancelled, nothing was changed.',
    );
    expect(await library.$('aria/Replace glossary[role="button"]')).toBeNull();
    await openLibrary(library, ctx.browser);
    expect(await listedPacks(library)).toEqual(before);
    const page = await ctx.page();
    const kept = await openScanned(page, ctx.url('e2e/four-terms.html'));
    expect(kept.filter((h) => h.name !== 'termlight-term').map((h) => h.text)).toEqual([
      'audit season',
      'cacao',
    ]);

    // The same file again, dropped on the tab this time.
    await library.bringToFront();
    await dropFile(library, 'e2e/team-pack-v2.json', /would replace|imported|failed/);
    expect(await readMergeReport(library)).toMatchObject({ changed: ['cacao'] });
    expect(await answerMergeReport(library, 'Replace glossary', /replaced|failed/)).toBe(
      'Glossary "Team fruit words" replaced: 2 terms (1 added, 1 changed, 1 removed).',
    );
    await openLibrary(library, ctx.browser);
    expect(await listedPacks(library)).toEqual(before);
    const replaced = await openScanned(page, ctx.url('e2e/four-terms.html'));
    expect(replaced.filter((h) => h.name !== 'termlight-term').map((h) => h.text)).toEqual(['cacao']);
  });

  it('says so when an import would replace the built-in pack, and lists long changes in part', async () => {
    const library = await ctx.page();
    await openLibrary(library, ctx.browser);
    const before = await listedPacks(library);
    await importFile(library, 'e2e/builtin-override.json', /would replace|imported|failed/);
    const report = await readMergeReport(library);
    expect(report.heading).toBe('Replace "China cyber policy"?');
    expect(report.text).toContain('"China cyber policy" is the glossary built into Termlight');
    expect(report.text).toContain('renamed "China cyber policy (team edition)"');
    expect(report).toMatchObject({ added: [], changed: ['mlps'] });
    // The file keeps one term of the built-in pack: every other one is removed, 50 of them listed.
    const builtin = JSON.parse(
      readFileSync(join(import.meta.dirname, '../../glossary/china-cyber-policy.json'), 'utf8'),
    ) as {
      terms: unknown[];
    };
    const removed = builtin.terms.length - 1;
    expect(report.removed).toHaveLength(50);
    expect(report.text).toContain(`${removed} terms removed`);
    expect(report.text).toContain(`and ${removed - 50} more`);
    await answerMergeReport(library, 'Cancel', /cancelled/);
    expect(await listedPacks(library)).toEqual(before);
  });
});

describe.each(['chromium', 'firefox'] as const)('exporting glossaries in %s', (name) => {
  const downloadDir = mkdtempSync(join(tmpdir(), 'termlight-downloads-'));
  const ctx = useExtensionBrowser(name, { downloadDir });
  afterAll(() => rmSync(downloadDir, { recursive: true, force: true }));

  /** Waits for the finished download `file` and returns its path. */
  function downloaded(file: string): Promise<string> {
    return finishedDownload(downloadDir, (name) => name === file);
  }

  it('exports the built-in pack as JSON, CSV and TBX, and each file imports back as the same pack', async () => {
    const library = await ctx.page();
    await openLibrary(library, ctx.browser);
    const before = await listedPacks(library);
    const pack = 'China cyber policy';
    for (const [button, file] of [
      ['Export JSON', 'china-cyber-policy.json'],
      ['Export CSV', 'china-cyber-policy.csv'],
      ['Export TBX', 'china-cyber-policy.tbx'],
    ] as const) {
      expect(await exportPack(library, pack, button)).toMatch(
        new RegExp(`^Exported "${pack}" \\(\\d+ terms\\) to ${file.replace('.', '\\.')}\\.$`),
      );
    }
    const json = await downloaded('china-cyber-policy.json');
    const csv = await downloaded('china-cyber-policy.csv');
    const tbx = await downloaded('china-cyber-policy.tbx');
    expect(JSON.parse(readFileSync(json, 'utf8'))).toMatchObject({ id: 'china-cyber-policy', name: pack });
    expect(readFileSync(csv, 'utf8')).toContain('等级保护');
    expect(readFileSync(tbx, 'utf8')).toMatch(/<conceptEntry id="mlps">/);

    for (const path of [json, tbx]) {
      await importPath(library, path, /would replace|imported|failed/);
      const report = await readMergeReport(library);
      expect(report.heading).toBe(`Replace "${pack}"?`);
      expect(report.text).toContain('0 terms added');
      expect(report.text).toContain('0 terms changed');
      expect(report.text).toContain('0 terms removed');
      expect(report.text).toContain('stay the same');
      await answerMergeReport(library, 'Cancel', /cancelled/);
    }
    // CSV carries no alias languages or case flags, and takes its name from the file: it still
    // matches every term by id.
    await importPath(library, csv, /would replace|imported|failed/);
    const report = await readMergeReport(library);
    expect(report.text).toContain('0 terms added');
    expect(report.text).toContain('0 terms removed');
    await answerMergeReport(library, 'Cancel', /cancelled/);
    expect(await listedPacks(library)).toEqual(before);
  });

  it('replaces an imported pack with its own TBX export, term for term', async () => {
    const library = await ctx.page();
    await openLibrary(library, ctx.browser);
    await importFile(library, 'e2e/team-pack.tbx', /imported|failed/);
    expect(await exportPack(library, 'Translation team terms', 'Export TBX')).toBe(
      'Exported "Translation team terms" (2 terms) to translation-team-terms.tbx.',
    );
    await importPath(
      library,
      await downloaded('translation-team-terms.tbx'),
      /would replace|imported|failed/,
    );
    const report = await readMergeReport(library);
    expect(report).toMatchObject({ added: [], changed: [], removed: [] });
    expect(await answerMergeReport(library, 'Replace glossary', /replaced|failed/)).toBe(
      'Glossary "Translation team terms" replaced: 2 terms (0 added, 0 changed, 0 removed).',
    );
  });
});
