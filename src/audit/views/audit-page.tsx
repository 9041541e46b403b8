import { eventTypes } from '../../domain/events.js'
import {
  Button,
  Card,
  Cell,
  EmptyState,
  PageHeader,
  Pagination,
  Select,
  Table,
  TeamTime,
  TextInput,
  WorkspaceLayout,
} from '../../http/views/components/index.js'
import type { PageContext } from '../../http/views/page-context.js'
import { formatTime } from '../../i18n/format-time.js'
import type { Role } from '../../storage/schema.js'
import { eventText } from '../../workspace/index.js'
import type { AuditEntry, AuditLog } from '../use-cases/list-audit-log.js'

export interface AuditPageProps {
  ctx: PageContext
  org: { slug: string; name: string }
  role: Role
  log: AuditLog
  nextHref: string | undefined
  timeZone: string | null
}

const who = (ctx: PageContext, e: AuditEntry) => {
  if (e.actorKind === 'reporter') return ctx.t('audit.actor.reporter')
  if (e.actorKind === 'system') return ctx.t('audit.actor.system')
  return e.actorName ?? ctx.t('audit.actor.unknown')
}

/** The organization's audit log for administrators: every change and read, filtered, newest first. */
export function AuditPage({ ctx, org, role, log, nextHref, timeZone }: AuditPageProps) {
  const { t } = ctx
  const names = { file: () => t('audit.file'), time: (iso: string) => formatTime(iso, timeZone, t.locale) }
  return (
    <WorkspaceLayout ctx={ctx} org={org} role={role} current="audit" title={t('audit.title')}>
      <div class="container stack">
        <PageHeader title={t('audit.title')} />
        <p>{t('audit.intro')}</p>
        <Card title={t('audit.filter.apply')}>
          <form method="get" action={`/w/${org.slug}/admin/audit`} class="stack">
            <Select
              name="who"
              label={t('audit.filter.who')}
              value={log.filters.who}
              options={[{ value: '', label: t('audit.filter.anyone') }, ...log.members.map((m) => ({ value: m.userId, label: m.name }))]}
            />
            <TextInput name="ref" label={t('audit.filter.report')} value={log.filters.ref} maxLength={40} />
            <Select
              name="kind"
              label={t('audit.filter.kind')}
              value={log.filters.kind}
              options={[{ value: '', label: t('audit.filter.anyKind') }, ...eventTypes.map((type) => ({ value: type, label: type }))]}
            />
            <TextInput
              name="from"
              label={t('audit.filter.from')}
              value={log.filters.from}
              hint={t('audit.filter.dateHint')}
              maxLength={10}
            />
            <TextInput name="to" label={t('audit.filter.to')} value={log.filters.to} hint={t('audit.filter.dateHint')} maxLength={10} />
            <div>
              <Button type="submit">{t('audit.filter.apply')}</Button>
            </div>
          </form>
        </Card>
        {log.entries.length === 0 ? (
          <EmptyState title={t('audit.empty')} />
        ) : (
          <Table
            head={[t('audit.column.seq'), t('audit.column.when'), t('audit.column.who'), t('audit.column.report'), t('audit.column.what')]}
          >
            {log.entries.map((e) => (
              <tr key={e.seq}>
                <Cell rowHeader label={t('audit.column.seq')}>
                  {e.seq}
                </Cell>
                <Cell label={t('audit.column.when')}>
                  <TeamTime iso={e.at} zone={timeZone} t={t} now={ctx.now} />
                </Cell>
                <Cell label={t('audit.column.who')}>{who(ctx, e)}</Cell>
                <Cell label={t('audit.column.report')}>{e.ref ? <a href={`/w/${org.slug}/reports/${e.ref}`}>{e.ref}</a> : '—'}</Cell>
                <Cell label={t('audit.column.what')}>
                  <span data-type={e.type}>{eventText(t, e, names)}</span>
                </Cell>
              </tr>
            ))}
          </Table>
        )}
        <Pagination t={t} nextHref={nextHref} />
      </div>
    </WorkspaceLayout>
  )
}
