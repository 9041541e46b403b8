import { severityLabel } from '../domain/severity/scoring.js'
import {
  Button,
  Cell,
  EmptyState,
  HiddenInput,
  PageHeader,
  Pagination,
  Select,
  SeverityText,
  StatusBadge,
  Table,
  TeamTime,
  TextInput,
  WorkspaceLayout,
} from '../http/views/components/index.js'
import type { PageContext } from '../http/views/page-context.js'
import type { MessageKey } from '../i18n/messages.js'
import type { QueuePage, QueueRow, SavedView } from '../storage/repositories/queue-repository.js'
import type { Role } from '../storage/schema.js'
import { builtInViews, channelChoices, type QueueQuery, queueParams } from './queue-query.js'

/** What the filters offer: the organization's programs, its policy's labels, its members. */
export interface QueueChoices {
  programs: Array<{ slug: string; name: string }>
  labels: string[]
  members: Array<{ userId: string; name: string }>
  savedViews: SavedView[]
}

export function QueueView({
  ctx,
  org,
  role,
  query,
  page,
  nextHref,
  timeZone,
  toPublish,
  choices,
  now,
  searchTooShort,
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
  choices: QueueChoices
  /** The instant the page shows (overdue marks). */
  now: string
  /** The search box held nothing searchable (only words shorter than three letters). */
  searchTooShort?: boolean
}) {
  const { t } = ctx
  const when = (iso: string) => <TeamTime iso={iso} zone={timeZone} t={t} now={ctx.now} />
  const base = `/w/${org.slug}/reports`
  const current = queueParams(query).toString()
  return (
    <WorkspaceLayout ctx={ctx} org={org} role={role} current="reports" title={t('queue.title')}>
      <div class="container stack">
        <PageHeader
          title={t('queue.title')}
          actions={role === 'viewer' ? undefined : <a href={`/w/${org.slug}/reports/external/new`}>{t('external.link')}</a>}
        />
        <QueueViews t={t} base={base} current={current} saved={choices.savedViews} csrfToken={ctx.csrfToken} orgSlug={org.slug} />
        <form method="get" action={base} class="filter-bar" aria-label={t('queue.filter')}>
          <TextInput name="q" label={t('queue.search')} value={query.q} hint={t('queue.search.hint')} maxLength={200} />
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
              ...choices.members.map((m) => ({ value: m.userId, label: m.name })),
            ]}
          />
          <Select
            name="severity"
            label={t('queue.filter.severity')}
            value={query.severity}
            options={[
              { value: 'any', label: t('queue.filter.anySeverity') },
              ...(['critical', 'high', 'medium', 'low'] as const).map((l) => ({ value: l, label: t(`severity.rating.${l}`) })),
              { value: 'none', label: t('queue.filter.noSeverity') },
            ]}
          />
          <Select
            name="program"
            label={t('queue.filter.program')}
            value={query.program}
            options={[
              { value: '', label: t('queue.filter.anyProgram') },
              ...choices.programs.map((p) => ({ value: p.slug, label: p.name })),
            ]}
          />
          <Select
            name="label"
            label={t('queue.filter.label')}
            value={query.label}
            options={[{ value: '', label: t('queue.filter.anyLabel') }, ...choices.labels.map((l) => ({ value: l, label: l }))]}
          />
          <Select
            name="channel"
            label={t('queue.filter.channel')}
            value={query.channel}
            options={[
              { value: 'any', label: t('queue.filter.anyChannel') },
              ...channelChoices.map((c) => ({ value: c, label: t(`queue.channel.${c}`) })),
            ]}
          />
          <Select
            name="due"
            label={t('queue.filter.due')}
            value={query.due}
            options={[
              { value: 'any', label: t('queue.filter.anyDue') },
              { value: 'overdue', label: t('queue.filter.overdue') },
              { value: 'week', label: t('queue.filter.week') },
              { value: 'on-time', label: t('queue.filter.onTime') },
              { value: 'paused', label: t('queue.filter.paused') },
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
        <form method="post" action={`/w/${org.slug}/queue-views`} class="filter-bar" aria-label={t('queue.view.save')}>
          <HiddenInput name="_csrf" value={ctx.csrfToken} />
          <HiddenInput name="query" value={current} />
          <TextInput name="name" label={t('queue.view.name')} maxLength={80} />
          <Button variant="secondary">{t('queue.view.save')}</Button>
        </form>
        {page.rows.length === 0 ? (
          <EmptyState title={searchTooShort ? t('queue.search.tooShort') : t('queue.empty')} />
        ) : (
          <div class="queue-table">
            <Table
              caption={t('queue.title')}
              head={[
                t('queue.col.ref'),
                t('queue.col.title'),
                t('queue.col.status'),
                t('severity.title'),
                t('queue.col.assignee'),
                t('queue.col.due'),
                t('queue.col.received'),
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
                    {r.about && (r.about.program !== null || r.about.labels.length > 0) ? (
                      <div class="text-muted">
                        {r.about.program !== null ? <span>{r.about.program}</span> : null}
                        {r.about.labels.map((l) => (
                          <span key={l}> · {l}</span>
                        ))}
                      </div>
                    ) : null}
                  </Cell>
                  <Cell label={t('queue.col.status')}>
                    <StatusBadge status={r.status} label={t(`status.${r.status}` as MessageKey)} />
                    {toPublish?.has(r.id) ? <div class="text-muted">{t('publicVersion.queueFlag')}</div> : null}
                  </Cell>
                  <Cell kind="nowrap" label={t('severity.title')}>
                    <QueueSeverity t={t} severity={r.severity} />
                  </Cell>
                  <Cell label={t('queue.col.assignee')}>{r.assigneeName ?? <span class="text-muted">{t('queue.unassigned')}</span>}</Cell>
                  <Cell label={t('queue.col.due')}>
                    {r.nextDueAt ? (
                      <>
                        {when(r.nextDueAt)}
                        {r.nextDueAt < now ? <div class="text-muted">{t('queue.overdue')}</div> : null}
                      </>
                    ) : (
                      <span class="text-muted">{t('queue.noClock')}</span>
                    )}
                  </Cell>
                  <Cell label={t('queue.col.received')}>
                    {when(r.receivedAt)}
                    {r.about ? <div class="text-muted">{t(`queue.channel.${r.about.channel}` as MessageKey)}</div> : null}
                  </Cell>
                </tr>
              ))}
            </Table>
          </div>
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

/** The built-in views and the member's own, as links; the current one marked; each saved view deletable. */
function QueueViews({
  t,
  base,
  current,
  saved,
  csrfToken,
  orgSlug,
}: {
  t: PageContext['t']
  base: string
  current: string
  saved: SavedView[]
  csrfToken: string
  orgSlug: string
}) {
  const link = (params: string, label: string, key: string) => (
    <li key={key}>
      <a href={params === '' ? base : `${base}?${params}`} aria-current={params === current ? 'page' : undefined}>
        {label}
      </a>
    </li>
  )
  return (
    <nav aria-label={t('queue.views')}>
      <ul class="queue-views">
        {link('', t('queue.view.all'), 'all')}
        {builtInViews.map((v) => link(v.params, t(`queue.view.${v.key}`), v.key))}
        {saved.map((v) => (
          <li key={v.id}>
            <a href={v.query === '' ? base : `${base}?${v.query}`} aria-current={v.query === current ? 'page' : undefined}>
              {v.name}
            </a>{' '}
            <form method="post" action={`/w/${orgSlug}/queue-views/${v.id}/delete`} class="queue-views__delete">
              <HiddenInput name="_csrf" value={csrfToken} />
              <button type="submit" class="btn btn--ghost btn--small" aria-label={t('queue.view.deleteNamed', { name: v.name })}>
                {t('queue.view.delete')}
              </button>
            </form>
          </li>
        ))}
      </ul>
    </nav>
  )
}
