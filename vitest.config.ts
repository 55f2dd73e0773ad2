import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['node_modules/**', 'test/.tmp/**', 'test/fixtures/**'],
    // Several suites spawn the CLI and the TypeScript compiler: allow for a loaded 2-core CI machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Fork per file: suites start local servers and child processes.
    pool: 'forks',
  },
});
