import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: [
      // The one browser-API import point is swapped for an in-memory fake in unit tests.
      {
        find: /^.*\/shared\/browser$/,
        replacement: fileURLToPath(new URL('./test/unit/fakes/browser.ts', import.meta.url)),
      },
    ],
  },
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    pool: 'threads',
  },
});
