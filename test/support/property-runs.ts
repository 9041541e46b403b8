/**
 * How many cases a fast-check property tries. The full suite tries the number the test asks for;
 * mutation testing (`npm run mutate`, vitest.mutation.config.ts) re-runs the covering tests once
 * per mutant and caps every property at EMBARGO_PROPERTY_RUNS, so one run stays within CI's time.
 * A mutant that only a rare case reveals is then reported as surviving, never hidden.
 */
export function propertyRuns(wanted: number): number {
  const cap = Number(process.env.EMBARGO_PROPERTY_RUNS)
  return Number.isFinite(cap) && cap > 0 ? Math.min(wanted, cap) : wanted
}
