/**
 * One sweep over rows whose wake time has come, for the timed jobs that keep a `wake_at` (the
 * report clocks, the CRA cases): batches of the oldest due rows, each row worked once per sweep
 * (a row still due after its work — its next wake not moved yet by a failure — is not retried in
 * the same sweep), and a failure of one row logged and left for the next sweep, never stopping
 * the others.
 */
import type { Deps } from '../deps.js'

export interface DueRow {
  id: string
  org_id: string
}

export interface DueSweep<R extends DueRow> {
  /** The oldest rows due at `at`, at most `limit`. */
  list(at: string, limit: number): Promise<R[]>
  /** The work of one row; returns how many actions it took. */
  work(row: R, at: string): Promise<number>
  /** Log line for a row whose work failed (`event`, message). */
  failed: { event: string; message: string; idKey: string }
}

export async function sweepDue<R extends DueRow>(
  deps: Pick<Deps, 'log'>,
  at: string,
  sweep: DueSweep<R>,
): Promise<{ rows: number; actions: number }> {
  const seen = new Set<string>()
  const result = { rows: 0, actions: 0 }
  for (;;) {
    const batch = (await sweep.list(at, 100)).filter((r) => !seen.has(r.id))
    if (batch.length === 0) return result
    for (const row of batch) {
      seen.add(row.id)
      try {
        result.actions += await sweep.work(row, at)
        result.rows += 1
      } catch (error) {
        deps.log.error({ err: error, [sweep.failed.idKey]: row.id, orgId: row.org_id, event: sweep.failed.event }, sweep.failed.message)
      }
    }
  }
}
