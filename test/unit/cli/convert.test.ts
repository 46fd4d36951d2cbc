import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseGlossaryFile } from '../../../src/shared/formats/glossary-file';
import type { GlossaryPack, Term } from '../../../src/shared/glossary/model';
import { failingItemsAsync } from '../support/data-table';
import { fixture, run, scratchDir } from './cli-harness';

async function readBack(file: string): Promise<GlossaryPack> {
  const result = parseGlossaryFile(file, await readFile(file, 'utf8'));
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.pack;
}

/** The terms as CSV carries them: aliases without their language and case flags. */
const csvFields = (terms: Term[]) =>
  terms.map((term) => ({ ...term, aliases: term.aliases?.map(({ text }) => ({ text })) }));

describe('termlight convert', () => {
  it('round-trips JSON through TBX to the same pack', async () => {
    const dir = await scratchDir();
    const original = JSON.parse(await readFile(fixture('team-terms.json'), 'utf8'));
    // The file names differ from the pack id, so the id must travel inside the TBX.
    const tbx = join(dir, 'exported.tbx');
    const json = join(dir, 'back.json');
    expect((await run('convert', fixture('team-terms.json'), tbx)).code).toBe(0);
    const { code, out } = await run('convert', tbx, json);
    expect(code).toBe(0);
    expect(out).toEqual([`${json}: wrote "Team terms" (3 terms) as JSON`]);
    expect(JSON.parse(await readFile(json, 'utf8'))).toEqual(original);
  });

  it('round-trips JSON through CSV keeping every field CSV has a column for, and says what it drops', async () => {
    const dir = await scratchDir();
    const original = await readBack(fixture('team-terms.json'));
    const csv = join(dir, 'team-terms.csv');
    const json = join(dir, 'back.json');
    const toCsv = await run('convert', fixture('team-terms.json'), csv);
    expect(toCsv.code).toBe(0);
    expect(toCsv.err).toEqual([
      `${csv}: note: CSV has no place for the pack's id and name (read back from the file name as team-terms, "team-terms"); the pack's description, language and date; the language or case flags of 2 aliases`,
    ]);
    expect((await run('convert', csv, json)).code).toBe(0);
    const back = await readBack(json);
    expect(back.terms).toEqual(csvFields(original.terms));
    expect(back).toMatchObject({ id: 'team-terms', name: 'team-terms' });
    expect(back.description).toBeUndefined();
  });

  it('converts between every pair of formats with the same terms', async () => {
    const pairs = [
      ['team-terms.csv', 'tbx'],
      ['team-terms.csv', 'json'],
      ['team-terms.tbx', 'csv'],
      ['team-terms.tbx', 'json'],
      ['team-terms.json', 'csv'],
    ] as const;
    const failing = await failingItemsAsync(
      pairs,
      async ([input, to]) => {
        const out = join(await scratchDir(), `converted.${to}`);
        const { code } = await run('convert', fixture(input), out);
        expect(code).toBe(0);
        const source = await readBack(fixture(input));
        expect((await readBack(out)).terms).toEqual(to === 'csv' ? csvFields(source.terms) : source.terms);
      },
      ([input, to]) => `${input} to ${to}`,
    );
    expect(failing).toEqual([]);
  });

  it('takes the formats from --from and --to over the extensions', async () => {
    const dir = await scratchDir();
    const input = join(dir, 'terms.txt');
    const output = join(dir, 'terms.out');
    await writeFile(input, await readFile(fixture('team-terms.csv')));
    expect((await run('convert', '--from', 'csv', '--to', 'tbx', input, output)).code).toBe(0);
    expect(await readFile(output, 'utf8')).toMatch(/^<\?xml [^>]*>\s*<tbx /);
    expect((await run('stats', '--format', 'tbx', output)).out).toEqual([
      `${output}: terms "terms": 2 terms, 3 aliases, languages en`,
    ]);
  });

  it('refuses to overwrite an existing file without --force', async () => {
    const out = join(await scratchDir(), 'existing.json');
    await writeFile(out, 'keep me');
    const refused = await run('convert', fixture('team-terms.csv'), out);
    expect(refused.code).toBe(2);
    expect(refused.err[0]).toBe(`termlight convert: ${out} exists; pass --force to overwrite it`);
    expect(await readFile(out, 'utf8')).toBe('keep me');

    const forced = await run('convert', '--force', fixture('team-terms.csv'), out);
    expect(forced.code).toBe(0);
    expect((await readBack(out)).terms).toHaveLength(2);
  });

  it('writes nothing and exits 1 with located messages on invalid input', async () => {
    const dir = await scratchDir();
    const out = join(dir, 'out.json');
    const { code, err } = await run('convert', fixture('broken.csv'), out);
    expect(code).toBe(1);
    expect(err).toEqual([
      `${fixture('broken.csv')}: line 3: 4 cells where the header has 3 (a cell with a comma or a line break must be in double quotes)`,
    ]);
    await expect(readFile(out)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('exits 2 when the output format is unknown', async () => {
    const out = join(await scratchDir(), 'out.xlsx');
    const { code, err } = await run('convert', fixture('team-terms.json'), out);
    expect(code).toBe(2);
    expect(err[0]).toMatch(/cannot tell the format of ".*out.xlsx" from its extension/);
  });
});
