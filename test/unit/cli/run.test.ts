import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/run';

const root = join(import.meta.dirname, '../../..');

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

describe('termlight CLI', () => {
  it('validates the shipped pack', async () => {
    const { code, out } = await run('validate', join(root, 'glossary/china-cyber-policy.json'));
    expect(code).toBe(0);
    expect(out[0]).toMatch(/ok \(\d+ terms\)/);
  });

  it('fails with the JSON path of each error', async () => {
    const { code, err } = await run('validate', join(root, 'test/fixtures/e2e/broken-pack.json'));
    expect(code).toBe(1);
    expect(err).toEqual([
      expect.stringContaining('$.terms[1].sources[0].url: source URL must use http: or https:'),
    ]);
  });

  it('reports a missing file without stopping at it', async () => {
    const { code, err, out } = await run(
      'validate',
      'nope.json',
      join(root, 'test/fixtures/e2e/team-pack.json'),
    );
    expect(code).toBe(1);
    expect(err[0]).toMatch(/nope.json: cannot read/);
    expect(out[0]).toMatch(/team-pack.json: ok \(2 terms\)/);
  });

  it('prints stats with the languages of the aliases', async () => {
    const { out } = await run('stats', join(root, 'glossary/china-cyber-policy.json'));
    expect(out[0]).toMatch(
      /china-cyber-policy "China cyber policy": \d+ terms, \d+ aliases, languages .*zh-Hans/,
    );
  });

  it('prints usage and exits 2 on a bad command', async () => {
    expect((await run('frobnicate', 'x')).code).toBe(2);
  });
});
