/** Where a report stands in the workflow (workflow.ts says how it moves). */
export const reportStatuses = [
  'new',
  'acknowledged',
  'triaged',
  'accepted',
  'rejected',
  'duplicate',
  'fixing',
  'fixed',
  'disclosed',
  'closed',
] as const
export type ReportStatus = (typeof reportStatuses)[number]

/** Statuses after which nothing more is expected of the team. */
export const finalStatuses: readonly ReportStatus[] = ['rejected', 'duplicate', 'closed']
export const isOpen = (status: ReportStatus): boolean => !finalStatuses.includes(status)
