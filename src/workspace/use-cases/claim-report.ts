import type { Deps } from '../../deps.js'
import { claim } from '../../domain/report/workflow.js'
import type { OrganizationRow } from '../../storage/schema.js'
import { actOnReport } from '../act-on-report.js'

/** A responder takes an unassigned report. */
export const claimReport = (deps: Deps, org: OrganizationRow, ref: string, userId: string) =>
  actOnReport(deps, org, ref, (r) => ({ transition: claim(r, userId, deps.now().toISOString()) }))
