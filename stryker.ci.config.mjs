// The mutation bar CI holds (`npm run mutate:ci`, a step of .ci/run): all of `src/domain`, mutated
// with the settings of `npm run mutate` (stryker.config.mjs). It reuses the checked-in incremental
// file test/mutation/stryker-incremental.json, so CI re-tests only the mutants whose code or
// covering tests changed since it was last committed; it fails when the score drops below 90.
// After changing a domain file or its tests, run `npm run mutate:ci` and commit the updated
// incremental file with the change, so CI stays fast. Scores per file, and the survivors not yet
// read: test/mutation/scores.md.
import base from './stryker.config.mjs'

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  reporters: ['clear-text', 'progress'],
}
