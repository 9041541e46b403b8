import type { Deps } from '../../deps.js'
import type { Reader } from '../../domain/access/need-to-know.js'
import { claim } from '../../domain/report/workflow.js'
import type { OrganizationRow } from '../../storage/schema.js'
import { actOnReport } from '../act-on-report.js'

/** A responder takes an unassigned report. */
export const claimReport = (deps: Deps, org: OrganizationRow, ref: string, actor: Reader) =>
  actOnReport(deps, org, ref, { actor, rule: 'workflow' }, (r) => ({ transition: claim(r, actor.userId, deps.now().toISOString()) }))
