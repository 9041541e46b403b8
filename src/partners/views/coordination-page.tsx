import type { ComponentChildren } from 'preact'
import {
  Alert,
  Button,
  Card,
  Cell,
  Field,
  HiddenInput,
  KeyValue,
  PageHeader,
  StatusBadge,
  Table,
  TeamTime,
  Timeline,
  WorkspaceLayout,
} from '../../http/views/components/index.js'
import type { PageContext } from '../../http/views/page-context.js'
import { formatTime } from '../../i18n/format-time.js'
import type { MessageKey, Translator } from '../../i18n/messages.js'
import type { Role } from '../../storage/schema.js'
import type { CoordinationView, PartnerRow } from '../load-coordination.js'

/** The date the release form starts from: the planned release on the organization's wall clock ("2026-12-15T10:00"). */
function wallValue(iso: string | null | undefined, zone: string | undefined): string {
  if (!iso) return ''
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone ?? 'UTC',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso))
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '00'
  return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}`
}

/** The partner's notice as a short badge and, beside it, when. */
function statusOf(
  t: Translator,
  row: PartnerRow,
  zone: string | undefined,
  now: Date,
): { status: string; label: string; detail?: ComponentChildren } {
  const n = row.notice
  const when = (iso: string | null) => (iso ? formatTime(iso, zone, t.locale) : '')
  const moment = (iso: string | null) => (iso ? <TeamTime iso={iso} zone={zone} t={t} now={now} /> : '')
  if (n?.state === 'acknowledged')
    return { status: 'acknowledged', label: t('partners.notice.acknowledged'), detail: moment(n.acknowledgedAt) }
  if (n?.state === 'sent')
    return {
      status: 'new',
      label: t('partners.notice.waiting'),
      detail:
        n.reminders > 0
          ? t('partners.notice.sentReminded', { at: when(n.sentAt), n: n.reminders })
          : t('partners.notice.sent', { at: when(n.sentAt) }),
    }
  if (n?.state === 'scheduled') return { status: 'fixing', label: t('partners.notice.scheduled'), detail: moment(n.notifyAt) }
  if (row.excluded)
    return { status: 'rejected', label: t('partners.notice.excluded'), detail: row.excluded.label ?? row.excluded.program ?? '' }
  return { status: 'none', label: t('partners.notice.none') }
}

/** The public-merge step's badge, in the workflow badge colours. */
const mergeBadge = { waiting: 'none', open: 'fixing', done: 'acknowledged', overdue: 'rejected' } as const

/** Events a partner caused (through its link): the partner is the actor. */
const byPartner = new Set(['partner.notice_viewed', 'partner.notice_acknowledged'])

/** The advisory's coordination: its planned release and windows, the partners and their early notices, and what happened. */
export function CoordinationPage({
  ctx,
  org,
  role,
  view,
  problem,
  refusals = [],
}: {
  ctx: PageContext
  org: { slug: string; name: string }
  role: Role
  view: CoordinationView
  problem?: string | undefined
  refusals?: string[]
}) {
  const { t } = ctx
  const a = view.advisory
  const base = `/w/${org.slug}/advisories/${a.ownId}`
  // In a sentence: the organization's zone, named; on its own: also how far from now.
  const when = (iso: string | undefined | null) => (iso ? formatTime(iso, view.zone, t.locale) : t('partners.release.none'))
  const moment = (iso: string | undefined | null) =>
    iso ? <TeamTime iso={iso} zone={view.zone} t={t} now={ctx.now} /> : t('partners.release.none')
  const works = role !== 'viewer' && !view.public
  const open = view.rows.filter((r) => !r.notice && !r.excluded)
  const partnerName = (id: unknown) => view.partnerNames.get(String(id)) ?? t('partners.formerPartner')
  const timeline = view.events.map((e) => ({
    at: e.at,
    atLabel: moment(e.at),
    actor: byPartner.has(e.type)
      ? partnerName(e.data.partnerId)
      : e.actor_kind === 'user'
        ? (view.names.get(e.actor_id ?? '') ?? t('author.formerMember'))
        : t('author.system'),
    text: t(`partners.event.${e.type}` as MessageKey, {
      partner: partnerName(e.data.partnerId),
      at:
        e.type === 'advisory.merge_window_opened' && typeof e.data.from === 'string'
          ? when(e.data.from)
          : typeof e.data.at === 'string'
            ? when(e.data.at)
            : typeof e.data.for === 'string'
              ? when(e.data.for)
              : '',
      n: String(e.data.reminder ?? ''),
    }),
  }))
  const head = [t('partners.name'), t('partners.kind'), t('partners.earliest'), t('partners.notice')]
  return (
    <WorkspaceLayout ctx={ctx} org={org} role={role} current="advisories" title={`${a.ownId} · ${t('partners.coordination.title')}`}>
      <div class="container stack">
        <PageHeader title={t('partners.coordination.title')} subtitle={`${a.ownId} · ${a.content.title}`} />
        <p>
          <a href={base}>{t('partners.backToAdvisory')}</a>
        </p>
        {problem ? (
          <Alert tone="danger" title={problem}>
            {refusals.length > 0 ? (
              <ul>
                {refusals.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            ) : null}
          </Alert>
        ) : null}
        {!view.earlyDisclosure ? <Alert tone="info">{t('partners.noEarlyDisclosure')}</Alert> : null}
        <Card title={t('partners.release.title')}>
          <KeyValue
            items={[
              { label: t('partners.release.at'), value: moment(a.releaseAt) },
              {
                label: t('partners.release.partnersFrom'),
                value: view.partnerNoticeFrom ? moment(view.partnerNoticeFrom) : t('partners.release.noWindow'),
              },
            ]}
          />
          {works ? (
            <form method="post" action={`${base}/release`} class="stack">
              <HiddenInput name="_csrf" value={ctx.csrfToken} />
              <Field
                name="at"
                label={t('partners.release.plan')}
                hint={t('partners.release.hint', { zone: view.zone ?? 'UTC' })}
                required
                t={t}
              >
                <input class="input" type="datetime-local" name="at" value={wallValue(a.releaseAt, view.zone)} />
              </Field>
              <Button>{a.releaseAt ? t('partners.release.move') : t('partners.release.set')}</Button>
            </form>
          ) : null}
        </Card>
        <Card title={t('partners.merge.title')}>
          {!view.merge ? (
            <p class="text-muted">{t('partners.merge.notPlanned')}</p>
          ) : (
            <>
              {view.merge.state === 'overdue' ? (
                <Alert tone="danger">{t('partners.merge.overdue', { at: when(a.releaseAt) })}</Alert>
              ) : null}
              <KeyValue
                items={[
                  {
                    label: t('partners.merge.state'),
                    value: (
                      <>
                        <StatusBadge status={mergeBadge[view.merge.state]} label={t(`partners.merge.state.${view.merge.state}`)} />
                        {view.merge.mergedAt !== undefined ? (
                          <span class="text-muted">
                            {' '}
                            {t('partners.merge.mergedAt', { at: when(new Date(view.merge.mergedAt).toISOString()) })}
                          </span>
                        ) : null}
                      </>
                    ),
                  },
                  {
                    label: t('partners.merge.window'),
                    value: view.publicMergeFrom ? moment(view.publicMergeFrom) : t('partners.merge.anyTime'),
                  },
                  { label: t('partners.merge.due'), value: moment(a.releaseAt) },
                ]}
              />
              {role !== 'viewer' && view.merge.state !== 'done' ? (
                <form method="post" action={`${base}/merged`} class="stack">
                  <HiddenInput name="_csrf" value={ctx.csrfToken} />
                  <Field name="at" label={t('partners.merge.at')} hint={t('partners.merge.atHint', { zone: view.zone ?? 'UTC' })} t={t}>
                    <input class="input" type="datetime-local" name="at" value="" />
                  </Field>
                  <Button variant={view.merge.state === 'waiting' ? 'secondary' : 'primary'}>{t('partners.merge.record')}</Button>
                </form>
              ) : null}
            </>
          )}
        </Card>
        <Card title={t('partners.coordination.partners')}>
          {view.rows.length === 0 ? (
            <p class="text-muted">{t('partners.none')}</p>
          ) : (
            <form method="post" action={`${base}/notices`} class="stack">
              <HiddenInput name="_csrf" value={ctx.csrfToken} />
              <Table head={head} stack>
                {view.rows.map((row) => {
                  const s = statusOf(t, row, view.zone, ctx.now)
                  const choosable = works && !row.notice && !row.excluded
                  return (
                    <tr key={row.partner.id}>
                      <Cell label={head[0]} kind="title">
                        {choosable ? (
                          <label class="check">
                            <input type="checkbox" name="partners" value={row.partner.id} /> {row.partner.name}
                          </label>
                        ) : (
                          row.partner.name
                        )}
                      </Cell>
                      <Cell label={head[1]}>{t(`partners.kind.${row.partner.kind}` as MessageKey)}</Cell>
                      <Cell label={head[2]} kind="nowrap">
                        {a.releaseAt ? (row.earliest ? moment(row.earliest) : t('partners.anyTime')) : '—'}
                      </Cell>
                      <Cell label={head[3]}>
                        <StatusBadge status={s.status} label={s.label} />
                        {s.detail ? <span class="text-muted"> {s.detail}</span> : null}
                      </Cell>
                    </tr>
                  )
                })}
              </Table>
              {works && open.length > 0 ? (
                <>
                  <label class="check">
                    <input type="checkbox" name="later" value="on" /> {t('partners.scheduleLater')}
                  </label>
                  <Button variant="primary">{t('partners.send')}</Button>
                </>
              ) : null}
            </form>
          )}
        </Card>
        <Card title={t('partners.timeline')}>
          {timeline.length === 0 ? <p class="text-muted">{t('partners.timeline.empty')}</p> : <Timeline items={timeline} />}
        </Card>
      </div>
    </WorkspaceLayout>
  )
}
