import { defineConfig } from 'vitest/config'

/**
 * The unit tests alone, as mutation testing runs them (`npm run mutate`, stryker.config.mjs):
 * no database, no browser, no global setup, and properties capped at 40 cases each
 * (test/support/property-runs.ts) so that re-running the covering tests per mutant stays fast.
 */
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'],
    // Checks of the source tree and the docs read files, not the rules: they cannot kill a mutant.
    exclude: ['test/unit/architecture/**', 'test/unit/docs/**'],
    env: { EMBARGO_PROPERTY_RUNS: '40' },
    setupFiles: ['test/mutation/fast-check-runs.ts'],
  },
})
