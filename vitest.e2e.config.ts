import { defineConfig } from 'vitest/config';

// End-to-end tests drive real browsers; files run one at a time because the machines have 2 cores
// and each file already runs a whole browser.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    retry: 0,
  },
});
