// Mutation testing of the rules (src/domain) with the unit tests: `npm run mutate`.
// The HTML report goes to reports/mutation/ (git-ignored); the incremental file is checked in so a
// run only re-tests the mutants whose code or tests changed (CI runs it the same way).
// Surviving mutants that are truly equivalent are listed, each with the reason, in
// test/mutation/equivalent-mutants.md.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  mutate: ['src/domain/**/*.ts'],
  // TypeScript 7 has no ts.parseConfigFileTextToJson, which Stryker calls when it rewrites the
  // tsconfig it finds; the unit tests need none (vitest transpiles), so point it at none.
  tsconfigFile: 'tsconfig.stryker-none.json',
  coverageAnalysis: 'perTest',
  // Static mutants (module-level constants: the policy schema's TypeBox definitions, tables) would
  // each re-run every test (90 % of the time for 19 % of the mutants); they are reported as ignored.
  ignoreStatic: true,
  incremental: true,
  incrementalFile: 'test/mutation/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  thresholds: { high: 95, low: 90, break: 90 },
  concurrency: 2,
  timeoutMS: 10000,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
}
