import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { failingItemsAsync } from '../support/data-table';
import { fixture, root, run, scratchDir } from './cli-harness';

describe('termlight validate', () => {
  it('validates the shipped pack', async () => {
    const { code, out } = await run('validate', join(root, 'glossary/china-cyber-policy.json'));
    expect(code).toBe(0);
    expect(out[0]).toMatch(/ok \(\d+ terms\)/);
  });

  it('reads JSON, CSV and TBX by their extensions', async () => {
    const files = ['team-terms.json', 'team-terms.csv', 'team-terms.tbx'].map(fixture);
    const { code, out, err } = await run('validate', ...files);
    expect({ code, err }).toEqual({ code: 0, err: [] });
    expect(out).toEqual([
      `${files[0]}: ok (3 terms)`,
      `${files[1]}: ok (2 terms)`,
      `${files[2]}: ok (2 terms)`,
    ]);
  });

  it('fails with the JSON path of each error', async () => {
    const file = fixture('broken.json');
    const { code, err } = await run('validate', file);
    expect(code).toBe(1);
    expect(err).toEqual([
      `${file}: $.terms[1].sources[0].url: source URL must use http: or https:, not ftp:`,
      `${file}: $.terms[0].related[0]: related id "b" does not match any term in this pack`,
    ]);
  });

  it('names the CSV line and the TBX place of an error, as the importer does', async () => {
    const csv = fixture('broken.csv');
    const tbx = fixture('broken.tbx');
    const { code, out, err } = await run('validate', csv, tbx);
    expect(code).toBe(1);
    expect(out).toEqual([]);
    expect(err).toEqual([
      `${csv}: line 3: 4 cells where the header has 3 (a cell with a comma or a line break must be in double quotes)`,
      `${tbx}: line 10, column 19: not well-formed XML: unexpected close tag`,
    ]);
  });

  it('reads a file as the --format given, whatever its extension', async () => {
    const file = join(await scratchDir(), 'terms.txt');
    await copyFile(fixture('team-terms.csv'), file);
    expect(await run('validate', '--format', 'csv', file)).toEqual({
      code: 0,
      out: [`${file}: ok (2 terms)`],
      err: [],
    });
  });

  it('reports a missing file without stopping at it', async () => {
    const { code, err, out } = await run('validate', 'nope.json', fixture('team-terms.json'));
    expect(code).toBe(1);
    expect(err[0]).toMatch(/^nope.json: cannot read: ENOENT/);
    expect(out[0]).toMatch(/team-terms.json: ok \(3 terms\)/);
  });

  it('exits 2 without reading anything when a file has no known extension', async () => {
    const { code, out, err } = await run('validate', fixture('team-terms.json'), 'terms.txt');
    expect(code).toBe(2);
    expect(out).toEqual([]);
    expect(err[0]).toBe(
      'termlight validate: cannot tell the format of "terms.txt" from its extension: name it .json, .csv or .tbx, or pass --format',
    );
  });
});

describe('termlight stats', () => {
  it('prints stats with the languages of the aliases', async () => {
    const { out } = await run('stats', join(root, 'glossary/china-cyber-policy.json'));
    expect(out[0]).toMatch(
      /china-cyber-policy "China cyber policy": \d+ terms, \d+ aliases, languages .*zh-Hans/,
    );
  });

  it('counts CSV and TBX packs, named after the file or the TBX title', async () => {
    const csv = fixture('team-terms.csv');
    const tbx = fixture('team-terms.tbx');
    const { code, out } = await run('stats', csv, tbx);
    expect(code).toBe(0);
    expect(out).toEqual([
      `${csv}: team-terms "team-terms": 2 terms, 3 aliases, languages en`,
      `${tbx}: team-terms-from-the-termbase "Team terms from the termbase": 2 terms, 2 aliases, languages en, zh-Hans`,
    ]);
  });

  it('exits 1 on an invalid pack', async () => {
    const { code, out } = await run('stats', fixture('broken.csv'));
    expect({ code, out }).toEqual({ code: 1, out: [] });
  });
});

describe('termlight usage', () => {
  it('prints usage and exits 2 on a bad command', async () => {
    const { code, err } = await run('frobnicate', 'x');
    expect(code).toBe(2);
    expect(err[0]).toBe('termlight: unknown command "frobnicate"');
  });

  it('exits 2 on an unknown option, a bad format or a missing file argument', async () => {
    const json = fixture('team-terms.json');
    expect((await run('validate', '--frob', json)).code).toBe(2);
    expect((await run('validate', '--format', 'xlsx', json)).err[0]).toBe(
      'termlight validate: --format must be one of json, csv, tbx, not "xlsx"',
    );
    expect((await run('stats')).err[0]).toBe('termlight stats: expected at least 1 file, got 0');
    expect((await run('convert', json)).err[0]).toBe('termlight convert: expected 2 files, got 1');
  });

  it('lists every command in --help', async () => {
    const { code, out } = await run('--help');
    expect(code).toBe(0);
    for (const name of ['validate', 'stats', 'convert', 'merge']) {
      expect(out).toContainEqual(expect.stringMatching(new RegExp(`^  ${name} `)));
    }
  });

  it('prints the options of each command for --help, -h and help <command>', async () => {
    const failing = await failingItemsAsync(['validate', 'stats', 'convert', 'merge'], async (name) => {
      for (const argv of [
        [name, '--help'],
        [name, '-h'],
        ['help', name],
      ]) {
        const { code, out, err } = await run(...argv);
        expect({ code, err }).toEqual({ code: 0, err: [] });
        expect(out[0]).toMatch(new RegExp(`^Usage: termlight ${name} `));
        expect(out).toContain('Options:');
      }
    });
    expect(failing).toEqual([]);
  });
});
