/** The organization's CRA cases with their clocks at `now`, overdue first, then by the next deadline. */
import type { Deps } from '../deps.js'
import { type CraClock, type CraKind, craClocks, nextCraDue } from '../domain/regulation/cra-clocks.js'
import { listCraCases } from '../storage/repositories/cra-case-repository.js'
import { currentPolicy } from '../storage/repositories/policy-repository.js'
import type { OrganizationRow } from '../storage/schema.js'

export interface CraOverviewRow {
  id: string
  ref: string
  kind: CraKind
  awareAt: string
  clocks: CraClock[]
  overdue: number
  nextDue: string | undefined
}

export async function loadCraOverview(deps: Deps, org: OrganizationRow, now: string) {
  const policy = (await currentPolicy(deps.db, org.id))?.policy
  const timeZone = policy?.calendar.timeZone ?? 'UTC'
  const rows: CraOverviewRow[] = (await listCraCases(deps.db, org.id)).map((c) => {
    const clocks = craClocks({ kind: c.kind, awareAt: c.awareAt, measureAt: c.measureAt, filed: c.filings }, timeZone, now)
    return {
      id: c.id,
      ref: c.ref,
      kind: c.kind,
      awareAt: c.awareAt,
      clocks,
      overdue: clocks.filter((k) => k.state === 'overdue').length,
      nextDue: nextCraDue(clocks),
    }
  })
  rows.sort((a, b) => b.overdue - a.overdue || (a.nextDue ?? '~').localeCompare(b.nextDue ?? '~') || b.awareAt.localeCompare(a.awareAt))
  return { rows, timeZone, manufacturer: policy?.regulation?.cra?.manufacturer === true }
}
