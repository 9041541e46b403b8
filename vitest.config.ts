import { defineConfig } from 'vitest/config'

export default defineConfig({
  // Server-rendered JSX with preact's automatic runtime, as tsconfig.json says (jsxImportSource).
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // Starts a throwaway PostgreSQL (or uses EMBARGO_TEST_PG_URL) and finds Chromium; see the file.
    globalSetup: ['test/support/global-setup.ts'],
    // Integration tests create a database and migrate it; on PostgreSQL with fsync on that takes seconds.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    teardownTimeout: 30_000,
  },
})
