import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, run, scratchDir } from './cli-harness';

const current = fixture('team-terms.json');
const incoming = fixture('team-terms-v2.json');

describe('termlight merge', () => {
  it('prints the terms added, changed and removed and which pack details change', async () => {
    const { code, out, err } = await run('merge', current, incoming);
    expect({ code, err }).toEqual({ code: 0, err: [] });
    expect(out).toEqual([
      `${current} → ${incoming}: 1 added, 1 changed, 1 removed; pack details changed (name, updated)`,
      '+ termbase',
      '~ translation-memory',
      '- term-sheet',
    ]);
  });

  it('reports no change between a pack and its own TBX export', async () => {
    const tbx = join(await scratchDir(), 'team.tbx');
    await run('convert', current, tbx);
    expect((await run('merge', current, tbx)).out).toEqual([
      `${current} → ${tbx}: 0 added, 0 changed, 0 removed; pack details unchanged`,
    ]);
  });

  it('compares packs in different formats, and notes ids that differ', async () => {
    const tbx = fixture('team-terms.tbx');
    const { code, out, err } = await run('merge', current, tbx);
    expect(code).toBe(0);
    // A terminology tool's TBX names its concepts c1, c2: none matches a term id of the JSON pack.
    expect(out).toEqual([
      `${current} → ${tbx}: 2 added, 0 changed, 3 removed; pack details changed (name, description, updated)`,
      '+ c1',
      '+ c2',
      '- style-guide',
      '- translation-memory',
      '- term-sheet',
    ]);
    expect(err).toEqual([
      `note: the packs' ids differ (team-terms, team-terms-from-the-termbase): importing ${tbx} would add a pack, not replace team-terms`,
    ]);
  });

  it('writes with --out every term of both packs, the incoming version winning', async () => {
    const out = join(await scratchDir(), 'merged.json');
    const { code, out: lines } = await run('merge', '--out', out, current, incoming);
    expect(code).toBe(0);
    expect(lines.at(-1)).toBe(
      `${out}: wrote "Team terms (2027)" (4 terms): the incoming pack and the 1 term only the current one has`,
    );
    const merged = JSON.parse(await readFile(out, 'utf8'));
    expect(merged).toMatchObject({ id: 'team-terms', name: 'Team terms (2027)', updated: '2027-01-15' });
    expect(merged.terms.map((t: { id: string }) => t.id)).toEqual([
      'style-guide',
      'translation-memory',
      'term-sheet',
      'termbase',
    ]);
    expect(merged.terms[1].definition).toMatch(/offered again when the same text comes back/);
  });

  it('keeps the current pack details when the incoming pack is CSV, which has none', async () => {
    const out = join(await scratchDir(), 'merged.tbx');
    expect((await run('merge', '--out', out, current, fixture('team-terms.csv'))).code).toBe(0);
    expect((await run('stats', out)).out).toEqual([
      `${out}: team-terms "Team terms": 3 terms, 3 aliases, languages en`,
    ]);
  });

  it('refuses to overwrite the --out file without --force', async () => {
    const out = join(await scratchDir(), 'merged.json');
    await writeFile(out, 'keep me');
    const refused = await run('merge', '--out', out, current, incoming);
    expect(refused.code).toBe(2);
    expect(await readFile(out, 'utf8')).toBe('keep me');
    expect((await run('merge', '--out', out, '--force', current, incoming)).code).toBe(0);
    expect(await readFile(out, 'utf8')).toMatch(/"termbase"/);
  });

  it('exits 1 with located messages and writes nothing when a pack is invalid', async () => {
    const out = join(await scratchDir(), 'merged.json');
    const { code, out: lines, err } = await run('merge', '--out', out, current, fixture('broken.tbx'));
    expect({ code, lines }).toEqual({ code: 1, lines: [] });
    expect(err).toEqual([
      `${fixture('broken.tbx')}: line 10, column 19: not well-formed XML: unexpected close tag`,
    ]);
    await expect(readFile(out)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('exits 2 on --force without --out', async () => {
    const { code, err } = await run('merge', '--force', current, incoming);
    expect(code).toBe(2);
    expect(err[0]).toBe('termlight merge: --to and --force apply only with --out');
  });
});
