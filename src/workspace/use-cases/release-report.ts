import type { Deps } from '../../deps.js'
import type { Reader } from '../../domain/access/need-to-know.js'
import { release } from '../../domain/report/workflow.js'
import type { OrganizationRow } from '../../storage/schema.js'
import { actOnReport } from '../act-on-report.js'

/** The holder hands a report back to the queue. */
export const releaseReport = (deps: Deps, org: OrganizationRow, ref: string, actor: Reader) =>
  actOnReport(deps, org, ref, { actor, rule: 'workflow' }, (r) => ({ transition: release(r, actor.userId, deps.now().toISOString()) }))
