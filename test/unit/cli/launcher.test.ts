import { execFile } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { fixture, root, scratchDir } from './cli-harness';

const launcher = join(root, 'src/cli/launcher.js');

/** Runs the launcher as `npx termlight` does, in `cwd`; its exit code and output. */
async function termlight(cwd: string, ...argv: string[]) {
  try {
    const { stdout, stderr } = await promisify(execFile)(launcher, argv, { cwd });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
}

describe('the termlight launcher', () => {
  it('is executable, so npm can link it as the bin', async () => {
    expect((await stat(launcher)).mode & 0o111).not.toBe(0);
  });

  it('runs the CLI from source in any directory, with its exit codes and escaped output', async () => {
    const cwd = await scratchDir();
    const ok = await termlight(cwd, 'stats', fixture('control-chars.json'));
    expect(ok).toEqual({
      code: 0,
      stdout: `${fixture('control-chars.json')}: control-chars "Red \\u001b[31malert\\u001b[0m": 1 term, 0 aliases, languages none\n`,
      stderr: '',
    });
    expect((await termlight(cwd, 'validate', fixture('broken.json'))).code).toBe(1);
    expect((await termlight(cwd, 'frobnicate')).code).toBe(2);
  }, 20_000);
});
