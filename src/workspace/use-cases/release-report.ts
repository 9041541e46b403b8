import type { Deps } from '../../deps.js'
import { release } from '../../domain/report/workflow.js'
import type { OrganizationRow } from '../../storage/schema.js'
import { actOnReport } from '../act-on-report.js'

/** The holder hands a report back to the queue. */
export const releaseReport = (deps: Deps, org: OrganizationRow, ref: string, userId: string) =>
  actOnReport(deps, org, ref, (r) => ({ transition: release(r, userId, deps.now().toISOString()) }))
