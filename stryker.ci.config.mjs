// The mutation bar CI holds (`npm run mutate:ci`, a step of .ci/run): the rules of `src/domain`
// whose unit tests bring them (together) to a mutation score of at least 90 %, mutated with the same
// settings as `npm run mutate` (stryker.config.mjs). It reuses the checked-in incremental file
// test/mutation/stryker-incremental.json, so CI re-tests only the mutants whose code or covering
// tests changed since it was last committed; it fails when the score of these files drops below 90.
// After changing one of these files or its tests, run `npm run mutate:ci` and commit the updated
// incremental file with the change, so CI stays fast. Which files are in, and which are not yet:
// test/mutation/scores.md.
import base from './stryker.config.mjs'

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  mutate: ['src/domain/clock/*.ts', 'src/domain/calendar/*.ts', 'src/domain/report/*.ts', 'src/domain/access/*.ts'],
  reporters: ['clear-text', 'progress'],
}
