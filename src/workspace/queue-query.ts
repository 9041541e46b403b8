import { finalStatuses, reportStatuses } from '../domain/report/report.js'
import { parseSearch } from '../domain/search/tokens.js'
import type { QueueFilter } from '../storage/repositories/queue-repository.js'

export const severityChoices = ['low', 'medium', 'high', 'critical', 'none'] as const
export const channelChoices = ['web', 'api', 'email', 'external'] as const
export const dueChoices = ['overdue', 'week', 'on-time', 'paused'] as const

/** The queue's filters as they appear in the page's address; anything unknown falls back to the default. */
export interface QueueQuery {
  status: string
  /** `anyone`, `me`, `none` (unassigned) or a member's id. */
  assignee: string
  sort: 'newest' | 'oldest' | 'due'
  after?: string | undefined
  /** `any`, a level, or `none` (not assessed yet). */
  severity: 'any' | (typeof severityChoices)[number]
  /** A program's slug; `''` for every program. */
  program: string
  /** A label's name; `''` for any. */
  label: string
  channel: 'any' | (typeof channelChoices)[number]
  due: 'any' | (typeof dueChoices)[number]
  /** The search box: a reference, words, a reporter's address. */
  q: string
}

export const queuePageSize = 50
const oneWeekMs = 7 * 24 * 3_600_000

const pick = <T extends string>(value: unknown, choices: readonly T[], fallback: T): T =>
  typeof value === 'string' && (choices as readonly string[]).includes(value) ? (value as T) : fallback
const text = (value: unknown, max: number): string => (typeof value === 'string' && value.length <= max ? value.trim() : '')

export function parseQueueQuery(q: Record<string, unknown>): QueueQuery {
  const status =
    typeof q.status === 'string' && (q.status === 'all' || (reportStatuses as readonly string[]).includes(q.status)) ? q.status : 'open'
  const assignee = typeof q.assignee === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(q.assignee) ? q.assignee : 'anyone'
  const sort = q.sort === 'oldest' || q.sort === 'due' ? q.sort : 'newest'
  const after = typeof q.after === 'string' && q.after.length <= 200 ? q.after : undefined
  return {
    status,
    assignee,
    sort,
    after,
    severity: pick(q.severity, severityChoices, 'any'),
    program: text(q.program, 64),
    label: text(q.label, 64),
    channel: pick(q.channel, channelChoices, 'any'),
    due: pick(q.due, dueChoices, 'any'),
    q: text(q.q, 200),
  }
}

/**
 * The repository's filter for a query. Without `now` only the filters the JSON API documents
 * apply (status, mine/unassigned, sort); the workspace gives `now` and gets every filter and the
 * search.
 */
export function toFilter(q: QueueQuery, userId: string, now?: string): QueueFilter {
  const statuses = q.status === 'all' ? [] : q.status === 'open' ? reportStatuses.filter((s) => !finalStatuses.includes(s)) : [q.status]
  const assignee = q.assignee === 'me' ? userId : q.assignee === 'none' ? 'none' : q.assignee === 'anyone' || !now ? undefined : q.assignee
  const base: QueueFilter = { statuses, assignee, sort: q.sort, after: q.after, limit: queuePageSize }
  if (now === undefined) return base
  const nowMs = Date.parse(now)
  return {
    ...base,
    severity: q.severity === 'any' ? undefined : q.severity,
    program: q.program === '' ? undefined : q.program,
    label: q.label === '' ? undefined : q.label,
    channel: q.channel === 'any' ? undefined : q.channel,
    due: q.due === 'any' ? undefined : { state: q.due, now, weekEnd: new Date(nowMs + oneWeekMs).toISOString() },
    search: parseSearch(q.q),
  }
}

/** The query's non-default filters, in a stable order: the address of a view (bookmark, saved view). */
export function queueParams(q: QueueQuery): URLSearchParams {
  const params = new URLSearchParams()
  if (q.status !== 'open') params.set('status', q.status)
  if (q.assignee !== 'anyone') params.set('assignee', q.assignee)
  if (q.severity !== 'any') params.set('severity', q.severity)
  if (q.program !== '') params.set('program', q.program)
  if (q.label !== '') params.set('label', q.label)
  if (q.channel !== 'any') params.set('channel', q.channel)
  if (q.due !== 'any') params.set('due', q.due)
  if (q.q !== '') params.set('q', q.q)
  if (q.sort !== 'newest') params.set('sort', q.sort)
  return params
}

export const queueHref = (slug: string, q: QueueQuery): string => {
  const params = queueParams(q)
  if (q.after) params.set('after', q.after)
  const query = params.toString()
  return `/w/${slug}/reports${query === '' ? '' : `?${query}`}`
}

/** The built-in views: links, the same for every member. */
export const builtInViews = [
  { key: 'mine', params: 'assignee=me' },
  { key: 'dueThisWeek', params: 'due=week&sort=due' },
  { key: 'unassigned', params: 'assignee=none' },
] as const
