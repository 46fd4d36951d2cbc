import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: [
      // src/shared/browser.ts is the only importer of the polyfill, so this swaps the whole
      // browser API for an in-memory fake in unit tests.
      {
        find: /^webextension-polyfill$/,
        replacement: fileURLToPath(new URL('./test/unit/fakes/browser.ts', import.meta.url)),
      },
    ],
  },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    pool: 'threads',
  },
});
