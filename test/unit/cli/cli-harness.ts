/** Runs the CLI in-process on the fixtures, and scratch directories for the files it writes. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { runCli } from '../../../src/cli/run';

export const root = join(import.meta.dirname, '../../..');

/** A file under test/fixtures/cli. */
export const fixture = (name: string) => join(root, 'test/fixtures/cli', name);

/** Runs `termlight ...argv`; the exit code and the lines written to stdout and stderr. */
export async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

const scratchDirs: string[] = [];
afterEach(async () => {
  await Promise.all(scratchDirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A new empty directory, removed after the test. */
export async function scratchDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'termlight-cli-'));
  scratchDirs.push(dir);
  return dir;
}
