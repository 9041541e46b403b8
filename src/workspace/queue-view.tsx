import { severityLabel } from '../domain/severity/scoring.js'
import {
  Button,
  Cell,
  EmptyState,
  PageHeader,
  Pagination,
  Select,
  SeverityText,
  StatusBadge,
  Table,
  WorkspaceLayout,
} from '../http/views/components/index.js'
import type { PageContext } from '../http/views/page-context.js'
import { formatTime } from '../i18n/format-time.js'
import type { MessageKey } from '../i18n/messages.js'
import type { QueuePage, QueueRow } from '../storage/repositories/queue-repository.js'
import type { Role } from '../storage/schema.js'
import type { QueueQuery } from './queue-query.js'

export function QueueView({
  ctx,
  org,
  role,
  query,
  page,
  nextHref,
  timeZone,
  toPublish,
}: {
  ctx: PageContext
  org: { slug: string; name: string }
  role: Role
  query: QueueQuery
  page: QueuePage
  nextHref: string | undefined
  /** The organization's zone (its current policy's calendar); undefined shows UTC. */
  timeZone?: string | undefined
  /** Decided reports whose public version the policy asks for and nobody prepared yet (src/report-publication). */
  toPublish?: ReadonlySet<string> | undefined
}) {
  const { t } = ctx
  const when = (iso: string) => formatTime(iso, timeZone)
  const byDue = query.sort === 'due'
  return (
    <WorkspaceLayout ctx={ctx} org={org} role={role} current="reports" title={t('queue.title')}>
      <div class="container stack">
        <PageHeader
          title={t('queue.title')}
          actions={role === 'viewer' ? undefined : <a href={`/w/${org.slug}/reports/external/new`}>{t('external.link')}</a>}
        />
        <form method="get" action={`/w/${org.slug}/reports`} class="filter-bar" aria-label={t('queue.filter')}>
          <Select
            name="status"
            label={t('queue.filter.status')}
            value={query.status}
            options={[
              { value: 'open', label: t('queue.filter.open') },
              { value: 'all', label: t('queue.filter.all') },
              ...(
                ['new', 'acknowledged', 'triaged', 'accepted', 'fixing', 'fixed', 'disclosed', 'rejected', 'duplicate', 'closed'] as const
              ).map((s) => ({
                value: s,
                label: t(`status.${s}`),
              })),
            ]}
          />
          <Select
            name="assignee"
            label={t('queue.filter.assignee')}
            value={query.assignee}
            options={[
              { value: 'anyone', label: t('queue.filter.anyone') },
              { value: 'me', label: t('queue.filter.mine') },
              { value: 'none', label: t('queue.filter.unassigned') },
            ]}
          />
          <Select
            name="sort"
            label={t('queue.sort')}
            value={query.sort}
            options={[
              { value: 'newest', label: t('queue.sort.newest') },
              { value: 'oldest', label: t('queue.sort.oldest') },
              { value: 'due', label: t('queue.sort.due') },
            ]}
          />
          <Button variant="secondary">{t('queue.apply')}</Button>
        </form>
        {page.rows.length === 0 ? (
          <EmptyState title={t('queue.empty')} />
        ) : (
          <Table
            caption={t('queue.title')}
            head={[
              t('queue.col.ref'),
              t('queue.col.title'),
              t('queue.col.status'),
              t('severity.title'),
              t('queue.col.assignee'),
              t('queue.col.received'),
              ...(byDue ? [t('queue.col.due')] : []),
            ]}
          >
            {page.rows.map((r) => (
              <tr key={r.id}>
                <Cell kind="ref" rowHeader label={t('queue.col.ref')}>
                  <a href={`/w/${org.slug}/reports/${r.ref}`}>{r.ref}</a>
                </Cell>
                <Cell kind="title" label={t('queue.col.title')}>
                  {r.title === null ? (
                    <span class="text-muted">{t('queue.confidential')}</span>
                  ) : (
                    <a href={`/w/${org.slug}/reports/${r.ref}`}>{r.title}</a>
                  )}
                </Cell>
                <Cell label={t('queue.col.status')}>
                  <StatusBadge status={r.status} label={t(`status.${r.status}` as MessageKey)} />
                  {toPublish?.has(r.id) ? <div class="text-muted">{t('publicVersion.queueFlag')}</div> : null}
                </Cell>
                <Cell kind="nowrap" label={t('severity.title')}>
                  <QueueSeverity t={t} severity={r.severity} />
                </Cell>
                <Cell label={t('queue.col.assignee')}>{r.assigneeName ?? <span class="text-muted">{t('queue.unassigned')}</span>}</Cell>
                <Cell kind="nowrap" label={t('queue.col.received')}>
                  <time datetime={r.receivedAt}>{when(r.receivedAt)}</time>
                </Cell>
                {byDue ? (
                  <Cell kind="nowrap" label={t('queue.col.due')}>
                    {r.nextDueAt ? (
                      <time datetime={r.nextDueAt}>{when(r.nextDueAt)}</time>
                    ) : (
                      <span class="text-muted">{t('queue.noClock')}</span>
                    )}
                  </Cell>
                ) : null}
              </tr>
            ))}
          </Table>
        )}
        <Pagination t={t} nextHref={nextHref} />
      </div>
    </WorkspaceLayout>
  )
}

/** A row's severity as its policy lets it be shown: the level, and the preferred score unless the policy scores qualitatively. */
function QueueSeverity({ t, severity }: { t: PageContext['t']; severity: QueueRow['severity'] }) {
  if (!severity) return <span class="text-muted">{t('severity.queue.none')}</span>
  const level =
    severity.level === 'low' || severity.level === 'medium' || severity.level === 'high' || severity.level === 'critical'
      ? severity.level
      : undefined
  const label = severityLabel(
    { qualitative: level, cvss31: severity.cvss31 ?? undefined, cvss40: severity.cvss40 ?? undefined },
    severity.scoring,
  )
  return <SeverityText t={t} label={label} />
}
