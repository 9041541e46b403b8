import type { ReportStatus } from './report.js'

/** Every way a report rule can say no. Each code maps to one HTTP problem in `http/problems.ts`. */
export type ReportError =
  | { code: 'REPORT_TRANSITION_NOT_ALLOWED'; from: ReportStatus; to: ReportStatus }
  | { code: 'REPORT_ALREADY_CLAIMED'; assigneeId: string }
  | { code: 'REPORT_NOT_CLAIMED_BY_YOU'; assigneeId: string | null }
  | { code: 'REPORT_CLOSED'; status: ReportStatus }
  | { code: 'REPORT_REASON_REQUIRED' }
  | { code: 'REPORT_DUPLICATE_OF_ITSELF' }
  /** Marking a duplicate names the report it duplicates. */
  | { code: 'REPORT_DUPLICATE_REFERENCE_REQUIRED' }
  | { code: 'REPORT_MESSAGE_EMPTY' }
  | { code: 'REPORT_NOT_FOR_REPORTER' }

export type ReportErrorCode = ReportError['code']
