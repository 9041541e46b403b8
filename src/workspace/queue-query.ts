import { finalStatuses, reportStatuses } from '../domain/report/report.js'
import type { QueueFilter } from '../storage/repositories/queue-repository.js'

/** The queue's filters as they appear in the page's address; anything unknown falls back to the default. */
export interface QueueQuery {
  status: string
  assignee: 'anyone' | 'me' | 'none'
  sort: 'newest' | 'oldest' | 'due'
  after?: string | undefined
}

export const queuePageSize = 50

export function parseQueueQuery(q: Record<string, unknown>): QueueQuery {
  const status =
    typeof q.status === 'string' && (q.status === 'all' || (reportStatuses as readonly string[]).includes(q.status)) ? q.status : 'open'
  const assignee = q.assignee === 'me' || q.assignee === 'none' ? q.assignee : 'anyone'
  const sort = q.sort === 'oldest' || q.sort === 'due' ? q.sort : 'newest'
  const after = typeof q.after === 'string' && q.after.length <= 200 ? q.after : undefined
  return { status, assignee, sort, after }
}

export function toFilter(q: QueueQuery, userId: string): QueueFilter {
  const statuses = q.status === 'all' ? [] : q.status === 'open' ? reportStatuses.filter((s) => !finalStatuses.includes(s)) : [q.status]
  return {
    statuses,
    assignee: q.assignee === 'me' ? userId : q.assignee === 'none' ? 'none' : undefined,
    sort: q.sort,
    after: q.after,
    limit: queuePageSize,
  }
}

export const queueHref = (slug: string, q: QueueQuery): string => {
  const params = new URLSearchParams({ status: q.status, assignee: q.assignee, sort: q.sort })
  if (q.after) params.set('after', q.after)
  return `/w/${slug}/reports?${params.toString()}`
}
