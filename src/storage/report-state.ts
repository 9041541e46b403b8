import type { Report, ReportStatus } from '../domain/report/report.js'
import type { ReportState } from './repositories/report-repository.js'

/** The part of a stored report the workflow rules look at. */
export const toDomain = (r: ReportState, reporterReachable: boolean): Report => ({
  id: r.id,
  ref: r.ref,
  status: r.status as ReportStatus,
  statusReason: r.statusReason,
  duplicateOf: r.duplicateOf,
  assigneeId: r.assigneeId,
  reporterReachable,
})
