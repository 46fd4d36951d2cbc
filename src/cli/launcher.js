#!/usr/bin/env node
// The `termlight` command that `npx termlight` runs: the CLI's TypeScript source through tsx (a
// dev dependency), so it works right after `npm ci` and is never older than the source. Not the
// build output: npm links a bin once, and the build deletes dist/ and rewrites the file without its
// execute bit, after which `npx termlight` fails with "Permission denied" (and "not found" for
// good if it first ran before a build). `node dist/cli/termlight.js` runs the bundle directly.
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

await tsImport('./termlight.ts', {
  parentURL: import.meta.url,
  // This repository's compiler options, not those of the directory it is run from.
  tsconfig: fileURLToPath(new URL('../../tsconfig.json', import.meta.url)),
});
